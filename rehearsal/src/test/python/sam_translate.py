"""Translates a SAM template with AWS's own SAM translator (aws-sam-translator), for the rehearsal's conformance test.

usage: sam_translate.py TEMPLATE OUTPUT PARAMETERS_JSON TEMPLATE_URLS_JSON ACCOUNT REGION

The translator gets the stack's parameter values as CloudFormation hands them to the transform: every parameter of
the template, given or default, list types as lists. A function's local CodeUri becomes s3://local-code/<path>, as
`sam package` would make it an S3 location; nested stacks' local TemplateURLs are rewritten as TEMPLATE_URLS_JSON
says. Exits 3 when the translator is not installed.
"""
import json
import os
import sys

try:
    from samtranslator.parser import parser
    from samtranslator.translator.translator import Translator
    from samtranslator.yaml_helper import yaml_parse
except ImportError:
    print("aws-sam-translator is not installed", file=sys.stderr)
    sys.exit(3)

LOCAL_CODE_BUCKET = "local-code"


def managed_policy_map():
    """Managed policy names to ARNs, as SAM CLI ships them (with cfn-lint); empty without cfn-lint."""
    try:
        from cfnlint.data import Serverless
        from cfnlint.helpers import load_resource
        return load_resource(Serverless, "ManagedPolicies.json")
    except ImportError:
        return {}


def parameter_values(template, given):
    values = {}
    for name, definition in (template.get("Parameters") or {}).items():
        raw = given.get(name, definition.get("Default"))
        if raw is None:
            continue
        raw = str(raw) if not isinstance(raw, bool) else ("true" if raw else "false")
        kind = str(definition.get("Type", "String"))
        values[name] = raw.split(",") if kind == "CommaDelimitedList" or kind.startswith("List<") else raw
    return values


def main(template_path, output_path, parameters_json, template_urls_json, account, region):
    os.environ["AWS_DEFAULT_REGION"] = region
    with open(template_path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    globals_function = (template.get("Globals") or {}).get("Function") or {}
    functions = [r.get("Properties") or {} for r in (template.get("Resources") or {}).values()
                 if r.get("Type") == "AWS::Serverless::Function"]
    for props in functions + [globals_function]:
        uri = props.get("CodeUri")
        if isinstance(uri, str) and not uri.startswith("s3://"):
            props["CodeUri"] = "s3://" + LOCAL_CODE_BUCKET + "/" + uri
    urls = json.loads(template_urls_json)
    for resource in (template.get("Resources") or {}).values():
        props = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::CloudFormation::Stack" and props.get("TemplateURL") in urls:
            props["TemplateURL"] = urls[props["TemplateURL"]]
    values = parameter_values(template, json.loads(parameters_json))
    values["AWS::AccountId"] = account
    values["AWS::Region"] = region
    translated = Translator(managed_policy_map=managed_policy_map(), sam_parser=parser.Parser()).translate(
        sam_template=template, parameter_values=values)
    with open(output_path, "w", encoding="utf-8") as f:
        json.dump(translated, f, indent=1, default=str)


if __name__ == "__main__":
    if len(sys.argv) != 7:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(*sys.argv[1:])
