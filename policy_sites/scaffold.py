"""`--new NAAM --doelgroep DOELGROEP`: write variants/NAAM.yml for a new site.

Every variable is listed, commented out with its current value from organisatie.yml and the
schema's description, so the new file is valid and builds at once, and an organisation changes
a value by removing `# ` in front of it.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from . import yaml_source
from .problems import PolicyError, Problem, suggestion
from .project import AUDIENCE_NAME, Project
from .registry import load as load_registry
from .schema import load_schema, resolve_ref
from .variants import variables_schema

# Trailing comments start in this column, as in organisatie.yml, so the values read as a column.
COMMENT_COLUMN = 48
# Overrides live under `variabelen:`; the commented lines put `# ` where their key starts.
INDENT = "  "


def new_variant(project: Project, name: str, audience: str | None) -> Path:
    """Write variants/<name>.yml; refuse a taken or malformed name and an unknown audience."""
    file = project.variants_dir / f"{name}.yml"
    rel = project.rel(file)
    if not AUDIENCE_NAME.match(name):
        raise PolicyError([Problem(rel, None, (
            f"`{name}` kan geen naam van een variant zijn. Gebruik kleine letters, cijfers en streepjes, "
            "zonder spaties, zoals `zorg-oost`: de naam wordt ook de map van de site."))])
    if file.exists():
        raise PolicyError([Problem(rel, None, (
            "deze variant bestaat al; de opdracht overschrijft nooit een bestaand bestand. Kies een andere "
            "naam, of pas dit bestand zelf aan."))])
    audiences = project.audiences()
    if audience is None and name not in audiences:
        raise PolicyError([Problem(rel, None, (
            f"voor welke doelgroep is de site `{name}`? Geef ze mee met `--doelgroep`, een van deze: "
            f"{', '.join(sorted(audiences))}. Bijvoorbeeld: "
            f"`python3 build_variants.py --new {name} --doelgroep {sorted(audiences)[0]}`."))])
    audience = audience or name
    if audience not in audiences:
        raise PolicyError([Problem(project.rel(project.audiences_file), None, (
            f"`{audience}` is geen bekende doelgroep.{suggestion(audience, audiences)} Kies met "
            f"`--doelgroep` een van deze: {', '.join(sorted(audiences))}. Is het een nieuwe doelgroep? "
            f"Voeg dan eerst in doelgroepen.yml een regel `{audience}: wie het zijn` toe."))])
    organisation, _ = yaml_source.load(project.organisation_file, project.rel(project.organisation_file))
    text = render(name, audience, audiences[audience], organisation if isinstance(organisation, dict) else {},
                  variables_schema(load_registry(project)))
    project.variants_dir.mkdir(exist_ok=True)
    file.write_text(text, encoding="utf-8")
    return file


def render(name: str, audience: str, who: str, organisation: dict, schema: dict) -> str:
    variant_schema = load_schema("variant")["properties"]
    org_name = (organisation.get("organisatie") or {}).get("naam") or "de organisatie"
    head = [
        f"# variants/{name}.yml: de site voor {who}.",
        f"# Gemaakt met `python3 build_variants.py --new {name} --doelgroep {audience}`.",
        "#",
        "# Deze site neemt elke variabele over uit organisatie.yml. Wil je een waarde alleen voor deze site",
        "# anders? Haal onder `variabelen:` de tekens `# ` (hekje en spatie) weg voor die regel en voor de",
        "# groep erboven (zoals `organisatie:`), en pas de waarde aan. Een lijst (kanalen, waarden)",
        "# vervangt die van organisatie.yml helemaal: haal dan de hele lijst uit commentaar. Een regel met",
        "# twee hekjes is in organisatie.yml niet ingevuld: haal beide weg en vul een waarde in.",
        "# Uitleg bij elke variabele: VARIABELEN.md. Bekijk de site terwijl je werkt met",
        f"# `python3 build_variants.py --serve {name}`.",
        "",
        _line(f"doelgroep: {_scalar(audience)}", variant_schema["doelgroep"]["description"]),
        _line(f"titel: {_scalar(f'Socialemediabeleid voor {who}')}", variant_schema["titel"]["description"]),
        _line(f"beschrijving: {_scalar(f'Het socialemediabeleid van {org_name}, voor {who}.')}",
              variant_schema["beschrijving"]["description"]),
    ]
    # Any other setting of a variant (such as `offline`), commented out at its default.
    for key, spec in variant_schema.items():
        if key not in ("doelgroep", "titel", "beschrijving", "variabelen"):
            default = " false" if spec.get("type") == "boolean" else ""
            head.append(_line(f"# {key}:{default}", spec.get("description", "")))
    head.append("variabelen:")
    return "\n".join(head + _commented(schema, schema, organisation, depth=0)) + "\n"


def _commented(node: dict, root: dict, values: dict, depth: int) -> list[str]:
    """The variables of one group, each as a commented YAML line with its description."""
    lines = []
    for key, written in node.get("properties", {}).items():
        spec = resolve_ref(written, root)
        value = values.get(key) if isinstance(values, dict) else None
        lines += _entry(f"{key}:", spec, root, value, depth)
    return lines


def _entry(label: str, spec: dict, root: dict, value, depth: int, bullet: str = "") -> list[str]:
    """One key (or, with `bullet`, the first key of a list item) and everything below it."""
    pad = "  " * depth + bullet
    description = spec.get("description", "")
    if "properties" in spec:
        # A group with no value at all is commented twice, like its keys: uncommenting once keeps it out.
        return [_line(f"{pad}{'# ' if value is None else ''}{label}", description, commented=True),
                *_commented(spec, root, value or {}, depth + 1)]
    items = resolve_ref(spec.get("items", {}), root)
    if spec.get("type") == "array" and "properties" in items and value:
        lines = [_line(f"{pad}{label}", description, commented=True)]
        for number, item in enumerate(value):
            first = True
            for key, written in items["properties"].items():
                if key not in item:
                    continue
                sub = resolve_ref(written, root)
                # Explain the keys once, on the first item; the rest of the list speaks for itself.
                shown = {**sub, "description": sub.get("description", "") if number == 0 else ""}
                lines += _entry(f"{key}:", shown, root, item[key], depth + 1, "- " if first else "  ")
                first = False
        return lines
    if value is None:
        # Commented twice: removing one `# ` everywhere must still give valid variables.
        return [_line(f"{pad}# {label}", description, commented=True)]
    return [_line(f"{pad}{label} {_scalar(value)}", description, commented=True)]


def _line(code: str, description: str, commented: bool = False) -> str:
    code = f"{INDENT}# {code}" if commented else code
    if not description:
        return code
    return f"{code.ljust(COMMENT_COLUMN - 1)} # {description}"


def _scalar(value) -> str:
    """A value as YAML would read it back: quoted where it would otherwise change meaning."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return text.removesuffix("\n").removesuffix("\n...").strip()
