"""JSON bodies for the decoding benchmark, made from an authentik OpenAPI
document so that they are valid for every client generated from it: every
property of each object is set (optional and read-only ones too), enum
values vary item by item, dates and ids are well formed.

    python3 samples.py SPEC.yml OUT_DIR

writes users.json (a 1,000-item PaginatedUserList), events.json (a
1,000-item PaginatedEventList), events-unknown-action.json (the same with
an `action` this version does not list), validation-error.json (with
per-field messages), validation-error-common.json (without them) and
patched-user-request.json.
"""

import json
import sys
import uuid

import yaml

ITEMS = 1000


class Samples:
    def __init__(self, spec):
        self.schemas = spec["components"]["schemas"]

    def resolve(self, schema):
        while "$ref" in schema:
            schema = self.schemas[schema["$ref"].rsplit("/", 1)[1]]
        return schema

    def sample(self, schema, index, depth=0):
        schema = self.resolve(schema)
        for key in ("allOf", "oneOf", "anyOf"):
            if key in schema:
                return self.sample(schema[key][0], index, depth)
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            return values[index % len(values)] if values else None
        kind = schema.get("type", "object")
        if isinstance(kind, list):
            kind = next(k for k in kind if k != "null")
        if kind == "object":
            if depth > 3:
                return {}
            properties = schema.get("properties", {})
            if not properties:
                return {"key": f"value {index}", "count": index, "enabled": True}
            return {
                name: self.sample(prop, index, depth + 1)
                for name, prop in properties.items()
            }
        if kind == "array":
            return [self.sample(schema.get("items", {}), index + n, depth + 1) for n in range(2)]
        if kind == "integer":
            return index + 1
        if kind == "number":
            return index + 0.5
        if kind == "boolean":
            return index % 2 == 0
        fmt = schema.get("format")
        if fmt == "date-time":
            return f"2025-{1 + index % 12:02}-{1 + index % 28:02}T10:{index % 60:02}:05.123456Z"
        if fmt == "date":
            return f"2025-{1 + index % 12:02}-{1 + index % 28:02}"
        if fmt == "uuid":
            return str(uuid.UUID(int=index * 7919 + depth))
        if fmt == "email":
            return f"user{index}@example.com"
        if fmt == "uri":
            return f"https://example.com/{index}"
        return f"text {index}"

    def page(self, schema_name):
        page = self.resolve(self.schemas[schema_name])
        item = page["properties"]["results"]["items"]
        return {
            "pagination": self.sample(page["properties"]["pagination"], 0),
            "results": [self.sample(item, i) for i in range(ITEMS)],
            "autocomplete": {},
        }


def main():
    spec_path, out = sys.argv[1], sys.argv[2]
    with open(spec_path) as file:
        samples = Samples(yaml.safe_load(file))
    events = samples.page("PaginatedEventList")
    unknown = json.loads(json.dumps(events))
    unknown["results"][0]["action"] = "an_action_added_later"
    bodies = {
        "users.json": samples.page("PaginatedUserList"),
        "events.json": events,
        "events-unknown-action.json": unknown,
        "validation-error.json": {
            "non_field_errors": ["Unable to log in with provided credentials."],
            "code": "invalid",
            "username": ["This field is required."],
            "email": ["Enter a valid email address."],
        },
        # What the official crate's ValidationError can hold (it drops the
        # per-field messages, which ours keeps): the like-for-like case.
        "validation-error-common.json": {
            "non_field_errors": ["Unable to log in with provided credentials."],
            "code": "invalid",
        },
        "patched-user-request.json": {
            "username": "jdoe",
            "name": "Jane Doe",
            "is_active": True,
            "last_login": None,
            "groups": [str(uuid.UUID(int=1)), str(uuid.UUID(int=2))],
            "roles": [str(uuid.UUID(int=3))],
            "email": "jdoe@example.com",
            "attributes": {"settings": {"locale": "en"}, "goauthentik.io/user/sources": ["ldap"]},
            "path": "users",
            "type": "internal",
        },
    }
    for name, body in bodies.items():
        with open(f"{out}/{name}", "w") as file:
            json.dump(body, file)


main()
