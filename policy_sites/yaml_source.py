"""YAML with line numbers, so every message can point at the line a writer has to change."""
from __future__ import annotations

import re
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


CURLY = "“”„‘’‚"
# A value that starts with a typographic quote was meant to be quoted, as a word processor types it.
CURLY_VALUE = re.compile(r"^[^#\n]*?(?::|^\s*-)\s+([“”„‘’‚])", re.M)
CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(\s|$)", re.M)


def conflict_markers(text: str, path: Path | str, first_line: int = 1) -> list[Problem]:
    """Lines git leaves in a file when a merge could not decide: the file is half of two versions.
    Only when a `<<<<<<<` line is there, so that a Markdown heading underlined with ======= is no conflict."""
    if not re.search(r"^<{7}(\s|$)", text, re.M):
        return []
    return [Problem(path, text.count("\n", 0, m.start()) + first_line, (
        "hier staat nog een conflictmarkering van git (`<<<<<<<`, `=======` of `>>>>>>>`): na een merge kon git "
        "niet kiezen tussen twee versies. Kies per conflict de tekst die blijft, haal de drie markeringen weg en "
        "bewaar het bestand."))
        for m in CONFLICT.finditer(text)]


def _parse_once(text: str):
    """The node tree (for line numbers) and the data built from it, from one pass of the parser."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def parse(text: str, path: Path | str, first_line: int = 1) -> tuple[object, Lines]:
    """Parse YAML text; return the data and the 1-based line of every key path and list item.

    `first_line` is the file line where `text` starts (front matter starts below `---`).
    """
    problems = conflict_markers(text, path, first_line) + [
        Problem(path, text.count("\n", 0, m.start(1)) + first_line, (
            f"deze waarde begint met een gekruld aanhalingsteken ({m[1]}), zoals een tekstverwerker het typt. "
            "YAML kent alleen rechte aanhalingstekens: vervang de gekrulde door \" (of laat ze weg)."))
        for m in CURLY_VALUE.finditer(text)]
    if problems:
        raise PolicyError(problems)
    try:
        node, data = _parse_once(text)
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
