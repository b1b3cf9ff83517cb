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

usage="diagnose.sh <consumer profile> <provider profile>   (or: diagnose.sh --list-calls)"
if help_requested "$@"; then
  echo "usage: diagnose.sh <consumer profile> <provider profile>"
  echo "       diagnose.sh --list-calls"
  echo "  Reads both deployments (stacks $CLIENT_STACK and $BACKEND_STACK: CLIENT_STACK, BACKEND_STACK) with"
  echo "  read-only calls and explains a 403: each hand-off between the two stacks is one line, ✔ or ✗ with the fix;"
  echo "  then each client's request is decided as API Gateway and STS would, with the live policies."
  echo "  --list-calls prints every call it makes and the IAM action each needs."
  echo "  Exits 0 when every check passes, 1 otherwise, 2 on a usage error or an unknown profile."
  exit 0
fi
case "$*" in
  --list-calls) ;;
  *) no_options "$usage" "$@"
     if [ $# -ne 2 ]; then
       echo "diagnose.sh: expected <consumer profile> <provider profile>, got $# argument$([ $# -eq 1 ] || echo s)" >&2
       usage_error "$usage"
     fi ;;
esac
require_build_tools

jar="$here/diagnose/target/diagnose.jar"
if [ ! -f "$jar" ] || [ ! -d "$here/diagnose/target/lib" ] \
  || [ -n "$(find "$here/diagnose/src/main" "$here/iam-policy/src/main" -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then
  # Build output goes to stderr: stdout carries only the report.
  step "building the diagnosis (mvn package -pl diagnose -am), one line per module" >&2
  (cd "$here" && maven_build "$here/.local/build-diagnose.log" -pl diagnose -am package -DskipTests) || exit 1
fi

exec java -cp "$jar:$here/diagnose/target/lib/*" com.example.privateapi.diagnose.cli.Main \
  --client-stack "$CLIENT_STACK" --backend-stack "$BACKEND_STACK" "$@"
