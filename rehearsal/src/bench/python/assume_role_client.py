"""The assume-role client as the Python sample writes it: assumes the provider's role, signs with its credentials."""
import os

import boto3
from botocore.credentials import ReadOnlyCredentials

import sample_client

sts = boto3.client("sts")
ROLE_TO_ASSUME = os.environ["ROLE_TO_ASSUME"]


def lambda_handler(event, context):
    assumed = sts.assume_role(RoleArn=ROLE_TO_ASSUME, RoleSessionName="python-sample-client")["Credentials"]
    credentials = ReadOnlyCredentials(assumed["AccessKeyId"], assumed["SecretAccessKey"], assumed["SessionToken"])
    return sample_client.signed_get(credentials)
