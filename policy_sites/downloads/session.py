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
from policy_sites.schema import load_schema

from . import pdf
from .chapters import (
    edit,
    plain,
    strip_pointers,
    until_next,
)
from .site import START_PAGE, Rule, Site
from .team_questions import is_question_page

QUESTIONS = 3
MAX_SLIDES = 15
RULES_PER_SLIDE = 4
POINTERS = ("Lees ", "Herkenbare situaties vind je")   # sentences that send the reader to a page
FONT_SIZES = (23, 21.5, 20, 18.5, 17, 15.5, 14)
NUMBERS = {1: "Eén", 2: "Twee", 3: "Drie"}


@dataclass(frozen=True)
class Question:
    text: str
    answer: str          # HTML: the answer's paragraphs and lists


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
    found, own = site.key_rules(POINTERS, "De informatiesessie toont de afspraken onder die kop")
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
