#!/usr/bin/env bash
# Runs shellcheck on every shell script of the project; any finding fails. Without shellcheck it is skipped with
# one line (tests/lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

shellcheck=""
check_tool shellcheck shellcheck "shell lint (tests/lint-scripts.sh)" \
  "apt-get install shellcheck (Debian, Ubuntu), brew install shellcheck (macOS)"
mapfile -t scripts < <({ git ls-files '*.sh' '*.bash' 'tests/scripts/stubs/*' 2>/dev/null; \
  find . \( -name '*.sh' -o -name '*.bash' \) -not -path '*/node_modules/*' -not -path '*/target/*' -not -path './.git/*'; } \
  | sed 's|^\./||' | sort -u)
echo "shellcheck $("$shellcheck" --version | sed -n 's/^version: //p') on ${#scripts[@]} scripts"
"$shellcheck" -x "${scripts[@]}"
echo "shellcheck: no findings"
