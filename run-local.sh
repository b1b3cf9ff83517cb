#!/usr/bin/env bash
# Offline rehearsal of deploy-all.sh + invoke.sh: both stacks from the real templates, on this machine.
# A tool for trying and testing the AWS deployment, never a production gateway.
set -euo pipefail
cd "$(dirname "$0")"

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "run-local.sh: '$1' is required but was not found on PATH. $2" >&2
  exit 127
}
need java "Install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk)."
need mvn "Install Apache Maven 3.8 or newer (e.g. apt-get install maven)."
need node "Install Node.js 18 or newer (it runs dynalite, the local DynamoDB)."
need npm "Install npm (it installs dynalite, the local DynamoDB)."

if [ "${1:-}" != "simulate" ]; then
  if [ ! -d tools/dynalite/node_modules/dynalite ]; then
    echo "==> installing dynalite (local DynamoDB) from tools/dynalite/package-lock.json" >&2
    npm ci --prefix tools/dynalite --no-audit --no-fund --loglevel=error >&2
  fi
fi

jars=(api-backend/target/api-backend.jar api-client/target/api-client.jar rehearsal/target/rehearsal.jar)
for jar in "${jars[@]}"; do
  if [ ! -f "$jar" ] || [ -n "$(find api-backend/src api-client/src iam-policy/src rehearsal/src local-dynamodb/src -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    # Build output goes to stderr, so that stdout carries only the rehearsal's own answer (simulate prints JSON).
    echo "==> building the Lambda jars and the rehearsal (mvn -q package -DskipTests)" >&2
    # Maven 3.8 still writes colour resets with -q; strip them so the terminal shows only what matters.
    mvn -q -B -Dstyle.color=never package -DskipTests 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2
    break
  fi
done

exec java -cp "rehearsal/target/rehearsal.jar:rehearsal/target/lib/*" \
  com.example.privateapi.rehearsal.cli.Main "$@"
