"""The sites in a real browser (Debian's Chromium through Playwright), served under a sub-path as an
intranet would: accessible, private, Dutch, searchable, printable, light, and usable from a file share."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import AUDIENCES, built_pages, run_cli, write_project

AXE = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js").read_text(encoding="utf-8")
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# First visit of a start page, nothing cached: what a phone on a slow intranet has to fetch. Most
# of it is the theme and the search index (the whole policy text, which makes search work offline).
BUDGET_REQUESTS = 16
# Uncompressed; about a third of that when the server compresses. Raised from 600 000 when the policy grew
# from 45 to more than 70 pages per site (the search index grows with the text).
BUDGET_BYTES = 700_000


@dataclass
class Audit:
    """What one crawl of every page of a site found."""
    pages: list[str] = field(default_factory=list)
    violations: dict[str, list[str]] = field(default_factory=dict)   # page -> "rule: element"
    external: set[str] = field(default_factory=set)
    failed: set[str] = field(default_factory=set)
    console_errors: list[str] = field(default_factory=list)


def axe_violations(page) -> list[str]:
    """Every WCAG 2.1 A/AA violation on the page as "rule: element". Only the violations cross over from
    the browser: the passed checks, with every element they looked at, made the crawl a third slower."""
    page.add_script_tag(content=AXE)
    violations = page.evaluate(
        "tags => axe.run({runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']}).then(r => r.violations)",
        WCAG_21_AA)
    return [f"{v['id']}: {node['html'][:120]}" for v in violations for node in v["nodes"]]


def watch(page, base: str, audit: Audit) -> None:
    origin = re.match(r"https?://[^/]+", base).group(0)
    page.on("request", lambda r: None if r.url.startswith((origin, "data:", "blob:")) else audit.external.add(r.url))
    page.on("response", lambda r: audit.failed.add(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("console", lambda m: audit.console_errors.append(m.text) if m.type == "error" else None)


# Every page of this site is crawled: it has every kind of page (start, questions, response scheme,
# self-test, downloads, sources, maintenance, about). Of the other sites only what differs from it is
# crawled: the start page and the response scheme (their audience's fragments and scheme), a shared
# module, and of the site's own pages one module and its question pages (the audience's banner and menu).
FULL_CRAWL = "medewerkers"
SAMPLE = ("index.md", "reactieschema.md")


def own_pages(site: Path, variant: str) -> tuple[list[str], list[str]]:
    """The site's own modules and its own question pages."""
    own = sorted(src for src in built_pages(site) if src.startswith(f"{variant}/"))
    questions = [src for src in own if Path(src).stem.startswith("vragen-")]
    return [src for src in own if src not in questions], questions


def crawled_pages(site: Path, variant: str) -> list[str]:
    """Every page of the fully crawled site; of another site its sample, one shared module, one of its
    own modules and its own question pages."""
    pages = sorted(built_pages(site))
    if variant == FULL_CRAWL:
        return pages
    shared = [src for src in pages if src.startswith("basis/")][:1]
    modules, questions = own_pages(site, variant)
    return [src for src in pages if src in SAMPLE] + shared + modules[:1] + questions


@pytest.fixture(scope="session")
def audits(browser, site_url, real_sites):
    """The crawled pages of every site visited once; the tests below each check one aspect of the crawl."""
    found = {}
    for variant in AUDIENCES:
        audit = found[variant] = Audit()
        context = browser.new_context()
        page = context.new_page()
        watch(page, site_url, audit)
        for src in crawled_pages(real_sites / variant, variant):
            path = "" if src == "index.md" else src[:-3] + "/"
            # "load", not "networkidle" (half a second of silence per page): what a page fetches later,
            # such as the search index, is still seen, while axe runs or on the next page.
            page.goto(f"{site_url}{variant}/{path}", wait_until="load")
            audit.pages.append(src)
            problems = axe_violations(page)
            if problems:
                audit.violations[src] = problems
        page.wait_for_load_state("networkidle")   # the last page's late requests too
        context.close()
    return found


@pytest.mark.parametrize("variant", AUDIENCES)
def test_every_crawled_page_passes_wcag_21_aa_checks_with_axe(audits, variant):
    assert audits[variant].pages, "the crawl visited no page"
    assert audits[variant].violations == {}


def test_the_crawl_covers_every_page_of_one_site_and_what_differs_on_the_others(audits, real_sites):
    assert set(audits[FULL_CRAWL].pages) == built_pages(real_sites / FULL_CRAWL)
    for variant in set(AUDIENCES) - {FULL_CRAWL}:
        crawled = set(audits[variant].pages)
        assert set(SAMPLE) <= crawled, variant
        assert any(src.startswith("basis/") for src in crawled), variant
        modules, questions = own_pages(real_sites / variant, variant)
        assert modules and set(modules) & crawled, variant   # every audience but the staff has pages of its own
        assert set(questions) <= crawled, variant


def test_axe_does_report_a_page_that_breaks_wcag(browser):
    page = browser.new_page()
    page.set_content('<html lang="nl"><body><main><img src="x.png"><a href="#"></a></main></body></html>')
    rules = {problem.split(":")[0] for problem in axe_violations(page)}
    page.close()
    assert {"image-alt", "link-name"} <= rules


@pytest.mark.parametrize("variant", AUDIENCES)
def test_no_page_makes_a_request_outside_the_site(audits, variant):
    assert audits[variant].external == set()


@pytest.mark.parametrize("variant", AUDIENCES)
def test_every_crawled_page_loads_whole_under_a_sub_path(audits, variant):
    assert audits[variant].failed == set()
    assert audits[variant].console_errors == []


def test_the_crawl_notices_a_request_to_another_host(browser, site_url):
    audit = Audit()
    page = browser.new_page()
    watch(page, site_url, audit)
    page.set_content('<img src="http://192.0.2.1/pixel.png" alt="">')
    page.close()
    assert audit.external == {"http://192.0.2.1/pixel.png"}


@pytest.mark.parametrize("variant", AUDIENCES)
def test_every_page_is_dutch_and_names_its_audience_and_contact(browser, site_url, variant):
    page = browser.new_page()
    page.goto(f"{site_url}{variant}/basis/werkchats/")
    assert page.get_attribute("html", "lang") == "nl"
    banner = page.inner_text(".md-banner")
    assert "Je leest het socialemediabeleid van" in banner
    footer = page.inner_text(".md-copyright")
    assert re.search(r"versie \d", footer) and re.search(r"volgende herziening \d+ \w+ \d{4}", footer)
    assert "Vragen?" in footer and "@" in footer
    assert re.search(r"nagekeken op \d+ (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}",
                     page.inner_text(".beleid-nagekeken"))
    assert page.get_attribute("input.md-search__input", "placeholder") == "Zoeken"
    page.close()


def search(page, url: str, query: str) -> list[str]:
    """Type a query as a person does, once the search index has loaded; return the result links."""
    page.goto(url, wait_until="networkidle")
    page.click("input.md-search__input")
    placeholder = page.inner_text(".md-search-result__meta")
    page.keyboard.type(query, delay=20)
    # The line above the results says how many there are (or none) once a search has run; it is the
    # answer to the whole query when it has not changed for a moment.
    page.wait_for_function("""placeholder => {
        const text = document.querySelector(".md-search-result__meta").textContent;
        if (text === placeholder) return false;
        if (window.lastMeta !== text) { window.lastMeta = text; window.lastMetaSince = Date.now(); return false; }
        return Date.now() - window.lastMetaSince > 300;
    }""", arg=placeholder, polling=100)
    return [a.get_attribute("href") or "" for a in page.query_selector_all(".md-search-result__item > a")]


@pytest.mark.parametrize("query, expected", [
    ("wachtwoorden", "basis/veilig-online/"),          # plural finds the singular through Dutch stemming
    ("vertrouwelijke", "basis/vertrouwelijke-informatie/"),
    ("werkchat", "basis/werkchats/"),
])
def test_search_finds_dutch_words_and_word_forms_in_the_right_module(browser, site_url, query, expected):
    page = browser.new_page()
    hrefs = search(page, f"{site_url}medewerkers/", query)
    page.close()
    assert any(expected in href for href in hrefs[:3]), hrefs


def test_search_finds_nothing_for_a_word_that_is_not_in_the_policy(browser, site_url):
    page = browser.new_page()
    assert search(page, f"{site_url}medewerkers/", "xylofoonzwaluw") == []
    page.close()


def test_search_on_the_care_site_finds_care_pages_and_the_staff_site_does_not(browser, site_url):
    results = {}
    for variant in ("zorg", "medewerkers"):
        page = browser.new_page()
        results[variant] = search(page, f"{site_url}{variant}/", "Puurs")
        page.close()
    assert any("zorg/wat-er-in-puurs-gebeurde/" in h for h in results["zorg"])
    assert results["medewerkers"] == []


def test_keyboard_users_can_skip_to_the_content(browser, site_url):
    page = browser.new_page()
    page.goto(f"{site_url}medewerkers/basis/werkchats/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    page.keyboard.press("Enter")
    assert focused == "Ga naar inhoud"
    assert page.url.endswith("#werkchats")
    page.close()


def test_printing_a_page_hides_navigation_and_keeps_the_text(browser, site_url):
    page = browser.new_page()
    page.goto(f"{site_url}medewerkers/basis/werkchats/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-banner']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    text_visible = page.is_visible("article h1")
    page.emulate_media(media="screen")
    shown = page.evaluate("getComputedStyle(document.querySelector('.md-header')).display")
    page.close()
    assert hidden == ["none"] * 4 and text_visible
    assert shown != "none", "on screen the header must stay"


@pytest.mark.parametrize("variant", AUDIENCES)
def test_first_visit_of_the_start_page_stays_within_budget(browser, site_url, variant, record_property):
    context = browser.new_context()
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda r: responses.append(r))
    page.goto(f"{site_url}{variant}/", wait_until="networkidle")
    total = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in responses)
    context.close()
    record_property("bytes", total)
    record_property("requests", len(responses))
    print(f"\n{variant}: {len(responses)} requests, {total} bytes")
    assert len(responses) <= BUDGET_REQUESTS
    assert total <= BUDGET_BYTES


# --- Opened from a file share, without a web server -------------------------------------------------

@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    project = write_project(tmp_path_factory.mktemp("offline") / "project")
    (project / "variants" / "netwerkschijf.yml").write_text(
        "doelgroep: medewerkers\ntitel: Socialemediabeleid\nbeschrijving: Voor alle medewerkers.\noffline: true\n",
        encoding="utf-8")
    result = run_cli(project, "netwerkschijf", "medewerkers", "--zonder-downloads")   # the tests read no download
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_an_offline_variant_works_from_a_file_url_with_search(browser, offline_site):
    audit = Audit()
    page = browser.new_page()
    page.on("request", lambda r: None if r.url.startswith(("file://", "data:", "blob:")) else audit.external.add(r.url))
    page.goto((offline_site / "netwerkschijf" / "index.html").as_uri())
    page.click("nav.md-nav--primary a[href$='werkchats.html']")
    assert page.inner_text("article h1").rstrip("¶") == "Werkchats"
    hrefs = search(page, page.url, "wachtwoorden")
    page.close()
    assert any("/veilig-online.html" in href for href in hrefs[:3]), hrefs
    assert audit.external == set()


def test_a_normal_variant_does_not_work_from_a_file_url(browser, offline_site):
    """The twin: without `offline: true`, directory links do not open from a file share."""
    page = browser.new_page()
    page.goto((offline_site / "medewerkers" / "index.html").as_uri())
    href = page.get_attribute("nav.md-nav--primary a[href*='werkchats']", "href")
    page.close()
    assert href.endswith("werkchats/")
    assert (offline_site / "netwerkschijf" / "search" / "search_index.js").exists()
    assert not (offline_site / "medewerkers" / "search" / "search_index.js").exists()
