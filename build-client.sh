#!/usr/bin/env bash
# Builds the client jar and packages its template (api-client/vpc-api-client.yaml) to S3.
# usage: build-client.sh <s3 bucket> [packaged template path]   (AWS_PROFILE selects the account)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/lib.sh
. "$here/scripts/lib.sh"

usage="build-client.sh <s3 bucket> [packaged template path]"
if help_requested "$@"; then
  echo "usage: $usage"
  echo "  Builds the client jar and packages api-client/vpc-api-client.yaml to the bucket (AWS_PROFILE selects the account)."
  exit 0
fi
no_options "$usage" "$@"
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  usage_error "$usage"
fi
if ! [[ $1 =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]]; then
  echo "$(basename "$0"): '$1' is not an S3 bucket name (3 to 63 lower-case letters, digits, dots and hyphens)" >&2
  usage_error "$usage"
fi
require_build_tools
require_sam
out=${2:-"$(mktemp -d)/vpc-api-client-deploy.yaml"}
build_and_package api-client "$1" "$out"
echo "packaged template: $out"
