#!/usr/bin/env bash
# Shared by the deploy scripts: usage, tool checks, stack outputs, coloured status lines.

BACKEND_STACK="${BACKEND_STACK:-private-api-backend}"
CLIENT_STACK="${CLIENT_STACK:-private-api-client}"

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

usage_error() {
  echo "usage: $1" >&2
  exit 2
}

step() {
  echo "==> $*"
}

# require_tool NAME HOW-TO-GET-IT
require_tool() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "$(basename "$0"): '$1' is required but was not found on PATH. $2" >&2
    exit 127
  fi
}

require_aws() {
  require_tool aws "Install the AWS CLI: https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-install.html"
}

require_sam() {
  require_tool sam "Install the SAM CLI: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/install-sam-cli.html"
}

require_build_tools() {
  require_tool java "Install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk)."
  require_tool mvn "Install Apache Maven 3.8 or newer (e.g. apt-get install maven)."
}

# account_id PROFILE
account_id() {
  aws sts get-caller-identity --profile "$1" --query Account --output text
}

# region_of PROFILE: AWS_REGION wins, then the profile's region.
region_of() {
  if [ -n "${AWS_REGION:-}" ]; then
    echo "$AWS_REGION"
    return
  fi
  local region
  region=$(aws configure get region --profile "$1" || true)
  [ -n "$region" ] || die "no region for profile '$1': set AWS_REGION or run: aws configure set region REGION --profile $1"
  echo "$region"
}

# stack_output PROFILE STACK KEY: prints the output's value, empty when the stack has no such output.
stack_output() {
  local value
  value=$(aws cloudformation describe-stacks --profile "$1" --stack-name "$2" \
    --query "Stacks[0].Outputs[?OutputKey=='$3'].OutputValue" --output text)
  [ "$value" = "None" ] && value=""
  echo "$value"
}

# required_output PROFILE STACK KEY
required_output() {
  local value
  value=$(stack_output "$@")
  [ -n "$value" ] || die "stack $2 has no output $3: is it deployed (profile $1)?"
  echo "$value"
}

# ensure_bucket PROFILE: prints the deployment bucket of the profile's account and region, creating it
# (encrypted, public access blocked) when absent.
ensure_bucket() {
  local profile=$1 account region bucket
  account=$(account_id "$profile")
  region=$(region_of "$profile")
  bucket="private-api-deploy-${account}-${region}"
  if ! aws s3api head-bucket --profile "$profile" --bucket "$bucket" >/dev/null 2>&1; then
    step "creating deployment bucket s3://$bucket" >&2
    if [ "$region" = "us-east-1" ]; then
      aws s3api create-bucket --profile "$profile" --region "$region" --bucket "$bucket" >/dev/null
    else
      aws s3api create-bucket --profile "$profile" --region "$region" --bucket "$bucket" \
        --create-bucket-configuration "LocationConstraint=$region" >/dev/null
    fi
  fi
  aws s3api put-public-access-block --profile "$profile" --bucket "$bucket" --public-access-block-configuration \
    BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true >/dev/null
  aws s3api put-bucket-encryption --profile "$profile" --bucket "$bucket" --server-side-encryption-configuration \
    '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"},"BucketKeyEnabled":true}]}' >/dev/null
  echo "$bucket"
}

if [ -t 1 ]; then
  GREEN=$'\033[32m'
  RED=$'\033[31m'
  RESET=$'\033[0m'
else
  GREEN=""
  RED=""
  RESET=""
fi

success() {
  echo "${GREEN}SUCCESS${RESET}: $*"
}

failed() {
  echo "${RED}FAILED${RESET}: $*"
}

# build_and_package MODULE BUCKET OUTPUT: builds MODULE's jar and packages MODULE/vpc-MODULE.yaml to BUCKET, writing
# the packaged template to OUTPUT. The profile comes from AWS_PROFILE, as for every AWS tool.
build_and_package() {
  local module=$1 bucket=$2 out=$3 root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  step "building $module (mvn package)"
  (cd "$root" && mvn -q -B -Dstyle.color=never -pl "$module" -am package -DskipTests)
  step "packaging $module/vpc-$module.yaml to s3://$bucket"
  sam package --template-file "$root/$module/vpc-$module.yaml" --s3-bucket "$bucket" \
    --output-template-file "$out" >/dev/null
}
