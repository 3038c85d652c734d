"""Downloads: every site offers the response scheme, the policy on one A4, the full policy as PDF and as
Word, and questions for a team meeting. Each file is made from the same source as the site, for that
site only, and opens in a real reader; the step-by-step scheme reaches every outcome in a real browser."""
from __future__ import annotations

import functools
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import docx
import pypdfium2
import pytest
from pypdf import PdfReader

from conftest import AUDIENCES, FORK_DOWNLOADS, REPO, SLOW, page_html, run_cli, snapshot, write_project
from policy_sites import response_scheme
from policy_sites.downloads.cache import Cache
from policy_sites.problems import PolicyError
from policy_sites.project import Project
from policy_sites.schema import load_schema
from policy_sites.variants import load_variant
from test_preview import free_port, wait_for

SCHEME_FILE = "reactieschema/reactieschema.yml"
KINDS = {  # file name before `-<variant>` -> what it must be
    "beleid-op-een-a4": ".pdf", "socialemediabeleid": (".pdf", ".docx"), "vragen-voor-je-team": ".pdf",
    "reactieschema": (".pdf", ".svg"), "infosessie": ".pdf", "bijlage-personeelsregels": (".docx", ".pdf")}
# Only on a site with the communication team's pages.
COMMUNICATION_KINDS = {"huisregels": ".pdf", "crisischecklist": ".pdf"}
A4 = (595, 842)
# Words of one audience's own pages and of its own branch of the response scheme.
OWN_WORDS = {
    "zorg": ["Puurs", "Geen beelden van bewoners", "Een review, klacht of kritiek over onze zorg"],
    "politie": ["Drenthe", "Chatgroepen en discriminatie", "filmpje van een interventie"],
    "ambassadeurs": ["Ambassadeur zijn", "als ambassadeur postte"],
}


# --- Reading what a site offers --------------------------------------------------------------------

def listed(site: Path) -> dict[str, Path]:
    """The files the downloads page links to: link as written -> the file it points at."""
    page = site / "downloads" / "index.html"
    table = re.search(r'<div class="downloads">.*?</div>', page.read_text(encoding="utf-8"), re.S).group(0)
    found = {}
    for href in re.findall(r'href="([^"]+)"', table):
        href = unescape(href)
        assert not urlsplit(href).scheme and not href.startswith("/"), f"not a relative link: {href}"
        target = urlsplit(urljoin("http://intranet/beleid/downloads/", href)).path
        found[href] = site / target.removeprefix("/beleid/")
    return found


def files(site: Path) -> dict[str, Path]:
    return {p.name: p for p in (site / "downloads").iterdir() if p.name != "index.html"}


def flat(text: str) -> str:
    """Text as one line: a reader breaks lines and hyphenates where the layout did. A word the layout
    broke at the end of a line (with U+2010, or U+FFFE as PDFium marks a break) is joined again."""
    joined = re.sub(r"[\u2010\ufffe]\s*[\r\n]\s*", "", text.replace("\u00ad", ""))
    return re.sub(r"\s+", " ", joined).strip()


@functools.cache
def pdf_text(path: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The text of every page of a PDF and its metadata, read once per session: several tests read the
    same files. PDFium reads it some fifteen times faster than pypdf, which the tests keep for links and
    page sizes."""
    document = pypdfium2.PdfDocument(path)
    try:
        pages = tuple(page.get_textpage().get_text_range() for page in document)
        return pages, tuple(document.get_metadata_dict().values())
    finally:
        document.close()


def pdf_pages(path: Path) -> tuple[str, ...]:
    return pdf_text(path)[0]


@functools.cache
def text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        pages, metadata = pdf_text(path)
        return flat(" ".join([*pages, *metadata]))
    if path.suffix == ".docx":
        document = docx.Document(path)
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return flat(" ".join([p.text for p in document.paragraphs] + cells + [document.core_properties.title or ""]))
    return flat(" ".join(unescape(t) for t in re.findall(r">([^<]*)<", path.read_text(encoding="utf-8"))))


def one(site: Path, kind: str, suffix: str) -> Path:
    return site / "downloads" / f"{kind}-{site.name}{suffix}"


def example(real_sites: Path) -> Project:
    """The project the sites were built from: the modules with the pinned example organisation."""
    return Project(real_sites.parent)


def variables(real_sites: Path, variant: str) -> dict:
    return load_variant(example(real_sites), variant).variables


def site_scheme(real_sites: Path, variant: str) -> response_scheme.SiteScheme:
    project = example(real_sites)
    return response_scheme.load_all(project, project.audiences())[0].for_site(variant)


# --- Every site, every file ------------------------------------------------------------------------

@pytest.mark.parametrize("variant", AUDIENCES)
def test_each_site_offers_every_download_and_its_page_links_each_one_relatively(real_sites, variant):
    site = real_sites / variant
    kinds = {**KINDS, **(COMMUNICATION_KINDS if variant == "communicatie" else {})}
    expected = {f"{kind}-{variant}{suffix}" for kind, suffixes in kinds.items()
                for suffix in ([suffixes] if isinstance(suffixes, str) else suffixes)}
    assert set(files(site)) == expected
    links = listed(site)
    assert {path.name for path in links.values()} == expected
    assert all(path.is_file() and path.stat().st_size > 1000 for path in links.values())


@pytest.mark.parametrize("variant", AUDIENCES)
def test_the_downloads_page_gives_format_and_size_of_each_file(real_sites, variant):
    page = (real_sites / variant / "downloads" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>\s*<td><a[^>]*>[^<]+</a></td>\s*<td>(PDF|Word|SVG)</td>\s*"
                      r"<td>(\d+ kB|\d+,\d MB)</td>\s*<td>[^<]{20,}</td>", page)
    assert len(rows) == len(files(real_sites / variant))


@pytest.mark.parametrize("variant", AUDIENCES)
def test_the_one_pager_is_exactly_one_a4_with_organisation_contacts_and_version(real_sites, variant):
    path = one(real_sites / variant, "beleid-op-een-a4", ".pdf")
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    assert tuple(round(float(v)) for v in reader.pages[0].mediabox[2:]) == A4
    text = text_of(path)
    own = variables(real_sites, variant)
    assert own["organisatie"]["naam"] in text
    assert f"versie {own['beleid']['versie']}" in text
    for contact in own["contacten"].values():
        assert contact["email"] in text and contact["telefoon"] in text
    assert "Het beleid in het kort" in text


def test_a_start_page_too_long_for_one_a4_fails_the_build_and_keeps_the_old_site(real_sites, tmp_path):
    project = write_project(tmp_path / "project")
    shutil.copytree(real_sites / "medewerkers", project / "site" / "medewerkers")
    before = snapshot(project / "site" / "medewerkers")
    start = project / "docs" / "index.md"
    rules = "".join(f"{n}. **Afspraak {n}.** Een afspraak die veel te lang is voor één bladzijde, met uitleg.\n"
                    for n in range(8, 90))
    text = start.read_text(encoding="utf-8")
    start.write_text(text.replace("## Voor wie?", rules + "\n## Voor wie?"), encoding="utf-8")
    result = run_cli(project, "medewerkers")
    assert result.returncode != 0
    assert ("Variant `medewerkers` is niet gebouwd: downloads/beleid-op-een-a4-medewerkers.pdf kon niet gemaakt "
            "worden:") in result.stderr
    assert "docs/index.md: de afspraken onder `## Het beleid in het kort`" in result.stderr
    assert snapshot(project / "site" / "medewerkers") == before


@pytest.mark.parametrize("variant", AUDIENCES)
def test_the_full_policy_pdf_has_a_cover_contents_page_numbers_and_working_internal_links(real_sites, variant):
    reader = PdfReader(one(real_sites / variant, "socialemediabeleid", ".pdf"))
    pages = [flat(text) for text in pdf_pages(one(real_sites / variant, "socialemediabeleid", ".pdf"))]
    titles = chapter_titles(real_sites / variant)
    assert variables(real_sites, variant)["organisatie"]["naam"] in pages[0] and "Versie" in pages[0]
    # The contents may run to several pages as the policy grows: every page with dot leaders after the cover.
    contents_pages = 1 + next(i for i, page in enumerate(pages[1:]) if "....." not in page)
    contents = " ".join(pages[1:contents_pages])
    assert pages[1].startswith("Inhoud") and all(title in contents for title in titles)
    assert f"pagina {contents_pages + 1} van {len(pages)}" in pages[contents_pages]
    bookmarks = [item.title for item in reader.outline if not isinstance(item, list)]
    assert [title for title in bookmarks if title in titles] == titles
    destinations = reader.named_destinations
    links = [annotation.get_object()["/Dest"] for page in reader.pages for annotation in page.get("/Annots", [])
             if "/Dest" in annotation.get_object()]
    assert len(links) > 2 * len(titles)                 # the contents, and the links between pages
    assert all(str(target) in destinations for target in links)


def chapter_titles(site: Path) -> list[str]:
    """The titles of the site's pages in navigation order, without the downloads page itself."""
    menu = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>',
                     (site / "index.html").read_text(encoding="utf-8"), re.S).group(0)
    hrefs = list(dict.fromkeys(re.findall(r'href="([^"#]*)"', menu)))
    titles = []
    for href in hrefs:
        page = site / urlsplit(urljoin("http://x/", href)).path.lstrip("/") / "index.html"
        if page.exists() and page.parent.name != "downloads":
            titles.append(unescape(re.search(r"<h1[^>]*>(.*?)<", page.read_text(encoding="utf-8")).group(1)))
    return list(dict.fromkeys(titles))


@pytest.mark.parametrize("variant", AUDIENCES)
def test_the_word_file_opens_with_the_organisation_and_each_page_as_a_heading_with_real_lists(real_sites, variant):
    path = one(real_sites / variant, "socialemediabeleid", ".docx")
    document = docx.Document(path)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    for title in chapter_titles(real_sites / variant):
        assert title in headings
    assert variables(real_sites, variant)["organisatie"]["naam"] in text_of(path)
    assert sum(p._p.pPr is not None and p._p.pPr.numPr is not None for p in document.paragraphs) > 20
    assert any(p.style.name == "Heading 2" for p in document.paragraphs)


@pytest.mark.parametrize("variant", AUDIENCES)
def test_the_team_questions_hold_every_question_of_the_sites_question_pages(real_sites, variant):
    site = real_sites / variant
    questions = []
    for page in site.rglob("index.html"):
        if page.parent.name == "vragen-en-antwoorden" or page.parent.name.startswith("vragen-"):
            questions += [flat(unescape(q)) for q in re.findall(r"<h3[^>]*>(.*?)<a class=\"headerlink\"",
                                                                page.read_text(encoding="utf-8"))]
    text = text_of(one(site, "vragen-voor-je-team", ".pdf"))
    assert len(questions) >= 12
    for question in questions:
        assert question in text
    assert f"Vraag {len(questions)} ·" in text and f"Vraag {len(questions) + 1} ·" not in text


@pytest.mark.parametrize("variant", AUDIENCES)
def test_the_flowchart_shows_every_outcome_of_the_sites_scheme_as_svg_and_on_one_landscape_a4(real_sites, variant):
    site = real_sites / variant
    scheme = site_scheme(real_sites, variant)
    svg, pdf = text_of(one(site, "reactieschema", ".svg")), PdfReader(one(site, "reactieschema", ".pdf"))
    assert len(pdf.pages) == 1
    assert tuple(round(float(v)) for v in pdf.pages[0].mediabox[2:]) == A4[::-1]
    pdf_text = flat(pdf_pages(one(site, "reactieschema", ".pdf"))[0])
    for step in scheme.outcomes:
        assert f"{step.number}. {step.node.title}" in svg
        assert step.node.title.split()[0] in pdf_text
    assert variables(real_sites, variant)["organisatie"]["naam"] in pdf_text


@pytest.mark.parametrize("audience", sorted(OWN_WORDS))
def test_no_download_holds_text_reserved_for_another_audience(real_sites, audience):
    for variant in AUDIENCES:
        texts = {name: text_of(path) for name, path in files(real_sites / variant).items()}
        for word in OWN_WORDS[audience]:
            holders = [name for name, text in texts.items() if word in text]
            if variant == audience:
                assert holders, f"{word!r} in no download of its own site {variant}"
            else:
                assert not holders, f"{word!r} in {holders} of the {variant} site"


# --- The information session and the annex to the staff regulations -------------------------------

def first_questions(site: Path, count: int = 3) -> list[str]:
    """The first questions of the site's question pages, in the order of its menu."""
    questions = []
    for href in menu_hrefs(site):
        page = site / urlsplit(urljoin("http://x/", href)).path.lstrip("/") / "index.html"
        name = page.parent.name
        if page.exists() and (name == "vragen-en-antwoorden" or name.startswith("vragen-")):
            questions += [flat(unescape(re.sub(r"<[^>]+>", "", q))) for q in
                          re.findall(r"<h3[^>]*>(.*?)<a class=\"headerlink\"", page.read_text(encoding="utf-8"))]
    return questions[:count]


def menu_hrefs(site: Path) -> list[str]:
    menu = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>',
                     (site / "index.html").read_text(encoding="utf-8"), re.S).group(0)
    return list(dict.fromkeys(re.findall(r'href="([^"#]*)"', menu)))


@pytest.mark.parametrize("variant", AUDIENCES)
def test_the_information_session_is_a_16_9_deck_with_the_rules_three_situations_and_the_contacts(
        real_sites, variant):
    site = real_sites / variant
    path = one(site, "infosessie", ".pdf")
    reader = PdfReader(path)
    assert 10 <= len(reader.pages) <= 15
    for page in reader.pages:
        width, height = (float(v) for v in page.mediabox[2:])
        assert abs(width / height - 16 / 9) < 0.01 and width > 800
    slides = [flat(text) for text in pdf_pages(path)]
    own = variables(real_sites, variant)
    assert own["organisatie"]["naam"] in slides[0] and f"versie {own['beleid']['versie']}" in slides[0]
    assert "Het beleid in het kort" not in slides[0]
    rules = [s for s in slides if s.startswith("De afspraken in het kort")]
    assert rules and "Vertrouwelijk blijft vertrouwelijk." in " ".join(rules)
    questions = first_questions(site)
    assert len(questions) == 3
    for number, question in enumerate(questions, start=1):
        asked = next(n for n, s in enumerate(slides) if s.lower().startswith(f"situatie {number} van 3"))
        assert question in slides[asked] and question in slides[asked + 1]
        assert slides[asked + 1].lower().startswith(f"situatie {number} · het antwoord")
    contacts = next(s for s in slides if s.startswith("Bij wie kun je terecht?"))
    for contact in own["contacten"].values():
        assert contact["email"] in contacts
    assert slides[-1].startswith("Vragen?")
    assert all(f"{n} / {len(slides)}" in s for n, s in enumerate(slides, start=1) if n > 1)


@pytest.mark.parametrize("variant", AUDIENCES)
def test_the_annex_has_nine_articles_in_word_and_on_a4_with_the_approval_data(real_sites, variant):
    site = real_sites / variant
    own = variables(real_sites, variant)
    hard = own["profiel"]["handhaving"] == "hard"
    document = docx.Document(one(site, "bijlage-personeelsregels", ".docx"))
    articles = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [a.split(".")[0] for a in articles] == [f"Artikel {n}" for n in range(1, 10)]
    assert articles[3] == "Artikel 4. Plichten"
    assert articles[7] == ("Artikel 8. Toezicht en gevolgen" if hard else "Artikel 8. Gevolgen")
    word_text = text_of(one(site, "bijlage-personeelsregels", ".docx"))
    name = own["organisatie"]["naam"]
    assert f"Bijlage bij de regels voor het personeel van {name}" in word_text
    assert "4.1. Vertel gerust over je werk." in word_text
    assert "Lees Spreken in eigen naam" not in word_text and "Zo beter niet" not in word_text
    beleid = own["beleid"]
    assert f"versie {beleid['versie']} van het beleid, goedgekeurd door {beleid['goedgekeurd_door']}" in word_text
    pdf_path = one(site, "bijlage-personeelsregels", ".pdf")
    reader = PdfReader(pdf_path)
    assert all(tuple(round(float(v)) for v in page.mediabox[2:]) == A4 for page in reader.pages)
    pdf_text = text_of(pdf_path)
    assert name in pdf_text and f"versie {beleid['versie']}" in pdf_text
    assert all(f"Artikel {n}." in pdf_text for n in range(1, 10))


HOUSE_RULES_PAGE = """---
title: Huisregels
doelgroepen: [iedereen]
eigenaar: communicatie
nagekeken_op: 2026-11-20
menu: Meer
volgorde: 998
---

# Huisregels

Uitleg voor het team.

## De huisregels

Welkom op de pagina's van {{ organisatie.naam }}. Reageer gerust, met respect.

- Schelden en bedreigen verbergen we.
- Persoonsgegevens van anderen halen we weg.

## Twijfel je?

{{ contact("communicatie") }}
"""

CRISIS_PAGE = """---
title: Crisis
doelgroepen: [iedereen]
eigenaar: communicatie
nagekeken_op: 2026-11-20
menu: Meer
volgorde: 999
---

# Crisis

Uitleg voor het team.

## De checklist

- Zet geplande berichten op pauze.
- Informeer eerst de collega's.
- Plaats binnen het uur een eerste feitelijk bericht.

## Twijfel je?

{{ contact("woordvoerder") }}
"""


def communication_project(dest: Path, crisis: str = CRISIS_PAGE) -> Path:
    """The real modules and the example organisation, with the two pages of the communication team
    (being written now) in a small version of their own, in the menu after the start page."""
    project = write_project(dest)
    (project / "docs" / "communicatie").mkdir(exist_ok=True)
    (project / "docs" / "communicatie" / "huisregels.md").write_text(HOUSE_RULES_PAGE, encoding="utf-8")
    (project / "docs" / "communicatie" / "crisis.md").write_text(crisis, encoding="utf-8")
    return project


def test_the_house_rules_and_the_crisis_checklist_are_one_a4_each_with_their_pages_section(real_sites):
    from policy_sites.downloads import communication
    from policy_sites.downloads.chapters import section_body
    site = real_sites / "communicatie"
    own = variables(real_sites, "communicatie")
    names = list(listed(site))
    assert names[-2:] == ["huisregels-communicatie.pdf", "crisischecklist-communicatie.pdf"]
    assert names.index("infosessie-communicatie.pdf") > names.index("reactieschema-communicatie.svg")
    for kind, (src, heading_id, _) in (("huisregels", communication.HOUSE_RULES),
                                       ("crisischecklist", communication.CHECKLIST)):
        path = one(site, kind, ".pdf")
        reader = PdfReader(path)
        assert len(reader.pages) == 1
        assert tuple(round(float(v)) for v in reader.pages[0].mediabox[2:]) == A4
        text = text_of(path)
        assert own["organisatie"]["naam"] in text and f"versie {own['beleid']['versie']}" in text
        page = page_html(site, src)
        quoted = re.findall(r"<li>(.*?)</li>", section_body(page, heading_id), re.S)
        assert quoted, (src, heading_id)
        for item in (quoted[0], quoted[-1]):   # the section's first and last item, and nothing of the rest
            assert flat(unescape(re.sub(r"<[^>]+>", " ", item))) in text, (kind, item)
        assert "Twijfel je?" not in text
    assert f"Welkom op de pagina's van {own['organisatie']['naam']}." in text_of(one(site, "huisregels", ".pdf"))


def test_a_site_without_the_communication_pages_has_neither_file_and_the_communication_site_has_both(real_sites):
    for variant in AUDIENCES:
        made = {n.rsplit("-", 1)[0] for n in files(real_sites / variant)}
        assert (set(COMMUNICATION_KINDS) <= made) == (variant == "communicatie"), variant
        assert (set(COMMUNICATION_KINDS) & made == set()) == (variant != "communicatie"), variant


@SLOW
def test_a_crisis_page_without_its_checklist_heading_fails_the_build_with_the_file(tmp_path):
    crisis = CRISIS_PAGE.replace("## De checklist", "## Checklist")
    project = communication_project(tmp_path / "project", crisis)
    result = run_cli(project, "medewerkers")
    assert result.returncode != 0
    assert ("Variant `medewerkers` is niet gebouwd: downloads/crisischecklist-medewerkers.pdf kon niet gemaakt "
            "worden:") in result.stderr
    assert re.search(r"docs/communicatie/crisis.md:\d+: de pagina heeft geen kop `## De checklist`", result.stderr)


def test_a_mistake_in_any_download_stops_the_build_before_any_file_is_laid_out(tmp_path):
    """The crisis checklist comes last on the downloads page: its mistake is still found before the
    files above it are laid out, so a writer hears of it at once."""
    from policy_sites.downloads.chapters import Page
    from policy_sites.downloads.generate import GenerationError, generate
    from policy_sites.downloads.site import Site
    start = Page("index.md", "", "Start", None, '<h1 id="start">Start</h1><h2 id="het-beleid-in-het-kort">Kort</h2>'
                 "<ol><li><strong>Denk na.</strong> Altijd.</li></ol>")
    crisis = Page("communicatie/crisis.md", "communicatie/crisis/", "Crisis", None,
                  '<h1 id="crisis">Crisis</h1><h2 id="checklist">Checklist</h2><ul><li>Bel.</li></ul>')
    site = Site("x", "X", "", None, load_variant(Project(REPO), "communicatie").variables, [start, crisis])
    cache = Cache(tmp_path)
    with pytest.raises(GenerationError) as error:
        generate(site, cache)
    assert str(error.value).startswith("downloads/crisischecklist-x.pdf kon niet gemaakt worden:")
    assert cache.made == [] and not (tmp_path / "downloads").exists()


def test_with_the_sources_known_a_missing_heading_points_at_the_line_of_the_nearest_one(tmp_path):
    from policy_sites.downloads.site import Site
    (tmp_path / "communicatie").mkdir()
    (tmp_path / "communicatie" / "crisis.md").write_text(CRISIS_PAGE.replace("## De checklist", "## Checklist"),
                                                         encoding="utf-8")
    site = Site("x", "X", "", None, {}, [], docs_dir=tmp_path)
    assert site.where("communicatie/crisis.md", "De checklist") == ("docs/communicatie/crisis.md", 14)
    assert site.where("communicatie/crisis.md", "Iets heel anders") == ("docs/communicatie/crisis.md", 10)
    assert Site("x", "X", "", None, {}, []).where("index.md", "De checklist") == ("docs/index.md", None)


def test_a_start_page_without_its_key_rules_fails_the_one_pager_the_session_and_the_annex_with_the_line(tmp_path):
    from policy_sites.downloads import annex, one_pager, session
    from policy_sites.downloads.chapters import Page
    from policy_sites.downloads.site import Site
    (tmp_path / "index.md").write_text("---\ntitle: Start\n---\n\n# Start\n\n## Voor wie?\n", encoding="utf-8")
    page = Page("index.md", "", "Start", None, '<h1 id="start">Start</h1><h2 id="voor-wie">Voor wie?</h2><p>Iedereen.</p>')
    site = Site("x", "X", "", None, {}, [page], docs_dir=tmp_path)
    for make in (one_pager.job, session.job, annex.word_job):
        with pytest.raises(PolicyError) as error:
            make(site)
        assert str(error.value).startswith("docs/index.md:5: de startpagina heeft geen kop `## Het beleid in het kort`")


# --- A fork for another organisation --------------------------------------------------------------

@pytest.mark.parametrize("variant", FORK_DOWNLOADS)
def test_a_fork_with_another_name_has_no_trace_of_the_example_organisation_in_any_download(fork, variant):
    texts = {name: text_of(path) for name, path in files(fork / "site" / variant).items()}
    assert len(texts) == 9 + (len(COMMUNICATION_KINDS) if variant == "communicatie" else 0)
    for name, text in texts.items():
        assert "Lindeveld" not in text and "lindeveld" not in text, name
        assert "Zilverdijk" in text or name.startswith("reactieschema") and name.endswith(".svg"), name


def test_the_example_organisation_is_in_the_downloads_of_the_unchanged_project(real_sites):
    """The twin of the fork test: the same check finds the name where it belongs."""
    assert "Lindeveld" in text_of(one(real_sites / "medewerkers", "beleid-op-een-a4", ".pdf"))


# --- The response scheme's data -------------------------------------------------------------------

def scheme_line(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


# The contact points a scheme may name: those of the variables schema, in the order of the message.
CONTACTS = sorted(load_schema("variabelen")["properties"]["contacten"]["properties"])

BROKEN_SCHEMES = [
    pytest.param("        voor: [zorg]\n", "        voor: [zorgg]\n",
                 "heeft de waarde `zorgg`, maar moet een van deze zijn: iedereen, ambassadeurs, communicatie, "
                 "medewerkers, politie, zorg. Bedoelde je `zorg`?", id="unknown-audience"),
    pytest.param("    contact: [privacy, dringend]\n", "    contact: [privasy, dringend]\n",
                 f"heeft de waarde `privasy`, maar moet een van deze zijn: {', '.join(CONTACTS)}. Bedoelde je `privacy`?",
                 id="unknown-contact"),
    pytest.param("        naar: journalist-doorsturen\n", "        naar: journalist-doorsturn\n",
                 "`naar: journalist-doorsturn` wijst naar een vraag of uitkomst die niet bestaat. Bedoelde je "
                 "`journalist-doorsturen`?", id="unknown-step"),
]


@pytest.mark.parametrize("good, bad, message", BROKEN_SCHEMES)
def test_a_mistake_in_the_scheme_data_fails_the_build_with_file_and_line(tmp_path, good, bad, message):
    project = write_project(tmp_path / "project")
    path = project / SCHEME_FILE
    text = path.read_text(encoding="utf-8")
    assert good in text
    text = text.replace(good, bad, 1)
    path.write_text(text, encoding="utf-8")
    result = run_cli(project, "politie", "--zonder-downloads")   # the scheme is checked without files too
    assert result.returncode != 0
    assert "Variant `politie` is niet gebouwd" in result.stderr
    assert f"{SCHEME_FILE}:{scheme_line(text, bad.strip())}: " in result.stderr
    assert message in result.stderr


def test_this_repositorys_response_scheme_passes_every_check():
    """In a fork this is checked with the fork's own audiences."""
    project = Project(REPO)
    schemes = response_scheme.load_all(project, project.audiences())
    assert [s.name for s in schemes] == ["reactieschema"]


def write_scheme(tmp_path: Path, questions: str, outcomes: str) -> Path:
    (tmp_path / "reactieschema").mkdir(exist_ok=True)
    (tmp_path / "docs").mkdir(exist_ok=True)
    shutil.copy(REPO / "doelgroepen.yml", tmp_path / "doelgroepen.yml")
    path = tmp_path / "reactieschema" / "test.yml"
    path.write_text(f"titel: Test\ninleiding: Een test.\nstart: begin\nvragen:\n{questions}uitkomsten:\n{outcomes}",
                    encoding="utf-8")
    return path


OUTCOMES = "".join(f"  {name}:\n    titel: {name}\n    doen: [Iets doen.]\n    contact: [communicatie]\n"
                   for name in ("een", "twee", "drie"))


def scheme_problems(tmp_path: Path, questions: str) -> list[str]:
    project = Project(tmp_path)
    path = write_scheme(tmp_path, questions, OUTCOMES)
    try:
        response_scheme.load(project, path, project.audiences())
    except PolicyError as error:
        return [str(p) for p in error.problems]
    return []


def test_a_small_valid_scheme_loads_with_every_audience_reaching_its_outcomes(tmp_path):
    questions = ("  begin:\n    vraag: Wat?\n    antwoorden:\n"
                 "      - {antwoord: Een, naar: een}\n      - {antwoord: Twee, naar: twee, voor: [zorg]}\n"
                 "      - {antwoord: Drie, naar: drie}\n")
    assert scheme_problems(tmp_path, questions) == []


def test_a_question_left_with_one_answer_on_some_site_is_refused(tmp_path):
    questions = ("  begin:\n    vraag: Wat?\n    antwoorden:\n"
                 "      - {antwoord: Een, naar: een}\n      - {antwoord: Twee, naar: twee, voor: [zorg]}\n"
                 "      - {antwoord: Drie, naar: drie, voor: [zorg]}\n")
    assert scheme_problems(tmp_path, questions) == [
        f"reactieschema/test.yml:5: de vraag `begin` heeft op de site voor {audience} minder dan twee antwoorden. "
        f"Voeg een antwoord toe met `voor: [{audience}]`, of laat het antwoord dat naar `begin` leidt niet voor "
        f"{audience} gelden." for audience in ("ambassadeurs", "communicatie", "medewerkers", "politie")]


def test_a_loop_back_to_an_earlier_question_is_refused(tmp_path):
    questions = ("  begin:\n    vraag: Wat?\n    antwoorden:\n"
                 "      - {antwoord: Een, naar: een}\n      - {antwoord: Verder, naar: verder}\n"
                 "  verder:\n    vraag: En dan?\n    antwoorden:\n"
                 "      - {antwoord: Twee, naar: twee}\n      - {antwoord: Drie, naar: drie}\n"
                 "      - {antwoord: Terug, naar: begin}\n")
    assert scheme_problems(tmp_path, questions) == [
        "reactieschema/test.yml:15: dit antwoord leidt terug naar een eerdere vraag: het schema loopt in een "
        "kring. Laat het antwoord naar een nieuwe vraag of een uitkomst gaan."]


def test_an_outcome_no_answer_leads_to_is_refused(tmp_path):
    questions = ("  begin:\n    vraag: Wat?\n    antwoorden:\n"
                 "      - {antwoord: Een, naar: een}\n      - {antwoord: Twee, naar: twee}\n")
    assert scheme_problems(tmp_path, questions) == [
        "reactieschema/test.yml:19: `drie` wordt op geen enkele site bereikt: geen antwoord leidt ernaartoe. "
        "Zet `naar: drie` bij een antwoord, of haal deze stap weg."]


# --- The cache ---------------------------------------------------------------------------------------

def test_a_rebuild_takes_a_file_with_unchanged_inputs_from_the_cache(tmp_path):
    made = []
    cache = Cache(tmp_path)
    for _ in range(2):
        assert cache.fetch("a.pdf", "<html>zelfde</html>", lambda: made.append(1) or b"%PDF") == b"%PDF"
    assert len(made) == 1 and cache.hits == ["a.pdf"]


def test_a_changed_input_is_made_again_and_replaces_the_old_cache_entry(tmp_path):
    cache = Cache(tmp_path)
    cache.fetch("a.pdf", "<html>oud</html>", lambda: b"oud")
    assert cache.fetch("a.pdf", "<html>nieuw</html>", lambda: b"nieuw") == b"nieuw"
    assert cache.made == ["a.pdf", "a.pdf"]
    assert [p.read_bytes() for p in (tmp_path / "downloads").iterdir()] == [b"nieuw"]


# --- The step-by-step scheme in a real browser --------------------------------------------------------

def expected_outcomes(real_sites: Path, variant: str) -> set[str]:
    return {step.key for step in site_scheme(real_sites, variant).outcomes}


@pytest.mark.parametrize("variant", AUDIENCES)
def test_the_step_by_step_scheme_reaches_every_outcome_by_keyboard_and_back_again(
        site_url, browser, real_sites, variant):
    page = browser.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_url}{variant}/reactieschema/")
    steps = page.locator("[data-reactieschema] .rs-stap")

    def current() -> str:
        shown = steps.evaluate_all("steps => steps.filter(s => s.checkVisibility()).map(s => s.dataset.stap)")
        assert len(shown) == 1, shown
        return shown[0]

    def press(locator):
        locator.focus()
        page.keyboard.press("Enter")

    reached = set()

    def explore():
        here = current()
        answers = page.locator(f'[data-stap="{here}"] .rs-antwoorden a')
        if answers.count() == 0:
            reached.add(here)
            return
        for index in range(answers.count()):
            press(answers.nth(index))
            assert page.evaluate("document.activeElement.tagName") == "H3"   # focus moves to the new step
            explore()
            press(page.get_by_role("button", name="Terug", exact=True))
            assert current() == here

    start = current()
    explore()
    assert reached == expected_outcomes(real_sites, variant)
    press(page.locator(f'[data-stap="{start}"] .rs-antwoorden a').first)
    press(page.get_by_role("button", name="Opnieuw beginnen", exact=True))
    assert current() == start
    origin = site_url.split("/beleid/")[0]
    assert all(url.startswith(origin) for url in requests), [u for u in requests if not u.startswith(origin)]
    page.close()


@pytest.mark.parametrize("variant", AUDIENCES)
def test_without_javascript_the_scheme_shows_every_step_and_each_answer_links_to_one(
        site_url, browser, real_sites, variant):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}{variant}/reactieschema/")
    outcomes = page.locator("[data-reactieschema] .rs-uitkomst")
    shown = {outcomes.nth(i).get_attribute("data-stap") for i in range(outcomes.count())}
    assert shown == expected_outcomes(real_sites, variant)
    assert all(outcomes.nth(i).is_visible() for i in range(outcomes.count()))
    for href in page.locator(".rs-antwoorden a").evaluate_all("links => links.map(a => a.getAttribute('href'))"):
        assert page.locator(href).count() == 1
    context.close()


@pytest.mark.parametrize("variant", AUDIENCES)
def test_every_download_opens_from_the_downloads_page_of_a_site_served_under_a_sub_path(
        site_url, browser, real_sites, variant):
    on_disk = files(real_sites / variant)
    page = browser.new_page()
    page.goto(f"{site_url}{variant}/downloads/")
    links = page.locator(".downloads a").evaluate_all("links => links.map(a => a.href)")
    assert len(links) == len(on_disk)
    for link in links:
        folder, name = link.rsplit("/", 1)
        assert folder == f"{site_url}{variant}/downloads"
        response = page.request.get(link)
        assert response.ok and response.body() == on_disk[name].read_bytes(), link
    page.close()


# --- The writers' preview -----------------------------------------------------------------------------

@SLOW
def test_the_preview_makes_no_downloads_and_says_so_on_the_downloads_page(tmp_path):
    project = write_project(tmp_path / "project")
    port = free_port()
    command = [sys.executable, str(project / "build_variants.py"), "--bekijk", "zorg", "--poort", str(port)]
    process = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL)
    try:
        page = wait_for(f"http://127.0.0.1:{port}/downloads/", "In het voorbeeld", seconds=60)
        assert "Het beleid op één A4" in page and ".pdf" not in page
        scheme = wait_for(f"http://127.0.0.1:{port}/reactieschema/", "data-reactieschema")
        assert "Een review, klacht of kritiek over onze zorg" in scheme
    finally:
        process.terminate()
        process.wait(timeout=10)


@SLOW
def test_building_without_downloads_makes_no_files_and_the_page_says_so(tmp_path):
    project = write_project(tmp_path / "project")
    result = run_cli(project, "medewerkers", "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    site = project / "site" / "medewerkers"
    assert not list((site / "downloads").glob("*.pdf"))
    assert "Zonder bestanden gebouwd" in (site / "downloads" / "index.html").read_text(encoding="utf-8")


def test_a_normal_build_makes_every_file_and_does_not_say_it_skipped_them(real_sites):
    page = (real_sites / "medewerkers" / "downloads" / "index.html").read_text(encoding="utf-8")
    assert "Zonder bestanden gebouwd" not in page
    assert len(list((real_sites / "medewerkers" / "downloads").glob("*.pdf"))) >= 4


def test_a_download_that_would_fetch_something_from_outside_is_refused():
    from policy_sites.downloads import pdf
    with pytest.raises(pdf.OutsideRequest, match="https://intranet.example/stijl.css"):
        pdf.write('<html><head><link rel="stylesheet" href="https://intranet.example/stijl.css"></head>'
                  '<body><p>Tekst.</p></body></html>')
    assert pdf.write("<html><body><p>Tekst.</p></body></html>").startswith(b"%PDF")
