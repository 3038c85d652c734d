"""What writers type: a heading anchor is `## Titel {#anker}`, a note for other writers is
`{## opmerking ##}`, and front matter keys are Dutch (the English names of before still build, with
a notice that says the new name)."""
from __future__ import annotations

import re

from conftest import page_html, run_cli


def add_to_start_page(project, text: str) -> None:
    path = project / "docs" / "index.md"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


# --- Heading anchors and comments ------------------------------------------------------------------------

def test_a_heading_anchor_in_braces_gives_the_heading_that_id(mini):
    add_to_start_page(mini, "\n## Contact opnemen {#mijn-anker}\n\nBel ons gerust.\n")
    result = run_cli(mini, "medewerkers")
    assert result.returncode == 0, result.stderr
    html = page_html(mini / "site" / "medewerkers", "index.md")
    assert re.search(r'<h2 id="mijn-anker">Contact opnemen', html), html
    assert "Bel ons gerust." in html   # nothing after the anchor disappears


def test_a_heading_without_an_anchor_gets_the_id_from_its_words(mini):
    """The twin: the id above comes from `{#mijn-anker}`, not from MkDocs' own id."""
    add_to_start_page(mini, "\n## Contact opnemen\n\nBel ons gerust.\n")
    assert run_cli(mini, "medewerkers").returncode == 0
    html = page_html(mini / "site" / "medewerkers", "index.md")
    assert '<h2 id="contact-opnemen">' in html and 'id="mijn-anker"' not in html


def test_a_comment_for_writers_is_not_in_the_built_page(mini):
    add_to_start_page(mini, "\nVoor de lezer.\n{## Opmerking voor schrijvers: nakijken in maart. ##}\nNa de opmerking.\n")
    result = run_cli(mini, "medewerkers")
    assert result.returncode == 0, result.stderr
    site = mini / "site" / "medewerkers"
    html = page_html(site, "index.md")
    assert "Voor de lezer." in html and "Na de opmerking." in html
    assert "Opmerking voor schrijvers" not in html and "{##" not in html
    assert "Opmerking voor schrijvers" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")


def test_an_html_comment_does_reach_the_page_source(mini):
    """The twin: an HTML comment is only hidden from view, which is why the guide says `{## ##}`."""
    add_to_start_page(mini, "\n<!-- Opmerking voor schrijvers -->\n")
    assert run_cli(mini, "medewerkers").returncode == 0
    assert "Opmerking voor schrijvers" in page_html(mini / "site" / "medewerkers", "index.md")


# --- Front matter key names ------------------------------------------------------------------------------

OLD_FRONT_MATTER = ("---\ntitle: Pagina zorg\naudiences: [zorg]\nowner: communicatie\nlast_reviewed_on: 2026-11-20\n"
                    "review_in_months: 6\n---\n\n# Pagina zorg\n\nOude sleutels, zelfde pagina.\n")
RENAMES = {"audiences": "doelgroepen", "owner": "eigenaar", "last_reviewed_on": "nagekeken_op",
           "review_in_months": "herzien_na_maanden"}


def test_a_page_with_the_old_english_keys_still_builds_and_each_key_gets_a_notice(mini):
    (mini / "docs" / "zorg" / "pagina.md").write_text(OLD_FRONT_MATTER, encoding="utf-8")
    result = run_cli(mini)
    assert result.returncode == 0, result.stderr
    assert "Oude sleutels, zelfde pagina." in page_html(mini / "site" / "zorg", "zorg/pagina.md")
    assert "zorg/pagina.md" not in "".join(
        page_html(mini / "site" / v, "index.md") for v in ("medewerkers", "politie"))   # still only for zorg
    for line, (old, new) in enumerate(RENAMES.items(), start=3):
        assert (f"let op: docs/zorg/pagina.md:{line}: de sleutel `{old}` heet nu `{new}`. Verander de naam; de oude "
                "werkt nog tot de volgende versie.") in result.stderr
    # one notice per key, not one per variant built
    assert result.stderr.count("de sleutel `audiences` heet nu") == 1


def test_the_old_profile_key_still_limits_a_page_to_its_profile_with_a_notice(mini):
    path = mini / "docs" / "hard.md"
    path.write_text(path.read_text(encoding="utf-8").replace("alleen_bij_profiel:", "profile:"), encoding="utf-8")
    result = run_cli(mini)
    assert result.returncode == 0, result.stderr
    assert "de sleutel `profile` heet nu `alleen_bij_profiel`" in result.stderr
    assert (mini / "site" / "zorg" / "hard").exists() and not (mini / "site" / "medewerkers" / "hard").exists()


def test_pages_with_the_dutch_keys_build_without_any_notice(mini):
    result = run_cli(mini)
    assert result.returncode == 0, result.stderr
    assert "let op" not in result.stderr and "heet nu" not in result.stderr


def test_controleer_shows_the_notice_for_an_old_key_too(mini):
    (mini / "docs" / "zorg" / "pagina.md").write_text(OLD_FRONT_MATTER, encoding="utf-8")
    result = run_cli(mini, "--controleer", "zorg")
    assert result.returncode == 0, result.stderr
    assert "let op: docs/zorg/pagina.md:3: de sleutel `audiences` heet nu `doelgroepen`." in result.stderr
