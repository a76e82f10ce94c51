#!/usr/bin/env bash
# Local PostgreSQL for development and tests (no Docker).
#
#   bash infra/postgres.sh ensure              start the local cluster if it is down, wait until ready
#   bash infra/postgres.sh createdb NAME...    create the databases that do not exist yet
#   bash infra/postgres.sh createdb --all      the project's databases (see ALL_DATABASES)
#
# Honours PGHOST / PGPORT / PGUSER (defaults 127.0.0.1 / 5432 / postgres).
# `ensure` starts a cluster only when it is local (pg_ctlcluster from
# postgresql-common, Debian/Ubuntu: the cluster whose port is PGPORT, e.g.
# `pg_ctlcluster --skip-systemctl-redirect 15 main start`) and PGHOST is
# 127.0.0.1 / localhost.
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
PG_READY_TIMEOUT="${PG_READY_TIMEOUT:-30}"

ALL_DATABASES=(railbill_waybill railbill_letter_of_credit railbill_customs_clearance railbill_console)

log() { echo "postgres: $*" >&2; }
die() { echo "postgres: error: $*" >&2; exit 1; }

ready() { pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 2 >/dev/null 2>&1; }

ensure() {
  command -v pg_isready >/dev/null || die "pg_isready not found (install postgresql-client)"
  ready && return 0
  case "$PGHOST" in
    127.0.0.1 | localhost | ::1 | /*) ;;
    *) die "$PGHOST:$PGPORT is not ready, and it is not a local server this script can start" ;;
  esac
  if command -v pg_ctlcluster >/dev/null && command -v pg_lsclusters >/dev/null; then
    # The cluster configured for $PGPORT (pg_lsclusters -h: "ver name port status ...").
    local version cluster
    read -r version cluster < <(pg_lsclusters -h | awk -v port="$PGPORT" '$3 == port { print $1, $2; exit }') || true
    [[ -n "${version:-}" && -n "${cluster:-}" ]] || die "no local cluster is configured for port $PGPORT (pg_lsclusters)"
    log "starting cluster $version/$cluster"
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start >&2 || true
  else
    die "$PGHOST:$PGPORT is not ready and pg_ctlcluster is not available to start it"
  fi
  local deadline=$((SECONDS + PG_READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ready; then
      log "ready on $PGHOST:$PGPORT"
      return 0
    fi
    sleep 0.5
  done
  die "$PGHOST:$PGPORT not ready after ${PG_READY_TIMEOUT}s"
}

createdb_() {
  (($# > 0)) || die "usage: $0 createdb NAME... | --all"
  if [[ "$1" == "--all" ]]; then
    set -- "${ALL_DATABASES[@]}"
  fi
  local name exists
  for name in "$@"; do
    [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "invalid database name '$name'"
    exists="$(psql -X -q -d postgres -v ON_ERROR_STOP=1 -tAc \
      "SELECT 1 FROM pg_database WHERE datname='$name'")"
    if [[ "$exists" != "1" ]]; then
      # Another process may create it at the same moment: accept "already exists".
      local out
      if ! out="$(psql -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$name\"" 2>&1)"; then
        [[ "$out" == *"already exists"* ]] || die "could not create database $name: $out"
      else
        log "created database $name"
      fi
    fi
  done
}

case "${1:-}" in
  ensure) ensure ;;
  createdb)
    shift
    createdb_ "$@"
    ;;
  *)
    echo "usage: $0 {ensure|createdb NAME...|createdb --all}" >&2
    exit 2
    ;;
esac
