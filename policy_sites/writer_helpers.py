"""The functions and filters writers use in modules, and the names of the variables set per site.

One definition serves the renderer (mkdocs-macros, through the plugin), the static check
(`template_check.py`) and the variables reference (VARIABELEN.md), so they always agree on what a
page may call.
"""
from __future__ import annotations

import datetime

import jinja2

from .problems import suggestion
from .project import EVERYONE

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

class WriterError(ValueError):
    """A helper called with a name it does not know; the message is for the writer, in Dutch."""


# Jinja's settings for pages, in the renderer and in the static check alike. Comments are `{## ##}`
# rather than `{# #}`, so that `## Titel {#anker}` is an ordinary heading anchor.
JINJA_SYNTAX = {"comment_start_string": "{##", "comment_end_string": "##}"}

# Function name -> the kind of names it takes, checked against the closed vocabularies.
HELPERS = {"voor": "audience", "contact": "contact", "recht": "fact", "woord": "word"}
# Set by the build for each site, with what VARIABELEN.md says of them.
SITE_NAMES = {
    "doelgroep": "De doelgroep van deze site, zoals in `doelgroepen.yml`.",
    "alle_doelgroepen": "Elke doelgroep met haar omschrijving: `{{ alle_doelgroepen[doelgroep] }}`.",
    "variant": "De naam van deze site: het bestand in `variants/` zonder .yml.",
    "paginas": ("Per pagina van deze site (sleutel: het pad in docs/): `titel`, `pad`, `eigenaar`, "
                "`nagekeken` (datum), `herzien_voor` (datum) en `te_laat` (true als de datum voorbij is)."),
    "leesbaarheid": ("Per pagina van deze site (sleutel: het pad in docs/): `woorden`, `zinnen`, `woorden_per_zin`, "
                     "`lange_zinnen` (meer dan 30 woorden) en `leesgemak` (Flesch-Douma: 60 tot 80 is vlot leesbaar)."),
    "wijzigingen": ("Elke versie uit wijzigingen.yml, de nieuwste eerst: `versie`, `datum`, `goedgekeurd_door` en "
                    "`wijzigingen`, met alleen de wijzigingen die een pagina van deze site raken: `tekst` en "
                    "`paginas` (elk met `pad` en `titel`)."),
    "oude_feiten": ("De wettelijke feiten van deze soort organisatie die langer dan `beleid.feiten_nakijken_na_maanden` "
                    "geleden nagekeken zijn, oudste eerst: `sleutel`, `formeel`, `bron`, `nagekeken`, `bestand`."),
}


def make_voor(audience: str, audiences: dict):
    def voor(*names: str) -> bool:
        """`{% if voor("zorg") %} ... {% endif %}`: de tekst staat alleen op de sites van die doelgroepen. Meer doelgroepen kan ook: `voor("zorg", "politie")`."""
        for name in names:
            if name not in audiences:
                raise WriterError(f"`{name}` is geen bekende doelgroep.{suggestion(name, audiences)}")
        return audience in names or EVERYONE in names
    return voor


def make_contact(contacts: dict):
    def contact(key: str) -> str:
        """`{{ contact("hr") }}`: naam, e-mailadres en telefoonnummer van een aanspreekpunt uit `contacten`, als links."""
        if key not in contacts:
            raise WriterError(f"`{key}` is geen bekend aanspreekpunt.{suggestion(key, contacts)}")
        c = contacts[key]
        who = f"**{c['naam']}**" + (f", {c['functie']}" if c.get("functie") else "")   # a role may hold brackets
        phone = "".join(ch for ch in c["telefoon"] if ch.isdigit() or ch == "+")
        return f"{who}: [{c['email']}](mailto:{c['email']}), [{c['telefoon']}](tel:{phone})"
    return contact


def datum(value: str) -> str:
    """`{{ beleid.goedgekeurd_op | datum }}`: een datum in woorden, zoals 14 september 2026."""
    day = datetime.date.fromisoformat(str(value))
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"



def make_recht(registry, kind: str, used=None):
    def recht(key: str) -> str:
        """`{{ recht("privacy.toezichthouder") }}`: een wettelijk feit uit recht/*.yml, in de woorden die passen bij de soort organisatie van deze site. De pagina Bronnen toont de bron en de datum."""
        fact = registry.fact(key, kind)
        if fact is None:
            raise WriterError(registry.missing_fact(key, kind))
        if used is not None:
            used(fact)
        return fact.text
    return recht


def make_woord(registry, kind: str, own: dict | None):
    def woord(key: str) -> str:
        """`{{ woord("klanten") }}`: een woord uit woorden.yml dat past bij de soort organisatie (inwoners, cliënten, klanten ...). Met een hoofdletter: `{{ woord("klanten") | hoofdletter }}`."""
        if key not in registry.words:
            raise WriterError(f"`{key}` is geen bekend woord.{suggestion(key, registry.words)} Alle woorden staan in woorden.yml.")
        return registry.word(key, kind, own)
    return woord


def hoofdletter(value: str) -> str:
    """`{{ woord("klanten") | hoofdletter }}`: de eerste letter als hoofdletter, de rest zoals hij is."""
    text = str(value)
    return text[:1].upper() + text[1:]


# Filters for every Jinja environment that shows policy text: the pages, the theme and the downloads.
FILTERS = {"datum": datum, "hoofdletter": hoofdletter}
FILTER_NAMES = frozenset(jinja2.filters.FILTERS) | set(FILTERS)


def macros(variables: dict, audience: str, audiences: dict, registry=None, used=None) -> dict:
    """The functions a page of this site may call, by name. `used` hears of every legal fact a page inserts."""
    kind = (variables.get("organisatie") or {}).get("soort")
    return {"voor": make_voor(audience, audiences), "contact": make_contact(variables["contacten"]),
            "recht": make_recht(registry, kind, used), "woord": make_woord(registry, kind, variables.get("woorden"))}


def documentation() -> dict[str, dict[str, str]]:
    """What VARIABELEN.md says of each name the build sets, taken from the definitions themselves."""
    helpers = macros({"contacten": {}}, "", {})
    return {"site": SITE_NAMES,
            "helpers": {name: helpers[name].__doc__ for name in HELPERS},
            "filters": {name: function.__doc__ for name, function in FILTERS.items()}}
