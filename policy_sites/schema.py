"""Schema utilities: load the project's JSON Schemas, follow their references, fill optional keys, and
check data against them, explaining each error to a writer at the right file line."""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Callable

import jsonschema

from . import yaml_source
from .problems import Problem, suggestion

# Where a value was written: the key path in the checked data -> (file, line).
Locator = Callable[[tuple], tuple[str, int | None]]

TYPE_NAMES = {
    "string": "tekst", "integer": "een geheel getal", "number": "een getal", "boolean": "true of false",
    "array": "een lijst", "object": "een groep sleutels", "null": "leeg",
}


@cache
def load_schema(name: str) -> dict:
    text = resources.files(__package__).joinpath("schemas", f"{name}.schema.yml").read_text("utf-8")
    schema, _ = yaml_source.parse(text, f"policy_sites/schemas/{name}.schema.yml")
    return schema


def dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def describe(value) -> str:
    kind = {bool: "boolean", int: "integer", float: "number", str: "string", list: "array",
            dict: "object", type(None): "null"}.get(type(value), "string")
    shown = f" ({value})" if kind in ("integer", "number", "boolean", "string") else ""
    return f"{TYPE_NAMES[kind]}{shown}"


def check(data, schema: dict, locate: Locator, noun: str, missing_hint: str) -> list[Problem]:
    """Every schema error as a Problem. `noun` names what a key is ('variabele', 'sleutel')."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        path = tuple(error.absolute_path)
        problems.extend(_explain(error, path, locate, noun, missing_hint))
    return problems


def _type_fix(value, wanted: str) -> str:
    """How to write the value the schema wants, said for the mistake a writer made."""
    if value is None and wanted.startswith(TYPE_NAMES["object"]):
        return (" Zet de sleutels die erbij horen eronder, twee spaties verder ingesprongen, of zet ook deze "
                "regel in commentaar met `# `.")
    if value is None:
        return " Vul een waarde in na de dubbelepunt."
    if wanted == TYPE_NAMES["string"] and not isinstance(value, (list, dict)):
        return f' Zet de waarde tussen aanhalingstekens: "{value}".'
    if wanted == TYPE_NAMES["array"] and isinstance(value, (str, int, float)):
        return f" Schrijf een lijst tussen rechte haken, ook als er maar één waarde in staat: [{value}]."
    return ""


def _explain(error, path, locate, noun, missing_hint):
    name, value, rule = dotted(path), error.instance, error.validator
    description = error.schema.get("description", "")
    if rule == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        for key in sorted(set(value) - set(known)):
            yield Problem(*locate(path + (key,)), (
                f"`{dotted(path + (key,))}` is geen bekende {noun}.{suggestion(key, known)} "
                f"Toegelaten op deze plaats: {', '.join(known)}."))
    elif rule == "required":
        for key in error.validator_value:
            if key not in value:
                field = error.schema.get("properties", {}).get(key, {}).get("description", "")
                yield Problem(*locate(path), (
                    f"de verplichte {noun} `{dotted(path + (key,))}` ontbreekt. {missing_hint}"
                    + (f" Uitleg: {field}" if field else "")))
    elif rule == "type":
        wanted = error.validator_value
        wanted = " of ".join(TYPE_NAMES[t] for t in ([wanted] if isinstance(wanted, str) else wanted))
        yield Problem(*locate(path), f"`{name}` moet {wanted} zijn, maar is {describe(value)}.{_type_fix(value, wanted)}")
    elif rule == "enum":
        allowed = [str(v) for v in error.validator_value]
        yield Problem(*locate(path), (
            f"`{name}` heeft de waarde `{value}`, maar moet een van deze zijn: {', '.join(allowed)}."
            f"{suggestion(str(value), allowed)}"))
    elif rule == "format" and error.validator_value == "date":
        yield Problem(*locate(path), (
            f"`{name}` is geen geldige datum (`{value}`). Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2027-03-31."))
    elif rule == "format" and error.validator_value == "email":
        yield Problem(*locate(path), f"`{name}` is geen geldig e-mailadres (`{value}`). Schrijf het als naam@domein.")
    elif rule == "pattern":
        yield Problem(*locate(path), f"`{name}` heeft niet de juiste vorm (`{value}`). {description}".rstrip())
    elif rule == "minProperties":
        yield Problem(*locate(path), (
            f"`{name}` is leeg. Vul minstens één sleutel in, of haal `{name}` weg. {description}").rstrip())
    elif rule in ("minLength", "minItems"):
        yield Problem(*locate(path), f"`{name}` is leeg. Vul een waarde in. {description}".rstrip())
    elif rule == "uniqueItems":
        yield Problem(*locate(path), f"`{name}` noemt een waarde twee keer. Haal de dubbele weg.")
    elif rule in ("minimum", "maximum"):
        yield Problem(*locate(path), (
            f"`{name}` is {value}, maar moet tussen {error.schema.get('minimum')} en "
            f"{error.schema.get('maximum')} liggen."))
    else:
        yield Problem(*locate(path), f"`{name}`: {error.message}. {description}".rstrip())


def resolve_ref(schema: dict, root: dict) -> dict:
    """Follow a local `$ref` (`#/$defs/name`), keeping keys written beside it."""
    while "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def fill_optional(data: dict, schema: dict, root: dict | None = None) -> None:
    """Give optional keys their schema default, or None, so `{% if organisatie.logo %}` works under strict
    undefined and a default is written once, in the schema."""
    root = root or schema
    for key, sub in schema.get("properties", {}).items():
        sub = resolve_ref(sub, root)
        if key not in data:
            data[key] = sub.get("default")
        elif isinstance(data[key], dict):
            fill_optional(data[key], sub, root)
        elif isinstance(data[key], list) and "items" in sub:
            for item in data[key]:
                if isinstance(item, dict):
                    fill_optional(item, resolve_ref(sub["items"], root), root)
