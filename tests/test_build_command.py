"""The command-line contract of build_variants.py: build all, build some, list, check, progress, exit status."""
from __future__ import annotations

import os
import subprocess
import sys

from conftest import VARIANTS, built_pages, run_cli, snapshot


def test_list_prints_the_variant_names_one_a_line(mini):
    result = run_cli(mini, "--list")
    assert result.returncode == 0
    assert result.stdout.split("\n") == sorted(VARIANTS) + [""]


def test_building_all_writes_one_site_per_variant_and_ends_with_a_summary(mini):
    result = run_cli(mini)
    assert result.returncode == 0, result.stderr
    assert {p.name for p in (mini / "site").iterdir()} == set(VARIANTS)
    for variant in VARIANTS:
        assert f"ok    {variant}" in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("4 van 4 sites gebouwd in ")


def test_building_some_variants_leaves_the_others_untouched(mini):
    before = snapshot(mini / "site" / "politie")
    (mini / "docs" / "index.md").write_text(
        (mini / "docs" / "index.md").read_text(encoding="utf-8") + "\nNieuwe zin voor iedereen.\n", encoding="utf-8")
    result = run_cli(mini, "zorg", "ambassadeurs")
    assert result.returncode == 0, result.stderr
    assert "1 van" not in result.stdout and "2 van 2 sites gebouwd" in result.stdout
    assert "Nieuwe zin voor iedereen." in (mini / "site" / "zorg" / "index.html").read_text(encoding="utf-8")
    assert snapshot(mini / "site" / "politie") == before


def test_check_reports_every_variant_in_order_without_building(mini):
    (mini / "site").rename(mini / "site-oud")
    result = run_cli(mini, "--check")
    assert result.returncode == 0
    assert "4 van 4 varianten in orde." in result.stdout
    assert not (mini / "site").exists()


def test_check_fails_on_a_broken_variant(mini):
    (mini / "variants" / "zorg.yml").write_text("doelgroep: zorg\ntitel: Zorg\n", encoding="utf-8")
    result = run_cli(mini, "--check")
    assert result.returncode == 1
    assert "variants/zorg.yml:1: de verplichte sleutel `beschrijving` ontbreekt." in result.stderr


def test_plain_mkdocs_build_selects_the_variant_through_the_same_hook(mini, tmp_path):
    env = {**os.environ, "BELEID_VARIANT": "zorg", "NO_MKDOCS_2_WARNING": "1"}
    out = tmp_path / "plain"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=mini,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert built_pages(out / "zorg") == built_pages(mini / "site" / "zorg")


def test_plain_mkdocs_build_fails_on_the_same_bad_input(mini, tmp_path):
    (mini / "variants" / "zorg.yml").write_text("doelgroep: zorgg\ntitel: Zorg\nbeschrijving: Z\n", encoding="utf-8")
    env = {**os.environ, "BELEID_VARIANT": "zorg", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "plain")],
                            cwd=mini, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "variants/zorg.yml:1: `doelgroep` heeft de waarde `zorgg`" in result.stderr


def test_the_parallel_build_produces_the_same_sites_as_one_plain_mkdocs_build_per_variant(tmp_path):
    """The fast path (parallel processes, shared compiled templates, memoised checks) changes nothing."""
    from conftest import snapshot, write_project
    project = write_project(tmp_path / "project")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BELEID_DOWNLOADS": "uit"}
    fast = run_cli(project, "--zonder-downloads")
    assert fast.returncode == 0, fast.stderr
    for variant in VARIANTS:
        plain = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "plain")],
                               cwd=project, env={**env, "BELEID_VARIANT": variant}, capture_output=True, text=True)
        assert plain.returncode == 0, plain.stderr
        ours, theirs = snapshot(project / "site" / variant), snapshot(tmp_path / "plain" / variant)
        # the gzip header of the sitemap holds the time it was written; sitemap.xml itself is compared
        ours.pop("sitemap.xml.gz"), theirs.pop("sitemap.xml.gz")
        assert ours == theirs, variant


def test_the_same_output_comparison_notices_a_changed_page(tmp_path):
    from conftest import snapshot
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>Eén</p>")
    (tmp_path / "b" / "index.html").write_text("<p>Twee</p>")
    assert snapshot(tmp_path / "a") != snapshot(tmp_path / "b")
