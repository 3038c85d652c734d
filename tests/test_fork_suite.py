"""A fork that changed only its data (its organisation, its own sites, its regenerated VARIABELEN.md)
keeps every test that reads the repository's own files green: a fork's pull requests are not red for
being a fork."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import IGNORE, REPO, SLOW, run_command

FORK = REPO / "tests" / "forks" / "nl-zorg"
# The tests that read the repository's own organisatie.yml, doelgroepen.yml, variants/ or VARIABELEN.md.
OWN_DATA_TESTS = ("this_repositorys or committed_variables_reference or pinned_example or every_module_has_valid "
                  "or reference_lists_exactly")


@SLOW
def test_a_fork_that_changed_only_its_data_passes_the_tests_on_its_own_data(tmp_path):
    fork = tmp_path / "fork"
    shutil.copytree(REPO, fork, ignore=IGNORE)
    shutil.rmtree(fork / "variants")
    shutil.copytree(FORK / "variants", fork / "variants")        # two sites of its own, the others removed
    for name in ("organisatie.yml", "doelgroepen.yml"):
        shutil.copy(FORK / name, fork / name)
    (fork / "UPSTREAM").write_text("bron: https://example.invalid/upstream.git\ncommit: 0000000\n", encoding="utf-8")
    assert run_command(fork, "--variabelen").returncode == 0

    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k", OWN_DATA_TESTS,
                             "tests/test_policy_content.py", "tests/test_contributing.py", "tests/test_voorbeeld.py",
                             "tests/test_downloads.py"], cwd=fork, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\b([5-9]|[1-9][0-9]+) passed", result.stdout) and " failed" not in result.stdout, result.stdout[-500:]


@SLOW
def test_the_same_fork_without_its_regenerated_reference_is_caught(tmp_path):
    fork = tmp_path / "fork"
    shutil.copytree(REPO, fork, ignore=IGNORE)
    for name in ("organisatie.yml", "doelgroepen.yml"):
        shutil.copy(FORK / name, fork / name)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k",
                             "committed_variables_reference", "tests/test_contributing.py"],
                            cwd=fork, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1 and "VARIABELEN.md is verouderd" in result.stdout, result.stdout[-2000:]
