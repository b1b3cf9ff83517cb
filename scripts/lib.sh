#!/usr/bin/env bash
# Shared by the deploy scripts and run-local.sh: usage, tool checks, the Maven build, stack outputs, status lines.
# Exit statuses: 0 done, 1 failed (AWS refused, a function failed, the build failed), 2 usage error (bad arguments,
# unknown profile), 127 a required tool is missing.

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

# help_requested ARGS...: true when -h or --help is among them; the script then prints its usage and exits 0.
help_requested() {
  local arg
  for arg in "$@"; do
    case "$arg" in -h|--help) return 0 ;; esac
  done
  return 1
}

# no_options USAGE ARGS...: a usage error for any argument that looks like an option, so that a mistyped flag is
# never taken for a profile or a bucket name.
no_options() {
  local usage=$1 arg
  shift
  for arg in "$@"; do
    case "$arg" in
      -*) echo "$(basename "$0"): unknown option '$arg'" >&2; usage_error "$usage" ;;
    esac
  done
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

# require_java: java on PATH, version 17 or newer.
require_java() {
  local how="Install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk)." version
  require_tool java "$how"
  version=$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1)
  if [ -z "$version" ] || [ "$version" -lt 17 ]; then
    echo "$(basename "$0"): java on PATH is version ${version:-unknown}; 17 or newer is required. $how" >&2
    exit 127
  fi
}

require_build_tools() {
  require_java
  require_tool mvn "Install Apache Maven 3.8 or newer (e.g. apt-get install maven)."
}

# require_node: node 18 or newer and npm, which install and run dynalite (the local DynamoDB).
require_node() {
  local how="Install Node.js 18 or newer with npm (e.g. apt-get install nodejs npm); it runs dynalite, the local DynamoDB." version
  require_tool node "$how"
  require_tool npm "$how"
  version=$(node --version 2>/dev/null | sed -n 's/^v\([0-9]*\).*/\1/p')
  if [ -z "$version" ] || [ "$version" -lt 18 ]; then
    echo "$(basename "$0"): node on PATH is version ${version:-unknown}; 18 or newer is required. $how" >&2
    exit 127
  fi
}

# require_profile PROFILE: the AWS CLI knows the profile (checked before any call, so that a typo gets one line).
require_profile() {
  local known
  if aws configure list --profile "$1" >/dev/null 2>&1; then
    return 0
  fi
  # list-profiles is AWS CLI v2 only.
  known=$(aws configure list-profiles 2>/dev/null | paste -sd ' ' -) || known=""
  echo "$(basename "$0"): the AWS CLI has no profile '$1'${known:+ (it has: $known)}." \
    "Create it with: aws configure --profile $1" >&2
  exit 2
}

# maven_build LOG MAVEN-ARGS...: runs Maven in batch mode, never reading the caller's standard input, with its whole
# output in LOG; shows one line per module as Maven starts it, on stderr. On failure it shows Maven's errors and
# where the log is, and returns 1.
maven_build() {
  local log=$1 started=$SECONDS
  shift
  mkdir -p "$(dirname "$log")"
  if mvn -B -Dstyle.color=never "$@" </dev/null 2>&1 | _maven_progress 3>"$log"; then
    echo "    built in $((SECONDS - started)) s" >&2
    return 0
  fi
  echo "$(basename "$0"): the build failed (mvn $*); Maven said:" >&2
  grep '^\[ERROR\]' "$log" | sed -e 's/^\[ERROR\] *//' -e '/^-> \[Help/,$d' -e '/^$/d' -e '/^To see the full stack trace/d' \
    | head -n 15 | sed 's/^/    /' >&2
  echo "    the whole output is in $log" >&2
  return 1
}

_maven_progress() {
  local line downloading=""
  while IFS= read -r line; do
    printf '%s\n' "$line" >&3
    if [[ $line =~ ^\[INFO\]\ Building\ (.+)\ [^\ ]+\ +\[([0-9]+/[0-9]+)\]$ ]]; then
      echo "    [${BASH_REMATCH[2]}] ${BASH_REMATCH[1]}" >&2
    elif [ -z "$downloading" ] && [[ $line == "Downloading from "* || $line == "[INFO] Downloading from "* ]]; then
      downloading=1
      echo "    downloading dependencies from Maven Central (the first time only)" >&2
    fi
  done
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

# stack_output PROFILE STACK KEY: prints the output's value, empty when the stack has no such output; fails with the
# AWS CLI's reason when the stack cannot be read (not deployed, no credentials).
stack_output() {
  local value
  if ! value=$(aws cloudformation describe-stacks --profile "$1" --stack-name "$2" \
      --query "Stacks[0].Outputs[?OutputKey=='$3'].OutputValue" --output text 2>&1); then
    die "cannot read stack $2 with profile $1: $(echo "$value" | grep . | tail -n 1 | sed 's/^ *//')." \
      "Is it deployed there (./deploy-all.sh), and are BACKEND_STACK and CLIENT_STACK right?"
  fi
  [ "$value" = "None" ] && value=""
  echo "$value"
}

# required_output PROFILE STACK KEY
required_output() {
  local value
  value=$(stack_output "$@") || exit 1
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
  local log
  log=$(mktemp)
  step "building $module (mvn package: about a minute the first time, seconds after)"
  (cd "$root" && maven_build "$log" -pl "$module" -am package -DskipTests) || exit 1
  rm -f "$log"
  step "packaging $module/vpc-$module.yaml to s3://$bucket"
  sam package --template-file "$root/$module/vpc-$module.yaml" --s3-bucket "$bucket" \
    --output-template-file "$out" >/dev/null
}
