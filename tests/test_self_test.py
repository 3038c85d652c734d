"""Test jezelf: the self-test is data (zelftest/*.yml), checked with file and line, shown on every site
with 8 to 12 questions for its audience, usable by keyboard and screen reader, without JavaScript, and
private; a printable version is in the team-meeting PDF."""
from __future__ import annotations

import re

import pytest
import yaml

from conftest import AUDIENCES, REPO, page_html, run_cli, write_project
from policy_sites import self_test
from policy_sites.problems import PolicyError
from policy_sites.project import Project

DATA = "zelftest/zelftest.yml"
SCRIPTS = [REPO / "docs" / "assets" / name for name in ("zelftest.js", "interactief.js")]


# --- The data --------------------------------------------------------------------------------------

@pytest.fixture
def project(tmp_path) -> Project:
    """The project's modules and self-test with the example organisation, to break."""
    return Project(write_project(tmp_path / "project"))


def load(project: Project):
    return self_test.load_all(project, project.audiences())


def problems(project: Project) -> list[str]:
    with pytest.raises(PolicyError) as error:
        load(project)
    return [str(p) for p in error.value.problems]


def edit(project: Project, old: str, new: str, count: int = 1) -> int:
    """Replace text in the self-test file; returns the line of the first replacement."""
    path = project.root / DATA
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    line = text[:text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def line_of(project: Project, text: str) -> int:
    source = (project.root / DATA).read_text(encoding="utf-8")
    return source[:source.index(text)].count("\n") + 1


def test_every_audience_gets_eight_to_twelve_questions_each_with_one_right_answer_and_an_existing_page(project):
    test = load(project)
    for audience in project.audiences():
        questions = test.for_site(audience).questions
        assert 8 <= len(questions) <= 12, (audience, len(questions))
        for q in questions:
            assert 3 <= len(q.answers) <= 4 and sum(a.right for a in q.answers) == 1, q.key
            assert (project.docs_dir / q.more).is_file(), q.more
            assert 2 <= len(re.findall(r"[.!?](\s|$)", q.explanation.strip())) <= 3, q.key


def test_audience_questions_are_only_on_their_own_site(project):
    test = load(project)
    assert "filmpje-op-een-feest" in {q.key for q in test.for_site("zorg").questions}
    assert "filmpje-op-een-feest" not in {q.key for q in test.for_site("medewerkers").questions}
    assert "incident-in-je-buurt" not in {q.key for q in test.for_site("zorg").questions}


def test_an_unknown_audience_is_reported_with_file_and_line(project):
    line = edit(project, "voor: [zorg]", "voor: [zorgg]")
    found = problems(project)
    assert any(p.startswith(f"{DATA}:{line}:") and "zorgg" in p for p in found), found


def test_a_question_with_two_right_answers_is_reported_at_its_answers(project):
    line = line_of(project, "    antwoorden:\n      - antwoord: Je antwoordt kort")   # that question's answers
    edit(project, '      - antwoord: Je antwoordt kort. Jij kent het project het best.\n',
         '      - antwoord: Je antwoordt kort. Jij kent het project het best.\n        juist: true\n')
    assert f"{DATA}:{line}: de vraag `journalist` heeft 2 juiste antwoorden. Zet `juist: true` bij precies " \
           "één antwoord." in problems(project)


def test_a_question_without_a_right_answer_is_reported_too(project):
    line = line_of(project, "    antwoorden:\n      - antwoord: Je antwoordt kort")
    edit(project, "        juist: true\n      - antwoord: Je reageert niet en wist het bericht.",
         "      - antwoord: Je reageert niet en wist het bericht.")
    assert any(p.startswith(f"{DATA}:{line}: de vraag `journalist` heeft geen juiste antwoorden")
               for p in problems(project))


def test_a_link_to_a_page_that_does_not_exist_is_reported_at_its_line(project):
    line = edit(project, "meer: basis/je-eigen-tijd.md", "meer: basis/je-vrije-tijd.md")
    assert any(p.startswith(f"{DATA}:{line}: `meer: basis/je-vrije-tijd.md` is geen pagina in docs/")
               for p in problems(project))


def test_a_site_with_too_few_questions_is_reported(project):
    data = yaml.safe_load((project.root / DATA).read_text(encoding="utf-8"))
    keep = dict(list(data["vragen"].items())[:7])
    (project.root / DATA).write_text(yaml.safe_dump({**data, "vragen": keep}, allow_unicode=True), encoding="utf-8")
    assert any("de site voor medewerkers krijgt 7 vragen; een test heeft er 8 tot 12" in p for p in problems(project))


def test_a_link_to_a_page_that_is_not_on_a_site_showing_the_question_stops_that_build(project):
    edit(project, "meer: basis/je-eigen-tijd.md", "meer: zorg/grenzen-online.md")
    result = run_cli(project.root, "medewerkers", "--zonder-downloads")
    assert result.returncode == 1
    assert re.search(rf"{DATA}:\d+: de vraag `werkchat-op-zaterdag` verwijst met `meer:` naar "
                     r"zorg/grenzen-online.md, maar die pagina staat niet op de site `medewerkers`", result.stderr)


def test_the_check_finds_a_link_to_a_page_that_is_not_on_a_site_without_building(project):
    line = edit(project, "meer: basis/je-eigen-tijd.md", "meer: zorg/grenzen-online.md")
    result = run_cli(project.root, "--controleer", "medewerkers", "zorg")
    assert result.returncode == 1
    assert (f"fout: {DATA}:{line}: de vraag `werkchat-op-zaterdag` verwijst met `meer:` naar zorg/grenzen-online.md, "
            "maar die pagina staat niet op de site `medewerkers`") in result.stderr
    assert "(site: medewerkers)" in result.stderr and not (project.root / "site").exists()


def test_its_positive_twin_builds_when_the_question_is_only_for_the_care_site(project):
    edit(project, "meer: basis/je-eigen-tijd.md", "meer: zorg/grenzen-online.md")
    edit(project, "  werkchat-op-zaterdag:\n", "  werkchat-op-zaterdag:\n    voor: [zorg]\n")
    edit(project, "  filmpje-op-een-feest:\n    voor: [zorg]\n", "  filmpje-op-een-feest:\n    voor: [politie]\n")
    edit(project, "meer: zorg/geen-beelden-van-bewoners.md", "meer: basis/fotos-en-videos.md")
    assert run_cli(project.root, "--controleer", "medewerkers", "zorg").returncode == 0
    result = run_cli(project.root, "medewerkers", "zorg", "--zonder-downloads")
    assert result.returncode == 0, result.stderr


# --- On the built sites ----------------------------------------------------------------------------

@pytest.mark.parametrize("variant", AUDIENCES)
def test_every_site_has_the_test_with_fieldsets_radios_a_live_region_and_the_answer_behind_a_disclosure(
        real_sites, variant):
    html = page_html(real_sites / variant, "test-jezelf.md")
    questions = re.findall(r'<section class="zt-vraag"(.*?)</section>', html, re.S)
    assert 8 <= len(questions) <= 12
    for question in questions:
        assert "<fieldset>" in question and "<legend>" in question
        radios = re.findall(r'<input type="radio"[^>]*>', question)
        assert 3 <= len(radios) <= 4 and sum("data-juist" in r for r in radios) == 1
        assert len(re.findall(r'<label for="', question)) == len(radios)
        assert 'aria-live="polite"' in question
        assert "<details" in question and "Bekijk het juiste antwoord" in question and "Juist is " in question
        assert re.search(r'Lees meer in <a href="\.\./[^"]+/">', question)
    assert 'data-zt-score aria-live="polite"' in html
    assert "{{" not in html and "woord(" not in html


def test_care_questions_use_the_words_of_the_kind_of_organisation(real_sites):
    html = page_html(real_sites / "zorg", "test-jezelf.md")
    assert "Op een feest bij jullie danst een bewoner" in html or "Op een feest bij jullie danst een " in html
    assert "Geen beelden van" in html


def test_the_scripts_store_and_send_nothing():
    script = "".join(path.read_text(encoding="utf-8") for path in SCRIPTS)
    for forbidden in ("localStorage", "sessionStorage", "document.cookie", "fetch(", "XMLHttpRequest",
                      "sendBeacon", "indexedDB", "WebSocket"):
        assert forbidden not in script, forbidden


def test_the_team_meeting_pdf_prints_the_test_with_its_answers(real_sites):
    from test_downloads import flat, pdf_pages
    text = flat(" ".join(pdf_pages(real_sites / "medewerkers" / "downloads" / "vragen-voor-je-team-medewerkers.pdf")))
    assert "Test jezelf" in text and "De antwoorden" in text
    assert "Juist is C: Je zegt vriendelijk dat je de vraag doorgeeft" in text


# --- In a browser ----------------------------------------------------------------------------------

def test_every_question_gives_feedback_by_keyboard_and_the_page_passes_axe(browser, site_url):
    from test_browser import axe_violations
    page = browser.new_page()
    page.goto(site_url + "medewerkers/test-jezelf/")
    sections = page.locator("[data-zt-vraag]")
    count = sections.count()
    assert 8 <= count <= 12
    assert page.locator("[data-zt-uitleg]").first.is_hidden()   # with JavaScript: feedback instead
    page.locator("input[type=radio]").first.focus()
    for index in range(count):
        section = sections.nth(index)
        page.keyboard.press("Space")                  # choose the focused (first) answer
        page.keyboard.press("Tab")                    # to "Controleer"
        assert page.evaluate("document.activeElement.textContent") == "Controleer"
        page.keyboard.press("Enter")
        feedback = section.locator("[data-zt-feedback]")
        assert re.match(r"(Juist!|Niet juist\.)", feedback.inner_text()), feedback.inner_text()
        assert "Lees meer in" in feedback.inner_text()
        if index < count - 1:                         # past the link in the feedback, to the next question
            for _ in range(3):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement.type") == "radio":
                    break
            here = page.evaluate("document.activeElement.closest('[data-zt-vraag]').id")
            assert here == sections.nth(index + 1).get_attribute("id")
    score = page.locator("[data-zt-score]").inner_text()
    assert re.search(rf"Je score: \d+ van de {count} vragen goed", score), score
    assert page.evaluate("document.cookie") == "" and page.evaluate("localStorage.length") == 0
    assert axe_violations(page) == []
    page.close()


def test_without_javascript_every_answer_is_behind_a_disclosure(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "zorg/test-jezelf/")
    disclosures = page.locator("details[data-zt-uitleg]")
    assert disclosures.count() >= 8
    first = disclosures.first
    assert not first.locator(".zt-waarom").is_visible()
    first.locator("summary").click()
    assert first.locator(".zt-waarom").is_visible()
    assert page.locator("button", has_text="Controleer").count() == 0
    context.close()
