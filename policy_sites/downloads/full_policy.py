"""The full policy of one site: a PDF with a cover, a table of contents and page numbers, and a Word file.

Both are made from the same chapters: every page of the site in the order of its navigation.
"""
from __future__ import annotations

from dataclasses import replace

from lxml.html import HtmlElement

from policy_sites import templates

from . import pdf, word
from .chapters import edit
from .site import Site


def pdf_job(site: Site):
    source = templates.render("volledig.html", **site.context(
        soort="volledig", hoofdstukken=site.chapters))
    return source, lambda: pdf.write(source)


def word_job(site: Site):
    chapters = [replace(c, html=edit(c.html, _box_titles_as_divs)) for c in site.chapters]
    source = templates.render("woord.html", **site.context(soort="woord", stijl="", hoofdstukken=chapters))
    return source, lambda: word.write(source, site.title, site.language)


def _box_titles_as_divs(root: HtmlElement) -> None:
    """pandoc's HTML reader keeps a div's class but drops a paragraph's; as a div, an example box's title
    stays recognisable for the filter that sets it in bold (word.lua)."""
    for title in root.xpath('.//p[@class="admonition-title"]'):
        title.tag = "div"
