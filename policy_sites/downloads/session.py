"""An information session: a slide deck (16:9 pages) to present the policy to a team.

The slides hold the start page's key rules ("Het beleid in het kort" and "Wat is anders voor jou"), the
first three questions of the site's question pages (each question on a slide, its answer on the next),
the contact points and a closing slide. The text is set a little smaller until every slide fits on its
own page; if it never fits, the build says so.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from lxml import html as lxml_html

from policy_sites import templates
from policy_sites.problems import PolicyError, Problem
from policy_sites.schema import load_schema

from . import pdf
from .chapters import (
    edit,
    page_named,
    plain,
    section,
    sentences_without,
    strip_pointers,
    until_next,
)
from .site import Site
from .team_questions import is_question_page

START_PAGE = "index.md"
RULES, FOR_YOU = "het-beleid-in-het-kort", "wat-is-anders-voor-jou"
QUESTIONS = 3
MAX_SLIDES = 15
RULES_PER_SLIDE = 4
POINTERS = ("Lees ", "Herkenbare situaties vind je")   # sentences that send the reader to a page
FONT_SIZES = (23, 21.5, 20, 18.5, 17, 15.5, 14)
NUMBERS = {1: "Eén", 2: "Twee", 3: "Drie"}


@dataclass(frozen=True)
class Rule:
    title: str
    text: str


@dataclass(frozen=True)
class Question:
    text: str
    answer: str          # HTML: the answer's paragraphs and lists


def rules(site: Site) -> tuple[list[Rule], list[str]]:
    """The start page's key rules (a title and a sentence or two each) and the paragraphs of
    "Wat is anders voor jou", without the sentences that point to other pages."""
    start = page_named(site.pages, START_PAGE)
    part = section(start.html, RULES) if start else None
    if part is None:
        raise PolicyError([Problem(*site.where(START_PAGE, "Het beleid in het kort"), (
            "de startpagina heeft geen kop `## Het beleid in het kort`. De informatiesessie toont de "
            "afspraken onder die kop: zet de kop terug, met de belangrijkste afspraken eronder als "
            "genummerde lijst."))])
    root = lxml_html.fragment_fromstring(part, create_parent="div")
    plain(root)
    found = []
    for item in root.xpath("./ol/li | ./ul/li"):
        strong = item.find("strong")
        title = " ".join(strong.text_content().split()) if strong is not None else ""
        whole = " ".join(item.text_content().split())
        rest = whole.removeprefix(title).strip() if title and whole.startswith(title) else whole
        found.append(Rule(title, sentences_without(rest, POINTERS)))
    own = section(start.html, FOR_YOU) if start else None
    paragraphs = []
    if own is not None:
        other = lxml_html.fragment_fromstring(own, create_parent="div")
        plain(other)
        paragraphs = [text for p in other.xpath("./p")
                      if (text := sentences_without(p.text_content(), POINTERS))]
    return found, paragraphs


def questions(site: Site, count: int = QUESTIONS) -> list[Question]:
    """The first `count` questions (`<h3>`) of the site's question pages, in the order of the menu."""
    found = []
    for page in site.pages:
        if not is_question_page(page.src):
            continue
        root = lxml_html.fragment_fromstring(page.html, create_parent="div")
        for heading in root.xpath("./h3"):
            block = until_next(heading, ("h1", "h2", "h3"))
            answer = "".join(lxml_html.tostring(e, encoding="unicode") for e in block[1:])
            text = " ".join(heading.text_content().replace("¶", "").split())
            found.append(Question(text, edit(answer, _for_slide)))
            if len(found) == count:
                return found
    return found


def rule_groups(found: list[Rule], free: int) -> list[list[Rule]]:
    """The rules spread evenly over as few slides as hold at most four each (more when `free` slides
    are not enough), so no slide is left with one rule."""
    slides = max(1, min(math.ceil(len(found) / RULES_PER_SLIDE), free))
    size, extra = divmod(len(found), slides)
    groups, start = [], 0
    for index in range(slides):
        end = start + size + (1 if index < extra else 0)
        groups.append(found[start:end])
        start = end
    return [group for group in groups if group]


def job(site: Site):
    found, own = rules(site)
    asked = questions(site)
    fixed = 1 + 1 + (1 if own else 0) + 2 * len(asked) + 1 + 1    # title, agenda, for you, Q&A, contacts, end
    groups = rule_groups(found, MAX_SLIDES - fixed)
    slides = fixed + len(groups)
    roles = {key: spec["description"] for key, spec in
             load_schema("variabelen")["properties"]["contacten"]["properties"].items()}
    sources = [templates.render("infosessie.html", **site.context(
        soort="infosessie", groepen=groepen_met_nummers(groups), eigen=own, vragen=asked, rollen=roles,
        lettergrootte=size, dias=slides, aantal=NUMBERS.get(len(asked), str(len(asked))))) for size in FONT_SIZES]
    too_long = ("een dia van de informatiesessie past niet op één pagina, ook niet in een kleinere letter. "
                "Maak de afspraken onder `## Het beleid in het kort` korter (één zin per afspraak), of het "
                "antwoord op een van de eerste drie vragen op de vragenpagina's.")
    return "\n".join(sources), lambda: pdf.write_fitting(sources, slides, f"docs/{START_PAGE}", too_long)


def groepen_met_nummers(groups: list[list[Rule]]) -> list[tuple[int, list[Rule]]]:
    """Each slide's rules with the number of its first rule, so the list counts on across slides."""
    numbered, first = [], 1
    for group in groups:
        numbered.append((first, group))
        first += len(group)
    return numbered


def _for_slide(root) -> None:
    plain(root)
    strip_pointers(root, ("Lees ",))
