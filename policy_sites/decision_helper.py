"""The response scheme on the site: a step-by-step helper that also reads well without JavaScript."""
from __future__ import annotations

from dataclasses import dataclass

from . import templates
from .response_scheme import SiteScheme


@dataclass(frozen=True)
class Link:
    url: str        # relative to the page that shows the scheme
    title: str


def html(scheme: SiteScheme, contacts: dict, pages: dict[str, Link]) -> str:
    """`pages`: for each `meer:` page of the scheme, where it is on this site."""
    return templates.render("beslishulp.html", schema=scheme, contacten=contacts, meer=pages)
