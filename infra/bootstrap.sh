#!/usr/bin/env bash
# Puts the project's toolchain in place; idempotent and quiet when nothing is to do.
#
#   source infra/bootstrap.sh     # from any directory, also under `set -euo pipefail`
#   bash infra/bootstrap.sh       # same, for its side effects on disk only
#
# - Node >= 22 on PATH: if the node on PATH is older (or missing), Node 24 from
#   the npm registry's node-linux-<arch> package, into .tools/node24/
# - pnpm >= 10 on PATH: if missing, pnpm@10 from the npm registry into .tools/pnpm/
# - `pnpm install --frozen-lockfile` when node_modules is missing or older than
#   pnpm-lock.yaml (skipped with RAILBILL_SKIP_INSTALL=1)
# - the Kafka broker jars (bash infra/kafka.sh fetch, cached in .cache/)
# - exports TZ=UTC, KAFKAJS_NO_PARTITIONER_WARNING=1, RAILBILL_ROOT=<repo root>,
#   and PATH with the tools above first
# Log lines go to stderr, prefixed [bootstrap]. Sourcing defines no variables
# or functions besides the exports above.

_rb_log() { echo "[bootstrap] $*" >&2; }

# Moves (or adds) a directory to the front of PATH.
_rb_path_prepend() {
  local dir="$1" rest=":${PATH:-}:"
  rest="${rest//:"$dir":/:}"
  rest="${rest#:}"
  rest="${rest%:}"
  PATH="$dir${rest:+:$rest}"
  export PATH
  hash -r
}

# Major version of `$1 --version`-style output (v24.1.0 / 10.34.9), 0 when absent.
_rb_major() {
  local v
  v="$("$@" 2>/dev/null | head -n 1)" || v=""
  v="${v#v}"
  v="${v%%.*}"
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}

_rb_bootstrap() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1
  export RAILBILL_ROOT="$root"

  # --- Node >= 22 -----------------------------------------------------------
  local node_major=0
  command -v node >/dev/null 2>&1 && node_major="$(_rb_major node --version)"
  if ((node_major < 22)); then
    local arch
    case "$(uname -m)" in
      x86_64 | amd64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *)
        _rb_log "no Node >= 22 on PATH and no prebuilt Node 24 package for $(uname -m)"
        return 1
        ;;
    esac
    local node_dir="$root/.tools/node24"
    local node_bin="$node_dir/node_modules/node-linux-$arch/bin"
    if ! [[ -x "$node_bin/node" ]] || ! "$node_bin/node" --version >/dev/null 2>&1; then
      command -v npm >/dev/null 2>&1 || { _rb_log "neither Node >= 22 nor npm (to install it) found"; return 1; }
      _rb_log "installing Node 24 (node-linux-$arch@24) into .tools/node24 ..."
      mkdir -p "$node_dir"
      npm install --prefix "$node_dir" --no-save --no-package-lock --no-audit --no-fund \
        --loglevel=error "node-linux-$arch@24" >&2 || { _rb_log "npm could not install node-linux-$arch@24"; return 1; }
      [[ -x "$node_bin/node" ]] || { _rb_log "$node_bin/node missing after install"; return 1; }
    fi
    _rb_path_prepend "$node_bin"
    node_major="$(_rb_major node --version)"
    ((node_major >= 22)) || { _rb_log "node on PATH is still older than 22"; return 1; }
  fi

  # --- pnpm >= 10 -----------------------------------------------------------
  local pnpm_bin="$root/.tools/pnpm/node_modules/.bin"
  if (($(_rb_major pnpm --version) < 10)); then
    if ! [[ -x "$pnpm_bin/pnpm" ]]; then
      command -v npm >/dev/null 2>&1 || { _rb_log "npm not found (needed to install pnpm)"; return 1; }
      _rb_log "installing pnpm@10 into .tools/pnpm ..."
      mkdir -p "$root/.tools/pnpm"
      npm install --prefix "$root/.tools/pnpm" --no-save --no-package-lock --no-audit --no-fund \
        --loglevel=error pnpm@10 >&2 || { _rb_log "npm could not install pnpm@10"; return 1; }
    fi
    _rb_path_prepend "$pnpm_bin"
    (($(_rb_major pnpm --version) >= 10)) || { _rb_log "pnpm >= 10 still not on PATH"; return 1; }
  fi

  # --- workspace dependencies ----------------------------------------------
  if [[ -f "$root/package.json" && "${RAILBILL_SKIP_INSTALL:-0}" != 1 ]]; then
    local modules="$root/node_modules/.modules.yaml" lock="$root/pnpm-lock.yaml"
    if [[ ! -f "$modules" || ( -f "$lock" && "$lock" -nt "$modules" ) ]]; then
      _rb_log "pnpm install --frozen-lockfile ..."
      (cd "$root" && pnpm install --frozen-lockfile --config.confirmModulesPurge=false >&2) ||
        { _rb_log "pnpm install failed"; return 1; }
    fi
  fi

  # --- Kafka broker jars ----------------------------------------------------
  bash "$root/infra/kafka.sh" fetch >&2 || { _rb_log "fetching the Kafka jars failed"; return 1; }

  export TZ=UTC
  export KAFKAJS_NO_PARTITIONER_WARNING=1
}

if _rb_bootstrap; then
  _rb_status=0
else
  _rb_status=1
fi
unset -f _rb_log _rb_path_prepend _rb_major _rb_bootstrap
if [[ "${BASH_SOURCE[0]}" != "${0}" ]]; then
  # Sourced: hand the status back without leaving variables behind.
  eval "unset _rb_status; return $_rb_status"
else
  exit "$_rb_status"
fi
