"""The functions and filters writers use in modules, and the names of the variables set per site.

One definition serves both the renderer (mkdocs-macros, through `macros.py`) and the static
check (`template_check.py`), so the check knows exactly what a page may call.
"""
from __future__ import annotations

import datetime

import jinja2

from .problems import suggestion
from .project import EVERYONE

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

# Function name -> the kind of names it takes, checked against the closed vocabularies.
HELPERS = {"voor": "audience", "contact": "contact"}
# Set by the build for each site: the audience, every audience with its description, the variant,
# and the review data of every page on the site (source path -> titel, eigenaar, nagekeken, herzien_voor, te_laat).
SITE_NAMES = frozenset({"doelgroep", "doelgroepen", "variant", "paginas"})
FILTERS = frozenset(jinja2.filters.FILTERS) | {"datum"}


def make_voor(audience: str, audiences: dict):
    def voor(*names: str) -> bool:
        """True on the sites of these audiences: `{% if voor("zorg", "politie") %}`."""
        for name in names:
            if name not in audiences:
                raise ValueError(f"`{name}` is geen bekende doelgroep.{suggestion(name, audiences)}")
        return audience in names or EVERYONE in names
    return voor


def make_contact(contacts: dict):
    def contact(key: str) -> str:
        """One contact point as a Markdown line: name, e-mail and phone, each a link."""
        if key not in contacts:
            raise ValueError(f"`{key}` is geen bekend aanspreekpunt.{suggestion(key, contacts)}")
        c = contacts[key]
        who = f"**{c['naam']}**" + (f" ({c['functie']})" if c.get("functie") else "")
        phone = "".join(ch for ch in c["telefoon"] if ch.isdigit() or ch == "+")
        return f"{who}: [{c['email']}](mailto:{c['email']}), [{c['telefoon']}](tel:{phone})"
    return contact


def datum(value: str) -> str:
    """`2026-09-15` -> `15 september 2026`."""
    day = datetime.date.fromisoformat(str(value))
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
