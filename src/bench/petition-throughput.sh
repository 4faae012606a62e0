#!/usr/bin/env bash
# Petitions accepted per second through the JSON API vs the bare engine starting a one-task process,
# on H2 and on PostgreSQL (database qcdc_bench, created and dropped here), in one run each.
#   src/bench/petition-throughput.sh [h2|postgres ...]   (-Dbench.count=2000 -Dbench.threads=8 -Dbench.wrk-seconds=4 via BENCH_OPTS)
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=("${@:-h2 postgres}")
read -r -a targets <<< "${targets[*]}"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGOPTIONS='--client-min-messages=warning'
# the load generator: wrk, a process of its own (Debian package); without it the JDK's client in the JVM
if ! command -v wrk >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null 2>&1 \
    || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk >/dev/null 2>&1; } \
    || echo "wrk could not be installed: the load comes from the JDK's HttpClient in the same JVM"
fi
mvn -B -q test-compile
for t in "${targets[@]}"; do
  case "$t" in
    h2) db=() ;;
    postgres)
      psql -q -d postgres -c 'drop database if exists qcdc_bench' -c 'create database qcdc_bench'
      db=("-Dspring.datasource.url=jdbc:postgresql://$PGHOST:$PGPORT/qcdc_bench" "-Dspring.datasource.username=$PGUSER") ;;
    *) echo "unknown target $t (h2, postgres)"; exit 2 ;;
  esac
  mvn -B surefire:test -Dtest=PetitionThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false ${BENCH_OPTS:-} "${db[@]}" \
    > "${TMPDIR:-/tmp}/qcdc-bench-$t.log" 2>&1 || true
  grep '^BENCHMARK' "${TMPDIR:-/tmp}/qcdc-bench-$t.log" || { echo "benchmark failed on $t: see ${TMPDIR:-/tmp}/qcdc-bench-$t.log"; exit 1; }
  if [ "$t" = postgres ]; then psql -q -d postgres -c "drop database if exists qcdc_bench"; fi
done
