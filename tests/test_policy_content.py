"""The policy itself: every module meets the writing rules, every site has exactly its pages,
the policy profile changes what a site contains, and the text is our own."""
from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from conftest import AUDIENCES, REPO, built_pages, run_cli
from policy_sites import modules as module_source
from policy_sites import navigation
from policy_sites.policy_check import check_variant
from policy_sites.project import Project

PROJECT = Project(REPO)
MODULES, READ_PROBLEMS = module_source.read_all(PROJECT)
# Pages that orient or collect scenarios rather than set a rule: they need no example situation.
NOT_A_RULE = {"index.md", "over-dit-beleid.md", "vragen-en-antwoorden.md", "onderhoud.md", "bronnen.md",
              "test-jezelf.md", "wat-is-er-veranderd.md", "nieuw-hier.md"}


def slug(title: str) -> str:
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def is_rule(module) -> bool:
    return module.src not in NOT_A_RULE and not Path(module.src).stem.startswith("vragen-")


def by_id(module):
    return module.src


# --- Every module ---------------------------------------------------------------------------------

def test_every_module_has_valid_front_matter():
    schema = module_source.front_matter_schema(PROJECT.audiences(), navigation.groups(navigation.menu_entries(PROJECT)[0]))
    problems = READ_PROBLEMS + [p for m in MODULES for p in module_source.check_front_matter(m, schema)]
    assert not problems, "\n".join(map(str, problems))


def test_front_matter_without_an_owner_is_refused():
    broken = module_source.read(PROJECT, REPO / "docs" / "basis" / "werkchats.md")
    del broken.meta["eigenaar"]
    problems = module_source.check_front_matter(broken, module_source.front_matter_schema(PROJECT.audiences(), navigation.groups(navigation.menu_entries(PROJECT)[0])))
    assert [p.message for p in problems] == [
        "de verplichte sleutel `eigenaar` ontbreekt. Voeg ze toe in de front matter bovenaan de pagina "
        "(zie sjablonen/module.md). Uitleg: Wie de pagina inhoudelijk beheert: een aanspreekpunt zoals communicatie of hr."]


@pytest.mark.parametrize("module", MODULES, ids=by_id)
def test_module_title_uses_the_words_of_its_file_name_and_is_its_only_h1(module):
    if module.src != "index.md":
        assert slug(module.meta["title"]) == Path(module.src).stem
    assert re.findall(r"^# (.+)$", module.text, re.M) == [module.meta["title"]]


@pytest.mark.parametrize("module", MODULES, ids=by_id)
def test_module_ends_with_where_to_go_when_in_doubt_through_a_contact_variable(module):
    headings = re.findall(r"^## (.+)$", module.text, re.M)
    assert headings and headings[-1] == "Twijfel je?"
    assert "contact(" in module.text.rsplit("## Twijfel je?", 1)[1]


@pytest.mark.parametrize("module", [m for m in MODULES if is_rule(m)], ids=by_id)
def test_rule_module_gives_an_example_situation_or_post(module):
    assert re.search(r'^!!! (example|success|failure) "', module.text, re.M)


@pytest.mark.parametrize("module", MODULES, ids=by_id)
def test_module_names_no_organisation_specific_detail_literally(module):
    """Names, addresses and numbers of the example organisation come from variables, never from the text."""
    for literal in ("Lindeveld", "lindeveld", ".example", "+32", "555 0", "Verhaegen", "El Idrissi", "Wouters"):
        assert literal not in module.text, literal


# --- Every site ------------------------------------------------------------------------------------

def test_this_repositorys_own_variants_pass_every_check():
    """In a fork these are the fork's own variables and variants: they must pass too."""
    result = run_cli(REPO, "--controleer")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("variant", AUDIENCES)
def test_each_default_site_has_exactly_the_pages_its_modules_declare(example_project, variant):
    expected = {m.src for m in check_variant(Project(example_project), variant).included}
    assert built_pages(example_project / "site" / variant) == expected


@pytest.mark.parametrize("variant", AUDIENCES)
def test_every_page_of_a_site_is_reachable_from_its_navigation(example_project, variant):
    start = (example_project / "site" / variant / "index.html").read_text(encoding="utf-8")
    menu = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', start, re.S).group(0)
    for module in check_variant(Project(example_project), variant).included:
        if module.src != "index.md":
            assert f'href="{module.src[:-3]}/"' in menu, module.src


SECTOR_WORDS = {  # words that belong to one audience's own pages
    "ambassadeurs": ["Ambassadeur zijn", "Kant-en-klare berichten"],
    "zorg": ["Puurs", "Geen beelden van bewoners"],
    "politie": ["Drenthe", "Wet op het politieambt", "Chatgroepen en discriminatie"],
    "communicatie": ["Accounts beheren", "Luisteren zonder te controleren"],
}


@pytest.mark.parametrize("audience", sorted(SECTOR_WORDS))
def test_audience_specific_text_appears_on_its_own_site_only(real_sites, audience):
    for variant in AUDIENCES:
        site = real_sites / variant
        texts = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
        texts += [(site / "search" / "search_index.json").read_text(encoding="utf-8"),
                  (site / "sitemap.xml").read_text(encoding="utf-8")]
        for word in SECTOR_WORDS[audience]:
            assert any(word in t for t in texts) == (variant == audience), f"{word!r} on the {variant} site"


@pytest.mark.parametrize("variant", AUDIENCES)
def test_each_site_has_its_own_start_page_and_scenarios(real_sites, variant):
    start = (real_sites / variant / "index.html").read_text(encoding="utf-8")
    own = {"medewerkers": None, "communicatie": None, "ambassadeurs": "ambassadeurs/vragen-van-ambassadeurs/",
           "zorg": "zorg/vragen-uit-de-zorg/", "politie": "politie/vragen-van-politiemedewerkers/"}[variant]
    if own:
        assert f'href="{own}"' in start
    questions = re.findall(r"<h3[^>]*>", (real_sites / variant / "vragen-en-antwoorden" / "index.html").read_text(encoding="utf-8"))
    assert len(questions) >= 12


# --- Policy profile ----------------------------------------------------------------------------------

def test_a_hard_profile_includes_monitoring_and_sanctions(real_sites):
    for variant in ("zorg", "politie"):
        assert (real_sites / variant / "basis" / "toezicht-en-sancties" / "index.html").exists()


def test_a_soft_profile_leaves_monitoring_and_sanctions_out(real_sites):
    for variant in ("medewerkers", "ambassadeurs"):
        assert not (real_sites / variant / "basis" / "toezicht-en-sancties").exists()
        assert "toezicht-en-sancties" not in (real_sites / variant / "search" / "search_index.json").read_text(encoding="utf-8")


def test_a_legal_profile_cites_the_laws_by_name(real_sites):
    page = (real_sites / "zorg" / "basis" / "dezelfde-waarden-online" / "index.html").read_text(encoding="utf-8")
    assert "Antiracismewet" in page and "Antidiscriminatiewet" in page


def test_an_informal_profile_explains_without_citing_laws(real_sites):
    page = (real_sites / "medewerkers" / "basis" / "dezelfde-waarden-online" / "index.html").read_text(encoding="utf-8")
    assert "Antiracismewet" not in page and "Antidiscriminatiewet" not in page


@pytest.mark.parametrize("variant, shown", [("medewerkers", "zacht"), ("zorg", "hard")])
def test_the_about_page_shows_the_sites_policy_profile(real_sites, variant, shown):
    about = (real_sites / variant / "over-dit-beleid" / "index.html").read_text(encoding="utf-8")
    assert re.search(rf"\b{shown}\b", about, re.I)


# --- Our own words --------------------------------------------------------------------------------

CHECK_COPY = REPO.parent / "shared" / "tools" / "check_copy.py"


@pytest.mark.skipif(not CHECK_COPY.exists(), reason="../shared is not beside this checkout")
def test_no_sentence_is_copied_from_the_source_articles():
    result = subprocess.run([sys.executable, str(CHECK_COPY), str(REPO)], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
