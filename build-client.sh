#!/usr/bin/env bash
# Builds the client jar and packages its template (api-client/vpc-api-client.yaml) to S3.
# usage: build-client.sh <s3 bucket> [packaged template path]   (AWS_PROFILE selects the account)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/lib.sh
. "$here/scripts/lib.sh"

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  usage_error "build-client.sh <s3 bucket> [packaged template path]"
fi
require_build_tools
require_sam
out=${2:-"$(mktemp -d)/vpc-api-client-deploy.yaml"}
build_and_package api-client "$1" "$out"
echo "packaged template: $out"
