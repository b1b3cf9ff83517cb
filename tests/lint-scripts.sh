#!/usr/bin/env bash
# Runs shellcheck on every shell script of the project; any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v shellcheck >/dev/null 2>&1; then
  echo "lint-scripts.sh: shellcheck is not installed (apt-get install shellcheck)." >&2
  exit 127
fi
mapfile -t scripts < <({ git ls-files '*.sh' '*.bash' 'tests/scripts/stubs/*' 2>/dev/null; \
  find . \( -name '*.sh' -o -name '*.bash' \) -not -path '*/node_modules/*' -not -path '*/target/*' -not -path './.git/*'; } \
  | sed 's|^\./||' | sort -u)
echo "shellcheck $(shellcheck --version | sed -n 's/^version: //p') on ${#scripts[@]} scripts"
shellcheck -x "${scripts[@]}"
echo "shellcheck: no findings"
