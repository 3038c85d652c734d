"""Nothing leaks between audiences: a page or fragment not meant for a site is absent from its HTML,
navigation, search index and sitemap. Canary sentences planted per audience prove it."""
from __future__ import annotations

import json
import re

import pytest

from conftest import AUDIENCES, CANARY_HARD, built_pages, canary_fragment, canary_page

HARD_PROFILE = {"zorg", "politie"}   # from the default variants' policy profiles


def site_texts(site):
    """Each place a reader or a search could meet text: every HTML file, the search index, the sitemap."""
    for path in site.rglob("*.html"):
        yield path.relative_to(site).as_posix(), path.read_text(encoding="utf-8")
    yield "search/search_index.json", (site / "search" / "search_index.json").read_text(encoding="utf-8")
    yield "sitemap.xml", (site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_site_has_exactly_the_pages_meant_for_its_audience(mini_built, audience):
    expected = {"index.md", f"{audience}/pagina.md"} | ({"hard.md"} if audience in HARD_PROFILE else set())
    assert built_pages(mini_built / "site" / audience) == expected


@pytest.mark.parametrize("audience", AUDIENCES)
def test_no_site_contains_text_meant_for_another_audience(mini_built, audience):
    site = mini_built / "site" / audience
    for other in set(AUDIENCES) - {audience}:
        for where, text in site_texts(site):
            assert canary_page(other) not in text, f"{other}'s page text in {audience}/{where}"
            assert canary_fragment(other) not in text, f"{other}'s fragment in {audience}/{where}"
            assert f"{other}/pagina" not in text, f"link to {other}'s page in {audience}/{where}"


@pytest.mark.parametrize("audience", AUDIENCES)
def test_each_site_contains_its_own_text_in_html_search_sitemap_and_navigation(mini_built, audience):
    site = mini_built / "site" / audience
    search = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    start = (site / "index.html").read_text(encoding="utf-8")
    assert canary_page(audience) in (site / audience / "pagina" / "index.html").read_text(encoding="utf-8")
    assert canary_fragment(audience) in start
    assert canary_page(audience) in search and canary_fragment(audience) in search
    assert f"/{audience}/pagina/" in (site / "sitemap.xml").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', start, re.S).group(0)
    assert f'href="{audience}/pagina/"' in nav


@pytest.mark.parametrize("audience", AUDIENCES)
def test_a_hard_profile_page_appears_only_on_sites_with_a_hard_profile(mini_built, audience):
    texts = "".join(text for _, text in site_texts(mini_built / "site" / audience))
    assert (CANARY_HARD in texts) == (audience in HARD_PROFILE)


def test_no_jinja_is_left_in_any_built_page_of_the_canary_project(mini_built):
    assert_no_jinja(mini_built / "site")


def test_no_jinja_is_left_in_any_built_page_of_the_real_policy(real_sites):
    assert_no_jinja(real_sites)


def assert_no_jinja(site):
    for path in list(site.rglob("*.html")) + list(site.rglob("search_index.json")):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            text = " ".join(doc["text"] + doc["title"] for doc in json.loads(text)["docs"])
        else:
            text = re.sub(r"<script.*?</script>", "", text, flags=re.S)
        for marker in ("{{", "{%", "{#"):
            assert marker not in text, f"{marker} left in {path.relative_to(site)}"
