#!/usr/bin/env bash
# Offline rehearsal of deploy-all.sh + invoke.sh: both stacks from the real templates, on this machine.
# A tool for trying and testing the AWS deployment, never a production gateway. run-local.sh --help for the usage.
#
# Nothing this script runs before the command itself reads the standard input (the build, npm, the option check get
# /dev/null): it is the command's, e.g. `run-local.sh simulate - < cases.json`.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

require_java

jars=(api-backend/target/api-backend.jar api-client/target/api-client.jar rehearsal/target/rehearsal.jar)
build_needed=""
for jar in "${jars[@]}"; do
  if [ ! -f "$jar" ] || [ -n "$(find pom.xml ./*/pom.xml api-backend/src api-client/src iam-policy/src rehearsal/src \
      local-dynamodb/src -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
    build_needed=1
    break
  fi
done
dynalite_needed=""
if [ "${1:-}" != "simulate" ] && [ ! -f tools/dynalite/node_modules/dynalite/cli.js ]; then
  dynalite_needed=1
fi

if [ -n "$build_needed$dynalite_needed" ]; then
  # Help and usage errors answer now, from the parser's source, rather than after the build.
  help=$(java rehearsal/src/main/java/com/example/privateapi/rehearsal/cli/CommandLine.java "$@" </dev/null) \
    || exit $?
  if [ -n "$help" ]; then
    printf '%s\n' "$help"
    exit 0
  fi
  # The build installs dynalite too; both need Node.
  require_node
fi

# Build output goes to stderr, so that stdout carries only the command's own answer (simulate prints JSON).
if [ -n "$build_needed" ]; then
  if [ -f rehearsal/target/rehearsal.jar ]; then
    echo "==> rebuilding the Lambda jars and the rehearsal: sources changed since the last build" >&2
  else
    echo "==> first run: building the Lambda jars and the rehearsal with Maven, one line per module" >&2
    echo "    (15 to 30 s on a 2-core machine, more on a slow network the first time Maven downloads; later runs start at once)" >&2
  fi
  require_build_tools
  maven_build .local/build.log package -DskipTests || exit 1
elif [ -n "$dynalite_needed" ]; then
  echo "==> installing dynalite (local DynamoDB) from tools/dynalite/package-lock.json" >&2
  tools/dynalite/install.sh </dev/null >&2
fi

exec java -cp "rehearsal/target/rehearsal.jar:rehearsal/target/lib/*" \
  com.example.privateapi.rehearsal.cli.Main "$@"
