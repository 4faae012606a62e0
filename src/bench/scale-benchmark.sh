#!/usr/bin/env bash
# Province scale on PostgreSQL (database qcdc_bench, created and dropped here): an officer's task lists,
# routing, completion and a metrics scrape at 1,000 and at 300,000 open tasks, before and after, one run.
#   src/bench/scale-benchmark.sh     (-Dbench.large=300000 -Dbench.busiest=20000 -Dbench.history=1000000
#                                      -Dbench.calls=200 -Dbench.backlog=2000 via BENCH_OPTS)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGOPTIONS='--client-min-messages=warning'
mvn -B -q test-compile
psql -q -d postgres -c 'drop database if exists qcdc_bench' -c 'create database qcdc_bench'
log="${TMPDIR:-/tmp}/qcdc-scale-bench.log"
mvn -B surefire:test -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false ${BENCH_OPTS:-} \
  "-Dspring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/qcdc_bench" "-Dspring.datasource.username=$PGUSER" \
  > "$log" 2>&1 || true
grep '^BENCHMARK' "$log" | sed 's/^BENCHMARK //' || { echo "benchmark failed: see $log"; exit 1; }
# QCDC_BENCH_KEEP=1 keeps the database for EXPLAIN ANALYZE
[ -n "${QCDC_BENCH_KEEP:-}" ] || psql -q -d postgres -c "drop database if exists qcdc_bench"
