#!/usr/bin/env bats
# invoke.sh and teardown.sh against a stub aws.

load helpers

setup() {
  setup_stubs
}

@test "invoke.sh with wrong arguments prints usage and exits 2" {
  run "$ROOT/invoke.sh"
  [ "$status" -eq 2 ]
  [[ "$output" == *"usage: invoke.sh <consumer profile>"* ]]
}

@test "invoke.sh --help prints usage and calls nothing" {
  run "$ROOT/invoke.sh" --help
  [ "$status" -eq 0 ]
  [[ "$output" == "usage: invoke.sh <consumer profile>"* ]]
  [ ! -s "$STUB_LOG" ]
}

@test "invoke.sh names an unknown profile in one line and invokes nothing" {
  run "$ROOT/invoke.sh" nosuch
  [ "$status" -eq 2 ]
  [ "${#lines[@]}" -eq 1 ]
  [[ "$output" == *"the AWS CLI has no profile 'nosuch' (it has: default consumer provider"*"Create it with: aws configure --profile nosuch"* ]]
  [ -z "$(calls 'describe-stacks')" ]
}

@test "invoke.sh says in one line when the client stack cannot be read" {
  export STUB_NO_STACK=1
  run "$ROOT/invoke.sh" consumer
  [ "$status" -eq 1 ]
  [ "${#lines[@]}" -eq 1 ]
  [[ "$output" == *"cannot read stack private-api-client with profile consumer: An error occurred (ValidationError)"*"does not exist"* ]]
  [[ "$output" != *"has no output"* ]]
  [ -z "$(calls 'lambda invoke')" ]
}

@test "invoke.sh reports SUCCESS for both clients and exits 0" {
  run "$ROOT/invoke.sh" consumer
  [ "$status" -eq 0 ]
  [ "$(echo "$output" | grep -c '^SUCCESS: ')" -eq 2 ]
  [[ "$output" == *'"statusCode": 200'* ]]
  # Through the alias: the published SnapStart version, not $LATEST.
  calls "lambda invoke --profile consumer --function-name arn:aws:lambda:us-east-1:111111111111:function:private-api-client-direct-client:live" | grep -q .
  calls "lambda invoke --profile consumer --function-name arn:aws:lambda:us-east-1:111111111111:function:private-api-client-assume-role-client:live" | grep -q .
  [ -z "$(ls -A "$WORKDIR")" ]
}

@test "invoke.sh reports FAILED and exits non-zero on a 403" {
  export STUB_INVOKE=denied
  run "$ROOT/invoke.sh" consumer
  [ "$status" -ne 0 ]
  [ "$(echo "$output" | grep -c '^FAILED: ')" -eq 2 ]
  [[ "$output" == *"is not authorized"* ]]
}

@test "invoke.sh suggests the diagnosis when a client fails, and only then" {
  export STUB_INVOKE=denied
  run "$ROOT/invoke.sh" consumer
  [ "$status" -ne 0 ]
  [[ "$output" == *"To find out why, read both deployments: ./diagnose.sh consumer <provider profile>"* ]]
  [ "$(echo "$output" | grep -c 'diagnose.sh')" -eq 1 ]
  unset STUB_INVOKE
  run "$ROOT/invoke.sh" consumer
  [ "$status" -eq 0 ]
  [[ "$output" != *"diagnose.sh"* ]]
}

@test "invoke.sh reports a function error as FAILED" {
  export STUB_INVOKE=error
  run "$ROOT/invoke.sh" consumer
  [ "$status" -ne 0 ]
  [[ "$output" == *"raised a function error"* ]]
  [[ "$output" == *"STS refused"* ]]
}

@test "invoke.sh says so when the assume-role client is not deployed" {
  export STUB_NO_ASSUME=1
  run "$ROOT/invoke.sh" consumer
  [ "$status" -ne 0 ]
  [ "$(echo "$output" | grep -c '^SUCCESS: ')" -eq 1 ]
  [[ "$output" == *"has no output AssumeRoleClientFunctionAlias"* ]]
}

@test "teardown.sh deletes the consumer stack before the provider stack and keeps the buckets" {
  run "$ROOT/teardown.sh" consumer provider
  [ "$status" -eq 0 ]
  deletes=$(calls "cloudformation delete-stack")
  [[ "$(echo "$deletes" | sed -n 1p)" == *"--profile consumer --stack-name private-api-client"* ]]
  [[ "$(echo "$deletes" | sed -n 2p)" == *"--profile provider --stack-name private-api-backend"* ]]
  [ "$(calls 'cloudformation wait stack-delete-complete' | wc -l)" -eq 2 ]
  [[ "$output" == *"kept deployment bucket s3://private-api-deploy-111111111111-us-east-1"* ]]
  [ -z "$(calls 's3 rb')" ]
}

@test "teardown.sh --delete-buckets removes both deployment buckets" {
  run "$ROOT/teardown.sh" consumer provider --delete-buckets
  [ "$status" -eq 0 ]
  [ "$(calls 's3 rb' | wc -l)" -eq 2 ]
}

@test "teardown.sh --help prints usage and deletes nothing" {
  run "$ROOT/teardown.sh" --help
  [ "$status" -eq 0 ]
  [[ "$output" == "usage: teardown.sh <consumer profile> <provider profile> [--delete-buckets]"* ]]
  [ ! -s "$STUB_LOG" ]
}

@test "teardown.sh with a wrong flag prints usage and exits 2" {
  run "$ROOT/teardown.sh" consumer provider --everything
  [ "$status" -eq 2 ]
  [ ! -s "$STUB_LOG" ]
}
