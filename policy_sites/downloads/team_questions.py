"""Question-and-answer scenarios for a team meeting: the site's question pages, one question a card, and
the self-test (Test jezelf) to print: its situations with lettered answers, then the answers."""
from __future__ import annotations

from dataclasses import replace
from html import escape
from pathlib import PurePosixPath

from lxml import html as lxml_html
from lxml.html import HtmlElement

from policy_sites import templates

from . import pdf
from .chapters import Chapter, chapters, edit, until_next
from .site import Site


def is_question_page(src: str) -> bool:
    stem = PurePosixPath(src).stem
    return stem == "vragen-en-antwoorden" or stem.startswith("vragen-")


def job(site: Site):
    pages = [p for p in site.pages if is_question_page(p.src)]
    cards = [replace(c, html=edit(c.html, _cards)) for c in chapters(pages, site.site_url)]
    test = next((p for p in site.pages if p.src == SELF_TEST_PAGE), None)
    printed = self_test_chapter(test.html) if test else None
    if printed:
        cards.append(printed)
    source = templates.render("teamoverleg.html", **site.context(soort="teamoverleg", hoofdstukken=cards))
    return source, lambda: pdf.write(source)


def _cards(root: HtmlElement) -> None:
    """Each question (an `<h3>` and what follows it, up to the next heading) in a `<div class="vraag">`:
    the style sheet numbers the cards and keeps each from breaking across pages."""
    for question in list(root.iter("h3")):
        card = question.makeelement("div", {"class": "vraag"})
        question.addprevious(card)
        card.extend(until_next(question, ("h1", "h2", "h3")))


SELF_TEST_PAGE = "test-jezelf.md"


def self_test_chapter(page_html: str) -> Chapter | None:
    """The self-test as the site shows it (docs/test-jezelf.md after the build filled it in), laid out for
    paper: every situation with its answers A to D, then the right answers with the explanation."""
    root = lxml_html.fragment_fromstring(page_html, create_parent="div")
    questions = root.xpath('.//div[@data-zelftest]//section[@data-zt-vraag]')
    if not questions:
        return None
    cards, answers = [], []
    for question in questions:
        situation = " ".join(question.xpath('string(.//legend//*[@class="zt-situatie"])').split())
        ask = " ".join(question.xpath('string(.//legend//*[@class="zt-vraagtekst"])').split())
        options = "".join(f"<li>{escape(' '.join(label.text_content().split()))}</li>"
                          for label in question.xpath('.//fieldset//label'))
        cards.append(f'<div class="vraag"><h3>{escape(ask)}</h3><p>{escape(situation)}</p>'
                     f'<ul class="keuzes">{options}</ul></div>')
        right = " ".join(question.xpath('string(.//*[@class="zt-juist"])').split())
        why = " ".join(question.xpath('string(.//*[@class="zt-waarom"])').split())
        more = " ".join(question.xpath('string(.//*[@class="zt-meer"])').split())
        answers.append(f"<li><strong>{escape(right)}</strong> {escape(why)} {escape(more)}</li>")
    return Chapter("test-jezelf", "Test jezelf", None, (
        '<h1 id="test-jezelf">Test jezelf</h1>'
        "<p>Lees een situatie voor. Laat iedereen eerst zelf een antwoord kiezen. Praat erover, en lees "
        "dan het antwoord achteraan.</p>"
        + '<div style="counter-reset: vraag">' + "".join(cards) + "</div>"
        + '<h2 id="test-jezelf-antwoorden">De antwoorden</h2><ol class="antwoorden">' + "".join(answers) + "</ol>"))
