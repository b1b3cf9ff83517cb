"""What the two Python clients share, written the way the Python sample's client functions are: botocore's
SigV4Auth signs, requests sends. Configured by the same environment variables as the Java client functions."""
import os

import requests
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest

REGION = os.environ["AWS_REGION"]
API_HOST = os.environ["API_HOST"]
API_PREFIX = os.environ.get("API_PREFIX", "")
TIMEOUT = int(os.environ.get("API_TIMEOUT", "10"))
PRIVATE_DNS = os.environ.get("PRIVATE_DNS_ENABLED", "True").lower() == "true"


def _target():
    """Private DNS on: the API's own name. Off: the endpoint's regional name and x-apigw-api-id."""
    if PRIVATE_DNS:
        return "https://" + API_HOST + API_PREFIX + "/", {}
    names = [entry.split(":", 1)[-1] for entry in os.environ["VPCE_DNS_NAMES"].split(",")]
    regional = next(name for name in names if name.split(".", 1)[0].count("-") == 2)
    return "https://" + regional + API_PREFIX + "/", {"x-apigw-api-id": API_HOST.split(".", 1)[0]}


def signed_get(credentials):
    url, headers = _target()
    request = AWSRequest(method="GET", url=url, headers=headers)
    SigV4Auth(credentials, "execute-api", REGION).add_auth(request)
    response = requests.get(url, headers=dict(request.headers), timeout=TIMEOUT)
    return {"statusCode": response.status_code, "body": response.text}
