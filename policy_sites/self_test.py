"""The self-test (Test jezelf): short situations kept as data in `zelftest/*.yml`, each with three or four
answers of which one is right, an explanation and the module that says so.

Like the response scheme: `load_all` reads and checks every file for every audience, so a mistake that
only shows on the police site still stops every build; `SelfTest.for_site` gives the questions one site
shows. The texts may use the writers' helpers (`{{ woord("zorgvrager") }}`, `{{ organisatie.naam }}`):
`render` fills them in for one site.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from pathlib import Path

import jinja2

from . import templates, writer_helpers, yaml_source
from .problems import PolicyError, Problem, raise_if_any
from .project import EVERYONE, Project
from .schema import check as check_schema, load_schema
from .variants import deepest_key

FOLDER = "zelftest"
MARK = "<!-- test-jezelf -->"
FEWEST, MOST = 8, 12          # questions on one site


@dataclass(frozen=True)
class Answer:
    text: str
    right: bool


@dataclass(frozen=True)
class Question:
    key: str
    situation: str
    text: str
    answers: tuple[Answer, ...]
    explanation: str
    more: str                     # a page in docs/
    audiences: tuple[str, ...]    # empty: on every site
    rel: str                      # the file, for messages
    line: int
    more_line: int

    def is_for(self, audience: str) -> bool:
        return not self.audiences or EVERYONE in self.audiences or audience in self.audiences

    @property
    def right(self) -> Answer:
        return next(a for a in self.answers if a.right)


@dataclass(frozen=True)
class SelfTest:
    title: str
    introduction: str
    questions: tuple[Question, ...]

    def for_site(self, audience: str) -> SelfTest:
        return replace(self, questions=tuple(q for q in self.questions if q.is_for(audience)))


def files(root: Path) -> list[Path]:
    return sorted((root / FOLDER).glob("*.yml"))


def load_all(project: Project, audiences: dict[str, str]) -> SelfTest | None:
    """Every question of every file, checked; None when the project has no self-test."""
    paths = files(project.root)
    if not paths:
        return None
    loaded, problems = [], []
    for path in paths:
        try:
            loaded.append(load(project, path, audiences))
        except PolicyError as error:
            problems += error.problems
    raise_if_any(problems)
    questions = tuple(q for test in loaded for q in test.questions)
    problems += _check_keys(questions)
    problems += _check_counts(loaded[0], questions, project.rel(paths[0]), sorted(audiences))
    raise_if_any(problems)
    return SelfTest(loaded[0].title, loaded[0].introduction, questions)


def load(project: Project, path: Path, audiences: dict[str, str]) -> SelfTest:
    rel = project.rel(path)
    data, lines = yaml_source.load(path, rel)

    def locate(key_path: tuple) -> tuple[str, int]:
        return rel, deepest_key(lines, (), key_path)[1]

    raise_if_any(check_schema(data if data is not None else {}, _schema(audiences), locate, "sleutel",
                              f"Kijk het voorbeeld in {FOLDER}/zelftest.yml na."))
    questions, problems = [], []
    for key, q in data["vragen"].items():
        answers = tuple(Answer(a["antwoord"], bool(a.get("juist"))) for a in q["antwoorden"])
        question = Question(key, q["situatie"], q["vraag"], answers, q["uitleg"], q["meer"],
                            tuple(q.get("voor") or ()), rel, lines[("vragen", key)], lines[("vragen", key, "meer")])
        right = sum(a.right for a in answers)
        if right != 1:
            problems.append(Problem(rel, lines[("vragen", key, "antwoorden")], (
                f"de vraag `{key}` heeft {'geen' if right == 0 else right} juiste antwoorden. Zet `juist: true` "
                "bij precies één antwoord.")))
        if not (project.docs_dir / question.more).is_file():
            problems.append(Problem(rel, question.more_line, (
                f"`meer: {question.more}` is geen pagina in docs/. Schrijf het pad van de module die het "
                "juiste antwoord uitlegt, zoals basis/werkchats.md.")))
        questions.append(question)
    raise_if_any(problems)
    return SelfTest(data["titel"], data["inleiding"], tuple(questions))


def _schema(audiences: dict[str, str]) -> dict:
    schema = copy.deepcopy(load_schema("zelftest"))
    schema["$defs"]["doelgroepen"]["items"] = {"enum": [EVERYONE, *sorted(audiences)]}
    return schema


def _check_keys(questions: tuple[Question, ...]) -> list[Problem]:
    seen: dict[str, Question] = {}
    problems = []
    for q in questions:
        if q.key in seen:
            problems.append(Problem(q.rel, q.line, (
                f"de vraag `{q.key}` bestaat al in {seen[q.key].rel} (regel {seen[q.key].line}). Geef ze een "
                "andere naam.")))
        seen.setdefault(q.key, q)
    return problems


def _check_counts(first: SelfTest, questions, rel: str, audiences: list[str]) -> list[Problem]:
    problems = []
    for audience in audiences:
        count = sum(q.is_for(audience) for q in questions)
        if not FEWEST <= count <= MOST:
            fix = (f"Voeg er {FEWEST - count} toe met `voor: [{audience}]`" if count < FEWEST else
                   f"Laat er {count - MOST} niet voor {audience} gelden")
            problems.append(Problem(rel, 1, (
                f"de site voor {audience} krijgt {count} vragen; een test heeft er {FEWEST} tot {MOST}. {fix}.")))
    return problems


def page_problems(test: SelfTest, variant: str, included: set[str]) -> list[Problem]:
    """A `meer:` page that is not on this site would be a dead link: report it as an error."""
    return [Problem(q.rel, q.more_line, (
        f"de vraag `{q.key}` verwijst met `meer:` naar {q.more}, maar die pagina staat niet op de site "
        f"`{variant}`. Kies een pagina die op elke site met deze vraag staat, of zet `voor:` bij de vraag."))
        for q in test.questions if q.more not in included]


def render(test: SelfTest, variables: dict, helpers: dict) -> SelfTest:
    """The test with `{{ ... }}` in its texts filled in for one site. A mistake points at the question."""
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, **writer_helpers.JINJA_SYNTAX)
    env.filters.update(writer_helpers.FILTERS)
    env.globals.update(variables)
    env.globals.update(helpers)
    problems = []

    def fill(text: str, question: Question | None) -> str:
        if "{" not in text:
            return text
        try:
            return env.from_string(text).render()
        except (jinja2.TemplateError, writer_helpers.WriterError) as error:
            where = (question.rel, question.line) if question else (f"{FOLDER}/", None)
            problems.append(Problem(*where, f"deze tekst kan niet ingevuld worden: {error}"))
            return text

    questions = tuple(replace(q, situation=fill(q.situation, q), text=fill(q.text, q),
                              explanation=fill(q.explanation, q),
                              answers=tuple(replace(a, text=fill(a.text, q)) for a in q.answers))
                      for q in test.questions)
    raise_if_any(problems)
    return SelfTest(fill(test.title, None), fill(test.introduction, None), questions)


def html(test: SelfTest, links: dict[str, tuple[str, str]], assets: str) -> str:
    """The test on the site. `links`: for each `meer:` page, its (url relative to the test page, title);
    `assets`: the folder of zelftest.css and zelftest.js, relative to the test page, ending in `/`."""
    return templates.render("zelftest.html", test=test, links=links, letters="ABCD", assets=assets)

