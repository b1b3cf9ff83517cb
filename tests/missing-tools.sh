#!/usr/bin/env bash
# Runs the checks that need shellcheck, bats and cfn-lint as on a machine with only a JDK, Maven and Node: with those
# tools removed from PATH and the pinned ones hidden. Each check must skip with one line naming the tool and how to
# install it, and pass; with REQUIRE_CHECK_TOOLS=1 (CI) each must fail instead, again with one line.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A PATH holding everything this one does except the three tools: a link to each command, the first of its name.
mkdir "$work/bin" "$work/no-pinned-tools"
IFS=: read -r -a dirs <<<"$PATH"
for dir in "${dirs[@]}"; do
  [ -d "$dir" ] || continue
  for command in "$dir"/*; do
    name=${command##*/}
    case "$name" in shellcheck|bats|cfn-lint) continue ;; esac
    if [ -x "$command" ] && [ ! -d "$command" ] && [ ! -e "$work/bin/$name" ]; then
      ln -s "$command" "$work/bin/$name"
    fi
  done
done

passed=0
failed=0
check() { # check NAME CONDITION-DESCRIPTION: records one assertion's result from the exit status of the last test
  if [ "$2" = ok ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "not ok: $1" >&2
  fi
}

for entry in "lint-scripts.sh:shellcheck" "run-bats.sh:bats" "lint-templates.sh:cfn-lint"; do
  script=${entry%%:*}
  tool=${entry#*:}
  for required in "" 1; do
    status=0
    output=$(PATH="$work/bin" CHECK_TOOLS_HOME="$work/no-pinned-tools" REQUIRE_CHECK_TOOLS="$required" \
      bash "$root/tests/$script" 2>&1 </dev/null) || status=$?
    lines=$(printf '%s\n' "$output" | grep -c .) || true
    if [ -z "$required" ]; then
      expect="SKIPPED: "
      [ "$status" -eq 0 ] && result=ok || result="exit $status"
    else
      expect="FAILED: "
      [ "$status" -eq 127 ] && result=ok || result="exit $status"
    fi
    check "$script without $tool${required:+ (required)}: exit status ($result)" "$result"
    if [ "$lines" -eq 1 ] && [[ "$output" == "$expect"*"$tool"*"install it"* ]]; then result=ok; else result=bad; fi
    check "$script without $tool${required:+ (required)}: one line naming $tool and its install, got: $output" "$result"
  done
done

echo "missing-tools: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
