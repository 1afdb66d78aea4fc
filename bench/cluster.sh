#!/usr/bin/env bash
# Two Encaisse nodes (the packaged jar, two JVMs) on one MariaDB database, CASES collection cases
# through reminder 1 and reminder 2; with "kill", node b is killed (SIGKILL) half-way through the
# first reminders and restarted. Prints what the SMTP server, the communications, the engine and the
# audit chain show. Uses the database encaisse_cluster (dropped and created afresh); node logs in
# target/cluster/. Usage: bench/cluster.sh [cases, default 10000] [kill|nokill, default kill]
set -eo pipefail
cd "$(dirname "$0")/.."
CASES="${1:-10000}"
KILL=true
[ "${2:-kill}" = "nokill" ] && KILL=false
./mvnw -q -B -ntp package -DskipTests >/dev/null
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.encaisse.cluster.ClusterRun "jdbc:mariadb://127.0.0.1:3306/test" target/encaisse-0.1.0-SNAPSHOT.jar "$CASES" "$KILL"
