"""The HTML templates (in templates/) of the site's response-scheme helper and of the downloads, with the
writers' own filters."""
from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
import markdown
from markupsafe import Markup

from policy_sites import writer_helpers

FOLDER = Path(__file__).parent / "templates"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(FOLDER), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(writer_helpers.FILTERS)
    return env


def contact_html(contacts: dict, key: str) -> str:
    """A contact point as the modules show it (`{{ contact("hr") }}`), as inline HTML."""
    text = markdown.markdown(writer_helpers.make_contact(contacts)(key))
    return text.removeprefix("<p>").removesuffix("</p>")


def render(template: str, **context) -> str:
    contacts = context.get("contacten")
    if contacts is not None:
        context.setdefault("contact", lambda key: Markup(contact_html(contacts, key)))
    return _environment().get_template(template).render(**context)


@cache
def style(name: str) -> str:
    return (FOLDER / name).read_text(encoding="utf-8")
