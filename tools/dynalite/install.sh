#!/usr/bin/env bash
# Installs dynalite (pinned by package-lock.json) unless it is already installed.
set -euo pipefail
cd "$(dirname "$0")"

if [ -f node_modules/dynalite/cli.js ]; then
  exit 0
fi
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "tools/dynalite/install.sh: '$tool' is required to run dynalite (the local DynamoDB)." \
      "Install Node.js 18 or newer with npm (e.g. apt-get install nodejs npm)." >&2
    exit 127
  fi
done
echo "installing dynalite (local DynamoDB) from tools/dynalite/package-lock.json"
npm ci --no-audit --no-fund --loglevel=error </dev/null
