#!/usr/bin/env bash
# The daily job at scale on MariaDB: CUSTOMERS customers with INVOICES open invoices, a setup day a
# week earlier, then one simulated day (aging run, cases opened, second reminders due, every letter
# rendered and mailed to an SMTP server in a JVM of its own) run by the application's job executor; then the
# same with the collection case replaced by a bare process with the same jobs and wait states, and
# the ratio. Each run starts from a fresh database encaisse_dailyjob (dropped and created again).
# Usage: bench/daily-job.sh [customers, default 20000] [invoices, default 100000] [Spring arguments...]
#   MODES=ours runs one side only. E.g. bench/daily-job.sh 400 2000 --camunda.bpm.job-execution.max-jobs-per-acquisition=10
#   PAIRS=3 runs three pairs, each side first in turn, and prints each pair's ratios and the medians':
#   the machine's speed drifts by 15 % and more from one run to the next, more than one pair can tell apart.
#   JAVA_OPTS adds options to the benchmark's JVMs, e.g. JAVA_OPTS=-XX:+PrintCompilation MODES=ours bench/daily-job.sh 6000 30000
set -eo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS="${1:-20000}"
INVOICES="${2:-100000}"
shift 2 || shift $#
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
CLASSPATH="target/classes:target/test-classes:$(cat target/bench.classpath)"
PAIRS="${PAIRS:-1}"
rm -f target/daily-job-ours-*.properties target/daily-job-bare-*.properties
for PAIR in $(seq 1 "$PAIRS"); do
  ORDER="${MODES:-ours bare}"
  # Each side goes first in every other pair, so that a drift of the machine's speed falls on both alike.
  if [ -z "$MODES" ] && [ $((PAIR % 2)) -eq 0 ]; then
    ORDER="bare ours"
  fi
  for MODE in $ORDER; do
    mysql --host=127.0.0.1 --user=root -e "DROP DATABASE IF EXISTS encaisse_dailyjob;
      CREATE DATABASE encaisse_dailyjob CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
    java -Xmx2g -XX:FlightRecorderOptions:stackdepth=256 $JAVA_OPTS -cp "$CLASSPATH" org.encaisse.collection.DailyJobBenchmark "$MODE" \
      "jdbc:mariadb://127.0.0.1:3306/encaisse_dailyjob" "$CUSTOMERS" "$INVOICES" "target/daily-job-$MODE.properties" "$@" \
      2>&1 | grep -v -e PDType1Font -e 'Commons Logging'
    cp "target/daily-job-$MODE.properties" "target/daily-job-$MODE-$PAIR.properties"
  done
done
# One side alone (MODES=ours) has nothing to be compared with.
if [ -f target/daily-job-ours.properties ] && [ -f target/daily-job-bare.properties ]; then
  java -cp "$CLASSPATH" org.encaisse.collection.DailyJobBenchmark compare \
    target/daily-job-ours.properties target/daily-job-bare.properties
fi
if [ "$PAIRS" -gt 1 ] && [ -f target/daily-job-ours-1.properties ] && [ -f target/daily-job-bare-1.properties ]; then
  java -cp "$CLASSPATH" org.encaisse.collection.DailyJobBenchmark compare \
    "$(ls target/daily-job-ours-*.properties | sort -V | paste -sd,)" \
    "$(ls target/daily-job-bare-*.properties | sort -V | paste -sd,)"
fi
