#!/usr/bin/env bash
# The supervisors' board at a province's volume (100 communes, ~100,000 open cases, 300,000 open tasks,
# over a million history rows) against the stock Camunda TaskQuery, and task completion there against an
# empty database, in one run: on PostgreSQL (database qcdc_bench, created and dropped here) and on H2 at
# a tenth of the size.
#   src/bench/oversight-benchmark.sh [postgres|h2 ...]   (-Dbench.large=300000 -Dbench.history=1000000
#                                                          -Dbench.calls=200 -Dbench.seed=400 via BENCH_OPTS)
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=("${@:-postgres h2}")
read -r -a targets <<< "${targets[*]}"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGOPTIONS='--client-min-messages=warning'
mvn -B -q test-compile
for t in "${targets[@]}"; do
  case "$t" in
    postgres)
      psql -q -d postgres -c 'drop database if exists qcdc_bench' -c 'create database qcdc_bench'
      db=("-Dspring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/qcdc_bench" "-Dspring.datasource.username=$PGUSER") ;;
    h2)
      db=("-Dbench.large=30000" "-Dbench.history=100000") ;;
    *) echo "unknown target $t (postgres, h2)"; exit 2 ;;
  esac
  log="${TMPDIR:-/tmp}/qcdc-oversight-bench-$t.log"
  mvn -B surefire:test -Dtest=OversightBenchmark -Dsurefire.failIfNoSpecifiedTests=false "${db[@]}" ${BENCH_OPTS:-} \
    > "$log" 2>&1 || true
  grep -q '^BENCHMARK |' "$log" || { echo "benchmark failed on $t: see $log"; exit 1; }
  grep '^BENCHMARK' "$log" | sed 's/^BENCHMARK //'
  # QCDC_BENCH_KEEP=1 keeps the database for EXPLAIN ANALYZE
  if [ "$t" = postgres ] && [ -z "${QCDC_BENCH_KEEP:-}" ]; then psql -q -d postgres -c "drop database if exists qcdc_bench"; fi
done
