"""Review dates: every page shows when it was last checked and by whom; pages past their date are
listed for their owners on the Onderhoud page; a passed date never fails the build.

Every test project compares with the same frozen day (the plugin option `today`, conftest.TODAY), so
no test here turns red on its own when the calendar moves on."""
from __future__ import annotations

import re

from conftest import built_pages, page_html, run_cli, set_plugin_option, write_project
from policy_sites import modules as module_source
from policy_sites.project import Project


def module_with(tmp_path, reviewed_on: str, months: int | None = None):
    extra = f"herzien_na_maanden: {months}\n" if months else ""
    path = tmp_path / "docs" / "pagina.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: Pagina\ndoelgroepen: [iedereen]\neigenaar: hr\nnagekeken_op: {reviewed_on}\n"
                    f"{extra}---\n\n# Pagina\n", encoding="utf-8")
    return module_source.read(Project(tmp_path), path)


def late_pages(site) -> str:
    """The part of the Onderhoud page that lists the pages past their review date."""
    html = page_html(site, "onderhoud.md")
    return html.split('id="te-laat-nagekeken"')[1].split('id="alle-paginas"')[0]


def test_the_next_review_is_twelve_months_after_the_last_by_default(tmp_path):
    assert module_with(tmp_path, "2026-03-15").review_due == "2027-03-15"


def test_herzien_na_maanden_sets_another_interval_and_keeps_the_date_valid(tmp_path):
    assert module_with(tmp_path, "2026-08-31", months=6).review_due == "2027-02-28"


def test_every_built_page_shows_its_last_review_and_owner(real_sites):
    for variant in ("medewerkers", "zorg"):
        for src in built_pages(real_sites / variant):
            assert re.search(r'class="beleid-nagekeken">\s*Deze pagina werd nagekeken op \d+ \w+ \d{4} door \w',
                             page_html(real_sites / variant, src)), src


def test_pages_reviewed_on_time_are_not_listed_as_late(real_sites):
    html = page_html(real_sites / "medewerkers", "onderhoud.md")
    assert "Alle pagina&#39;s van deze site zijn op tijd nagekeken." in html or "Alle pagina's van deze site zijn op tijd nagekeken." in html


def test_a_page_past_its_review_date_is_listed_for_its_owner_and_the_build_still_passes(tmp_path):
    project = write_project(tmp_path / "project")
    page = project / "docs" / "basis" / "werkchats.md"
    page.write_text(re.sub(r"nagekeken_op: .*", "nagekeken_op: 2020-01-15", page.read_text(encoding="utf-8")),
                    encoding="utf-8")
    result = run_cli(project, "medewerkers", "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    late = late_pages(project / "site" / "medewerkers")
    assert "Werkchats" in late and "15 januari 2021" in late and "Dienst Personeel en Organisatie" in late
    assert "Vertrouwelijke informatie" not in late


def test_the_today_option_decides_which_pages_are_late(tmp_path):
    """The same pages as the on-time test above, compared with a day two years later: all late."""
    project = write_project(tmp_path / "project")
    set_plugin_option(project, "today", "2028-12-01")
    result = run_cli(project, "medewerkers", "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    late = late_pages(project / "site" / "medewerkers")
    assert "Vertrouwelijke informatie" in late and "Werkchats" in late

