#!/usr/bin/env bash
# Installs the Debian `chromium` package used by the browser tests (tests/e2e/console.e2e.test.ts);
# idempotent and quiet when /usr/bin/chromium is already there.
#
#   bash infra/chromium.sh
#
# Needs root (or sudo) and apt-get (Debian/Ubuntu).
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "[chromium] apt-get not found: install Chromium so that /usr/bin/chromium exists" >&2
  exit 1
fi

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "[chromium] not root and no sudo: run 'apt-get update && apt-get install -y chromium' as root" >&2
    exit 1
  fi
fi

echo "[chromium] installing chromium with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium >/dev/null

if [[ ! -x /usr/bin/chromium ]]; then
  echo "[chromium] apt-get finished but /usr/bin/chromium is still missing" >&2
  exit 1
fi
echo "[chromium] $(/usr/bin/chromium --version 2>/dev/null || echo installed)" >&2
