"""The change log (wijzigingen.yml): every approved version, newest first, with per change the pages it
touches and one sentence for readers.

One source for the current version: the newest entry must be `beleid.versie`, approved on
`beleid.goedgekeurd_op`, or the build stops with the file and line of both. The log names the
organisation it belongs to; a fork with another `organisatie.naam` inherited someone else's history,
so its sites show no versions (and nothing is checked against them) until it starts its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import yaml_source
from .problems import Problem, raise_if_any
from .project import Project
from .schema import check as check_schema, load_schema
from .variants import deepest_key

FILE = "wijzigingen.yml"
PAGE = "wat-is-er-veranderd.md"


@dataclass(frozen=True)
class Change:
    pages: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Version:
    number: str
    date: str
    approved_by: str | None
    changes: tuple[Change, ...]
    line: int


@dataclass(frozen=True)
class ChangeLog:
    rel: str
    organisation: str
    versions: tuple[Version, ...]    # newest first

    @property
    def newest(self) -> Version:
        return self.versions[0]


def load(project: Project) -> ChangeLog | None:
    """The checked change log, or None when the project has none."""
    path = project.root / FILE
    if not path.is_file():
        return None
    rel = project.rel(path)
    data, lines = yaml_source.load(path, rel)

    def locate(key_path: tuple) -> tuple[str, int]:
        return rel, deepest_key(lines, (), key_path)[1]

    raise_if_any(check_schema(data if data is not None else {}, load_schema("wijzigingen"), locate, "sleutel",
                              f"Kijk het voorbeeld bovenaan {FILE} na."))
    problems, versions = [], []
    for i, v in enumerate(data["versies"]):
        for j, change in enumerate(v["wijzigingen"]):
            for k, page in enumerate(change["paginas"]):
                if not (project.docs_dir / page).is_file():
                    at = ("versies", i, "wijzigingen", j, "paginas")
                    problems.append(Problem(rel, lines.get(at + (k,), lines.get(at)), (
                        f"`{page}` is geen pagina in docs/. Schrijf het pad van een module, zoals "
                        "basis/werkchats.md; een pagina die weg is, noem je bij de pagina die haar vervangt.")))
        versions.append(Version(v["versie"], v["datum"], v.get("goedgekeurd_door"), tuple(
            Change(tuple(c["paginas"]), c["tekst"]) for c in v["wijzigingen"]), lines[("versies", i)]))
    seen: dict[str, Version] = {}
    for before, after in zip(versions, versions[1:]):
        if after.date > before.date:
            problems.append(Problem(rel, after.line, (
                f"versie {after.number} ({after.date}) is nieuwer dan versie {before.number} ({before.date}), "
                "maar staat eronder. Zet de nieuwste versie bovenaan.")))
    for version in versions:
        if version.number in seen:
            problems.append(Problem(rel, version.line, (
                f"versie {version.number} staat er twee keer in (ook op regel {seen[version.number].line}). "
                "Voeg de wijzigingen samen onder één versie.")))
        seen.setdefault(version.number, version)
    raise_if_any(problems)
    return ChangeLog(rel, data["organisatie"], tuple(versions))


def applies(log: ChangeLog, organisation_name: str) -> bool:
    """Is this the history of the organisation in organisatie.yml (not of the project a fork came from)?"""
    return log.organisation.strip() == str(organisation_name).strip()


def agreement_problems(project: Project, log: ChangeLog, variables: dict, variant_file: Path | None) -> list[Problem]:
    """`beleid.versie` and `beleid.goedgekeurd_op` must be the newest version and its date."""
    policy, newest = variables["beleid"], log.newest
    problems = []
    for key, wanted, what in (("versie", newest.number, "versie"), ("goedgekeurd_op", newest.date, "datum")):
        value = str(policy[key])
        if value == str(wanted):
            continue
        where, line = _where(project, key, variant_file)
        problems.append(Problem(where, line, (
            f"`beleid.{key}` is {value}, maar de nieuwste versie in {log.rel} (regel {newest.line}) heeft "
            f"`{what}: {wanted}`. Zet hier {wanted}, of voeg de nieuwe versie bovenaan {log.rel} toe: "
            "de site toont één versie en één datum.")))
    return problems


def _where(project: Project, key: str, variant_file: Path | None) -> tuple[str, int | None]:
    if variant_file is not None and variant_file.is_file():
        _, lines = yaml_source.load(variant_file, project.rel(variant_file))
        if ("variabelen", "beleid", key) in lines:
            return project.rel(variant_file), lines[("variabelen", "beleid", key)]
    _, lines = yaml_source.load(project.organisation_file, project.rel(project.organisation_file))
    return project.rel(project.organisation_file), lines.get(("beleid", key), lines.get(("beleid",)))


def for_site(log: ChangeLog | None, titles: dict[str, str], approved_by: str) -> list[dict]:
    """The context variable `wijzigingen`: every version, newest first, with only the changes that touch a
    page of this site (`titles`: page -> title), and per change only this site's pages."""
    if log is None:
        return []
    out = []
    for version in log.versions:
        changes = [{"tekst": c.text, "paginas": [{"pad": p, "titel": titles[p]} for p in c.pages if p in titles]}
                   for c in version.changes if any(p in titles for p in c.pages)]
        out.append({"versie": version.number, "datum": version.date,
                    "goedgekeurd_door": version.approved_by or approved_by, "wijzigingen": changes})
    return out
