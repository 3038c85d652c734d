"""The writers' preview serves one variant and rebuilds when a module, a variable or a variant changes."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
import yaml


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, text: str, seconds: float = 30) -> str:
    deadline, page = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            page = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s; last page: {page[:300]}")


@pytest.fixture
def preview(mini):
    port = free_port()
    process = subprocess.Popen([sys.executable, str(mini / "build_variants.py"), "--serve", "zorg", "--port", str(port)],
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
