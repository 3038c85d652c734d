"""Mistakes writers and forks make in everyday work, each answered in Dutch with file:line and what to do,
and the old site kept; each with its twin that builds."""
from __future__ import annotations


import pytest

from conftest import append_to, line_number, replace_in, run_cli, snapshot




CASES = {
    "curly_quotes_around_a_value": (
        lambda p: replace_in(p / "organisatie.yml", "  korte_naam: ", "  korte_naam: “Lindeveld”\n  #"),
        ("organisatie.yml", "korte_naam: “"),
        "deze waarde begint met een gekruld aanhalingsteken (“), zoals een tekstverwerker het typt."),
    "curly_quotes_in_front_matter": (
        lambda p: replace_in(p / "docs" / "zorg" / "pagina.md", "title: Pagina zorg", "title: ‘Pagina zorg’"),
        ("docs/zorg/pagina.md", "title: ‘"),
        "deze waarde begint met een gekruld aanhalingsteken (‘)"),
    "a_list_without_brackets": (
        lambda p: replace_in(p / "docs" / "zorg" / "pagina.md", "doelgroepen: [zorg]", "doelgroepen: zorg"),
        ("docs/zorg/pagina.md", "doelgroepen: zorg"),
        "`doelgroepen` moet een lijst zijn, maar is tekst (zorg). Schrijf een lijst tussen rechte haken, ook als er "
        "maar één waarde in staat: [zorg]."),
    "conflict_markers_after_a_merge": (
        lambda p: replace_in(p / "organisatie.yml", "contacten:\n",
                           "<<<<<<< HEAD\ncontacten:\n=======\ncontacten: {}\n>>>>>>> upstream/main\ncontacten:\n"),
        ("organisatie.yml", "<<<<<<< HEAD"),
        "hier staat nog een conflictmarkering van git"),
    "conflict_markers_in_a_module": (
        lambda p: append_to(p / "docs" / "index.md", "\n<<<<<<< HEAD\nOnze tekst.\n=======\nHun tekst.\n>>>>>>> upstream\n"),
        ("docs/index.md", "<<<<<<< HEAD"),
        "hier staat nog een conflictmarkering van git"),
    "an_image_that_does_not_exist": (
        lambda p: append_to(p / "docs" / "index.md", "\n![Ons logo](assets/logoo.png)\n"),
        ("docs/index.md", "logoo.png"),
        "de afbeelding `assets/logoo.png` bestaat niet (gezocht: docs/assets/logoo.png)."),
    "literal_braces_in_the_text": (
        lambda p: append_to(p / "docs" / "index.md", "\nSchrijf nooit {{ }} in een bericht.\n"),
        ("docs/index.md", "Schrijf nooit"),
        "de code tussen accolades is ongeldig (Jinja meldt: Expected an expression, got 'end of print statement'). "
        "Sluit elke `{{` af met `}}` en elke `{%` met `%}`, en geef elke `{% if %}` een `{% endif %}`. Wil je de "
        "accolades zelf tonen, zet die tekst dan tussen `{% raw %}` en `{% endraw %}`."),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_everyday_mistake_is_explained_in_dutch_with_file_line_and_keeps_the_old_site(mini, case):
    breaks, (file, needle), expected = CASES[case]
    variant = "zorg"
    before = snapshot(mini / "site" / variant)
    breaks(mini)
    line = line_number(mini / file, needle)
    result = run_cli(mini, variant, "--zonder-downloads")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{file}:{line}: {expected}" in result.stderr, result.stderr
    assert snapshot(mini / "site" / variant) == before
    checked = run_cli(mini, "--controleer", variant)
    assert checked.returncode == 1 and f"{file}:{line}: {expected}" in checked.stderr, checked.stderr


def test_the_same_text_written_right_builds(mini):
    (mini / "docs" / "assets").mkdir(exist_ok=True)
    (mini / "docs" / "assets" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
        encoding="utf-8")
    append_to(mini / "docs" / "index.md", "\n![Ons logo](assets/logo.svg)\n\n{% raw %}Schrijf nooit {{ }}.{% endraw %}\n")
    replace_in(mini / "docs" / "zorg" / "pagina.md", "title: Pagina zorg", 'title: "Pagina “zorg”"')
    result = run_cli(mini, "zorg", "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    assert "Schrijf nooit {{ }}." in (mini / "site" / "zorg" / "index.html").read_text(encoding="utf-8")


def test_conflict_markers_stop_the_variables_reference_with_a_message_not_a_traceback(mini):
    CASES["conflict_markers_after_a_merge"][0](mini)
    result = run_cli(mini, "--variabelen")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "organisatie.yml:" in result.stderr and "conflictmarkering van git" in result.stderr


def test_a_site_whose_variant_was_removed_is_taken_away_when_every_site_is_built(mini):
    (mini / "variants" / "politie.yml").unlink()
    result = run_cli(mini, "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    assert "site/politie/ verwijderd: er is geen variants/politie.yml meer." in result.stdout
    assert not (mini / "site" / "politie").exists()


def test_building_some_sites_never_removes_the_others(mini):
    result = run_cli(mini, "zorg", "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    assert "verwijderd" not in result.stdout
    assert (mini / "site" / "politie" / "index.html").exists()


def test_the_logo_is_named_after_the_organisation(mini):
    (mini / "docs" / "assets").mkdir(exist_ok=True)
    (mini / "docs" / "assets" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
        encoding="utf-8")
    replace_in(mini / "organisatie.yml", "  website:", "  logo: assets/logo.svg\n  website:")
    result = run_cli(mini, "zorg", "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    page = (mini / "site" / "zorg" / "index.html").read_text(encoding="utf-8")
    assert 'alt="Stad Lindeveld"' in page and 'alt="logo"' not in page


def test_a_role_with_brackets_is_shown_once_in_a_contactline_number(mini):
    replace_in(mini / "organisatie.yml", "functie: vertrouwenspersoon", "functie: vertrouwenspersoon (VP)")
    append_to(mini / "docs" / "index.md", '\n{{ contact("vertrouwenspersoon") }}\n')
    result = run_cli(mini, "zorg", "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    page = (mini / "site" / "zorg" / "index.html").read_text(encoding="utf-8")
    assert "vertrouwenspersoon (VP):" in page and "(VP))" not in page


# --- Language and readability: warnings by default, errors with --streng (the pull-request check) ----------

ENGLISH = ("\nThis paragraph explains in English how employees should behave on social media when they talk "
           "about their work, which nobody reading this Dutch policy expects to find here.\n")


def test_an_english_paragraph_is_named_with_its_line_and_fails_the_strict_check(mini):
    append_to(mini / "docs" / "index.md", ENGLISH)
    line = line_number(mini / "docs" / "index.md", "This paragraph")
    result = run_cli(mini, "--controleer")
    assert result.returncode == 0, result.stderr
    assert f"let op: docs/index.md:{line}: deze alinea lijkt Engels, niet Nederlands." in result.stderr
    strict = run_cli(mini, "--controleer", "--streng")
    assert strict.returncode == 1
    assert f"fout: docs/index.md:{line}: deze alinea lijkt Engels" in strict.stderr


def test_the_same_paragraph_in_dutch_passes_the_strict_check(mini):
    append_to(mini / "docs" / "index.md", "\nDeze alinea legt in gewoon Nederlands uit hoe je je gedraagt op sociale "
                                        "media als je over je werk praat.\n")
    result = run_cli(mini, "--controleer", "--streng")
    assert result.returncode == 0, result.stderr


def test_a_sentence_far_above_b1_length_is_named(mini):
    long = " ".join(["woord"] * 40)
    append_to(mini / "docs" / "index.md", f"\nDit is een zin met {long} erin.\n")
    result = run_cli(mini, "--controleer")
    assert "telt 46 woorden. Knip ze in twee of drie zinnen" in result.stderr


def test_a_persons_name_typed_by_hand_is_named_with_the_forks_own_contact_and_the_variable(mini):
    replace_in(mini / "organisatie.yml", "    naam: Lotte Verhaegen", "    naam: Anna de Wit")
    append_to(mini / "docs" / "index.md", "\nBel Anna de Wit als een journalist belt. Lotte Verhaegen is al lang weg.\n")
    result = run_cli(mini, "--controleer")
    line = line_number(mini / "docs" / "index.md", "Anna de Wit")
    assert (f"docs/index.md:{line}: de naam `Anna de Wit` staat er met de hand. Schrijf "
            "`{{ contacten.woordvoerder.naam }}`") in result.stderr
    assert "Lotte Verhaegen` staat er met de hand" not in result.stderr


# --- --controleer finds what the build would reject, each problem once with its sites -------------------

def test_the_check_finds_a_link_to_another_audiences_page_once_with_the_sites_it_breaks(mini):
    append_to(mini / "docs" / "index.md", "\nLees ook [de zorgpagina](zorg/pagina.md).\n")
    line = line_number(mini / "docs" / "index.md", "zorg/pagina.md")
    result = run_cli(mini, "--controleer")
    assert result.returncode == 1
    message = (f"fout: docs/index.md:{line}: de link naar zorg/pagina.md werkt niet op elke site: die pagina is "
               "alleen voor zorg. Zet de link binnen `{% if voor(\"zorg\") %} ... {% endif %}`")
    assert result.stderr.count(message) == 1, result.stderr
    assert "(site: ambassadeurs, communicatie, medewerkers, politie)" in result.stderr


def test_the_same_link_inside_its_audiences_condition_passes_the_check(mini):
    append_to(mini / "docs" / "index.md", '\n{% if voor("zorg") %}Lees ook [de zorgpagina](zorg/pagina.md).{% endif %}\n')
    result = run_cli(mini, "--controleer")
    assert result.returncode == 0, result.stderr
