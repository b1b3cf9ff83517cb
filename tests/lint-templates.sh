#!/usr/bin/env bash
# Lints the four SAM templates with cfn-lint; any finding fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cfn-lint >/dev/null 2>&1; then
  echo "lint-templates.sh: cfn-lint is not installed (pip install cfn-lint)." >&2
  exit 127
fi
templates=(
  api-backend/api-backend.yaml
  api-backend/vpc-api-backend.yaml
  api-client/api-client.yaml
  api-client/vpc-api-client.yaml
)
echo "cfn-lint $(cfn-lint --version | awk '{print $2}') on ${templates[*]}"
cfn-lint "${templates[@]}"
echo "cfn-lint: no findings in ${#templates[@]} templates"
