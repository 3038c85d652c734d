"""Question-and-answer scenarios for a team meeting: the site's question pages, one question a card."""
from __future__ import annotations

from dataclasses import replace
from pathlib import PurePosixPath

from lxml.html import HtmlElement

from policy_sites import templates

from . import pdf
from .chapters import chapters, edit, until_next
from .site import Site


def is_question_page(src: str) -> bool:
    stem = PurePosixPath(src).stem
    return stem == "vragen-en-antwoorden" or stem.startswith("vragen-")


def job(site: Site):
    pages = [p for p in site.pages if is_question_page(p.src)]
    cards = [replace(c, html=edit(c.html, _cards)) for c in chapters(pages, site.site_url)]
    source = templates.render("teamoverleg.html", **site.context(soort="teamoverleg", hoofdstukken=cards))
    return source, lambda: pdf.write(source)


def _cards(root: HtmlElement) -> None:
    """Each question (an `<h3>` and what follows it, up to the next heading) in a `<div class="vraag">`:
    the style sheet numbers the cards and keeps each from breaking across pages."""
    for question in list(root.iter("h3")):
        card = question.makeelement("div", {"class": "vraag"})
        question.addprevious(card)
        card.extend(until_next(question, ("h1", "h2", "h3")))
