#!/usr/bin/env bash
# Lints the four SAM templates with cfn-lint, informational checks included; any finding fails. A finding that is
# intended is suppressed in the template itself, with a comment saying why. Skipped, with one line, without cfn-lint
# (tests/lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

cfn_lint=""
check_tool cfn_lint cfn-lint "template lint (tests/lint-templates.sh)" "pip install cfn-lint==1.51.0"
templates=(
  api-backend/api-backend.yaml
  api-backend/vpc-api-backend.yaml
  api-client/api-client.yaml
  api-client/vpc-api-client.yaml
)
echo "cfn-lint $("$cfn_lint" --version | awk '{print $2}') --include-checks I on ${templates[*]}"
"$cfn_lint" --include-checks I -- "${templates[@]}"
echo "cfn-lint: no findings in ${#templates[@]} templates"
