#!/usr/bin/env bash
# Explains a 403 from a real deployment: reads both stacks with read-only calls (--list-calls lists them),
# checks every hand-off between them, each one line with ✔ or ✗ and the fix, then evaluates each client's
# request as API Gateway and STS would, with the live policies. Exits 0 when every check passes, 1 otherwise.
# usage: diagnose.sh <consumer profile> <provider profile>
#        diagnose.sh --list-calls
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/lib.sh
. "$here/scripts/lib.sh"

if [ $# -eq 0 ]; then
  usage_error "diagnose.sh <consumer profile> <provider profile>   (or: diagnose.sh --list-calls)"
fi
require_build_tools

jar="$here/diagnose/target/diagnose.jar"
if [ ! -f "$jar" ] || [ ! -d "$here/diagnose/target/lib" ] \
  || [ -n "$(find "$here/diagnose/src/main" "$here/iam-policy/src/main" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  # Build output goes to stderr: stdout carries only the report.
  step "building the diagnosis (mvn -q package -pl diagnose -am -DskipTests)" >&2
  (cd "$here" && mvn -q -B -Dstyle.color=never -pl diagnose -am package -DskipTests 2>&1 \
    | sed 's/\x1b\[[0-9;]*m//g' >&2)
fi

exec java -cp "$jar:$here/diagnose/target/lib/*" com.example.privateapi.diagnose.cli.Main \
  --client-stack "$CLIENT_STACK" --backend-stack "$BACKEND_STACK" "$@"
