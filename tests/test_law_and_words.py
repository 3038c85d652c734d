"""Legal facts and words per kind of organisation: the registry is complete and sourced, every kind builds,
no country's or sector's law or words reach another's site, and every mistake in the data is explained."""
from __future__ import annotations

import datetime
import html
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import REPO, append_to, line_number, replace_in, run_cli, snapshot, write_project
from policy_sites import registry as registry_source
from policy_sites.project import Project

REGISTRY = registry_source.load(Project(REPO))
KINDS = sorted(REGISTRY.kinds)
POLICE_KIND = {"BE": "be-politiezone", "NL": "nl-politie"}
FORKS = Path(__file__).parent / "forks"
# Words that frame staff as civil servants; a private employer's site never shows them.
PUBLIC_FRAMING = ("ambtenaar", "ambtenaren", "ambtenarenwet", "ambtenaarschap", "statuut", "statutair",
                  "tuchtstraf")
# Country words that are also ordinary Dutch in the other country: "klacht" is a complaint everywhere, and
# "112" is the emergency number in both (Belgium adds 101).
SHARED_DUTCH = {"klacht", "112"}


# --- The registry itself ---------------------------------------------------------------------------

def test_every_registry_entry_names_an_official_source_and_the_date_it_was_checked():
    for key, entries in REGISTRY.facts.items():
        for fact in entries:
            assert re.match(r"^https?://[^\s/]+\.[a-z]{2,}/?", fact.source), (key, fact.source)
            assert datetime.date.fromisoformat(fact.checked_on) <= datetime.date.today(), (key, fact.checked_on)
            assert fact.formal.strip() and fact.text.strip(), key


def test_an_unconfirmed_fact_in_sentences_says_to_check_it():
    # A noun phrase (no full stop) cannot carry a caveat; the Bronnen page marks it as unconfirmed.
    hedges = ("vraag", "voor zover", "kan ", "kun", "mogelijk", "eigen regels", "afspraken", "kijk in")
    for key, entries in REGISTRY.facts.items():
        for fact in entries:
            if not fact.confirmed and fact.text.endswith("."):
                assert any(h in fact.text.lower() for h in hedges), (key, fact.kinds, fact.text)


def test_every_word_resolves_for_every_kind_and_a_forks_own_word_wins():
    for key in REGISTRY.words:
        for kind in KINDS:
            assert REGISTRY.word(key, kind).strip(), (key, kind)
    assert REGISTRY.word("klanten", "nl-zorg") == "cliënten"
    assert REGISTRY.word("klanten", "nl-zorg", {"klanten": "patiënten"}) == "patiënten"


def test_the_kind_decides_the_country_and_whether_the_employer_is_public():
    assert {k: (v["land"], v["publiek"]) for k, v in REGISTRY.kinds.items()}["nl-zorg"] == ("NL", False)
    assert all(k.startswith(v["land"].lower() + "-") for k, v in REGISTRY.kinds.items())


def test_a_fact_checked_longer_ago_than_the_period_is_stale_and_a_recent_one_is_not():
    facts = REGISTRY.facts_for("be-vlaams-lokaal")
    newest = max(datetime.date.fromisoformat(f.checked_on) for f in facts)
    assert registry_source.stale(facts, newest + datetime.timedelta(days=30), 12) == []
    assert len(registry_source.stale(facts, newest.replace(year=newest.year + 2), 12)) == len(facts)


# --- Every kind, every audience it allows --------------------------------------------------------------

@pytest.fixture(scope="module")
def kinds_built(tmp_path_factory) -> Path:
    """The example project with one variant per kind and audience (police sites for the police kinds)."""
    project = write_project(tmp_path_factory.mktemp("kinds") / "project")
    shutil.rmtree(project / "variants")
    (project / "variants").mkdir()
    for kind in KINDS:
        police = POLICE_KIND[REGISTRY.kinds[kind]["land"]]
        for audience in ("medewerkers", "ambassadeurs", "zorg", "politie"):
            soort = police if audience == "politie" else kind
            if audience == "politie" and kind != police:
                continue
            # The example city's own words (its tone of voice) would read as shared text: give a neutral one.
            (project / "variants" / f"{kind}-{audience}.yml").write_text(yaml.safe_dump({
                "doelgroep": audience, "titel": f"Beleid {kind} {audience}", "beschrijving": f"Voor {audience}.",
                "variabelen": {"organisatie": {"soort": soort}, "toon": "Vriendelijk en duidelijk, met je en jij."}},
                allow_unicode=True), encoding="utf-8")
    result = run_cli(project, "--zonder-downloads")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def site_text(site: Path) -> str:
    """The readable text of every page, as one lower-case string; not the Bronnen page, which quotes the
    formal names of laws (a Dutch law on doxing names civil servants among the protected professions)."""
    parts = []
    for page in sorted(site.rglob("index.html")):
        if page.parent.name == "bronnen":
            continue
        body = re.search(r"<article[^>]*>(.*?)</article>", page.read_text(encoding="utf-8"), re.S)
        if body:
            parts.append(re.sub(r"<[^>]+>", " ", body.group(1)))
    return re.sub(r"\s+", " ", " ".join(parts)).lower()


def only_for(predicate) -> tuple[set[str], set[str]]:
    """Fact texts, and words of a country (`per_land`), used only by kinds for which `predicate(kind)` holds."""
    inside = {k for k in KINDS if predicate(k)}
    facts_in = {f.text for fs in REGISTRY.facts.values() for f in fs if set(f.kinds) <= inside}
    facts_out = {f.text for fs in REGISTRY.facts.values() for f in fs if not set(f.kinds) <= inside}
    lands = {REGISTRY.kinds[k]["land"] for k in inside}
    by_country = [spec for spec in REGISTRY.words.values() if spec.get("per_land")]
    words_in = {spec["per_land"].get(land, spec["standaard"]) for spec in by_country for land in lands}
    words_out = {spec["per_land"].get(land, spec["standaard"]) for spec in by_country for land in {"BE", "NL"} - lands}
    facts = {t for t in facts_in - facts_out - SHARED_DUTCH if not any(t in other for other in facts_out)}
    return facts, words_in - words_out - SHARED_DUTCH


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_builds_every_audience_site_it_allows(kinds_built, kind):
    built = {p.name for p in kinds_built.iterdir() if p.name.startswith(kind + "-")}
    expected = {f"{kind}-{a}" for a in ("medewerkers", "ambassadeurs", "zorg")}
    assert expected <= built
    assert (f"{kind}-politie" in built) == (kind in POLICE_KIND.values())


@pytest.mark.parametrize("land", ["BE", "NL"])
def test_no_fact_or_word_of_one_country_reaches_a_site_of_the_other(kinds_built, land):
    facts, words = only_for(lambda k: REGISTRY.kinds[k]["land"] != land)
    assert facts and words, "the registry should hold facts and words that only hold in the other country"
    for site in kinds_built.iterdir():
        if REGISTRY.kinds[site.name.rsplit("-", 1)[0]]["land"] != land:
            continue
        text = site_text(site)
        leaked = [t for t in facts if re.sub(r"\s+", " ", t).lower() in text]
        leaked += [w for w in words if re.search(rf"\b{re.escape(w.lower())}\b", text)]
        assert not leaked, (site.name, leaked)


def test_a_private_employers_site_never_calls_its_staff_civil_servants(kinds_built):
    facts, _ = only_for(lambda k: REGISTRY.kinds[k]["publiek"])
    private = [s for s in kinds_built.iterdir() if not REGISTRY.kinds[s.name.rsplit("-", 1)[0]]["publiek"]]
    assert private
    for site in private:
        text = site_text(site)
        leaked = [w for w in PUBLIC_FRAMING if re.search(rf"\b{w}\b", text)]
        leaked += [t for t in facts if re.sub(r"\s+", " ", t).lower() in text]
        assert not leaked, (site.name, leaked)


def test_the_public_framing_check_does_see_a_civil_servant_on_a_public_site(kinds_built):
    assert any(re.search(r"\bambtena", site_text(s)) for s in kinds_built.iterdir()
               if REGISTRY.kinds[s.name.rsplit("-", 1)[0]]["publiek"])


def test_each_site_lists_the_facts_it_states_on_its_bronnen_page_with_source_and_date(kinds_built):
    for site in kinds_built.iterdir():
        page = (site / "bronnen" / "index.html").read_text(encoding="utf-8")
        sources = [html.unescape(s) for s in re.findall(r'Bron: <a href="([^"]+)"', page)]
        assert sources, site.name
        assert "nagekeken op" in page
        kind = site.name.rsplit("-", 1)[0] if not site.name.endswith("-politie") else site.name[:-len("-politie")]
        known = {f.source for f in REGISTRY.facts_for(kind)} | {f.source for f in REGISTRY.facts_for(
            POLICE_KIND[REGISTRY.kinds[kind]["land"]])}
        assert set(sources) <= known, (site.name, set(sources) - known)


# --- The two forks of issue 11 ---------------------------------------------------------------------------

@pytest.mark.parametrize("fork, expected", [
    ("nl-zorg", ["autoriteit persoonsgegevens", "cliënten", "aangifte doen"]),
    ("be-privaat", ["gegevensbeschermingsautoriteit", "arbeidsreglement", "klacht indienen"]),
])
def test_a_fork_that_changed_only_its_data_reads_right_for_its_kind(tmp_path, fork, expected):
    project = write_project(tmp_path / "project")
    shutil.rmtree(project / "variants")
    shutil.copytree(FORKS / fork / "variants", project / "variants")
    for name in ("organisatie.yml", "doelgroepen.yml"):
        shutil.copy(FORKS / fork / name, project / name)
    result = run_cli(project, "--zonder-downloads")
    assert result.returncode == 0, result.stdout + result.stderr
    text = " ".join(site_text(site) for site in (project / "site").iterdir())
    for phrase in expected:
        assert phrase in text, phrase
    for example in ("lindeveld", "woonzorgcentr", "inwoner"):
        assert example not in text, example


# --- Mistakes in the data, each with file:line and a fix, the old site kept --------------------------------



FAILURES = {
    "unknown_fact_key": (
        lambda p: append_to(p / "docs" / "index.md", '\nMeld het bij {{ recht("privacy.toezichthoudr") }}.\n'),
        ("docs/index.md", "toezichthoudr"),
        "`privacy.toezichthoudr` is geen bekend wettelijk feit. Bedoelde je `privacy.toezichthouder`?"),
    "unknown_word_key": (
        lambda p: append_to(p / "docs" / "index.md", '\nVoor alle {{ woord("klantn") }}.\n'),
        ("docs/index.md", "klantn"),
        "`klantn` is geen bekend woord. Bedoelde je `klanten`? Alle woorden staan met uitleg in woorden.yml."),
    "fact_missing_for_this_kind": (
        lambda p: append_to(p / "docs" / "index.md", '\n{{ recht("politie.kader") }}\n'),
        ("docs/index.md", "politie.kader"),
        "het wettelijk feit `politie.kader` bestaat niet voor de soort organisatie `be-vlaams-lokaal`"),
    "yaml_error_in_a_registry_file": (
        lambda p: replace_in(p / "recht" / "hulp.yml", "noodnummers:\n", "noodnummers:\n\t- kapot\n"),
        ("recht/hulp.yml", "\t- kapot"),
        "de YAML is ongeldig (een tab; YAML wil spaties)."),
    "registry_entry_without_a_source": (
        lambda p: (p / "recht" / "extra.yml").write_text(
            "nieuw.feit:\n  - soorten: [be-vlaams-lokaal]\n    tekst: Iets.\n    formeel: Wet.\n"
            "    nagekeken: 2026-12-01\n    bevestigd: true\n", encoding="utf-8"),
        ("recht/extra.yml", "- soorten"),
        "de verplichte sleutel `nieuw.feit[0].bron` ontbreekt."),
    "registry_entry_for_an_unknown_kind": (
        lambda p: (p / "recht" / "extra.yml").write_text(
            "nieuw.feit:\n  - soorten: [nl-gemeentee]\n    tekst: Iets.\n    formeel: Wet.\n"
            "    bron: https://wetten.overheid.nl/\n    nagekeken: 2026-12-01\n    bevestigd: true\n", encoding="utf-8"),
        ("recht/extra.yml", "soorten"),
        "`nieuw.feit[0].soorten[0]` heeft de waarde `nl-gemeentee`, maar moet een van deze zijn:"),
    "yaml_error_in_the_vocabulary": (
        lambda p: append_to(p / "woorden.yml", "kapot:\n\tuitleg: met een tab\n"),
        ("woorden.yml", "\tuitleg"),
        "de YAML is ongeldig (een tab; YAML wil spaties)."),
    "word_without_a_default": (
        lambda p: append_to(p / "woorden.yml", "zonder:\n  uitleg: Een woord zonder standaard.\n"),
        ("woorden.yml", "zonder:"),
        "de verplichte sleutel `zonder.standaard` ontbreekt."),
    "unknown_kind_of_organisation": (
        lambda p: replace_in(p / "organisatie.yml", "soort: be-vlaams-lokaal", "soort: be-vlaams-lokal"),
        ("organisatie.yml", "soort:"),
        "`organisatie.soort` heeft de waarde `be-vlaams-lokal`, maar moet een van deze zijn:"),
    "country_that_contradicts_the_kind": (
        lambda p: replace_in(p / "organisatie.yml", "soort: be-vlaams-lokaal", "soort: be-vlaams-lokaal\n  land: NL"),
        ("organisatie.yml", "land: NL"),
        "`organisatie.land` is NL, maar de soort `be-vlaams-lokaal` is een organisatie in BE. Haal `land` weg"),
    "own_word_for_an_unknown_key": (
        lambda p: append_to(p / "organisatie.yml", "woorden:\n  klantn: patiënten\n"),
        ("organisatie.yml", "klantn:"),
        "`woorden.klantn` is geen bekende variabele. Bedoelde je `klanten`?"),
}


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_a_mistake_in_the_law_or_the_words_stops_the_build_with_file_line_and_fix(mini, case):
    breaks, (file, needle), expected = FAILURES[case]
    before = snapshot(mini / "site" / "medewerkers")
    breaks(mini)
    result = run_cli(mini, "medewerkers", "--zonder-downloads")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{file}:{line_number(mini / file, needle)}: {expected}" in result.stderr, result.stderr
    assert snapshot(mini / "site" / "medewerkers") == before


def test_the_unbroken_data_builds_so_each_mistake_above_is_what_fails(mini):
    append_to(mini / "docs" / "index.md", '\n{{ recht("privacy.toezichthouder") | hoofdletter }} en {{ woord("klanten") }}.\n')
    result = run_cli(mini, "medewerkers", "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    assert "De Vlaamse Toezichtcommissie (VTC) en inwoners." in (mini / "site" / "medewerkers" / "index.html").read_text(
        encoding="utf-8")
