# Shared setup of the script tests: stub aws, sam and mvn first on PATH, a call log, a scratch working directory.
# shellcheck disable=SC2034  # ROOT and WORKDIR are read by the .bats files that load this one.
setup_stubs() {
  ROOT="$(cd "$BATS_TEST_DIRNAME/../.." && pwd)"
  export STUB_LOG="$BATS_TEST_TMPDIR/calls.log"
  : >"$STUB_LOG"
  export PATH="$BATS_TEST_DIRNAME/stubs:$PATH"
  unset AWS_REGION AWS_PROFILE STUB_STAGE STUB_INVOKE STUB_NO_ASSUME STUB_BUCKET_EXISTS STUB_NO_STACK STUB_PROFILES \
    STUB_MVN_FAIL BACKEND_STACK CLIENT_STACK
  WORKDIR="$BATS_TEST_TMPDIR/work"
  mkdir -p "$WORKDIR"
  cd "$WORKDIR" || return 1
}

# calls MATCH: the logged calls containing MATCH
calls() {
  grep -F -- "$1" "$STUB_LOG" || true
}

# a PATH holding only the basic tools and the given stubs, to check that missing tools are named
path_without() {
  local dir="$BATS_TEST_TMPDIR/path"
  mkdir -p "$dir"
  for tool in bash env dirname basename cat grep sed mktemp rm mkdir cd pwd sh tail head tr paste; do
    if command -v "$tool" >/dev/null 2>&1 && [ -x "$(command -v "$tool")" ]; then
      ln -sf "$(command -v "$tool")" "$dir/$tool"
    fi
  done
  for stub in aws sam mvn; do
    if [ "$stub" != "$1" ]; then ln -sf "$BATS_TEST_DIRNAME/stubs/$stub" "$dir/$stub"; fi
  done
  if [ "$1" != "java" ] && command -v java >/dev/null 2>&1; then ln -sf "$(command -v java)" "$dir/java"; fi
  echo "$dir"
}
