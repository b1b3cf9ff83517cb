#!/usr/bin/env bash
# Shared by the checks that need tools beyond a JDK, Maven and Node (shellcheck, bats, cfn-lint): where a tool is
# missing, the check is skipped with one line saying what and how to install it, so that `mvn verify` passes on a
# machine with only the prerequisites. REQUIRE_CHECK_TOOLS=1 (set by .ci/run) turns a skip into a failure, so CI
# never skips.

# The pinned check tools (tools/checks/package-lock.json); a test points this elsewhere to hide them.
CHECK_TOOLS_HOME="${CHECK_TOOLS_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/tools/checks}"

# check_tool VAR NAME WHAT HOW [PINNED-PATH]: sets VAR to the tool to run: the pinned one (PINNED-PATH under
# CHECK_TOOLS_HOME) when installed, else NAME from PATH. When neither exists it prints one line naming WHAT is
# skipped and HOW to install the tool, and ends the check: exit 0 (skipped), or 127 under REQUIRE_CHECK_TOOLS=1.
check_tool() {
  local var=$1 name=$2 what=$3 how=$4 pinned=${5:-}
  if [ -n "$pinned" ] && [ -x "$CHECK_TOOLS_HOME/$pinned" ]; then
    printf -v "$var" '%s' "$CHECK_TOOLS_HOME/$pinned"
    return 0
  fi
  if command -v "$name" >/dev/null 2>&1; then
    printf -v "$var" '%s' "$(command -v "$name")"
    return 0
  fi
  if [ "${REQUIRE_CHECK_TOOLS:-}" = "1" ]; then
    echo "FAILED: $what: $name is required (REQUIRE_CHECK_TOOLS=1) but not installed; install it: $how" >&2
    exit 127
  fi
  echo "SKIPPED: $what: $name is not installed; install it to run this check: $how" >&2
  exit 0
}
