#!/usr/bin/env bash
# A year's FEC on MariaDB: recreates the database encaisse_fecbench, writes a FEC of LINES lines (a tenth of them
# invoices, four in five paid and lettered, the rest purchases), starts Encaisse on it (heap capped at 512 MB),
# posts the file to /api/imports/fec, then the same customers, invoices and payments through today's JSON API
# (skipped with no-json), and prints the times, their ratio and the heap's peak.
# Usage: bench/fec-import.sh [lines, default 1000000] [no-json]
set -eo pipefail
cd "$(dirname "$0")/.."
LINES="${1:-1000000}"
mysql --host=127.0.0.1 --user=root -e "DROP DATABASE IF EXISTS encaisse_fecbench;
  CREATE DATABASE encaisse_fecbench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.encaisse.accounting.FecImportBenchmark "jdbc:mariadb://127.0.0.1:3306/encaisse_fecbench" "$LINES" ${2:-} \
  2>&1 | grep --line-buffered -v -e PDType1Font -e 'Commons Logging'
