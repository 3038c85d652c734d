"""What changed: the change log is data (wijzigingen.yml), checked with file and line, one source for the
current version and date, shown per site with only that site's pages, linked from the start page and in
the full policy; and `--verschil` compares two git revisions in one HTML report."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import AUDIENCES, page_html, run_cli, write_project
from policy_sites import changelog, compare
from policy_sites.problems import PolicyError
from policy_sites.project import Project

LOG = "wijzigingen.yml"


@pytest.fixture
def project(tmp_path) -> Project:
    return Project(write_project(tmp_path / "project"))


def edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[:text.index(old)].count("\n") + 1


# --- The data --------------------------------------------------------------------------------------

def test_the_log_loads_newest_first_and_names_only_existing_pages(project):
    log = changelog.load(project)
    assert [v.number for v in log.versions] == ["2.0", "1.0"]
    for version in log.versions:
        for change in version.changes:
            assert all((project.docs_dir / page).is_file() for page in change.pages)
            assert change.text.rstrip().endswith((".", "?", "!"))


def test_a_page_that_does_not_exist_stops_the_build_with_file_and_line(project):
    line = edit(project.root / LOG, "paginas: [basis/je-eigen-tijd.md]", "paginas: [basis/je-vrije-tijd.md]")
    result = run_cli(project.root, "medewerkers", "--zonder-downloads")
    assert result.returncode == 1
    assert f"{LOG}:{line}: `basis/je-vrije-tijd.md` is geen pagina in docs/." in result.stderr


def test_an_older_version_above_a_newer_one_is_reported(project):
    line = edit(project.root / LOG, '  - versie: "1.0"\n    datum: 2024-09-16', '  - versie: "1.0"\n    datum: 2027-09-16')
    with pytest.raises(PolicyError) as error:
        changelog.load(project)
    assert any(str(p).startswith(f"{LOG}:{line}: versie 1.0 (2027-09-16) is nieuwer dan versie 2.0")
               for p in error.value.problems)


def test_organisation_and_log_must_name_the_same_version_and_date(project):
    line = edit(project.root / "organisatie.yml", 'versie: "2.0"', 'versie: "2.1"')
    result = run_cli(project.root, "medewerkers", "--zonder-downloads")
    assert result.returncode == 1
    assert (f"organisatie.yml:{line}: `beleid.versie` is 2.1, maar de nieuwste versie in {LOG} (regel ") in result.stderr


def test_the_check_finds_a_version_the_log_does_not_record_without_building(project):
    line = edit(project.root / "organisatie.yml", 'versie: "2.0"', 'versie: "2.1"')
    result = run_cli(project.root, "--controleer")
    assert result.returncode == 1
    assert (f"fout: organisatie.yml:{line}: `beleid.versie` is 2.1, maar de nieuwste versie in {LOG} (regel "
            in result.stderr)
    assert "(site: elke site)" in result.stderr and not (project.root / "site").exists()


def test_its_positive_twin_builds_when_the_new_version_is_recorded_too(project):
    edit(project.root / "organisatie.yml", 'versie: "2.0"', 'versie: "2.1"')
    edit(project.root / "organisatie.yml", "goedgekeurd_op: 2026-09-14", "goedgekeurd_op: 2026-11-30")
    edit(project.root / LOG, "versies:\n", 'versies:\n  - versie: "2.1"\n    datum: 2026-11-30\n    wijzigingen:\n'
         "      - paginas: [basis/werkchats.md]\n        tekst: Een zin over werkchats is duidelijker.\n")
    assert run_cli(project.root, "--controleer").returncode == 0
    result = run_cli(project.root, "medewerkers", "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    html = page_html(project.root / "site" / "medewerkers", "wat-is-er-veranderd.md")
    assert html.index("Versie 2.1") < html.index("Versie 2.0")
    assert "30 november 2026" in html and "Een zin over werkchats is duidelijker." in html


def test_a_fork_with_its_own_organisation_shows_no_inherited_history(project):
    assert changelog.applies(changelog.load(project), "Stad Lindeveld")
    assert not changelog.applies(changelog.load(project), "Gemeente Zilverdijk")


# --- On the built sites ----------------------------------------------------------------------------

def test_each_site_shows_only_the_changes_to_its_own_pages(real_sites):
    staff = page_html(real_sites / "medewerkers", "wat-is-er-veranderd.md")
    care = page_html(real_sites / "zorg", "wat-is-er-veranderd.md")
    police = page_html(real_sites / "politie", "wat-is-er-veranderd.md")
    own_care = "Waarom je de mensen voor wie je zorgt en hun families niet online opzoekt."
    assert own_care in care and own_care not in staff and own_care not in police
    assert "gerechtelijke overheid" in police and "gerechtelijke overheid" not in staff
    for html in (staff, care, police):
        assert "Versie 2.0" in html and "Versie 1.0" in html and "14 september 2026" in html
        assert "Werken met AI" in html


def test_the_police_site_names_its_own_approver(real_sites):
    assert "Goedgekeurd door het politiecollege" in page_html(real_sites / "politie", "wat-is-er-veranderd.md")


@pytest.mark.parametrize("variant", AUDIENCES)
def test_the_start_page_links_to_the_changes_of_the_newest_version(real_sites, variant):
    html = page_html(real_sites / variant, "index.md")
    assert re.search(r'Nieuw in versie 2\.0: lees <a href="wat-is-er-veranderd/">wat er veranderd is</a>', html)


def test_the_full_policy_includes_the_changes_and_the_welcome_page(real_sites):
    from test_downloads import flat, pdf_pages
    text = flat(" ".join(pdf_pages(real_sites / "medewerkers" / "downloads" / "socialemediabeleid-medewerkers.pdf")))
    assert "Wat is er veranderd?" in text and "Nieuw hier?" in text


def test_new_here_shows_the_acknowledgement_only_when_switched_on(real_sites, tmp_path):
    html = page_html(real_sites / "medewerkers", "nieuw-hier.md")
    assert "Bevestigen dat je het las" in html and "versie 2.0" in html
    project = write_project(tmp_path / "project")
    edit(project / "organisatie.yml", "bevestiging: true", "bevestiging: false")
    assert run_cli(project, "medewerkers", "--zonder-downloads").returncode == 0
    assert "Bevestigen dat je het las" not in page_html(project / "site" / "medewerkers", "nieuw-hier.md")


@pytest.mark.parametrize("variant, page", [("zorg", "zorg/beroepsgeheim-en-privacy/"),
                                           ("politie", "politie/niet-speculeren/"),
                                           ("ambassadeurs", "ambassadeurs/ambassadeur-zijn/"),
                                           ("medewerkers", "basis/spreken-in-eigen-naam/")])
def test_new_here_points_each_audience_to_its_own_pages_and_the_test(real_sites, variant, page):
    html = page_html(real_sites / variant, "nieuw-hier.md")
    assert f'href="../{page}"' in html and 'href="../test-jezelf/"' in html


# --- Comparing two revisions -----------------------------------------------------------------------

def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


HISTORY_SITES = ["medewerkers", "zorg"]


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    """The project as a git repository with two commits: the second adds a page and changes a paragraph.
    Two sites (HISTORY_SITES) are enough to show the report per site, and build in half the time."""
    root = write_project(tmp_path_factory.mktemp("verschil") / "project")
    (root / ".cache").unlink()
    for variant in set(AUDIENCES) - set(HISTORY_SITES):
        (root / "variants" / f"{variant}.yml").unlink()
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=Test", "-c", "user.email=t@example", "add", "-A")
    git(root, "-c", "user.name=Test", "-c", "user.email=t@example", "commit", "-q", "-m", "Versie een")
    edit(root / "docs" / "basis" / "je-eigen-tijd.md", "Rust\nis geen luxe", "Rust\nis echt geen luxe")
    git(root, "-c", "user.name=Test", "-c", "user.email=t@example", "commit", "-q", "-am", "Versie twee")
    return root


def test_the_report_shows_the_changed_paragraph_side_by_side_for_each_site(history):
    result = run_cli(history, "--verschil", "HEAD~1", "HEAD")
    assert result.returncode == 0, result.stderr
    report = history / "site" / "verschil-HEAD-1-HEAD" / "index.html"
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html and 'rel="stylesheet"' not in html and "<style>" in html
    for variant in HISTORY_SITES:
        part = html[html.index(f'id="site-{variant}"'):]
        part = part[:part.index("</section>")]
        assert "Gewijzigd: Je eigen tijd" in part
        assert "<ins>echt</ins>" in part
    assert "Versie een" in html and "Versie twee" in html


def test_a_later_full_build_keeps_the_report(history):
    if not (history / "site" / "verschil-HEAD-1-HEAD" / "index.html").exists():   # this test ran first
        assert run_cli(history, "--verschil", "HEAD~1", "HEAD").returncode == 0
    from policy_sites.cli import remove_orphans
    remove_orphans(history / "site", HISTORY_SITES)
    assert (history / "site" / "verschil-HEAD-1-HEAD" / "index.html").exists()


def test_an_unknown_revision_is_said_in_dutch(history):
    result = run_cli(history, "--verschil", "v9.9")
    assert result.returncode == 2
    assert "fout: `v9.9` is geen versie in deze repository." in result.stderr


def test_more_than_two_revisions_is_an_error(history):
    result = run_cli(history, "--verschil", "HEAD", "HEAD", "HEAD")
    assert result.returncode == 2 and "--verschil neemt één of twee versies" in result.stderr


def test_page_comparison_marks_added_removed_and_changed_paragraphs():
    change = compare.compare_page("x/", "X", ["Een", "Twee drie vier", "Vijf"], ["Een", "Twee drie zes", "Zeven"])
    kinds = [row[0] for row in change.rows]
    assert kinds.count("gewijzigd") == 2
    assert compare.compare_page("x/", "X", ["Een"], ["Een"]) is None
