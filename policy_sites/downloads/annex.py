"""An annex to the staff regulations: the binding part of the policy in numbered articles, as Word (to
adapt) and PDF (to read), for the organisation's legal staff.

Every article quotes the site's own rendered rule sections: the start page's key rules become the
numbered items of article 4 ("Plichten"); the other articles take whole sections of the pages named in
ARTICLES, without their example boxes. The template adds only short formal connecting sentences and the
approval data from the variables. A section a site does not have is left out; article 4 needs the start
page's `## Het beleid in het kort`.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import html as lxml_html

from policy_sites import templates

from . import pdf, word
from .chapters import (
    page_named,
    section_body,
    sentences_without,
    strip_pointers,
)
from .site import Site

POINTERS = ("Lees ", "Herkenbare situaties vind je", "Meer lees je")


@dataclass(frozen=True)
class Source:
    page: str            # the page in docs/
    heading: str         # the id of its `<h2>`


# Article number -> the sections it quotes, in this order. Article 4 comes from the start page's list.
ARTICLES = {
    1: [Source("index.md", "voor-wie")],
    2: [Source("basis/wat-sociale-media-zijn.md", "meer-dan-facebook")],
    3: [Source("basis/je-mening-geven.md", "wat-kan"), Source("basis/je-eigen-tijd.md", "wat-je-mag")],
    5: [Source("basis/vertrouwelijke-informatie.md", "wat-is-vertrouwelijk"),
        Source("basis/vertrouwelijke-informatie.md", "de-toets-is-het-al-officieel-bekend")],
    6: [Source("basis/spreken-in-eigen-naam.md", "wie-spreekt-namens-de-organisatie"),
        Source("basis/als-we-online-besproken-worden.md", "vragen-van-journalisten")],
    7: [Source("basis/zorgen-melden.md", "eerst-binnen-hier-kun-je-terecht"),
        Source("basis/zorgen-melden.md", "een-misstand-melden-klokkenluiders-zijn-beschermd")],
    8: [Source("basis/toezicht-en-sancties.md", "wat-we-opvolgen"),          # hard profile
        Source("basis/toezicht-en-sancties.md", "wat-we-niet-doen"),
        Source("basis/toezicht-en-sancties.md", "als-een-afspraak-niet-wordt-nagekomen"),
        Source("basis/als-het-misgaat.md", "wat-er-gebeurt-als-een-afspraak-niet-wordt-nagekomen"),   # soft
        Source("basis/als-het-misgaat.md", "wie-beslist")],
}


def quoted(site: Site, sources: list[Source]) -> str:
    """The sections this site has, one after the other, as printable HTML."""
    parts = []
    for source in sources:
        page = page_named(site.pages, source.page)
        body = section_body(page.html, source.heading) if page else None
        if body:
            parts.append(_formal(body))
    return "".join(parts)


def _formal(html: str) -> str:
    """Without the sentences that send the reader to another page, and the boxes as plain paragraphs."""
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    strip_pointers(root, POINTERS)
    for title in root.xpath('.//p[contains(concat(" ", @class, " "), " admonition-title ")]'):
        title.drop_tree()
    for box in root.xpath('.//div[contains(concat(" ", @class, " "), " admonition ")]'):
        box.drop_tag()
    for paragraph in root.xpath(".//p"):
        if paragraph.find(".//a") is None and len(paragraph) == 0:
            text = sentences_without(paragraph.text_content(), POINTERS)
            if not text:
                paragraph.drop_tree()
            else:
                paragraph.text = text
        elif " ".join(paragraph.text_content().split()).startswith(POINTERS):
            paragraph.drop_tree()
    return "".join(lxml_html.tostring(e, encoding="unicode") for e in root)


def _source(site: Site, kind: str) -> str:
    items, own = site.key_rules(POINTERS, "Artikel 4 (Plichten) van de bijlage bij de regels voor het personeel "
                                          "neemt de afspraken onder die kop over")
    hard = site.variables["profiel"]["handhaving"] == "hard"
    articles = {number: quoted(site, sources) for number, sources in ARTICLES.items()}
    return templates.render("bijlage.html", **site.context(
        **({"stijl": ""} if "woord" in kind else {}), soort=kind, artikels=articles, plichten=items, eigen=own, hard=hard,
        titel=f"Bijlage bij de regels voor het personeel van {site.organisation}"))


def pdf_job(site: Site):
    source = _source(site, "bijlage")
    return source, lambda: pdf.write(source)


def word_job(site: Site):
    source = _source(site, "bijlage woord")
    return source, lambda: word.write(source, f"Bijlage bij de regels voor het personeel van {site.organisation}",
                                      site.language, contents=False)
