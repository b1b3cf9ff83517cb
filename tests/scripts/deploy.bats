#!/usr/bin/env bats
# deploy-all.sh and the build scripts against stub aws, sam and mvn.

load helpers
bats_require_minimum_version 1.5.0

setup() {
  setup_stubs
}

@test "deploy-all.sh with wrong arguments prints usage and exits 2" {
  run "$ROOT/deploy-all.sh" only-one
  [ "$status" -eq 2 ]
  [[ "$output" == *"usage: deploy-all.sh <consumer profile> <provider profile>"* ]]
  [ ! -s "$STUB_LOG" ]
}

@test "deploy-all.sh names a missing sam and how to get it" {
  PATH="$(path_without sam)" run -127 "$ROOT/deploy-all.sh" consumer provider
  [ "$status" -eq 127 ]
  [[ "$output" == *"'sam' is required"* ]]
  [[ "$output" == *"Install the SAM CLI"* ]]
}

@test "deploy-all.sh names a missing mvn" {
  PATH="$(path_without mvn)" run -127 "$ROOT/deploy-all.sh" consumer provider
  [ "$status" -eq 127 ]
  [[ "$output" == *"'mvn' is required"* ]]
}

@test "deploy-all.sh runs the whole flow and hands every output to the other stack" {
  export STUB_STAGE=Beta
  run "$ROOT/deploy-all.sh" consumer-prof provider-prof
  [ "$status" -eq 0 ]

  # Both jars built and both templates packaged to their account's bucket.
  [ "$(calls 'mvn -B -Dstyle.color=never -pl api-backend -am package' | wc -l)" -eq 1 ]
  [ "$(calls 'mvn -B -Dstyle.color=never -pl api-client -am package' | wc -l)" -eq 1 ]
  calls "sam package --template-file $ROOT/api-backend/vpc-api-backend.yaml --s3-bucket private-api-deploy-222222222222-us-east-1" | grep -q .
  calls "sam package --template-file $ROOT/api-client/vpc-api-client.yaml --s3-bucket private-api-deploy-111111111111-us-east-1" | grep -q .

  deploys=$(calls "sam deploy")
  [ "$(echo "$deploys" | wc -l)" -eq 3 ]
  first=$(echo "$deploys" | sed -n 1p)
  second=$(echo "$deploys" | sed -n 2p)
  third=$(echo "$deploys" | sed -n 3p)

  # 1: provider with defaults and the region's DynamoDB prefix list, looked up in the provider account.
  [[ "$first" == *"--profile provider-prof"* ]]
  [[ "$first" == *"--stack-name private-api-backend"* ]]
  [[ "$first" == *"--parameter-overrides pDynamoDBPrefixListId=pl-02cd2c6b" ]]
  lookup=$(calls "aws ec2 describe-managed-prefix-lists")
  [[ "$lookup" == *"--profile provider-prof"* ]]
  [[ "$lookup" == *"Values=com.amazonaws.us-east-1.dynamodb"* ]]
  [[ "$first" == *"CAPABILITY_NAMED_IAM CAPABILITY_AUTO_EXPAND"* ]]
  # 2: consumer with the provider's outputs.
  [[ "$second" == *"--profile consumer-prof"* ]]
  [[ "$second" == *"--stack-name private-api-client"* ]]
  [[ "$second" == *"pAPIHost=abc123defg.execute-api.us-east-1.amazonaws.com"* ]]
  [[ "$second" == *"pAPIAccountID=222222222222"* ]]
  [[ "$second" == *"pAPIRoleARN=arn:aws:iam::222222222222:role/private-api-backend-APIAccessRole-1"* ]]
  [[ "$second" == *"pAPIPrefix=/Beta"* ]]
  # 3: provider update with the consumer's outputs.
  [[ "$third" == *"--profile provider-prof"* ]]
  [[ "$third" == *"pDynamoDBPrefixListId=pl-02cd2c6b"* ]]
  [[ "$third" == *"pTrustedPrincipals=111111111111"* ]]
  [[ "$third" == *"pAPIAccessList=arn:aws:iam::111111111111:role/private-api-client-DirectRole-1"* ]]
  [[ "$third" == *"pAllowedVPCEndpoints=vpce-0123456789abcdef0"* ]]

  # 4: the stage named by the provider's output, not a hard-coded one, is redeployed last.
  redeploy=$(calls "aws apigateway create-deployment")
  [[ "$redeploy" == *"--profile provider-prof"* ]]
  [[ "$redeploy" == *"--rest-api-id abc123defg"* ]]
  [[ "$redeploy" == *"--stage-name Beta"* ]]
  [[ "$(grep -E '^(aws|sam) ' "$STUB_LOG" | tail -n 1)" == "aws apigateway create-deployment"* ]]
}

@test "deploy-all.sh creates encrypted deployment buckets with public access blocked" {
  run "$ROOT/deploy-all.sh" consumer provider
  [ "$status" -eq 0 ]
  calls "s3api create-bucket --profile provider --region us-east-1 --bucket private-api-deploy-222222222222-us-east-1" | grep -q .
  calls "s3api create-bucket --profile consumer --region us-east-1 --bucket private-api-deploy-111111111111-us-east-1" | grep -q .
  [ "$(calls 'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true' | wc -l)" -eq 2 ]
  [ "$(calls 'put-bucket-encryption' | grep -c SSEAlgorithm)" -eq 2 ]
}

@test "deploy-all.sh leaves no files in the working directory" {
  run "$ROOT/deploy-all.sh" consumer provider
  [ "$status" -eq 0 ]
  [ -z "$(ls -A "$WORKDIR")" ]
}

@test "stack names can be overridden" {
  export BACKEND_STACK=my-backend
  run "$ROOT/deploy-all.sh" consumer provider
  # The stub knows only the default names, so the outputs are missing: the script must say which.
  [ "$status" -ne 0 ]
  [[ "$output" == *"stack my-backend has no output APIGatewayID"* ]]
  calls "sam deploy" | grep -q -- "--stack-name my-backend"
}

@test "build-backend.sh builds and packages to the given bucket" {
  run "$ROOT/build-backend.sh" my-bucket
  [ "$status" -eq 0 ]
  calls "mvn -B -Dstyle.color=never -pl api-backend -am package -DskipTests" | grep -q .
  calls "sam package --template-file $ROOT/api-backend/vpc-api-backend.yaml --s3-bucket my-bucket" | grep -q .
  [[ "$output" == *"packaged template: "* ]]
  [ -z "$(ls -A "$WORKDIR")" ]
}

@test "build-client.sh without a bucket prints usage and exits 2" {
  run "$ROOT/build-client.sh"
  [ "$status" -eq 2 ]
  [[ "$output" == *"usage: build-client.sh <s3 bucket>"* ]]
}

@test "build-backend.sh shows one line per module as Maven builds it" {
  run "$ROOT/build-backend.sh" my-bucket
  [ "$status" -eq 0 ]
  [[ "$output" == *"    [1/2] Cross-account private API Gateway with IAM auth"* ]]
  [[ "$output" == *"    [2/2] API backend Lambda (provider account)"* ]]
  [[ "$output" != *"[INFO]"* ]]
}

@test "a failed build shows Maven's errors in a few lines and where its whole output is" {
  export STUB_MVN_FAIL=1
  run "$ROOT/build-backend.sh" my-bucket
  [ "$status" -eq 1 ]
  [[ "$output" == *"the build failed (mvn "* ]]
  [[ "$output" == *"class, interface, enum, or record expected"* ]]
  [[ "$output" == *"the whole output is in "* ]]
  [[ "$output" != *"To see the full stack trace"* ]]
  [[ "$output" != *"Help 1"* ]]
  [ -z "$(calls 'sam package')" ]
}

@test "build-backend.sh and build-client.sh answer --help without building" {
  for script in build-backend.sh build-client.sh; do
    run "$ROOT/$script" --help
    [ "$status" -eq 0 ]
    [[ "$output" == "usage: $script <s3 bucket> [packaged template path]"* ]]
  done
  [ ! -s "$STUB_LOG" ]
}

@test "build-client.sh takes no option for a bucket name" {
  run "$ROOT/build-client.sh" --bucket
  [ "$status" -eq 2 ]
  [[ "$output" == *"unknown option '--bucket'"* ]]
  run "$ROOT/build-client.sh" My_Bucket
  [ "$status" -eq 2 ]
  [[ "$output" == *"'My_Bucket' is not an S3 bucket name"* ]]
  [ ! -s "$STUB_LOG" ]
}

@test "deploy-all.sh answers --help without calling AWS" {
  run "$ROOT/deploy-all.sh" --help
  [ "$status" -eq 0 ]
  [[ "$output" == "usage: deploy-all.sh <consumer profile> <provider profile>"* ]]
  [ ! -s "$STUB_LOG" ]
}

@test "deploy-all.sh names an unknown profile in one line and deploys nothing" {
  run "$ROOT/deploy-all.sh" consumer nosuch
  [ "$status" -eq 2 ]
  [ "${#lines[@]}" -eq 1 ]
  [[ "$output" == *"the AWS CLI has no profile 'nosuch'"*"aws configure --profile nosuch"* ]]
  [ -z "$(calls 'sam ')" ]
  [ -z "$(calls 'mvn ')" ]
}

@test "deploy-all.sh stops before any deploy when the region has no DynamoDB prefix list" {
  export STUB_PREFIX_LIST=None
  run "$ROOT/deploy-all.sh" consumer-prof provider-prof
  [ "$status" -eq 1 ]
  [[ "$output" == *"no managed prefix list com.amazonaws.us-east-1.dynamodb"* ]]
  [ -z "$(calls "sam deploy")" ]
}

@test "deploy-all.sh with more consumer profiles hands every consumer's outputs to the provider as lists" {
  run "$ROOT/deploy-all.sh" consumer-prof provider-prof consumer2-prof
  [ "$status" -eq 0 ]
  deploys=$(calls "sam deploy")
  [ "$(echo "$deploys" | wc -l)" -eq 4 ]
  # Each consumer stack in its own account, with the provider's outputs.
  [[ "$(echo "$deploys" | sed -n 2p)" == *"--profile consumer-prof"*"--stack-name private-api-client"*"pAPIHost=abc123defg."* ]]
  [[ "$(echo "$deploys" | sed -n 3p)" == *"--profile consumer2-prof"*"--stack-name private-api-client"*"pAPIHost=abc123defg."* ]]
  # Each consumer's template packaged to its own account's bucket.
  calls "sam package --template-file $ROOT/api-client/vpc-api-client.yaml --s3-bucket private-api-deploy-333333333333-us-east-1" | grep -q .
  update=$(echo "$deploys" | sed -n 4p)
  [[ "$update" == *"--profile provider-prof"* ]]
  [[ "$update" == *"pTrustedPrincipals=111111111111,333333333333"* ]]
  [[ "$update" == *"pAPIAccessList=arn:aws:iam::111111111111:role/private-api-client-DirectRole-1,arn:aws:iam::333333333333:role/private-api-client-DirectRole-2"* ]]
  [[ "$update" == *"pAllowedVPCEndpoints=vpce-0123456789abcdef0,vpce-0fedcba9876543210"* ]]
  [[ "$output" == *"Try it: ./invoke.sh consumer-prof"* ]]
  [[ "$output" == *"Try it: ./invoke.sh consumer2-prof"* ]]
}
