"""One variant: its file in variants/, its variables merged over the organisation's, all checked."""
from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from . import yaml_source
from .problems import PolicyError, Problem, raise_if_any, suggestion
from .project import Project
from .registry import Registry
from .registry import load as load_registry
from .schema import check as check_schema, fill_optional, load_schema


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
    close = suggestion(name, names)
    return Problem(f"variants/{name}.yml", None, (
        f"er is geen variant `{name}`.{close} Bestaande varianten: {', '.join(names) or 'geen'}. "
        + ("Kijk de naam na." if close else
           f"Kijk de naam na, of maak de variant met `python3 build_variants.py --nieuw {name} --doelgroep DOELGROEP`.")))


def variables_schema(registry: Registry) -> dict:
    """The variables schema with the kinds of organisation and the words this project knows."""
    schema = copy.deepcopy(load_schema("variabelen"))
    schema["properties"]["organisatie"]["properties"]["soort"]["enum"] = sorted(registry.kinds)
    schema["properties"]["woorden"].update(additionalProperties=False, properties={
        key: {"$ref": "#/$defs/tekst", "description": spec["uitleg"]} for key, spec in registry.words.items()})
    return schema


def load_variant(project: Project, name: str, registry: Registry | None = None) -> Variant:
    """Read a variant, merge its variables over the organisation's, and check them all.

    The country and sector (`organisatie.land`, `organisatie.publiek`) follow from the kind of
    organisation. Raises PolicyError listing every problem, before any page is rendered.
    """
    if name not in project.variant_names():
        raise PolicyError([unknown_variant(project, name)])
    audiences = project.audiences()
    file = project.variants_dir / f"{name}.yml"
    variant_rel, org_rel = project.rel(file), project.rel(project.organisation_file)
    variant, variant_lines = yaml_source.load(file, variant_rel)
    org, org_lines = yaml_source.load(project.organisation_file, org_rel)

    variant_schema = copy.deepcopy(load_schema("variant"))
    variant_schema["properties"]["doelgroep"]["enum"] = sorted(audiences)
    problems = check_schema(
        variant if variant is not None else {}, variant_schema,
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

    registry = registry or load_registry(project)
    schema = variables_schema(registry)
    raise_if_any(check_schema(
        merged, schema, locate, "variabele",
        f"Voeg ze toe in {org_rel} (voor alle sites) of onder `variabelen:` in {variant_rel} (voor deze site)."))
    organisation = merged["organisatie"]
    kind = registry.kinds[organisation["soort"]]
    if organisation.get("land", kind["land"]) != kind["land"]:
        raise PolicyError([Problem(*locate(("organisatie", "land")), (
            f"`organisatie.land` is {organisation['land']}, maar de soort `{organisation['soort']}` is een organisatie "
            f"in {kind['land']}. Haal `land` weg (het volgt uit de soort), of kies een soort uit {kind['land'] == 'BE' and 'NL' or 'BE'}."))])
    if "publiek" in organisation:
        raise PolicyError([Problem(*locate(("organisatie", "publiek")), (
            "`organisatie.publiek` volgt uit `organisatie.soort`. Haal de regel weg."))])
    organisation.update(land=kind["land"], publiek=kind["publiek"])
    fill_optional(merged, schema)
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
