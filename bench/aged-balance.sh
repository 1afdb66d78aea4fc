#!/usr/bin/env bash
# The aged balance at scale on MariaDB: loads CUSTOMERS customers and INVOICES invoices into the
# database encaisse_bench (once; kept for later runs), starts Encaisse on it and prints timings.
# Usage: bench/aged-balance.sh [customers, default 100000] [invoices, default 1000000]
set -eo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS="${1:-100000}"
INVOICES="${2:-1000000}"
mysql --host=127.0.0.1 --user=root -e \
  "CREATE DATABASE IF NOT EXISTS encaisse_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.encaisse.analytics.AgedBalanceBenchmark "jdbc:mariadb://127.0.0.1:3306/encaisse_bench" "$CUSTOMERS" "$INVOICES" \
  2>&1 | grep -v -e PDType1Font -e 'Commons Logging'
