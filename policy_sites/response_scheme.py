"""The response scheme (reactieschema): a decision tree kept as data in `reactieschema/<naam>.yml`.

`load_all` reads and checks every scheme for every audience, so a mistake that only shows on the police
site still stops every build. `Scheme.for_site` gives the steps one site shows, numbered in reading order.
"""
from __future__ import annotations

import copy
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from policy_sites import yaml_source
from policy_sites.problems import PolicyError, Problem, raise_if_any, suggestion
from policy_sites.project import EVERYONE, Project
from policy_sites.variants import deepest_key
from .schema import check as check_schema, load_schema

SCHEME_DIR = "reactieschema"


@dataclass(frozen=True)
class Answer:
    text: str
    target: str
    audiences: tuple[str, ...]    # empty: on every site

    def is_for(self, audience: str) -> bool:
        return not self.audiences or EVERYONE in self.audiences or audience in self.audiences


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    explanation: str | None
    answers: tuple[Answer, ...]


@dataclass(frozen=True)
class Outcome:
    key: str
    title: str
    why: str | None
    steps: tuple[str, ...]
    contacts: tuple[str, ...]
    more: str | None              # a page in docs/ that explains the rule
    line: int


@dataclass(frozen=True)
class SiteStep:
    """One step as a site shows it: its number in reading order, and the answers meant for this site."""
    number: int
    node: Question | Outcome
    answers: tuple[Answer, ...] = ()

    @property
    def key(self) -> str:
        return self.node.key

    @property
    def is_outcome(self) -> bool:
        return isinstance(self.node, Outcome)


@dataclass(frozen=True)
class SiteScheme:
    name: str
    title: str
    introduction: str
    steps: tuple[SiteStep, ...]   # the first one is the start

    def number(self, key: str) -> int:
        return next(s.number for s in self.steps if s.key == key)

    @property
    def outcomes(self) -> list[SiteStep]:
        return [s for s in self.steps if s.is_outcome]


@dataclass(frozen=True)
class Scheme:
    name: str
    rel: str
    title: str
    introduction: str
    start: str
    questions: dict[str, Question]
    outcomes: dict[str, Outcome]

    def reachable(self, audience: str) -> list[str]:
        """The steps a reader of this audience can reach, breadth first: the reading order."""
        seen, order, queue = {self.start}, [], deque([self.start])
        while queue:
            key = queue.popleft()
            order.append(key)
            for answer in self.questions.get(key, Question(key, "", None, ())).answers:
                if answer.is_for(audience) and answer.target not in seen:
                    seen.add(answer.target)
                    queue.append(answer.target)
        return order

    def for_site(self, audience: str) -> SiteScheme:
        steps = []
        for number, key in enumerate(self.reachable(audience), start=1):
            if key in self.questions:
                node = self.questions[key]
                steps.append(SiteStep(number, node, tuple(a for a in node.answers if a.is_for(audience))))
            else:
                steps.append(SiteStep(number, self.outcomes[key]))
        return SiteScheme(self.name, self.title, self.introduction, tuple(steps))


def scheme_files(root: Path) -> list[Path]:
    return sorted((root / SCHEME_DIR).glob("*.yml"))


def load_all(project: Project, audiences: dict[str, str]) -> list[Scheme]:
    """Read and check every scheme. Raises PolicyError with every problem found, each with file and line."""
    schemes, problems = [], []
    for path in scheme_files(project.root):
        try:
            schemes.append(load(project, path, audiences))
        except PolicyError as error:
            problems += error.problems
    raise_if_any(problems)
    return schemes


def load(project: Project, path: Path, audiences: dict[str, str]) -> Scheme:
    rel = project.rel(path)
    data, lines = yaml_source.load(path, rel)

    def locate(key_path: tuple) -> tuple[str, int]:
        return rel, deepest_key(lines, (), key_path)[1]

    raise_if_any(check_schema(data if data is not None else {}, _schema(audiences), locate, "sleutel",
                                    "Kijk het voorbeeld in reactieschema/reactieschema.yml na."))
    questions = {
        key: Question(key, q["vraag"], q.get("uitleg"), tuple(
            Answer(a["antwoord"], a["naar"], tuple(a.get("voor") or ())) for a in q["antwoorden"]))
        for key, q in data["vragen"].items()}
    outcomes = {
        key: Outcome(key, o["titel"], o.get("waarom"), tuple(o["doen"]), tuple(o["contact"]), o.get("meer"),
                     lines[("uitkomsten", key)])
        for key, o in data["uitkomsten"].items()}
    scheme = Scheme(path.stem, rel, data["titel"], data["inleiding"], data["start"], questions, outcomes)
    raise_if_any(list(_check_tree(scheme, lines, sorted(audiences), project.docs_dir)))
    return scheme


def _schema(audiences: dict[str, str]) -> dict:
    schema = copy.deepcopy(load_schema("reactieschema"))
    schema["$defs"]["doelgroepen"]["items"] = {"enum": [EVERYONE, *sorted(audiences)]}
    contacts = load_schema("variabelen")["properties"]["contacten"]["properties"]
    schema["$defs"]["uitkomst"]["properties"]["contact"]["items"] = {"enum": sorted(contacts)}
    return schema


def _check_tree(scheme: Scheme, lines: dict, audiences: list[str], docs_dir: Path):
    rel, steps = scheme.rel, set(scheme.questions) | set(scheme.outcomes)
    for key in sorted(set(scheme.questions) & set(scheme.outcomes)):
        yield Problem(rel, lines[("uitkomsten", key)], (
            f"`{key}` is zowel een vraag als een uitkomst. Geef een van beide een andere naam."))
    if scheme.start not in scheme.questions:
        yield Problem(rel, lines[("start",)], (
            f"`start: {scheme.start}` is geen vraag in dit bestand.{suggestion(scheme.start, scheme.questions)} "
            "Schrijf na `start:` de naam van de eerste vraag."))
        return
    for key, question in scheme.questions.items():
        for index, answer in enumerate(question.answers):
            if answer.target not in steps:
                yield Problem(rel, lines[("vragen", key, "antwoorden", index, "naar")], (
                    f"`naar: {answer.target}` wijst naar een vraag of uitkomst die niet bestaat."
                    f"{suggestion(answer.target, steps)} Kies een naam onder `vragen:` of `uitkomsten:`."))
    for key, outcome in scheme.outcomes.items():
        if outcome.more and not (docs_dir / outcome.more).is_file():
            yield Problem(rel, lines[("uitkomsten", key, "meer")], (
                f"`meer: {outcome.more}` is geen pagina in docs/. Schrijf het pad van een module, zoals "
                "basis/online-lastiggevallen.md."))
    loop = _loop(scheme)
    if loop:
        key, index = loop
        yield Problem(rel, lines[("vragen", key, "antwoorden", index, "naar")], (
            "dit antwoord leidt terug naar een eerdere vraag: het schema loopt in een kring. "
            "Laat het antwoord naar een nieuwe vraag of een uitkomst gaan."))
        return
    used = set()
    for audience in audiences:
        for key in scheme.reachable(audience):
            used.add(key)
            question = scheme.questions.get(key)
            if question and sum(a.is_for(audience) for a in question.answers) < 2:
                yield Problem(rel, lines[("vragen", key)], (
                    f"de vraag `{key}` heeft op de site voor {audience} minder dan twee antwoorden. Voeg een "
                    f"antwoord toe met `voor: [{audience}]`, of laat het antwoord dat naar `{key}` leidt niet "
                    f"voor {audience} gelden."))
    for key in sorted(steps - used):
        where = ("vragen", key) if key in scheme.questions else ("uitkomsten", key)
        yield Problem(rel, lines[where], (
            f"`{key}` wordt op geen enkele site bereikt: geen antwoord leidt ernaartoe. Zet `naar: {key}` "
            "bij een antwoord, of haal deze stap weg."))


def _loop(scheme: Scheme) -> tuple[str, int] | None:
    """The first answer that leads back to a question on its own path, as (question, answer index)."""
    done: set[str] = set()

    def visit(key: str, path: set[str]):
        if key in done or key not in scheme.questions:
            return None
        for index, answer in enumerate(scheme.questions[key].answers):
            if answer.target in path or answer.target == key:
                return key, index
            found = visit(answer.target, path | {key})
            if found:
                return found
        done.add(key)
        return None

    return visit(scheme.start, set())


def page_problems(scheme: Scheme, site: SiteScheme, variant: str, included: set[str]) -> list[Problem]:
    """A `meer:` link to a page that is not on this site would be a dead link: report it as an error."""
    return [Problem(scheme.rel, step.node.line, (
        f"de uitkomst `{step.key}` verwijst met `meer:` naar {step.node.more}, maar die pagina staat niet op de "
        f"site `{variant}`. Kies een pagina die op elke site staat waar deze uitkomst bereikt wordt."))
        for step in site.outcomes if step.node.more and step.node.more not in included]
