"""One cold start of a Python client: import it (its init), invoke it once, print the answer, exit.
Exit status 0 when the API answered 200, 1 otherwise, 3 when boto3 or requests is missing."""
import importlib
import json
import sys

MODULES = {"direct": "direct_client", "assume-role": "assume_role_client"}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in MODULES:
        sys.exit("usage: run_once.py direct|assume-role")
    try:
        client = importlib.import_module(MODULES[sys.argv[1]])
    except ImportError as missing:
        print("missing Python module: " + str(missing.name), file=sys.stderr)
        sys.exit(3)
    answer = client.lambda_handler({}, None)
    print(json.dumps(answer))
    sys.exit(0 if answer["statusCode"] == 200 else 1)
