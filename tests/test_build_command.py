"""The command-line contract of build_variants.py: build all, build some, list, check, progress, exit
status; Dutch option names (the old English ones still work, with a notice); one action per call."""
from __future__ import annotations

import os
import subprocess
import sys


from conftest import SLOW, VARIANTS, built_pages, run_cli, run_command, set_plugin_option, snapshot, write_project


# --- The real command ---------------------------------------------------------------------------------

def test_the_real_command_builds_every_variant_and_ends_with_a_summary(mini):
    """In a new process, as a writer types it: proves build_variants.py itself, not only cli.main."""
    result = run_command(mini)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in (mini / "site").iterdir()} == set(VARIANTS)
    for variant in VARIANTS:
        assert f"ok    {variant}" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith(f"{len(VARIANTS)} van {len(VARIANTS)} sites gebouwd in ")


def test_the_real_command_fails_with_exit_status_1_on_a_broken_variant(mini):
    (mini / "variants" / "zorg.yml").write_text("doelgroep: zorg\ntitel: Zorg\n", encoding="utf-8")
    result = run_command(mini, "zorg")
    assert result.returncode == 1
    assert "variants/zorg.yml:1: de verplichte sleutel `beschrijving` ontbreekt." in result.stderr


# --- Building, listing, checking ----------------------------------------------------------------------

def test_lijst_prints_the_variant_names_one_a_line(mini):
    result = run_cli(mini, "--lijst")
    assert result.returncode == 0
    assert result.stdout.split("\n") == sorted(VARIANTS) + [""]
    assert result.stderr == ""


def test_building_some_variants_leaves_the_others_untouched(mini):
    before = snapshot(mini / "site" / "politie")
    (mini / "docs" / "index.md").write_text(
        (mini / "docs" / "index.md").read_text(encoding="utf-8") + "\nNieuwe zin voor iedereen.\n", encoding="utf-8")
    result = run_cli(mini, "zorg", "ambassadeurs")
    assert result.returncode == 0, result.stderr
    assert "1 van" not in result.stdout and "2 van 2 sites gebouwd" in result.stdout
    assert "Nieuwe zin voor iedereen." in (mini / "site" / "zorg" / "index.html").read_text(encoding="utf-8")
    assert snapshot(mini / "site" / "politie") == before


def test_controleer_reports_every_variant_without_building(mini):
    (mini / "site").rename(mini / "site-oud")
    result = run_cli(mini, "--controleer")
    assert result.returncode == 0, result.stderr
    assert f"{len(VARIANTS)} van {len(VARIANTS)} varianten in orde." in result.stdout
    assert not (mini / "site").exists()


def test_controleer_fails_on_a_broken_variant(mini):
    (mini / "variants" / "zorg.yml").write_text("doelgroep: zorg\ntitel: Zorg\n", encoding="utf-8")
    result = run_cli(mini, "--controleer")
    assert result.returncode == 1
    assert "variants/zorg.yml:1: de verplichte sleutel `beschrijving` ontbreekt." in result.stderr


# --- Old option names ----------------------------------------------------------------------------------

def test_an_old_option_name_still_works_and_says_its_new_name(mini):
    result = run_cli(mini, "--check")
    assert result.returncode == 0, result.stderr
    assert f"{len(VARIANTS)} van {len(VARIANTS)} varianten in orde." in result.stdout
    assert "let op: `--check` heet nu `--controleer`. De oude naam werkt nog tot de volgende versie." in result.stderr


def test_the_new_option_name_gives_no_notice(mini):
    result = run_cli(mini, "--controleer")
    assert result.returncode == 0
    assert "let op" not in result.stderr and "heet nu" not in result.stderr


def test_an_old_option_with_its_value_after_an_equals_sign_is_renamed_too(mini):
    result = run_cli(mini, "zorg", "--jobs=1", "--zonder-downloads")
    assert result.returncode == 0, result.stderr
    assert "(1 tegelijk)" in result.stdout
    assert "let op: `--jobs` heet nu `--tegelijk`." in result.stderr


# --- Mistakes on the command line ----------------------------------------------------------------------

def test_two_actions_at_once_are_refused_in_dutch_and_nothing_starts(mini):
    """`--controleer --bekijk zorg` used to start the preview and silently skip the check."""
    result = run_cli(mini, "--controleer", "--bekijk", "zorg")
    assert result.returncode == 2
    assert "fout: kies één van --controleer, --bekijk: ze doen elk iets anders." in result.stderr
    assert result.stdout == ""


def test_variabelen_with_controleer_is_the_one_allowed_pair(mini):
    """The twin: the only combination of two actions still works."""
    assert run_cli(mini, "--variabelen").returncode == 0
    result = run_cli(mini, "--variabelen", "--controleer")
    assert result.returncode == 0, result.stderr
    assert "VARIABELEN.md is bijgewerkt." in result.stdout


def test_an_option_of_another_action_is_refused_with_where_it_belongs(mini):
    result = run_cli(mini, "--controleer", "--poort", "8001")
    assert result.returncode == 2
    assert "fout: `--poort` hoort bij --bekijk: `python3 build_variants.py --bekijk NAAM --poort ...`." in result.stderr


def test_a_misspelt_option_is_refused_in_dutch_with_the_option_meant(mini):
    result = run_cli(mini, "--chek")
    assert result.returncode == 2
    assert ("fout: `--chek` is geen optie van python3 build_variants.py. Bedoelde je `--controleer`? "
            "Alle opties met uitleg: `python3 build_variants.py --help`.") in result.stderr


def test_a_misspelt_new_option_is_refused_with_the_option_meant(mini):
    result = run_cli(mini, "--controler")
    assert result.returncode == 2
    assert "fout: `--controler` is geen optie van python3 build_variants.py. Bedoelde je `--controleer`?" in result.stderr


def test_an_unknown_option_close_to_nothing_gets_no_guess(mini):
    """The twin: a suggestion only when an option is really close."""
    result = run_cli(mini, "--xylofoon")
    assert result.returncode == 2
    assert "fout: `--xylofoon` is geen optie van python3 build_variants.py. Alle opties" in result.stderr
    assert "Bedoelde je" not in result.stderr


def test_an_abbreviated_option_is_refused_rather_than_taken_as_the_option_it_starts(mini):
    """argparse would read `--serv zorg` as `--serve zorg`; a typo must never start something else."""
    result = run_cli(mini, "--serv", "zorg")
    assert result.returncode == 2
    assert "fout: `--serv` is geen optie van python3 build_variants.py." in result.stderr
    assert "Voorbeeld van" not in result.stdout


# --- Plain MkDocs ------------------------------------------------------------------------------------

def plain_mkdocs(project, out, variant: str | None):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BELEID_VARIANT", None)
    if variant:
        env["BELEID_VARIANT"] = variant
    return subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=project, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_plain_mkdocs_build_with_beleid_variant_builds_that_variant(mini, tmp_path):
    process = plain_mkdocs(mini, tmp_path / "plain", "zorg")
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert built_pages(tmp_path / "plain" / "zorg") == built_pages(mini / "site" / "zorg")


def test_plain_mkdocs_build_fails_on_the_same_bad_input(mini, tmp_path):
    (mini / "variants" / "zorg.yml").write_text("doelgroep: zorgg\ntitel: Zorg\nbeschrijving: Z\n", encoding="utf-8")
    process = plain_mkdocs(mini, tmp_path / "plain", "zorg")
    _, stderr = process.communicate(timeout=300)
    assert process.returncode != 0
    assert "variants/zorg.yml:1: `doelgroep` heeft de waarde `zorgg`" in stderr


@SLOW
def test_the_parallel_build_produces_the_same_sites_as_one_plain_mkdocs_build_per_variant(tmp_path):
    """The fast path (parallel processes, shared compiled templates, memoised checks) changes nothing."""
    project = write_project(tmp_path / "project")
    set_plugin_option(project, "downloads", "false")   # plain MkDocs without the download files, like the fast path
    # Three sites over two processes: one of them builds two, so the second reuses what the first compiled.
    compared = VARIANTS[:3]
    fast = run_cli(project, *compared, "--zonder-downloads", "--tegelijk", "2")
    assert fast.returncode == 0, fast.stderr
    # The plain builds run two at a time: each is its own process, so they cannot share anything.
    for pair in (compared[:2], compared[2:]):
        processes = {variant: plain_mkdocs(project, tmp_path / f"plain-{variant}", variant) for variant in pair}
        for variant, process in processes.items():
            _, stderr = process.communicate(timeout=300)
            assert process.returncode == 0, stderr
            ours, theirs = snapshot(project / "site" / variant), snapshot(tmp_path / f"plain-{variant}" / variant)
            # the gzip header of the sitemap holds the time it was written; sitemap.xml itself is compared
            ours.pop("sitemap.xml.gz"), theirs.pop("sitemap.xml.gz")
            assert ours == theirs, variant
