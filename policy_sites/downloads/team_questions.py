"""Question-and-answer scenarios for a team meeting: the site's question pages, one question a card."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import PurePosixPath

from policy_sites import templates

from . import pdf
from .chapters import chapters
from .site import Site

QUESTION = re.compile(r"(<h3[\s>].*?)(?=<h[123][\s>]|\Z)", re.S)


def is_question_page(src: str) -> bool:
    stem = PurePosixPath(src).stem
    return stem == "vragen-en-antwoorden" or stem.startswith("vragen-")


def job(site: Site):
    pages = [p for p in site.pages if is_question_page(p.src)]
    cards = [replace(c, html=QUESTION.sub(r'<div class="vraag">\1</div>', c.html))
             for c in chapters(pages, site.site_url)]
    source = templates.render("teamoverleg.html", **site.context(soort="teamoverleg", hoofdstukken=cards))
    return source, lambda: pdf.write(source)
