#!/usr/bin/env bash
# Runs every test from a fresh clone: installs what the machine lacks (Node 24, pnpm, dependencies, the Kafka jars),
# and Debian's chromium for the browser test, then `pnpm test` (typecheck, lint, unit, integration, end-to-end and crash tests on a real broker and PostgreSQL).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=infra/bootstrap.sh
source infra/bootstrap.sh
bash infra/postgres.sh ensure
# the console's browser test drives Debian's chromium (no browser download)
bash infra/chromium.sh
pnpm test
