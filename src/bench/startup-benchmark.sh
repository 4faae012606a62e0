#!/usr/bin/env bash
# Startup benchmark: time to ready and heap used after start, with demo data, on a fresh H2 file
# database and on a fresh PostgreSQL database, in one run. Goal: ready < 20 s, heap < 512 MB.
#   src/bench/startup-benchmark.sh            # both databases
#   src/bench/startup-benchmark.sh h2         # one of them
# PostgreSQL: PGHOST/PGPORT/PGUSER (default 127.0.0.1, 5432, postgres); it creates database qcdc_bench.
set -euo pipefail
cd "$(dirname "$0")/../.."
targets=("${@:-h2 postgres}")
read -r -a targets <<< "${targets[*]}"

jar=$(ls target/qcdc-*.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ]; then
  mvn -B -q -DskipTests package
  jar=$(ls target/qcdc-*.jar | head -n 1)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PGOPTIONS='--client-min-messages=warning'
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}

run() {
  local name=$1; shift
  local log="$work/$name.log" start end pid
  start=$(date +%s%N)
  java -Duser.timezone=Asia/Ho_Chi_Minh -jar "$jar" --server.port=0 "$@" > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 240); do
    grep -q 'QCDC-READY' "$log" && break
    kill -0 "$pid" 2>/dev/null || { echo "$name: the application stopped; see below"; tail -n 40 "$log"; return 1; }
    sleep 0.25
  done
  end=$(date +%s%N)
  local line ready heap
  line=$(grep -m1 'QCDC-READY' "$log")
  ready=$(sed -E 's/.*readyMs=([0-9]+).*/\1/' <<< "$line")
  heap=$(sed -E 's/.*heapUsedMb=([0-9]+).*/\1/' <<< "$line")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v n="$name" -v r="$ready" -v w="$((end - start))" -v h="$heap" 'BEGIN {
    printf "%-10s ready (JVM uptime) %6.1f s   launch-to-ready %6.1f s   heap used after GC %4d MB\n", n, r / 1000, w / 1e9, h }'
}

echo "QCDC startup benchmark ($(nproc) cores, demo data, fresh database each)"
for t in "${targets[@]}"; do
  case "$t" in
    h2) run h2 --spring.profiles.active=demo "--spring.datasource.url=jdbc:h2:file:$work/h2/qcdc" ;;
    postgres)
      psql -q -d postgres -c 'drop database if exists qcdc_bench' -c 'create database qcdc_bench'
      QCDC_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/qcdc_bench" QCDC_DB_USER=$PGUSER \
        run postgres --spring.profiles.active=demo,postgres
      psql -q -d postgres -c 'drop database if exists qcdc_bench' ;;
    *) echo "unknown target $t (h2, postgres)"; exit 2 ;;
  esac
done
