"""After a fork merges upstream: the variables that are new since its last merge and still hold the
example organisation's value.

A new required variable stops the build by itself. A new optional one does not: after the merge it
silently carries upstream's example value (a Belgian phone number, the example city's name) into the
fork's sites. The fork's `UPSTREAM` file names the upstream commit it was based on; the variables
schema at that commit says which variables are new, and tests/voorbeeld/organisatie.yml holds the
example's values (upstream keeps it equal to its own organisatie.yml).
"""
from __future__ import annotations

import re
import subprocess

import yaml

from .problems import Problem
from .project import Project
from .schema import load_schema, resolve_ref

MARKER_FILE = "UPSTREAM"
SCHEMA_PATH = "policy_sites/schemas/variabelen.schema.yml"
EXAMPLE = "tests/voorbeeld/organisatie.yml"


def _paths(schema: dict, root: dict, prefix: tuple = ()) -> set[tuple]:
    found = set()
    for key, spec in schema.get("properties", {}).items():
        spec = resolve_ref(spec, root)
        found.add(prefix + (key,))
        found |= _paths(spec, root, prefix + (key,))
    return found


def _value(data, path: tuple):
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def based_on(project: Project) -> str | None:
    marker = project.root / MARKER_FILE
    if not marker.exists():
        return None
    found = re.search(r"^commit:\s*([0-9a-f]{7,40})\s*$", marker.read_text(encoding="utf-8"), re.M)
    return found[1] if found else None


def example_values_in_new_variables(project: Project) -> list[Problem]:
    """Variables added upstream since the `UPSTREAM` commit whose value is still the example's."""
    commit = based_on(project)
    if commit is None:
        return []
    try:
        old_text = subprocess.run(["git", "show", f"{commit}:{SCHEMA_PATH}"], cwd=project.root, capture_output=True,
                                  text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return [Problem(MARKER_FILE, None, (
            f"de commit {commit[:10]} uit {MARKER_FILE} is niet gevonden in git. Haal upstream op met "
            "`git fetch upstream`, of schrijf in UPSTREAM de commit waarop je fork steunt."))]
    old = yaml.safe_load(old_text) or {}
    new = load_schema("variabelen")
    added = sorted(_paths(new, new) - _paths(old, old))
    own = yaml.safe_load((project.organisation_file).read_text(encoding="utf-8")) or {}
    example_file = project.root / EXAMPLE
    example = yaml.safe_load(example_file.read_text(encoding="utf-8")) if example_file.exists() else {}
    problems = []
    for path in added:
        value = _value(own, path)
        if value is not None and not isinstance(value, (dict, list)) and value == _value(example, path):
            name = ".".join(path)
            problems.append(Problem(project.rel(project.organisation_file), None, (
                f"`{name}` is nieuw sinds commit {commit[:10]} van upstream en heeft nog de waarde van de "
                f"voorbeeldorganisatie ({value}). Vul je eigen waarde in; uitleg staat in VARIABELEN.md.")))
    return problems
