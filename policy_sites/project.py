"""Where things live in a policy project, and how one variant's variables are put together."""
from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import schema_check, yaml_source
from .problems import PolicyError, Problem, raise_if_any, relative, suggestion

# The variant a build or preview is for. `mkdocs serve` without it previews the site for all staff.
VARIANT_ENV = "BELEID_VARIANT"
DEFAULT_VARIANT = "medewerkers"
# Set to "uit" to build without making the download files (quick checks; the preview never makes them).
DOWNLOADS_ENV = "BELEID_DOWNLOADS"
EVERYONE = "iedereen"
AUDIENCE_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def variants_dir(self) -> Path:
        return self.root / "variants"

    @property
    def organisation_file(self) -> Path:
        return self.root / "organisatie.yml"

    @property
    def audiences_file(self) -> Path:
        return self.root / "doelgroepen.yml"

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def variant_names(self) -> list[str]:
        return sorted(p.stem for p in self.variants_dir.glob("*.yml"))

    def audiences(self) -> dict[str, str]:
        """The closed list of audiences, name -> who they are."""
        where = self.rel(self.audiences_file)
        data, lines = yaml_source.load(self.audiences_file, where)
        if not isinstance(data, dict) or not data:
            raise PolicyError([Problem(where, 1, (
                "dit bestand moet de doelgroepen opsommen, één per regel: `naam: wie het zijn`."))])
        problems = []
        for name, text in data.items():
            if not isinstance(name, str) or not AUDIENCE_NAME.match(name) or name == EVERYONE:
                problems.append(Problem(where, lines.get((name,)), (
                    f"`{name}` kan geen doelgroep zijn. Gebruik kleine letters zonder spaties, "
                    f"en niet `{EVERYONE}` (dat betekent al: elke doelgroep).")))
            elif not isinstance(text, str) or not text.strip():
                problems.append(Problem(where, lines.get((name,)), (
                    f"de doelgroep `{name}` heeft geen omschrijving. Schrijf na de dubbelepunt wie ze zijn.")))
        raise_if_any(problems)
        return data


@dataclass(frozen=True)
class Variant:
    name: str
    audience: str
    title: str
    description: str
    variables: dict
    file: Path
    offline: bool = False


def unknown_variant(project: Project, name: str) -> Problem:
    names = project.variant_names()
    return Problem(f"variants/{name}.yml", None, (
        f"er is geen variant `{name}`.{suggestion(name, names)} "
        f"Bestaande varianten: {', '.join(names) or 'geen'}. Kijk de naam na, of maak de variant met "
        f"`python3 build_variants.py --new {name} --doelgroep DOELGROEP`."))


def load_variant(project: Project, name: str) -> Variant:
    """Read a variant, merge its variables over the organisation's, and check them all.

    Raises PolicyError listing every problem, before any page is rendered.
    """
    if name not in project.variant_names():
        raise PolicyError([unknown_variant(project, name)])
    audiences = project.audiences()
    file = project.variants_dir / f"{name}.yml"
    variant_rel, org_rel = project.rel(file), project.rel(project.organisation_file)
    variant, variant_lines = yaml_source.load(file, variant_rel)
    org, org_lines = yaml_source.load(project.organisation_file, org_rel)

    schema = copy.deepcopy(schema_check.load_schema("variant"))
    schema["properties"]["doelgroep"]["enum"] = sorted(audiences)
    problems = schema_check.check(
        variant if variant is not None else {}, schema,
        lambda path: (variant_rel, variant_lines.get(path, 1)), "sleutel",
        "Zet ze bovenaan het variantbestand.")
    if not isinstance(org, dict):
        problems.append(Problem(org_rel, 1, "dit bestand moet de variabelen van de organisatie bevatten, als `naam: waarde`."))
    raise_if_any(problems)

    overrides = variant.get("variabelen") or {}
    merged = deep_merge(org, overrides)

    def locate(path: tuple) -> tuple[str, int | None]:
        # Point at the deepest key written for this path; on a tie the variant's, since it wins.
        v_depth, v_line = deepest_key(variant_lines, ("variabelen",), path)
        o_depth, o_line = deepest_key(org_lines, (), path)
        return (variant_rel, v_line) if v_depth >= max(o_depth, 0) else (org_rel, o_line)

    raise_if_any(schema_check.check(
        merged, schema_check.load_schema("variabelen"), locate, "variabele",
        f"Voeg ze toe in {org_rel} (voor alle sites) of onder `variabelen:` in {variant_rel} (voor deze site)."))
    fill_optional(merged, schema_check.load_schema("variabelen"))
    return Variant(name, variant["doelgroep"], variant["titel"], variant["beschrijving"], merged, file,
                   bool(variant.get("offline")))


def deepest_key(lines: dict, prefix: tuple, path: tuple) -> tuple[int, int]:
    for depth in range(len(path), -1, -1):
        if prefix + path[:depth] in lines:
            return depth, lines[prefix + path[:depth]]
    return -1, 1


def deep_merge(base: dict, override: dict) -> dict:
    """Override wins; groups merge key by key; lists are replaced whole."""
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def fill_optional(data: dict, schema: dict, root: dict | None = None) -> None:
    """Give optional variables the value None, so `{% if organisatie.logo %}` works under strict undefined."""
    root = root or schema
    for key, sub in schema.get("properties", {}).items():
        sub = resolve_ref(sub, root)
        if key not in data:
            data[key] = None
        elif isinstance(data[key], dict):
            fill_optional(data[key], sub, root)
        elif isinstance(data[key], list) and "items" in sub:
            for item in data[key]:
                if isinstance(item, dict):
                    fill_optional(item, resolve_ref(sub["items"], root), root)


def resolve_ref(schema: dict, root: dict) -> dict:
    """Follow a local `$ref` (`#/$defs/name`), keeping keys written beside it."""
    while "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def selected_variant() -> str:
    return os.environ.get(VARIANT_ENV) or DEFAULT_VARIANT
