"""The policy on one A4: the key rules from the start page, the contact points and the version.

The rules are the start page's sections "Het beleid in het kort" and "Wat is anders voor jou", as this
site shows them. The text is set a little smaller until it fits; if it never fits, the build says so.
"""
from __future__ import annotations

from policy_sites import templates

from . import pdf
from .chapters import chapters, section
from .site import FOR_YOU, KEY_RULES, START_PAGE, Site
from policy_sites.schema import load_schema

SECTIONS = (KEY_RULES, FOR_YOU)   # the first one is required
FONT_SIZES = (11, 10.5, 10, 9.5, 9, 8.5, 8, 7.5)


def job(site: Site):
    start = [page for page in site.pages if page.src == START_PAGE]
    parts = [section(chapter.html, f"{chapter.id}--{name}") for chapter in chapters(start, site.site_url)
             for name in SECTIONS]
    if not parts or parts[0] is None:
        raise site.no_key_rules("Het beleid op één A4 neemt de afspraken onder die kop over")
    roles = {key: spec["description"] for key, spec in
             load_schema("variabelen")["properties"]["contacten"]["properties"].items()}
    sources = [templates.render("een-a4.html", **site.context(
        soort="een-a4", regels="".join(p for p in parts if p), rollen=roles, lettergrootte=size))
        for size in FONT_SIZES]
    too_long = ("de afspraken onder `## Het beleid in het kort` (en `## Wat is anders voor jou`) passen "
                "niet op één A4, ook niet in een kleinere letter. Maak ze korter: één zin per afspraak, "
                "en verwijs voor de uitleg naar de pagina's.")
    return "\n".join(sources), lambda: pdf.write_one_page(sources, f"docs/{START_PAGE}", too_long)
