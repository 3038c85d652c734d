"""The full policy of one site: a PDF with a cover, a table of contents and page numbers, and a Word file.

Both are made from the same chapters: every page of the site in the order of its navigation.
"""
from __future__ import annotations

import re

from policy_sites import templates

from . import pdf, word
from .site import Site


def pdf_job(site: Site):
    source = templates.render("volledig.html", **site.context(
        soort="volledig", hoofdstukken=site.chapters))
    return source, lambda: pdf.write(source)


# In Word, an example box becomes paragraphs in the style "Kader" (a style the organisation can change)
# with its title in bold.
BOX = re.compile(r'<div class="admonition')
BOX_TITLE = re.compile(r'<p class="admonition-title">(.*?)</p>', re.S)


def word_job(site: Site):
    source = templates.render("woord.html", **site.context(soort="woord", stijl="", hoofdstukken=site.chapters))
    source = BOX.sub('<div data-custom-style="Kader" class="admonition', source)
    source = BOX_TITLE.sub(r"<p><strong>\1</strong></p>", source)
    return source, lambda: word.write(source, site.title, site.language)
