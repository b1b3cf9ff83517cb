#!/usr/bin/env bash
# Invokes both client functions in the consumer account, through their alias (the published SnapStart version),
# and reports SUCCESS or FAILED for each.
# Exits non-zero when either fails.
# usage: invoke.sh <consumer profile>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/lib.sh
. "$here/scripts/lib.sh"

usage="invoke.sh <consumer profile>"
if help_requested "$@"; then
  echo "usage: $usage"
  echo "  Invokes both client functions of stack $CLIENT_STACK (CLIENT_STACK) and prints SUCCESS or FAILED for each;"
  echo "  exits 0 when both succeed, 1 when either fails, 2 for bad arguments or an unknown profile."
  exit 0
fi
no_options "$usage" "$@"
[ $# -eq 1 ] || usage_error "$usage"
consumer=$1
require_aws
require_profile "$consumer"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
for output in DirectAuthClientFunctionAlias AssumeRoleClientFunctionAlias; do
  name=$(stack_output "$consumer" "$CLIENT_STACK" "$output") || exit 1
  if [ -z "$name" ]; then
    failed "stack $CLIENT_STACK has no output $output (the assume-role client exists only when pAPIRoleARN is set)"
    status=1
    continue
  fi
  step "invoking $name"
  if ! aws lambda invoke --profile "$consumer" --function-name "$name" --payload '{}' \
      --cli-binary-format raw-in-base64-out "$work/answer.json" >"$work/meta.json"; then
    failed "$name could not be invoked"
    status=1
    continue
  fi
  cat "$work/answer.json"
  echo
  if grep -q '"FunctionError"' "$work/meta.json"; then
    failed "$name raised a function error (see its message above)"
    status=1
  elif grep -Eq '"statusCode": *200[,}]' "$work/answer.json"; then
    success "$name got 200 from the API"
  else
    failed "$name did not get 200 from the API (see the answer above; README: troubleshooting 403s)"
    status=1
  fi
done
if [ "$status" -ne 0 ]; then
  echo "To find out why, read both deployments: ./diagnose.sh $consumer <provider profile>"
fi
exit "$status"
