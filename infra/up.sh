#!/usr/bin/env bash
# Brings the whole railbill system up from a fresh clone: Node 24, pnpm, dependencies, Kafka (KRaft, JVM),
# PostgreSQL databases (migrated by each service at start), the three services and the console.
# Ctrl-C stops everything cleanly: the services first (graceful shutdown), then the broker.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=infra/bootstrap.sh
source infra/bootstrap.sh
bash infra/postgres.sh ensure
bash infra/postgres.sh createdb railbill_waybill railbill_letter_of_credit railbill_customs_clearance railbill_console
started_kafka=0
if ! bash infra/kafka.sh status >/dev/null 2>&1; then
  bash infra/kafka.sh start
  started_kafka=1
fi

LOG_DIR="${RAILBILL_LOG_DIR:-$ROOT/.data/logs}"
mkdir -p "$LOG_DIR"
services=(waybill:3001 letter-of-credit:3002 customs-clearance:3003 console:3000)
pids=()

stop_all() {
  trap - INT TERM EXIT
  echo
  echo "[railbill] stopping services…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$started_kafka" = 1 ]; then bash infra/kafka.sh stop; fi
  echo "[railbill] stopped"
  exit "${1:-0}"
}
trap 'stop_all 0' INT TERM
trap 'stop_all $?' EXIT

for entry in "${services[@]}"; do
  name="${entry%%:*}"
  port="${entry##*:}"
  # a small young generation keeps each service well under 200 MB RSS (bench: memory)
  PORT="$port" node --max-semi-space-size=8 "services/$name/src/main.ts" >>"$LOG_DIR/$name.log" 2>&1 &
  pids+=("$!")
done

for entry in "${services[@]}"; do
  name="${entry%%:*}"
  port="${entry##*:}"
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  if ! curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; then
    echo "[railbill] $name did not become ready; last log lines:" >&2
    tail -n 30 "$LOG_DIR/$name.log" >&2
    exit 1
  fi
done

cat <<INFO
[railbill] up:
  kafka              127.0.0.1:9092 (controller 127.0.0.1:9093)
  postgresql         ${PGHOST:-127.0.0.1}:${PGPORT:-5432} (databases railbill_*)
  waybill            http://127.0.0.1:3001   (docs: /docs, events: waybill.events.v1)
  letter-of-credit   http://127.0.0.1:3002   (docs: /docs, events: lc.events.v1)
  customs-clearance  http://127.0.0.1:3003   (docs: /docs, events: customs.events.v1)
  console            http://127.0.0.1:3000
  logs               $LOG_DIR/*.log
Press Ctrl-C to stop everything.
INFO
wait -n "${pids[@]}" || true
echo "[railbill] a service exited; see $LOG_DIR" >&2
