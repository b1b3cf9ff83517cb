#!/usr/bin/env bash
# Builds the backend jar and packages its template (api-backend/vpc-api-backend.yaml) to S3.
# usage: build-backend.sh <s3 bucket> [packaged template path]   (AWS_PROFILE selects the account)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/lib.sh
. "$here/scripts/lib.sh"

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  usage_error "build-backend.sh <s3 bucket> [packaged template path]"
fi
require_build_tools
require_sam
out=${2:-"$(mktemp -d)/vpc-api-backend-deploy.yaml"}
build_and_package api-backend "$1" "$out"
echo "packaged template: $out"
