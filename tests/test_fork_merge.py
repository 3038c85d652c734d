"""A fork merges upstream as AANPASSEN.md says, with real git: the merge is clean, the build passes, and
a variable that is new since the fork's last merge and still holds the example's value is named."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from conftest import SLOW, run_command, write_project

pytestmark = SLOW

NEW_VARIABLE = '''
      intern_nummer:
        $ref: "#/$defs/telefoon"
        description: "Het interne nummer van de receptie, voor wie belt vanaf een werktoestel."'''


def git(folder: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip()


def commit_all(folder: Path, message: str) -> str:
    git(folder, "add", "-A")
    git(folder, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qm", message)
    return git(folder, "rev-parse", "HEAD")


def aanpassen_merge_steps() -> list[str]:
    """The shell lines of the merge steps in AANPASSEN.md, so the test follows the guide itself."""
    guide = (Path(__file__).resolve().parent.parent / "AANPASSEN.md").read_text(encoding="utf-8")
    section = guide.split("Verbeteringen van upstream overnemen\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip() and not line.startswith("#")]


@pytest.fixture
def fork_and_upstream(tmp_path) -> tuple[Path, Path]:
    upstream = write_project(tmp_path / "upstream")
    git(upstream, "init", "-q", "-b", "main")
    base = commit_all(upstream, "upstream")
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(upstream), str(fork))
    git(fork, "remote", "rename", "origin", "upstream")
    organisation = fork / "organisatie.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "naam: Stad Lindeveld", "naam: Gemeente Zilverdijk"), encoding="utf-8")
    (fork / "UPSTREAM").write_text(f"bron: {upstream}\ncommit: {base}\ndatum: 2026-11-30\n", encoding="utf-8")
    commit_all(fork, "fork")

    # Upstream adds an optional variable with an example value, in the schema and in both example files.
    schema = upstream / "policy_sites" / "schemas" / "variabelen.schema.yml"
    text = schema.read_text(encoding="utf-8")
    anchor = '      website: {type: string, pattern: "^https?://\\\\S+$", description: "Adres van de publieke website, met https:// ervoor."}'
    assert anchor in text
    schema.write_text(text.replace(anchor, anchor + NEW_VARIABLE), encoding="utf-8")
    for name in ("organisatie.yml", "tests/voorbeeld/organisatie.yml"):
        path = upstream / name
        path.write_text(re.sub(r"(\n  website: [^\n]*)", r"\1\n  intern_nummer: +32 3 555 01 00", path.read_text(
            encoding="utf-8"), count=1), encoding="utf-8")
    commit_all(upstream, "upstream adds organisatie.intern_nummer")
    return fork, upstream


def test_a_fork_merges_upstream_with_the_guides_steps_and_is_told_which_new_variable_holds_the_example(fork_and_upstream):
    fork, _ = fork_and_upstream
    steps = aanpassen_merge_steps()
    assert any("git merge upstream/main" in step for step in steps), steps
    git(fork, "fetch", "-q", "upstream")
    git(fork, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "merge", "-q", "--no-edit",
        "upstream/main")
    assert "Gemeente Zilverdijk" in (fork / "organisatie.yml").read_text(encoding="utf-8")

    result = run_command(fork, "--controleer")
    assert result.returncode == 0, result.stdout + result.stderr
    assert ("organisatie.yml: `organisatie.intern_nummer` is nieuw sinds commit "
            in result.stderr and "heeft nog de waarde van de voorbeeldorganisatie (+32 3 555 01 00)" in result.stderr)

    # The twin: once the fork fills in its own value, nothing is said.
    organisation = fork / "organisatie.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "intern_nummer: +32 3 555 01 00", "intern_nummer: +31 20 555 0000"), encoding="utf-8")
    again = run_command(fork, "--controleer")
    assert again.returncode == 0 and "intern_nummer" not in again.stderr, again.stderr
