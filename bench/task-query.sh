#!/usr/bin/env bash
# A collector's Tasklist query on MariaDB: starts TASKS collection cases at the call task in the
# database encaisse_taskquery (once; kept for later runs), starts Encaisse on it and prints the
# median and p95 of the task query over HTTP and in the engine. Arguments after RUNS go to Spring,
# e.g. --camunda.bpm.generic-properties.properties.cmmn-enabled=true to measure one setting.
# Usage: bench/task-query.sh [tasks, default 20000] [runs, default 200] [--spring.property=value ...]
set -eo pipefail
cd "$(dirname "$0")/.."
TASKS="${1:-20000}"
RUNS="${2:-200}"
shift $(( $# < 2 ? $# : 2 ))
mysql --host=127.0.0.1 --user=root -e \
  "CREATE DATABASE IF NOT EXISTS encaisse_taskquery CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.encaisse.collection.TaskQueryBenchmark "jdbc:mariadb://127.0.0.1:3306/encaisse_taskquery" "$TASKS" "$RUNS" "$@" \
  2>&1 | grep --line-buffered -v -e PDType1Font -e 'Commons Logging'
