"""Bad input: each mistake a writer or a fork can make stops the build with `file:line: what. How.`,
exits non-zero, and leaves the previously built site of that variant whole."""
from __future__ import annotations

import re

import pytest

from conftest import VARIANTS, run_cli, snapshot


def edit(project, name, old, new):
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def drop_line(project, name, start):
    path = project / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert any(line.startswith(start) for line in lines), f"{start!r} not in {name}"
    path.write_text("".join(line for line in lines if not line.startswith(start)), encoding="utf-8")


def set_line(project, name, start, new):
    """Replace the first line that starts with `start`, whatever its value (a fork has its own)."""
    path = project / name
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(start))
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")


def append(project, name, text):
    with (project / name).open("a", encoding="utf-8") as f:
        f.write(text)


def line_of(project, name, needle):
    for number, line in enumerate((project / name).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {name}")


# name -> (how to break the project, variant to build, the file and needle whose line is reported, expected text)
CASES = {
    "unknown_audience_in_front_matter": (
        lambda p: edit(p, "docs/zorg/pagina.md", "doelgroepen: [zorg]", "doelgroepen: [zorgg]"),
        "zorg", ("docs/zorg/pagina.md", "doelgroepen:"),
        "`doelgroepen[0]` heeft de waarde `zorgg`, maar moet een van deze zijn: iedereen, ambassadeurs, communicatie, medewerkers, politie, zorg. Bedoelde je `zorg`?"),
    "unknown_audience_in_fragment_condition": (
        lambda p: append(p, "docs/index.md", '\n{% if voor("politei") %}Tekst.{% endif %}\n'),
        "medewerkers", ("docs/index.md", "politei"),
        "`politei` is geen bekende doelgroep. Bedoelde je `politie`?"),
    "undefined_variable": (
        lambda p: append(p, "docs/index.md", "\nVragen: {{ contacten.woordvoeder.email }}\n"),
        "medewerkers", ("docs/index.md", "woordvoeder"),
        "`contacten` heeft geen variabele `woordvoeder`. Bedoelde je `woordvoerder`?"),
    "undefined_top_level_variable": (
        lambda p: append(p, "docs/index.md", "\nWelkom bij {{ organisatei.naam }}\n"),
        "medewerkers", ("docs/index.md", "organisatei"),
        "`organisatei` is geen bekende variabele. Bedoelde je `organisatie`?"),
    "variable_of_the_wrong_type": (
        lambda p: append(p, "variants/medewerkers.yml", "variabelen:\n  beleid:\n    versie: 2.1\n"),
        "medewerkers", ("variants/medewerkers.yml", "versie:"),
        '`beleid.versie` moet tekst zijn, maar is een getal (2.1). Zet de waarde tussen aanhalingstekens: "2.1".'),
    "value_outside_the_allowed_list": (
        lambda p: append(p, "variants/zorg.yml", "variabelen:\n  organisatie:\n    land: DE\n"),
        "zorg", ("variants/zorg.yml", "land:"),
        "`organisatie.land` heeft de waarde `DE`, maar moet een van deze zijn: BE, NL."),
    "missing_required_variable": (
        lambda p: drop_line(p, "organisatie.yml", "  korte_naam:"),
        "medewerkers", ("organisatie.yml", "organisatie:"),
        "de verplichte variabele `organisatie.korte_naam` ontbreekt. Voeg ze toe in organisatie.yml"),
    "empty_value": (
        lambda p: set_line(p, "organisatie.yml", "  korte_naam:", "  korte_naam:"),
        "medewerkers", ("organisatie.yml", "korte_naam:"),
        "`organisatie.korte_naam` moet tekst zijn, maar is leeg. Vul een waarde in na de dubbelepunt."),
    "empty_group_in_a_variant": (
        lambda p: append(p, "variants/medewerkers.yml", "variabelen:\n  organisatie:\n"),
        "medewerkers", ("variants/medewerkers.yml", "  organisatie:"),
        "`organisatie` moet een groep sleutels zijn, maar is leeg. Zet de sleutels die erbij horen eronder"),
    "tab_in_yaml": (
        lambda p: set_line(p, "organisatie.yml", "  korte_naam:", "\tkorte_naam: Korte naam"),
        "medewerkers", ("organisatie.yml", "\tkorte_naam:"),
        "de YAML is ongeldig (een tab; YAML wil spaties)."),
    "empty_profile_in_front_matter": (
        lambda p: edit(p, "docs/zorg/pagina.md", "doelgroepen: [zorg]", "doelgroepen: [zorg]\nalleen_bij_profiel: {}"),
        "zorg", ("docs/zorg/pagina.md", "alleen_bij_profiel:"),
        "`alleen_bij_profiel` is leeg. Vul minstens één sleutel in, of haal `alleen_bij_profiel` weg."),
    "unknown_variable_key": (
        lambda p: append(p, "variants/politie.yml", "  contacten:\n    woordvoeder:\n      naam: X\n"),
        "politie", ("variants/politie.yml", "woordvoeder:"),
        "`contacten.woordvoeder` is geen bekende variabele. Bedoelde je `woordvoerder`?"),
    "unknown_variant_key": (
        lambda p: append(p, "variants/zorg.yml", "titell: Zorg\n"),
        "zorg", ("variants/zorg.yml", "titell:"),
        "`titell` is geen bekende sleutel. Bedoelde je `titel`?"),
    "jinja_block_never_closed": (
        lambda p: append(p, "docs/index.md", '\n{% if voor("zorg", "politie") %}\nAlleen zorg en politie.\n'),
        "zorg", ("docs/index.md", 'voor("zorg", "politie")'),
        "deze `{% if %}` wordt nergens afgesloten. Zet `{% endif %}`"),
    "jinja_syntax_error": (
        lambda p: append(p, "docs/index.md", "\nMeer bij {{ organisatie.naam }.\n"),
        "medewerkers", ("docs/index.md", "Meer bij"),
        "de code tussen accolades is ongeldig (Jinja meldt: unexpected '}')"),
    "invalid_yaml_in_a_variant_file": (
        lambda p: edit(p, "variants/zorg.yml", "titel:", "titel: Zorg\n  extra: [open"),
        "zorg", ("variants/zorg.yml", "extra:"),
        "de YAML is ongeldig"),
    "invalid_front_matter": (
        lambda p: edit(p, "docs/zorg/pagina.md", "eigenaar: communicatie", "eigenaar: communicatie: hr"),
        "zorg", ("docs/zorg/pagina.md", "eigenaar:"),
        "de YAML is ongeldig"),
    "link_to_a_page_excluded_from_this_audience": (
        lambda p: append(p, "docs/index.md", "\nLees ook [de zorgpagina](zorg/pagina.md).\n"),
        "medewerkers", ("docs/index.md", "zorg/pagina.md"),
        'de link naar zorg/pagina.md werkt niet op de site `medewerkers`: die pagina is alleen voor zorg. Zet de link binnen `{% if voor("zorg") %} ... {% endif %}`, of voeg de doelgroep van de site toe aan `doelgroepen`'),
    "link_to_a_page_excluded_by_the_policy_profile": (
        lambda p: append(p, "docs/index.md", "\nLees ook [toezicht](hard.md).\n"),
        "medewerkers", ("docs/index.md", "hard.md"),
        'de link naar hard.md werkt niet op de site `medewerkers`: die pagina staat alleen op sites met het beleidsprofiel handhaving: hard. Zet de link binnen `{% if profiel.handhaving == "hard" %}'),
    "comparison_with_an_impossible_value": (
        lambda p: append(p, "docs/index.md", '\n{% if organisatie.land == "NLD" %}Nederland.{% endif %}\n'),
        "medewerkers", ("docs/index.md", "NLD"),
        "`organisatie.land` kan nooit `NLD` zijn: kies uit BE, NL. Bedoelde je `NL`?"),
    "page_missing_from_the_menu": (
        lambda p: (p / "docs" / "extra.md").write_text(
            "---\ntitle: Extra\ndoelgroepen: [iedereen]\neigenaar: hr\nnagekeken_op: 2026-11-20\n---\n\n# Extra\n"),
        "medewerkers", ("docs/extra.md", "title:"),
        "de pagina staat in geen menu. Zet in de front matter `menu:` met de groep waar lezers ze zoeken"),
    "page_in_a_menu_group_that_does_not_exist": (
        lambda p: (p / "docs" / "extra.md").write_text(
            "---\ntitle: Extra\ndoelgroepen: [iedereen]\neigenaar: hr\nnagekeken_op: 2026-11-20\nmenu: Onbekend\n---\n\n# Extra\n"),
        "medewerkers", ("docs/extra.md", "menu:"),
        "`menu` heeft de waarde `Onbekend`, maar moet een van deze zijn: Ambassadeurs, Zorg, Politie"),
    "error_while_filling_in_a_page": (
        lambda p: append(p, "docs/index.md", "\nDerde kanaal: {{ kanalen[7].naam }}\n"),
        "medewerkers", ("docs/index.md", "kanalen[7]"),
        "de pagina kon niet ingevuld worden"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_stops_the_build_with_file_line_and_fix_and_keeps_the_old_site(mini, case):
    breaks, variant, (file, needle), expected = CASES[case]
    before = snapshot(mini / "site" / variant)
    assert before, "the fixture should have built this variant"
    breaks(mini)

    result = run_cli(mini, variant)

    assert result.returncode == 1, result.stdout + result.stderr
    where = file if needle is None else f"{file}:{line_of(mini, file, needle)}"
    assert f"{where}: {expected}" in result.stderr, result.stderr
    assert f"FOUT  {variant}" in result.stderr
    assert f"mislukt: {variant}." in result.stderr
    assert snapshot(mini / "site" / variant) == before
    assert not [p for p in (mini / "site").iterdir() if p.name.startswith(".bouw-")], "staging left behind"


def test_the_unbroken_canary_project_builds_every_variant(mini):
    result = run_cli(mini)
    assert result.returncode == 0, result.stderr
    assert f"{len(VARIANTS)} van {len(VARIANTS)} sites gebouwd" in result.stdout


def test_unknown_variant_on_the_command_line_is_refused_with_a_suggestion(mini):
    before = snapshot(mini / "site")
    result = run_cli(mini, "zorgg")
    assert result.returncode == 2
    assert ("variants/zorgg.yml: er is geen variant `zorgg`. Bedoelde je `zorg`? Bestaande varianten: "
            "ambassadeurs, communicatie, medewerkers, politie, zorg. Kijk de naam na.") in result.stderr
    assert snapshot(mini / "site") == before


def test_a_misspelt_variant_gets_the_close_name_and_no_advice_to_create_the_misspelling(mini):
    result = run_cli(mini, "politei")
    assert result.returncode == 2
    assert "er is geen variant `politei`. Bedoelde je `politie`?" in result.stderr
    assert "--nieuw politei" not in result.stderr and "--new politei" not in result.stderr


def test_a_variant_name_close_to_nothing_is_told_how_to_create_it(mini):
    """The twin: without a close name, making the variant is the likely wish."""
    result = run_cli(mini, "jeugddienst")
    assert result.returncode == 2
    assert "er is geen variant `jeugddienst`. Bestaande varianten:" in result.stderr
    assert "Bedoelde je" not in result.stderr
    assert "`python3 build_variants.py --nieuw jeugddienst --doelgroep DOELGROEP`" in result.stderr


def test_a_missing_variant_file_is_reported_like_an_unknown_variant(mini):
    (mini / "variants" / "politie.yml").unlink()
    result = run_cli(mini, "politie")
    assert result.returncode == 2
    assert "er is geen variant `politie`" in result.stderr


def test_a_mistake_in_a_police_only_page_fails_every_variant_not_only_police(mini):
    append(mini, "docs/politie/pagina.md", "\n{{ contacten.woordvoerder.mail }}\n")
    result = run_cli(mini)
    assert result.returncode == 1
    for variant in VARIANTS:
        assert f"FOUT  {variant}" in result.stderr
    assert re.search(r"docs/politie/pagina.md:\d+: `contacten.woordvoerder` heeft geen variabele `mail`", result.stderr)


def test_one_failing_variant_does_not_stop_the_others_and_the_exit_status_says_so(mini):
    append(mini, "variants/zorg.yml", "variabelen:\n  organisatie:\n    land: DE\n")
    result = run_cli(mini)
    assert result.returncode == 1
    assert f"{len(VARIANTS) - 1} van {len(VARIANTS)} sites gebouwd" in result.stderr and "mislukt: zorg." in result.stderr
    for variant in set(VARIANTS) - {"zorg"}:
        assert f"ok    {variant}" in result.stdout
