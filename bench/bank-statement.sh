#!/usr/bin/env bash
# A bank's day of 10,000 transfers on MariaDB: recreates the database encaisse_bankbench with ENTRIES customers'
# invoices twice over, starts Encaisse on it (heap capped at 512 MB), posts one CAMT.053 of ENTRIES entries
# (80 % naming the invoice they pay, 10 % from an IBAN known for one customer, 10 % to match by hand) and then
# the same number of payments one by one through today's JSON API, and prints the times and their ratio.
# (skipped with no-json)
# Usage: bench/bank-statement.sh [entries, default 10000] [no-json]
set -eo pipefail
cd "$(dirname "$0")/.."
ENTRIES="${1:-10000}"
mysql --host=127.0.0.1 --user=root -e "DROP DATABASE IF EXISTS encaisse_bankbench;
  CREATE DATABASE encaisse_bankbench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.encaisse.bank.BankStatementBenchmark "jdbc:mariadb://127.0.0.1:3306/encaisse_bankbench" "$ENTRIES" ${2:-} \
  2>&1 | grep --line-buffered -v -e PDType1Font -e 'Commons Logging'
