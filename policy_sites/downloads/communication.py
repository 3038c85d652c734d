"""Two pages of the communication team's site as documents of their own, each on one A4:

- the house rules for the organisation's public pages (`## De huisregels` of communicatie/huisregels.md),
  ready to publish with the organisation's name and accounts;
- the crisis checklist (`## De checklist` of communicatie/crisis.md), every item with a box to tick.

A site has them only when it has the page; a page without its section stops the build with its file.
"""
from __future__ import annotations

from policy_sites import templates
from policy_sites.problems import PolicyError, Problem

from . import pdf
from .chapters import page_named, section_body
from .site import Site

HOUSE_RULES = ("communicatie/huisregels.md", "de-huisregels", "De huisregels")
CHECKLIST = ("communicatie/crisis.md", "de-checklist", "De checklist")
FONT_SIZES = (11.5, 11, 10.5, 10, 9.5, 9, 8.5, 8)


def has(site: Site, what: tuple[str, str, str]) -> bool:
    return page_named(site.pages, what[0]) is not None


def _part(site: Site, what: tuple[str, str, str], document: str) -> str:
    src, heading_id, heading = what
    body = section_body(page_named(site.pages, src).html, heading_id, drop_examples=True)
    if not body:
        raise PolicyError([Problem(*site.where(src, heading), (
            f"de pagina heeft geen kop `## {heading}`. {document} neemt de tekst onder die kop over: zet de kop "
            f"terug (precies zo geschreven), met de tekst eronder."))])
    return body


def _job(site: Site, what, template: str, kind: str, document: str):
    text = _part(site, what, document)
    sources = [templates.render(template, **site.context(soort=kind, tekst=text, lettergrootte=size))
               for size in FONT_SIZES]
    too_long = (f"de tekst onder `## {what[2]}` past niet op één A4, ook niet in een kleinere letter. "
                "Maak hem korter: één zin per punt.")
    path, line = site.where(what[0], what[2])
    return "\n".join(sources), lambda: pdf.write_one_page(sources, f"{path}:{line}" if line else path, too_long)


def house_rules_job(site: Site):
    return _job(site, HOUSE_RULES, "huisregels.html", "huisregels", "Het document met de huisregels")


def checklist_job(site: Site):
    return _job(site, CHECKLIST, "crisischecklist.html", "crisischecklist", "De crisischecklist")
