"""The writers' preview (`--bekijk NAAM --poort N`) serves one variant, rebuilds when a module, a
variable or a variant changes, and shows a failed build's Dutch messages in the browser until it is fixed.

These start the real command in a new process: the preview is a long-running server."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
import yaml

from conftest import SLOW

pytestmark = SLOW


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
    except urllib.error.HTTPError as error:   # the error page may come with a 404 status
        return error.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 30) -> str:
    deadline, page = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s; last page: {page[:300]}")


@pytest.fixture
def preview(mini):
    port = free_port()
    process = subprocess.Popen([sys.executable, str(mini / "build_variants.py"), "--bekijk", "zorg", "--poort", str(port)],
                               cwd=mini, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        yield mini, f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_preview_serves_the_chosen_variant(preview):
    _, url = preview
    page = wait_for(url, "Kanariezin fragment zorg achttien.")
    assert "Kanariezin fragment politie" not in page


def test_preview_rebuilds_when_organisation_variables_change(preview):
    project, url = preview
    path = project / "organisatie.yml"
    wait_for(url, yaml.safe_load(path.read_text(encoding="utf-8"))["organisatie"]["naam"])
    path.write_text(re.sub(r"^  naam: .*$", "  naam: Stad Nieuwveld", path.read_text(encoding="utf-8"), count=1, flags=re.M),
                    encoding="utf-8")
    wait_for(url, "Stad Nieuwveld")


def test_preview_rebuilds_when_the_variant_file_changes(preview):
    project, url = preview
    wait_for(url, "Socialemediabeleid voor zorgmedewerkers")
    path = project / "variants" / "zorg.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("titel: Socialemediabeleid voor zorgmedewerkers",
                                                             "titel: Beleid voor de zorg"), encoding="utf-8")
    wait_for(url, "Beleid voor de zorg")


def test_preview_shows_a_broken_module_as_a_dutch_error_page_and_the_site_again_once_fixed(preview):
    project, url = preview
    wait_for(url, "Kanariezin fragment zorg achttien.")
    page = project / "docs" / "zorg" / "pagina.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\nVragen: {{ contacten.woordvoeder.email }}\n", encoding="utf-8")
    line = len(good.splitlines()) + 2

    error = wait_for(url, "kon niet gebouwd worden")
    assert "De site `zorg` kon niet gebouwd worden" in error
    assert (f"docs/zorg/pagina.md:{line}: `contacten` heeft geen variabele `woordvoeder`. "
            "Bedoelde je `woordvoerder`?") in error
    assert '<meta http-equiv="refresh" content="2">' in error   # the page keeps asking until the fix
    assert "Kanariezin fragment zorg achttien." not in error
    # every address shows the error, not a stale page or a bare 404
    assert "kon niet gebouwd worden" in fetch(url + "zorg/pagina/")

    page.write_text(good, encoding="utf-8")
    fixed = wait_for(url, "Kanariezin fragment zorg achttien.")
    assert "kon niet gebouwd worden" not in fixed
