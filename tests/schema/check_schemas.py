#!/usr/bin/env python3
"""check_schemas.py — the JSON Schemas in docs/ against the bundled files and the readers' keys.

Usage: check_schemas.py REPO. Validates every bundled design (YAML read with python3-yaml) with
an independent validator (python3-jsonschema), checks that typical typos are rejected, and that
the design schema names exactly the keys the C++ design reader accepts (its key tables, taken
from layout/design/*.cpp)."""
import glob
import json
import os
import re
import sys

import jsonschema
import yaml

REPO = sys.argv[1]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL:", message)


def load_schema(name):
    with open(os.path.join(REPO, "docs", name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def errors(validator, document):
    return sorted(validator.iter_errors(document), key=lambda e: list(e.path))


design = load_schema("design.schema.json")
designs = sorted(glob.glob(os.path.join(REPO, "designs", "*.yaml")))
if not designs:
    fail("no bundled designs found")
for path in designs:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.startswith("# yaml-language-server: $schema=../docs/design.schema.json\n"):
        fail(f"{path}: does not start with the yaml-language-server schema line")
    for e in errors(design, yaml.safe_load(text)):
        fail(f"{path}: {'/'.join(map(str, e.path))}: {e.message[:200]}")

# Typos a designer makes must be rejected.
base = yaml.safe_load(open(designs[0], encoding="utf-8"))
typos = {
    "unknown top-level key": lambda d: d.update({"colour": {}}),
    "unknown style key": lambda d: next(iter(d["styles"].values())).update({"weigth": 700}),
    "length without unit": lambda d: d["page"].update({"bleed": "3"}),
    "tracking with a unit": lambda d: next(iter(d["styles"].values())).update({"tracking": "-0.05em"}),
    "unknown frame key": lambda d: d["pages"][0]["frames"][0].update({"colr": "red"}),
    "unknown alignment": lambda d: next(iter(d["styles"].values())).update({"align": "centre"}),
    "frame with two contents": lambda d: d["pages"][0]["frames"][0].update({"qr": "x", "text": "y"}),
}
for what, change in typos.items():
    doc = json.loads(json.dumps(base))
    change(doc)
    if not errors(design, doc):
        fail(f"the design schema accepts a design with a typo: {what}")

# The schema's keys and the reader's keys are the same set.
def schema_keys(node, out):
    if isinstance(node, dict):
        for k, v in node.get("properties", {}).items():
            out.add(k)
            schema_keys(v, out)
        for k, v in node.items():
            if k != "properties":
                schema_keys(v, out)
    elif isinstance(node, list):
        for v in node:
            schema_keys(v, out)
    return out


def reader_keys():
    keys = set()
    for path in glob.glob(os.path.join(REPO, "layout", "design", "*.cpp")):
        src = open(path, encoding="utf-8").read()
        # map.check({...}) lists, the named key tables, the style key readers and content keys.
        for block in re.findall(r"check\(\{([^}]*)\}\)", src):
            keys.update(re.findall(r'"([a-z][a-z-]*)"', block))
        for block in re.findall(r"const std::vector<std::string> k\w*Keys = \{([^}]*)\};", src, re.S):
            keys.update(re.findall(r'"([a-z][a-z-]*)"', block))
        for block in re.findall(r"keys = \{([^}]*)\};", src):
            keys.update(re.findall(r'"([a-z][a-z-]*)"', block))
        keys.update(re.findall(r'\{"([a-z][a-z-]*)",\s*\[\]\(R& in', src))
        keys.update(re.findall(r'allowed\.push_back\("([a-z][a-z-]*)"\)', src))
        keys.update(re.findall(r'map\.has\("(include)"\)', src))
    return keys


in_schema = schema_keys(design.schema, set())
# Keys of maps whose keys are names (colours, styles, scripts, variables) are not keys.
in_schema -= set()
in_reader = reader_keys()
if not in_reader:
    fail("found no key tables in layout/design")
for k in sorted(in_reader - in_schema):
    fail(f"the design reader accepts '{k}' but the schema does not describe it")
for k in sorted(in_schema - in_reader):
    fail(f"the schema describes '{k}' but the design reader does not accept it")

# Statements' front matter and manifests: the bundled ones validate.
statement = load_schema("statement.schema.json")
for path in sorted(glob.glob(os.path.join(REPO, "content", "*.md"))):
    text = open(path, encoding="utf-8").read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if m:
        for e in errors(statement, yaml.safe_load(m.group(1)) or {}):
            fail(f"{path}: front matter {'/'.join(map(str, e.path))}: {e.message[:200]}")
# The front matter's keys: the schema's and the statement reader's tables are the same sets.
front_matter_src = open(os.path.join(REPO, "layout", "content", "front_matter.cpp"),
                        encoding="utf-8").read()


def reader_table(name):
    m = re.search(r"const std::vector<std::string> " + name + r" = \{([^}]*)\};", front_matter_src)
    if not m:
        fail(f"no {name} table in layout/content/front_matter.cpp")
        return set()
    return set(re.findall(r'"([a-z][a-z-]*)"', m.group(1)))


for what, reader_set, schema_set in [
    ("front matter", reader_table("kStatementKeys"), set(statement.schema["properties"])),
    ("cta", reader_table("kCtaKeys"), set(statement.schema["properties"]["cta"]["properties"])),
]:
    for k in sorted(reader_set - schema_set):
        fail(f"the statement reader accepts the {what} key '{k}' but the schema does not")
    for k in sorted(schema_set - reader_set):
        fail(f"the statement schema has the {what} key '{k}' but the reader does not accept it")

# What the reader refuses, the schema refuses; what it accepts, the schema accepts (the same
# cases are read by the C++ reader in tests/unit/content/front_matter_test.cpp).
statement_cases = {
    "misspelt key": ({"headlin": "x"}, False),
    "unknown single value": ({"place": "Town hall"}, False),
    "misspelt cta key": ({"cta": {"text": "Join", "uri": "x.org"}}, False),
    "cta as text": ({"cta": "x.org"}, False),
    "demands as a map": ({"demands": {"a": "b"}}, False),
    "a group of one's own": ({"event": {"place": "Town hall", "date": "today"}}, True),
    "one demand as text": ({"demands": "End all deportations"}, True),
    "a number as headline": ({"headline": 2020}, True),
}
for what, (doc, accepted) in statement_cases.items():
    if (not errors(statement, doc)) != accepted:
        fail(f"the statement schema {'refuses' if accepted else 'accepts'} {what}: {doc}")

manifest = load_schema("manifest.schema.json")
for path in sorted(glob.glob(os.path.join(REPO, "examples", "*", "*.yaml")) +
                   glob.glob(os.path.join(REPO, "content", "campaign.yaml"))):
    for e in errors(manifest, yaml.safe_load(open(path, encoding="utf-8"))):
        fail(f"{path}: {'/'.join(map(str, e.path))}: {e.message[:200]}")
if errors(manifest, {"designs": ["leaflet-a5"], "ouputs": ["x.pdf"]}) == []:
    fail("the manifest schema accepts the typo 'ouputs'")

print(f"{len(designs)} designs checked, {len(in_reader)} reader keys compared")
sys.exit(1 if failures else 0)
