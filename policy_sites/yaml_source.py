"""YAML with line numbers, so every message can point at the line a writer has to change."""
from __future__ import annotations

from pathlib import Path

import yaml

from .problems import PolicyError, Problem

Lines = dict[tuple, int]


class _Loader(yaml.SafeLoader):
    pass


# Keep ISO dates as text: JSON Schema checks them with `format: date`, and templates format them.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# PyYAML's most frequent complaints, in the words of the fix that follows them in the message.
_REASONS = {
    "mapping values are not allowed here": "een dubbelepunt waar YAML er geen verwacht",
    "found character '\\t' that cannot start any token": "een tab; YAML wil spaties",
    "could not find expected ':'": "een dubbelepunt ontbreekt",
    "expected <block end>, but found": "de inspringing klopt niet",
    "found unexpected end of stream": "een aanhalingsteken wordt niet gesloten",
    "expected ',' or ']'": "een `[` wordt niet gesloten met `]`",
    "expected ',' or '}'": "een `{` wordt niet gesloten met `}`",
}


def parse(text: str, path: Path | str, first_line: int = 1) -> tuple[object, Lines]:
    """Parse YAML text; return the data and the 1-based line of every key path and list item.

    `first_line` is the file line where `text` starts (front matter starts below `---`).
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = mark.line + first_line if mark else None
        reason = getattr(error, "problem", None) or str(error)
        reason = next((dutch for english, dutch in _REASONS.items() if reason.startswith(english)), reason)
        raise PolicyError([Problem(path, line, (
            f"de YAML is ongeldig ({reason}). Kijk op deze regel en de regel erboven de inspringing "
            "na (spaties, geen tabs), zet een spatie na elke dubbelepunt en zet tekst met een "
            "dubbelepunt of # tussen aanhalingstekens."
        ))]) from None
    lines: Lines = {}
    if node is not None:
        _record(node, (), lines, first_line)
    return data, lines


def load(path: Path, shown: str) -> tuple[object, Lines]:
    """Load a YAML file; `shown` is its name in messages (relative to the project)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError([Problem(shown, None, "dit bestand bestaat niet. Maak het aan of kijk de naam na.")]) from None
    return parse(text, shown)


def _record(node: yaml.Node, at: tuple, lines: Lines, first_line: int) -> None:
    lines.setdefault(at, node.start_mark.line + first_line)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[at + (key.value,)] = key.start_mark.line + first_line
            _record(value, at + (key.value,), lines, first_line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record(item, at + (index,), lines, first_line)
