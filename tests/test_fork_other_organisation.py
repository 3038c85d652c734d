"""A fork for another organisation, in the Netherlands: every site builds from its own variables, with
no trace of the example organisation and no Belgian-only law or institution left in it.

The fork itself is the shared fixture `fork` in conftest.py; its downloads are checked in test_downloads.py."""
from __future__ import annotations

import re

import pytest

from conftest import AUDIENCES

EXAMPLE_ORGANISATION = ["Lindeveld", "lindeveld", "+32", "Verhaegen", "El Idrissi", "Wouters",
                        "Meldpunt Integriteit", "schepenen"]
BELGIAN_ONLY = ["Gegevensbeschermingsautoriteit", r"\bGBA\b", r"\bUnia\b", "Vlaams", "Strafwetboek",
                "arbeidsreglement", "Antiracismewet", "Antidiscriminatiewet", "Genderwet", "Decreet over het lokaal bestuur",
                "Comité P", "Controleorgaan op de politionele informatie", "Wet op het politieambt", "rijksregister",
                "Wet patiëntenrechten", "Wetboek van economisch recht", "OCMW", "Welzijnswet", "welzijnswet",
                "preventieadviseur", "deconnectie", "tuchtstatuut", "politiediensten", "federale Ombudsman",
                "Centrum Integriteit", "Police-on-web", r"\b101\b", r"\b1712\b"]


def site_text(site):
    texts = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    texts += [(site / "search" / "search_index.json").read_text(encoding="utf-8"), (site / "sitemap.xml").read_text(encoding="utf-8")]
    return "\n".join(texts)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_a_fork_shows_its_own_organisation_and_contacts(fork, audience):
    text = site_text(fork / "site" / audience)
    for own in ("Gemeente Zilverdijk", "pers@zilverdijk.example", "Anouk Jansen", "intranet.zilverdijk.example"):
        assert own in text


@pytest.mark.parametrize("audience", AUDIENCES)
def test_a_fork_shows_no_trace_of_the_example_organisation(fork, audience):
    text = site_text(fork / "site" / audience)
    found = [word for word in EXAMPLE_ORGANISATION if word in text]
    assert not found, f"example organisation on the {audience} site: {found}"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_a_dutch_organisation_gets_no_belgian_only_law_or_institution(fork, audience):
    text = site_text(fork / "site" / audience)
    found = [pattern for pattern in BELGIAN_ONLY if re.search(pattern, text)]
    assert not found, f"Belgian-only references on the {audience} site: {found}"


def test_the_belgian_example_does_cite_belgian_institutions(real_sites):
    """The twin of the test above: the word list does find Belgian references where they belong."""
    assert "Vlaamse Toezichtcommissie" in site_text(real_sites / "zorg")
    assert "Audit Vlaanderen" in site_text(real_sites / "medewerkers")
    assert "Wet op het politieambt" in site_text(real_sites / "politie")
