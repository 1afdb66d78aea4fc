#!/usr/bin/env bash
# Which SQL statements the collection case adds to the bare engine's: a small daily-job run of each
# side with MariaDB's general log on (setup day and simulated day), then the statements of both
# logs counted by shape, most added first. Needs the right to SET GLOBAL (root here).
# Usage: bench/sql-shapes.sh [customers, default 200] [invoices, default 1000]
set -eo pipefail
cd "$(dirname "$0")/.."
CUSTOMERS="${1:-200}"
INVOICES="${2:-1000}"
mkdir -p target
for MODE in ours bare; do
  rm -f "/tmp/encaisse-general-$MODE.log"
  mysql --host=127.0.0.1 --user=root -e "SET GLOBAL log_output='FILE';
    SET GLOBAL general_log_file='/tmp/encaisse-general-$MODE.log'; SET GLOBAL general_log=ON"
  MODES=$MODE bench/daily-job.sh "$CUSTOMERS" "$INVOICES" > "target/sql-shapes-$MODE.txt" 2>&1 \
    || { mysql --host=127.0.0.1 --user=root -e "SET GLOBAL general_log=OFF"; cat "target/sql-shapes-$MODE.txt"; exit 1; }
  mysql --host=127.0.0.1 --user=root -e "SET GLOBAL general_log=OFF"
done
python3 bench/lib/sql_shapes.py /tmp/encaisse-general-ours.log /tmp/encaisse-general-bare.log 40
