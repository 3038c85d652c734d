"""VARIABELEN.md, the variables reference for writers and forks, generated from the schema.

Generated rather than written by hand so that it cannot drift from what the build accepts: every
variable in schemas/variabelen.schema.yml, with its value in organisatie.yml as the default.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import writer_helpers, yaml_source
from .project import Project
from .registry import load as load_registry
from .schema import resolve_ref
from .variants import variables_schema

FILE_NAME = "VARIABELEN.md"
COMMAND = "python3 build_variants.py --variabelen"

_MISSING = object()


@dataclass(frozen=True)
class Variable:
    path: str          # as a writer types it; `[]` stands for every item of a list
    kind: str
    required: bool
    default: str       # the value in organisatie.yml, as shown to a reader
    allowed: str
    meaning: str


def variables(schema: dict, organisation: dict) -> list[Variable]:
    """Every variable in the schema, groups before their members, in the schema's order."""
    found: list[Variable] = []
    _walk(schema, schema, "", [organisation], found)
    return found


def _walk(node: dict, root: dict, prefix: str, values: list, found: list[Variable]) -> None:
    required = set(node.get("required", []))
    for key, written in node.get("properties", {}).items():
        spec = resolve_ref(written, root)
        path = f"{prefix}.{key}" if prefix else key
        here = [v.get(key, _MISSING) if isinstance(v, dict) else _MISSING for v in values]
        found.append(Variable(path, _kind(spec), key in required, _show(here),
                              _allowed(written, spec, root), spec.get("description", "")))
        present = [v for v in here if v is not _MISSING and v is not None]
        if "properties" in spec:
            _walk(spec, root, path, present, found)
        elif spec.get("type") == "array" and "properties" in resolve_ref(spec.get("items", {}), root):
            items = [item for v in present if isinstance(v, list) for item in v]
            _walk(resolve_ref(spec["items"], root), root, f"{path}[]", items, found)


def _kind(spec: dict) -> str:
    if "enum" in spec:
        return "keuze"
    if spec.get("format") == "date":
        return "datum"
    if spec.get("format") == "email":
        return "e-mailadres"
    return {"object": "groep", "array": "lijst", "boolean": "true of false", "integer": "geheel getal",
            "number": "getal"}.get(spec.get("type"), "tekst")


def _allowed(written: dict, spec: dict, root: dict) -> str:
    if "enum" in spec:
        return ", ".join(f"`{v}`" for v in spec["enum"])
    if spec.get("type") == "boolean":
        return "`true`, `false`"
    if spec.get("format") == "date":
        return "JJJJ-MM-DD"
    if spec.get("format") == "email":
        return "naam@domein"
    if "minimum" in spec or "maximum" in spec:
        return f"{spec.get('minimum', '…')} tot en met {spec.get('maximum', '…')}"
    if "pattern" in spec:
        # A shared definition explains its form; a variable with its own pattern explains it itself.
        shared = resolve_ref({"$ref": written["$ref"]}, root).get("description") if "$ref" in written else None
        return shared or "vaste vorm, zie betekenis"
    if spec.get("minItems"):
        return f"minstens {spec['minItems']}"
    if spec.get("minLength"):
        return "niet leeg"
    return ""


def _show(values: list) -> str:
    present = [v for v in values if v is not _MISSING and v is not None]
    if not present:
        return "niet ingevuld"
    if all(isinstance(v, dict) for v in present):
        return ""
    if all(isinstance(v, list) for v in present):
        count = sum(len(v) for v in present)
        return f"{count} {'item' if count == 1 else 'items'}"
    shown = []
    for value in present:
        text = "true" if value is True else "false" if value is False else str(value)
        if text not in shown:
            shown.append(text)
    return ", ".join(f"`{t}`" for t in shown)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(project: Project) -> str:
    schema = variables_schema(load_registry(project))
    organisation, _ = yaml_source.load(project.organisation_file, project.rel(project.organisation_file))
    found = variables(schema, organisation if isinstance(organisation, dict) else {})
    out = [
        "# Variabelen",
        "",
        f"<!-- Gemaakt met `{COMMAND}` uit policy_sites/schemas/variabelen.schema.yml en organisatie.yml.",
        "     Pas dit bestand niet met de hand aan: maak het opnieuw met dezelfde opdracht. -->",
        "",
        "Alles wat eigen is aan een organisatie (haar naam, aanspreekpunten, accounts, waarden, land en "
        "beleidsprofiel) is een variabele. In een module schrijf je zo'n woord nooit zelf, maar als "
        "variabele: `{{ organisatie.naam }}`, `{{ contacten.hr.email }}`. De build vult het in voor elke site.",
        "",
        "- **Waarde voor alle sites:** in `organisatie.yml`. Die waarde staat hieronder in de kolom *Standaard*.",
        "- **Andere waarde voor één site:** onder `variabelen:` in `variants/<naam>.yml`, met dezelfde namen "
        "en dezelfde vorm.",
        "- **Een lijst** (`[]`) gebruik je met een lus: `{% for kanaal in kanalen %}{{ kanaal.naam }}{% endfor %}`. "
        "Een lijst in een variant vervangt de lijst uit organisatie.yml helemaal.",
        "- **Verplicht** betekent: de build stopt als de waarde ontbreekt. Een variabele die niet verplicht is "
        "en niet ingevuld, is leeg: gebruik ze binnen `{% if organisatie.logo %} ... {% endif %}`.",
        "",
        "Een tikfout in de naam van een variabele of een waarde die niet toegelaten is, stopt de build met het "
        "bestand, de regel en een voorstel.",
        "",
    ]
    table_head = ["| Variabele | Soort | Verplicht | Standaard | Toegelaten | Betekenis |",
                  "|---|---|---|---|---|---|"]
    for variable in found:
        if "." not in variable.path:
            out += ["", f"## {variable.path}", "", variable.meaning, "", *table_head]
        out.append("| " + " | ".join(_cell(c) for c in (
            f"`{variable.path}`", variable.kind, "ja" if variable.required else "nee",
            variable.default, variable.allowed, variable.meaning)) + " |")
    out += ["", "## Ook op elke site", "",
            "Deze namen vult de build zelf in voor elke site; je zet ze in geen enkel bestand.", ""]
    names = writer_helpers.documentation()
    out += [f"- `{name}`: {text}" for name, text in names["site"].items()]
    out += [f"- `{name}()`: {text}" for name, text in names["helpers"].items()]
    out += [f"- filter `{name}`: {text}" for name, text in names["filters"].items()]
    return "\n".join(out).replace("\n\n\n", "\n\n") + "\n"


def path(project: Project) -> Path:
    return project.root / FILE_NAME


def is_current(project: Project) -> bool:
    file = path(project)
    return file.exists() and file.read_text(encoding="utf-8") == render(project)


def write(project: Project) -> Path:
    file = path(project)
    file.write_text(render(project), encoding="utf-8")
    return file

