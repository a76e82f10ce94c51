#!/usr/bin/env bash
# Local single-node Kafka (KRaft, broker+controller in one JVM) without Docker.
#
#   bash infra/kafka.sh fetch    download the broker jars into .cache/ (no-op when cached)
#   bash infra/kafka.sh start    fetch, format storage once, start, wait until it serves
#   bash infra/kafka.sh stop     SIGTERM, up to 20 s, then SIGKILL
#   bash infra/kafka.sh status   exit 0 when running
#   bash infra/kafka.sh reset    stop and delete the data dir
#
# Environment:
#   KAFKA_DATA_DIR         data dir (default <repo>/.data/kafka): server.properties,
#                          logs/ (partitions), server.log, kafka.out, kafka.pid
#   KAFKA_PORT             client port (default 9092)
#   KAFKA_CONTROLLER_PORT  KRaft controller port (default 9093)
#   KAFKA_BROKERS          if it names something else than 127.0.0.1/localhost:$KAFKA_PORT,
#                          `start` and `status` only check that it is reachable
#   KAFKA_START_TIMEOUT    seconds to wait for the broker (default 60)
#   KAFKA_HEAP_OPTS        default "-Xmx512m -Xms128m"
#   KAFKA_JAVA_OPTS        extra JVM options
# Needs bash, coreutils, java (17+) and, for `fetch`, mvn.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KAFKA_VERSION=4.1.1
POM="$ROOT/infra/kafka/pom.xml"
TEMPLATE="$ROOT/infra/kafka/server.properties.template"
LOG4J_CONFIG="$ROOT/infra/kafka/log4j2.properties"
CACHE_DIR="$ROOT/.cache/kafka/$KAFKA_VERSION"
LIBS="$CACHE_DIR/libs"
MARKER="$CACHE_DIR/.fetched"

DATA_DIR="${KAFKA_DATA_DIR:-$ROOT/.data/kafka}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
PID_FILE="$DATA_DIR/kafka.pid"
OUT_FILE="$DATA_DIR/kafka.out"
LOG_FILE="$DATA_DIR/server.log"
PROPS="$DATA_DIR/server.properties"

log() { echo "kafka: $*" >&2; }
die() { echo "kafka: error: $*" >&2; exit 1; }

# ---------------------------------------------------------------- fetch

pom_sum() { sha256sum "$POM" | cut -d' ' -f1; }

fetch() {
  if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$(pom_sum)" ]]; then
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found (needed once to download the Kafka jars)"
  log "fetching kafka $KAFKA_VERSION jars into ${LIBS#"$ROOT"/} ..."
  mkdir -p "$CACHE_DIR"
  local tmp="$CACHE_DIR/libs.tmp.$$"
  rm -rf "$tmp"
  if ! mvn -q -B -Dstyle.color=never -f "$POM" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DoutputDirectory="$tmp" -DincludeScope=runtime >"$CACHE_DIR/fetch.log" 2>&1; then
    cat "$CACHE_DIR/fetch.log" >&2
    rm -rf "$tmp"
    die "mvn could not fetch the Kafka jars (see above)"
  fi
  [[ -f "$tmp/kafka_2.13-$KAFKA_VERSION.jar" ]] || { rm -rf "$tmp"; die "kafka_2.13-$KAFKA_VERSION.jar missing after fetch"; }
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
  pom_sum >"$MARKER"
  local jars=("$LIBS"/*.jar)
  log "fetched ${#jars[@]} jars"
}

# ---------------------------------------------------------------- helpers

# True when host:port accepts a TCP connection (bash /dev/tcp, 2 s at most).
reachable() {
  local host="$1" port="$2"
  timeout 2 bash -c ">/dev/tcp/$host/$port" 2>/dev/null
}

# True when the process named by the PID file is alive and is our broker.
# A stale PID file (dead process, reused PID, zombie) counts as not running.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(tr -cd '0-9' <"$PID_FILE")"
  [[ -n "$pid" ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  local state
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ "$state" != "Z" && -n "$state" ]] || return 1
  local cmdline
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmdline" == *" kafka.Kafka "* ]] || return 1
  echo "$pid"
}

# KAFKA_BROKERS pointing somewhere else than the local broker this script runs.
external_brokers() {
  [[ -n "${KAFKA_BROKERS:-}" ]] || return 1
  local b
  IFS=',' read -r -a _brokers <<<"$KAFKA_BROKERS"
  for b in "${_brokers[@]}"; do
    b="${b// /}"
    b="${b#PLAINTEXT://}"
    case "$b" in
      "127.0.0.1:$KAFKA_PORT" | "localhost:$KAFKA_PORT" | "") ;;
      *) return 0 ;;
    esac
  done
  return 1
}

check_external() {
  local b host port
  IFS=',' read -r -a _brokers <<<"$KAFKA_BROKERS"
  for b in "${_brokers[@]}"; do
    b="${b// /}"
    b="${b#PLAINTEXT://}"
    [[ -n "$b" ]] || continue
    host="${b%:*}"
    port="${b##*:}"
    if reachable "$host" "$port"; then
      log "KAFKA_BROKERS=$KAFKA_BROKERS is external; $host:$port is reachable, not starting a local broker"
      return 0
    fi
  done
  log "KAFKA_BROKERS=$KAFKA_BROKERS is external and none of it is reachable"
  return 1
}

java_cmd() {
  command -v java >/dev/null || die "java not found (Kafka $KAFKA_VERSION needs Java 17+)"
  echo java
}

write_properties() {
  mkdir -p "$DATA_DIR/logs"
  local tmp="$PROPS.tmp.$$"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" \
      -e "s|@KAFKA_CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
      -e "s|@DATA_DIR@|$DATA_DIR|g" \
      "$TEMPLATE" >"$tmp"
  mv "$tmp" "$PROPS"
}

# Format the KRaft storage once. A static quorum (controller.quorum.voters) is
# formatted without --standalone / --initial-controllers.
format_storage() {
  [[ -f "$DATA_DIR/logs/meta.properties" ]] && return 0
  local java cluster_id
  java="$(java_cmd)"
  local jopts=(-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1
    -Dlog4j2.configurationFile="$LOG4J_CONFIG" -Dkafka.logs.dir="$DATA_DIR")
  cluster_id="$("$java" "${jopts[@]}" -cp "$LIBS/*" kafka.tools.StorageTool random-uuid)"
  [[ -n "$cluster_id" ]] || die "StorageTool random-uuid printed nothing"
  if ! "$java" "${jopts[@]}" -cp "$LIBS/*" kafka.tools.StorageTool format \
      -t "$cluster_id" -c "$PROPS" >"$DATA_DIR/format.out" 2>&1; then
    cat "$DATA_DIR/format.out" >&2
    die "could not format $DATA_DIR/logs"
  fi
  log "formatted ${DATA_DIR}/logs (cluster id $cluster_id)"
}

# Wait until the broker logged "Kafka Server started" (after the offset where
# this start's log begins) and its client port accepts connections.
wait_ready() {
  local pid="$1" log_offset="$2" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  local started=0
  while ((SECONDS < deadline)); do
    if ! kill -0 "$pid" 2>/dev/null || [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" == Z ]]; then
      log "the broker exited during startup; last lines of its logs:"
      tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
      tail -n 20 "$OUT_FILE" >&2 2>/dev/null || true
      rm -f "$PID_FILE"
      return 1
    fi
    if ((started == 0)) && [[ -f "$LOG_FILE" ]]; then
      local size
      size="$(stat -c %s "$LOG_FILE")"
      ((size >= log_offset)) || log_offset=0 # the log was rolled over
      # (no grep -q: with pipefail, tail's SIGPIPE would fail the pipeline)
      if tail -c +"$((log_offset + 1))" "$LOG_FILE" | grep 'Kafka Server started' >/dev/null; then
        started=1
      fi
    fi
    if ((started == 1)) && reachable 127.0.0.1 "$KAFKA_PORT"; then
      return 0
    fi
    sleep 0.2
  done
  log "the broker did not start within ${KAFKA_START_TIMEOUT}s; last lines of its logs:"
  tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
  tail -n 20 "$OUT_FILE" >&2 2>/dev/null || true
  return 1
}

# ---------------------------------------------------------------- commands

start() {
  if external_brokers; then
    check_external
    return
  fi
  local pid
  if pid="$(running_pid)"; then
    # Started by someone else a moment ago: make sure it answers before saying so.
    if ! reachable 127.0.0.1 "$KAFKA_PORT"; then
      wait_ready "$pid" 0 || die "broker (pid $pid) is running but does not answer on 127.0.0.1:$KAFKA_PORT"
    fi
    echo "kafka: already running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
    return 0
  fi
  rm -f "$PID_FILE"
  if reachable 127.0.0.1 "$KAFKA_PORT"; then
    die "127.0.0.1:$KAFKA_PORT is taken by a process this script did not start (data dir $DATA_DIR); stop it, or set KAFKA_PORT/KAFKA_CONTROLLER_PORT"
  fi
  if reachable 127.0.0.1 "$KAFKA_CONTROLLER_PORT"; then
    die "controller port 127.0.0.1:$KAFKA_CONTROLLER_PORT is taken; set KAFKA_CONTROLLER_PORT"
  fi

  fetch
  write_properties
  format_storage

  local java log_offset=0
  java="$(java_cmd)"
  [[ -f "$LOG_FILE" ]] && log_offset="$(stat -c %s "$LOG_FILE")"
  # shellcheck disable=SC2206
  local heap=(${KAFKA_HEAP_OPTS:--Xmx512m -Xms128m})
  # shellcheck disable=SC2206
  local extra=(${KAFKA_JAVA_OPTS:-})
  local cmd=("$java" "${heap[@]}" -XX:+UseSerialGC -XX:TieredStopAtLevel=1
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true
    -Dlog4j2.shutdownHookEnabled=false
    -Dlog4j2.configurationFile="$LOG4J_CONFIG"
    -Dkafka.logs.dir="$DATA_DIR"
    "${extra[@]}"
    -cp "$LIBS/*" kafka.Kafka "$PROPS")

  # A new session (setsid) so that Ctrl-C / SIGHUP sent to the caller's process
  # group does not reach the broker; the inner shell records its own PID, then
  # execs java under that same PID. No inherited stdin/stdout: a caller reading
  # our output through a pipe must not wait for the broker to exit.
  (
    cd "$DATA_DIR"
    # shellcheck disable=SC2016 # $$, $0 and $@ are the inner shell's
    nohup setsid bash -c 'echo $$ >"$0"; exec "$@"' "$PID_FILE" "${cmd[@]}" \
      >"$OUT_FILE" 2>&1 </dev/null &
  )
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$PID_FILE" ]] && break
    sleep 0.1
  done
  pid="$(tr -cd '0-9' <"$PID_FILE" 2>/dev/null || true)"
  [[ -n "$pid" ]] || die "the broker did not start (no PID); see $OUT_FILE"

  wait_ready "$pid" "$log_offset" || exit 1
  echo "kafka: listening on 127.0.0.1:$KAFKA_PORT"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    echo "kafka: not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + 20))
  while ((SECONDS < deadline)); do
    running_pid >/dev/null || break
    sleep 0.2
  done
  if running_pid >/dev/null; then
    log "broker (pid $pid) did not stop within 20 s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$PID_FILE"
  echo "kafka: stopped"
}

status() {
  if external_brokers; then
    check_external
    return
  fi
  local pid
  if pid="$(running_pid)"; then
    if reachable 127.0.0.1 "$KAFKA_PORT"; then
      echo "kafka: running (pid $pid) on 127.0.0.1:$KAFKA_PORT"
    else
      echo "kafka: running (pid $pid), 127.0.0.1:$KAFKA_PORT not answering yet"
    fi
    return 0
  fi
  echo "kafka: not running"
  return 1
}

reset() {
  stop
  case "$DATA_DIR" in
    "" | / | "$ROOT" | "$HOME") die "refusing to delete data dir '$DATA_DIR'" ;;
  esac
  rm -rf "$DATA_DIR"
  echo "kafka: deleted $DATA_DIR"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  reset) reset ;;
  *)
    echo "usage: $0 {fetch|start|stop|status|reset}" >&2
    exit 2
    ;;
esac
