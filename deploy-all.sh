#!/usr/bin/env bash
# Deploys the provider stack and the consumer stack into two accounts and wires them together:
# provider with defaults, consumer with the provider's outputs, provider update with the consumer's outputs,
# then a stage redeploy so the new resource policy takes effect. More consumer profiles after the provider's each get
# a consumer stack of their own, and the provider gets every consumer's outputs as comma-delimited lists.
# usage: deploy-all.sh <consumer profile> <provider profile> [<more consumer profiles>...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=scripts/lib.sh
. "$here/scripts/lib.sh"

usage="deploy-all.sh <consumer profile> <provider profile> [<more consumer profiles>...]"
if help_requested "$@"; then
  echo "usage: $usage"
  echo "  Deploys the provider stack $BACKEND_STACK and the consumer stack $CLIENT_STACK (BACKEND_STACK, CLIENT_STACK)"
  echo "  and wires them together; the region comes from AWS_REGION or each profile. Then try: ./invoke.sh"
  echo "  Each further consumer profile gets a consumer stack too; the provider gets all of them as lists."
  exit 0
fi
no_options "$usage" "$@"
[ $# -ge 2 ] || usage_error "$usage"
provider=$2
consumers=("$1" "${@:3}")
require_aws
require_sam
require_build_tools
require_profile "$provider"
for consumer in "${consumers[@]}"; do
  require_profile "$consumer"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "reading the accounts of profiles ${consumers[*]} (consumers) and $provider (provider)"
provider_account=$(account_id "$provider")
provider_region=$(region_of "$provider")
echo "provider account $provider_account ($provider_region)"
consumer_accounts=()
consumer_regions=()
for consumer in "${consumers[@]}"; do
  consumer_accounts+=("$(account_id "$consumer")")
  consumer_regions+=("$(region_of "$consumer")")
  echo "consumer account ${consumer_accounts[-1]} (${consumer_regions[-1]}), profile $consumer"
done

provider_bucket=$(ensure_bucket "$provider")
AWS_PROFILE=$provider AWS_REGION=$provider_region build_and_package api-backend "$provider_bucket" "$work/backend.yaml"
for i in "${!consumers[@]}"; do
  consumer_bucket=$(ensure_bucket "${consumers[$i]}")
  AWS_PROFILE=${consumers[$i]} AWS_REGION=${consumer_regions[$i]} build_and_package api-client "$consumer_bucket" \
    "$work/client-$i.yaml"
done

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

trusted=""
access_list=""
endpoints=""
for i in "${!consumers[@]}"; do
  consumer=${consumers[$i]}
  step "2/4 deploying the consumer stack $CLIENT_STACK (profile $consumer) with the provider's outputs"
  deploy "$consumer" "${consumer_regions[$i]}" "$work/client-$i.yaml" "$CLIENT_STACK" \
    "pAPIHost=$api_host" "pAPIAccountID=$provider_account" "pAPIRoleARN=$api_role" "pAPIPrefix=/$stage"
  endpoints+=${endpoints:+,}$(required_output "$consumer" "$CLIENT_STACK" APIGatewayEndpointID)
  access_list+=${access_list:+,}$(required_output "$consumer" "$CLIENT_STACK" DirectAuthClientRole)
  case ",$trusted," in
    *",${consumer_accounts[$i]},"*) ;;
    *) trusted+=${trusted:+,}${consumer_accounts[$i]} ;;
  esac
done

step "3/4 updating the provider stack with the consumers' outputs"
deploy "$provider" "$provider_region" "$work/backend.yaml" "$BACKEND_STACK" \
  "pDynamoDBPrefixListId=$dynamodb_prefix_list" "pTrustedPrincipals=$trusted" "pAPIAccessList=$access_list" \
  "pAllowedVPCEndpoints=$endpoints"

step "4/4 redeploying stage $stage of API $api_id so the new resource policy takes effect"
aws apigateway create-deployment --profile "$provider" --region "$provider_region" --rest-api-id "$api_id" \
  --stage-name "$stage" --description "deploy-all.sh: resource policy update" >/dev/null

for consumer in "${consumers[@]}"; do
  echo "Deployed. Try it: ./invoke.sh $consumer"
done
