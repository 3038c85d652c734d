"""A fork for another organisation, in the Netherlands: every site builds from its own variables, with
no trace of the example organisation and no Belgian-only law or institution left in it."""
from __future__ import annotations

import re

import pytest

from conftest import AUDIENCES, run_cli, write_project

ORGANISATION = """
organisatie:
  naam: Gemeente Zilverdijk
  korte_naam: Zilverdijk
  sector: gemeente
  land: NL
  website: https://www.zilverdijk.example
  intranet: https://intranet.zilverdijk.example/sociale-media/
  kleur: "#7a1f3d"
contacten:
  communicatie: {naam: Afdeling Communicatie, email: communicatie@zilverdijk.example, telefoon: "+31 20 123 40 00"}
  woordvoerder: {naam: Joris de Vries, functie: persvoorlichter, email: pers@zilverdijk.example, telefoon: "+31 20 123 40 01"}
  hr: {naam: Team HRM, email: hrm@zilverdijk.example, telefoon: "+31 20 123 40 02"}
  vertrouwenspersoon: {naam: Anouk Jansen, email: vertrouwenspersoon@zilverdijk.example, telefoon: "+31 20 123 40 03"}
  privacy: {naam: Functionaris Gegevensbescherming, email: fg@zilverdijk.example, telefoon: "+31 20 123 40 04"}
  informatieveiligheid: {naam: CISO-office, email: ciso@zilverdijk.example, telefoon: "+31 20 123 40 05"}
meldpunt: {naam: Meldpunt Misstanden, adres: intranet > Melden, anoniem: false}
kanalen:
  - {platform: Instagram, naam: "@gemeentezilverdijk", adres: "https://www.instagram.com/gemeentezilverdijk"}
waarden:
  - {naam: Open, uitleg: We zeggen wat we doen.}
toon: Helder en vriendelijk.
beleid:
  versie: "1.0"
  eigenaar: Afdeling Communicatie
  goedgekeurd_door: het college van burgemeester en wethouders
  goedgekeurd_op: 2026-10-01
  volgende_herziening: 2027-10-01
  aankondiging: via Zilvernet
profiel: {sturing: kader, openheid: open, handhaving: zacht, stijl: informeel, bereik: iedereen}
"""

VARIANT = """doelgroep: {audience}
titel: Sociale media bij Zilverdijk ({audience})
beschrijving: Afspraken over sociale media voor {audience}.
{extra}"""

# Hard and legal for the sectors, so that every legal branch of the text is built and checked too.
STRICT = "variabelen:\n  profiel: {sturing: regels, openheid: gesloten, handhaving: hard, stijl: juridisch, bereik: iedereen}\n"

EXAMPLE_ORGANISATION = ["Lindeveld", "lindeveld", "+32", "Verhaegen", "El Idrissi", "Wouters",
                        "Meldpunt Integriteit", "schepenen"]
BELGIAN_ONLY = ["Gegevensbeschermingsautoriteit", r"\bGBA\b", r"\bUnia\b", "Vlaams", "Strafwetboek",
                "arbeidsreglement", "Antiracismewet", "Antidiscriminatiewet", "Genderwet", "Decreet over het lokaal bestuur",
                "Comité P", "Controleorgaan op de politionele informatie", "Wet op het politieambt", "rijksregister",
                "Wet patiëntenrechten", "Wetboek van economisch recht", "OCMW", "Welzijnswet", "welzijnswet",
                "preventieadviseur", "deconnectie", "tuchtstatuut", "politiediensten", "federale Ombudsman",
                "Centrum Integriteit", "Police-on-web", r"\b101\b", r"\b1712\b"]


@pytest.fixture(scope="module")
def fork(tmp_path_factory):
    project = write_project(tmp_path_factory.mktemp("fork") / "project")
    (project / "organisatie.yml").write_text(ORGANISATION, encoding="utf-8")
    for audience in AUDIENCES:
        extra = STRICT if audience in ("zorg", "politie") else ""
        (project / "variants" / f"{audience}.yml").write_text(VARIANT.format(audience=audience, extra=extra), encoding="utf-8")
    result = run_cli(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


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
    assert re.search(r"\bGBA\b", site_text(real_sites / "zorg"))
    assert "Wet op het politieambt" in site_text(real_sites / "politie")
