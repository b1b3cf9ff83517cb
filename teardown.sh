#!/usr/bin/env bash
# Deletes the consumer stack, then the provider stack, waiting for each.
# usage: teardown.sh <consumer profile> <provider profile> [--delete-buckets]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/lib.sh
. "$here/scripts/lib.sh"

usage="teardown.sh <consumer profile> <provider profile> [--delete-buckets]"
if help_requested "$@"; then
  echo "usage: $usage"
  echo "  Deletes the consumer stack $CLIENT_STACK, then the provider stack $BACKEND_STACK; keeps the deployment"
  echo "  buckets unless --delete-buckets."
  exit 0
fi
[ $# -eq 2 ] || { [ $# -eq 3 ] && [ "$3" = "--delete-buckets" ]; } || usage_error "$usage"
no_options "$usage" "$1" "$2"
consumer=$1
provider=$2
delete_buckets=${3:-}
require_aws
require_profile "$consumer"
require_profile "$provider"

for target in "$consumer:$CLIENT_STACK" "$provider:$BACKEND_STACK"; do
  profile=${target%%:*}
  stack=${target#*:}
  step "deleting stack $stack (profile $profile)"
  aws cloudformation delete-stack --profile "$profile" --stack-name "$stack"
  aws cloudformation wait stack-delete-complete --profile "$profile" --stack-name "$stack"
done

for profile in "$consumer" "$provider"; do
  bucket="private-api-deploy-$(account_id "$profile")-$(region_of "$profile")"
  if [ "$delete_buckets" = "--delete-buckets" ]; then
    step "deleting deployment bucket s3://$bucket"
    aws s3 rb --profile "$profile" "s3://$bucket" --force >/dev/null
  else
    echo "kept deployment bucket s3://$bucket (delete it with --delete-buckets)"
  fi
done
echo "Torn down."
