#!/usr/bin/env bash
# Deploys the provider stack and the consumer stack into two accounts and wires them together:
# provider with defaults, consumer with the provider's outputs, provider update with the consumer's outputs,
# then a stage redeploy so the new resource policy takes effect.
# usage: deploy-all.sh <consumer profile> <provider profile>
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/lib.sh
. "$here/scripts/lib.sh"

usage="deploy-all.sh <consumer profile> <provider profile>"
if help_requested "$@"; then
  echo "usage: $usage"
  echo "  Deploys the provider stack $BACKEND_STACK and the consumer stack $CLIENT_STACK (BACKEND_STACK, CLIENT_STACK)"
  echo "  and wires them together; the region comes from AWS_REGION or each profile. Then try: ./invoke.sh"
  exit 0
fi
no_options "$usage" "$@"
[ $# -eq 2 ] || usage_error "$usage"
consumer=$1
provider=$2
require_aws
require_sam
require_build_tools
require_profile "$consumer"
require_profile "$provider"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "reading the accounts of profiles $consumer (consumer) and $provider (provider)"
consumer_account=$(account_id "$consumer")
provider_account=$(account_id "$provider")
provider_region=$(region_of "$provider")
consumer_region=$(region_of "$consumer")
echo "consumer account $consumer_account ($consumer_region), provider account $provider_account ($provider_region)"

provider_bucket=$(ensure_bucket "$provider")
consumer_bucket=$(ensure_bucket "$consumer")
AWS_PROFILE=$provider AWS_REGION=$provider_region build_and_package api-backend "$provider_bucket" "$work/backend.yaml"
AWS_PROFILE=$consumer AWS_REGION=$consumer_region build_and_package api-client "$consumer_bucket" "$work/client.yaml"

deploy() { # deploy PROFILE REGION TEMPLATE STACK [PARAM=VALUE...]
  local profile=$1 region=$2 template=$3 stack=$4
  shift 4
  sam deploy --profile "$profile" --region "$region" --template-file "$template" --stack-name "$stack" \
    --capabilities CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset \
    ${1:+--parameter-overrides "$@"}
}

step "reading DynamoDB's managed prefix list in $provider_region (the backend's only HTTPS destination)"
dynamodb_prefix_list=$(aws ec2 describe-managed-prefix-lists --profile "$provider" --region "$provider_region" \
  --filters "Name=prefix-list-name,Values=com.amazonaws.$provider_region.dynamodb" \
  --query 'PrefixLists[0].PrefixListId' --output text)
case "$dynamodb_prefix_list" in
  pl-*) echo "$dynamodb_prefix_list" ;;
  *) die "no managed prefix list com.amazonaws.$provider_region.dynamodb in $provider_region (got '$dynamodb_prefix_list')" ;;
esac

step "1/4 deploying the provider stack $BACKEND_STACK with default parameters"
deploy "$provider" "$provider_region" "$work/backend.yaml" "$BACKEND_STACK" \
  "pDynamoDBPrefixListId=$dynamodb_prefix_list"
api_id=$(required_output "$provider" "$BACKEND_STACK" APIGatewayID)
api_host=$(required_output "$provider" "$BACKEND_STACK" APIGatewayFQDN)
api_role=$(required_output "$provider" "$BACKEND_STACK" APIAccessRole)
stage=$(required_output "$provider" "$BACKEND_STACK" APIStageName)

step "2/4 deploying the consumer stack $CLIENT_STACK with the provider's outputs"
deploy "$consumer" "$consumer_region" "$work/client.yaml" "$CLIENT_STACK" \
  "pAPIHost=$api_host" "pAPIAccountID=$provider_account" "pAPIRoleARN=$api_role" "pAPIPrefix=/$stage"
endpoint_id=$(required_output "$consumer" "$CLIENT_STACK" APIGatewayEndpointID)
direct_role=$(required_output "$consumer" "$CLIENT_STACK" DirectAuthClientRole)

step "3/4 updating the provider stack with the consumer's outputs"
deploy "$provider" "$provider_region" "$work/backend.yaml" "$BACKEND_STACK" \
  "pDynamoDBPrefixListId=$dynamodb_prefix_list" "pTrustedPrincipals=$consumer_account" "pAPIAccessList=$direct_role" "pAllowedVPCEndpoints=$endpoint_id"

step "4/4 redeploying stage $stage of API $api_id so the new resource policy takes effect"
aws apigateway create-deployment --profile "$provider" --region "$provider_region" --rest-api-id "$api_id" \
  --stage-name "$stage" --description "deploy-all.sh: resource policy update" >/dev/null

echo "Deployed. Try it: ./invoke.sh $consumer"
