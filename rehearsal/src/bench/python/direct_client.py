"""The direct client as the Python sample writes it: signs with the function's own credentials."""
import boto3

import sample_client

session = boto3.Session()
# The sample creates its STS client at import, whether or not a request needs it.
sts = session.client("sts")


def lambda_handler(event, context):
    return sample_client.signed_get(session.get_credentials().get_frozen_credentials())
