#!/usr/bin/env bash
# Letter rendering speed (Thymeleaf + openhtmltopdf), one thread. Usage: bench/letters.sh [letters, default 500]
set -eo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
java -Xmx512m -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  org.encaisse.letter.LetterBenchmark "${1:-500}" 2>&1 | grep -v -e PDType1Font -e 'Commons Logging'
