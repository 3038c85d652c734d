"""The legal facts (recht/*.yml) and the words (woorden.yml) that differ per kind of organisation.

A module never says "the GBA" or "inwoners" itself: it asks `{{ recht("privacy.toezichthouder") }}` or
`{{ woord("klanten") }}`, and the site's kind of organisation (`organisatie.soort`, recht/soorten.yml)
chooses. Every file is checked against its schema with file and line, before any page is rendered.
"""
from __future__ import annotations

import calendar
import copy
import datetime
from dataclasses import dataclass

from . import yaml_source
from .problems import PolicyError, Problem, raise_if_any, suggestion
from .project import Project
from .schema import check as check_schema
from .schema import load_schema

FACTS_DIR = "recht"
KINDS_FILE = "soorten.yml"
WORDS_FILE = "woorden.yml"
DEFAULT_STALE_MONTHS = 12


@dataclass(frozen=True)
class Fact:
    key: str
    kinds: tuple[str, ...]
    text: str
    formal: str
    source: str
    checked_on: str
    confirmed: bool
    file: str
    line: int


@dataclass(frozen=True)
class Registry:
    kinds: dict[str, dict]            # kind -> land, publiek, omschrijving
    facts: dict[str, list[Fact]]      # key -> one entry per group of kinds
    words: dict[str, dict]            # key -> uitleg, standaard, per_land, per_soort

    def fact(self, key: str, kind: str) -> Fact | None:
        return next((f for f in self.facts.get(key, ()) if kind in f.kinds), None)

    def facts_for(self, kind: str) -> list[Fact]:
        return [fact for key in sorted(self.facts) if (fact := self.fact(key, kind))]

    def word(self, key: str, kind: str, own: dict | None = None) -> str:
        """The word for this kind: the organisation's own first, then per kind, per country, default."""
        spec = self.words[key]
        if own and own.get(key):
            return own[key]
        land = self.kinds[kind]["land"]
        return (spec.get("per_soort") or {}).get(kind) or (spec.get("per_land") or {}).get(land) or spec["standaard"]

    def missing_fact(self, key: str, kind: str) -> str:
        """Why `recht(key)` cannot be filled in for this kind, and the two ways out."""
        if key not in self.facts:
            return f"`{key}` is geen bekend wettelijk feit.{suggestion(key, self.facts)} Alle feiten staan in {FACTS_DIR}/."
        holds = sorted({k for f in self.facts[key] for k in f.kinds})
        return (f"het wettelijk feit `{key}` bestaat niet voor de soort organisatie `{kind}` (wel voor "
                f"{', '.join(holds)}). Zet de tekst binnen een voorwaarde voor de sites die het feit hebben, kies in "
                f"organisatie.yml of de variant een andere `organisatie.soort`, of voeg het feit voor `{kind}` toe in "
                f"{self.facts[key][0].file} met bron en datum")


_LOADED: dict[tuple, Registry] = {}


def load(project: Project) -> Registry:
    """Read and check recht/soorten.yml, every other file in recht/, and woorden.yml; once per process
    while none of these files changes (every variant of a build or check asks for the same registry)."""
    files = sorted((project.root / FACTS_DIR).glob("*.yml")) + [project.root / WORDS_FILE]
    key = tuple((str(f), stat.st_mtime_ns, stat.st_size) for f in files if f.exists() for stat in [f.stat()])
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = _load(project)
    return _LOADED[key]


def _load(project: Project) -> Registry:
    kinds_rel = f"{FACTS_DIR}/{KINDS_FILE}"
    kinds, kinds_lines = yaml_source.load(project.root / kinds_rel, kinds_rel)
    raise_if_any(check_schema(kinds if kinds is not None else {}, load_schema("soorten"),
                              _locator(kinds_rel, kinds_lines), "sleutel", f"Kijk {kinds_rel} na."))
    known = sorted(kinds)
    problems, facts = [], {}
    fact_schema = copy.deepcopy(load_schema("recht"))
    fact_schema["additionalProperties"]["items"]["properties"]["soorten"]["items"] = {"enum": known}
    for path in sorted((project.root / FACTS_DIR).glob("*.yml")):
        if path.name == KINDS_FILE:
            continue
        rel = project.rel(path)
        try:
            data, lines = yaml_source.load(path, rel)
        except PolicyError as error:
            problems += error.problems
            continue
        data = data if data is not None else {}
        found = check_schema(data, fact_schema, _locator(rel, lines), "sleutel",
                             "Elk feit heeft soorten, tekst, formeel, bron, nagekeken en bevestigd.")
        problems += found
        if found:
            continue
        for key, entries in data.items():
            if key in facts:
                problems.append(Problem(rel, lines.get((key,)), (
                    f"het feit `{key}` staat ook in {facts[key][0].file}. Houd elk feit in één bestand.")))
                continue
            seen: dict[str, int] = {}
            for index, entry in enumerate(entries):
                for kind in entry["soorten"]:
                    if kind in seen:
                        problems.append(Problem(rel, lines.get((key, index, "soorten")), (
                            f"de soort `{kind}` staat twee keer bij `{key}`. Houd per soort één tekst.")))
                    seen[kind] = index
            facts[key] = [Fact(key, tuple(e["soorten"]), e["tekst"].strip(), e["formeel"], e["bron"], e["nagekeken"],
                               e["bevestigd"], rel, lines.get((key, i), 1)) for i, e in enumerate(entries)]
    word_schema = copy.deepcopy(load_schema("woorden"))
    word_schema["additionalProperties"]["properties"]["per_soort"].update(
        additionalProperties=False, properties={k: {"type": "string", "minLength": 1} for k in known})
    try:
        words, word_lines = yaml_source.load(project.root / WORDS_FILE, WORDS_FILE)
        problems += check_schema(words if words is not None else {}, word_schema, _locator(WORDS_FILE, word_lines),
                                 "sleutel", "Elk woord heeft een uitleg en een standaard.")
    except PolicyError as error:
        problems += error.problems
        words = {}
    raise_if_any(problems)
    return Registry(kinds, facts, words or {})


def _locator(rel: str, lines: dict):
    def locate(path: tuple) -> tuple[str, int | None]:
        for depth in range(len(path), -1, -1):
            if path[:depth] in lines:
                return rel, lines[path[:depth]]
        return rel, 1
    return locate


def stale(facts: list[Fact], today: datetime.date, months: int | None) -> list[Fact]:
    """The facts checked longer ago than `months` (default twelve), oldest first."""
    months = months or DEFAULT_STALE_MONTHS
    total = today.year * 12 + today.month - 1 - months
    year, month = divmod(total, 12)
    limit = today.replace(year=year, month=month + 1, day=min(today.day, calendar.monthrange(year, month + 1)[1]))
    return sorted((f for f in facts if f.checked_on < limit.isoformat()), key=lambda f: f.checked_on)
