"""Policy modules: the Markdown files in docs/, their front matter, and which audiences they are for."""
from __future__ import annotations

import calendar
import copy
import datetime
from dataclasses import dataclass
from pathlib import Path

from . import yaml_source
from .problems import PolicyError, Problem, raise_if_any
from .project import EVERYONE, Project
from .schema import check as check_schema, load_schema

DEFAULT_REVIEW_MONTHS = 12
# Front matter keys before version 3, when they were English: still read for one release, with a notice.
OLD_KEYS = {"audiences": "doelgroepen", "profile": "alleen_bij_profiel", "owner": "eigenaar",
            "last_reviewed_on": "nagekeken_op", "review_in_months": "herzien_na_maanden"}


@dataclass(frozen=True)
class Module:
    path: Path
    src: str            # path inside docs/, with forward slashes, as MkDocs names it
    rel: str            # path inside the project, as messages show it
    meta: dict
    meta_lines: dict
    text: str           # the whole file, front matter blanked out so Jinja line numbers are file lines
    notices: tuple[Problem, ...] = ()   # old key names still read: shown, never an error

    @property
    def audiences(self) -> list[str]:
        return list(self.meta.get("doelgroepen") or [])

    @property
    def owner(self) -> str:
        return self.meta["eigenaar"]

    @property
    def last_reviewed(self) -> str:
        return self.meta["nagekeken_op"]

    @property
    def profile(self) -> dict:
        return self.meta.get("alleen_bij_profiel") or {}

    @property
    def review_due(self) -> str:
        """The date this page must be checked again: last review plus its interval, as JJJJ-MM-DD."""
        last = datetime.date.fromisoformat(self.last_reviewed)
        months = last.month - 1 + int(self.meta.get("herzien_na_maanden") or DEFAULT_REVIEW_MONTHS)
        year, month = last.year + months // 12, months % 12 + 1
        return last.replace(year=year, month=month, day=min(last.day, calendar.monthrange(year, month)[1])).isoformat()

    def is_for_audience(self, audience: str) -> bool:
        return EVERYONE in self.audiences or audience in self.audiences

    def is_for(self, audience: str, profile: dict) -> bool:
        """On the site of this audience, with this policy profile?"""
        return self.is_for_audience(audience) and all(
            profile.get(scale) in values for scale, values in self.profile.items())


def read(project: Project, path: Path) -> Module:
    rel = project.rel(path)
    raw = path.read_text(encoding="utf-8")
    raise_if_any(yaml_source.conflict_markers(raw, rel))
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise PolicyError([Problem(rel, 1, (
            "de pagina begint niet met front matter. Zet bovenaan een blok tussen twee regels `---` "
            "met title, doelgroepen, eigenaar en nagekeken_op; kopieer het uit sjablonen/module.md."))])
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        raise PolicyError([Problem(rel, 1, (
            "de front matter is niet afgesloten. Zet een regel `---` onder de laatste sleutel."))])
    meta, meta_lines = yaml_source.parse("".join(lines[1:end]), rel, first_line=2)
    body = "\n" * (end + 1) + "".join(lines[end + 1:])
    src = path.relative_to(project.docs_dir).as_posix()
    meta = meta if isinstance(meta, dict) else {}
    notices = []
    for old, new in OLD_KEYS.items():
        if old in meta and new not in meta:
            meta[new] = meta.pop(old)
            meta_lines = {(new, *key[1:]) if key[:1] == (old,) else key: line for key, line in meta_lines.items()}
            notices.append(Problem(rel, meta_lines.get((new,)), (
                f"de sleutel `{old}` heet nu `{new}`. Verander de naam; de oude werkt nog tot de volgende versie.")))
    return Module(path, src, rel, meta, meta_lines, body, tuple(notices))


def read_fragments(project: Project) -> list[Module]:
    """The shared fragments in fragmenten/: Jinja and Markdown without front matter, never a page."""
    return [Module(path, path.name, project.rel(path), {}, {}, path.read_text(encoding="utf-8"))
            for path in sorted(project.fragments_dir.glob("*.md"))]


def read_all(project: Project) -> tuple[list[Module], list[Problem]]:
    modules, problems = [], []
    for path in sorted(project.docs_dir.rglob("*.md")):
        try:
            modules.append(read(project, path))
        except PolicyError as error:
            problems.extend(error.problems)
    return modules, problems


def front_matter_schema(audiences: dict, menu_groups: list[str]) -> dict:
    schema = copy.deepcopy(load_schema("module"))
    props = schema["properties"]
    props["doelgroepen"]["items"] = {"enum": [EVERYONE, *sorted(audiences)]}
    props["menu"]["enum"] = menu_groups
    variables = load_schema("variabelen")["properties"]
    props["eigenaar"]["enum"] = sorted(variables["contacten"]["properties"])
    props["alleen_bij_profiel"].update(additionalProperties=False, properties={
        scale: {"type": "array", "minItems": 1, "items": {"enum": spec["enum"]}}
        for scale, spec in variables["profiel"]["properties"].items()})
    return schema


def check_front_matter(module: Module, schema: dict) -> list[Problem]:
    return check_schema(
        module.meta, schema, lambda path: (module.rel, module.meta_lines.get(path, 1)), "sleutel",
        "Voeg ze toe in de front matter bovenaan de pagina (zie sjablonen/module.md).")
