"""Shared fixtures: tiny policy projects with planted canary sentences, and the real sites built once."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
AUDIENCES = ["medewerkers", "ambassadeurs", "zorg", "politie"]
VARIANTS = AUDIENCES  # the default variants are named after their audience
IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "__pycache__", ".pytest_cache", "*.egg-info", "bench",
                                ".cache", "test-screenshots")
# The example organisation the tests are written against; a fork's own variables never break them.
EXAMPLE = Path(__file__).resolve().parent / "voorbeeld"


def canary_page(audience: str) -> str:
    return f"Kanariezin pagina {audience} zeventien."


def canary_fragment(audience: str) -> str:
    return f"Kanariezin fragment {audience} achttien."


CANARY_HARD = "Kanariezin hard profiel negentien."


def front_matter(title: str, audiences: str, extra: str = "") -> str:
    return (f"---\ntitle: {title}\naudiences: {audiences}\nowner: communicatie\n"
            f"last_reviewed_on: 2026-11-20\n{extra}---\n\n# {title}\n\n")


def mini_docs() -> dict[str, str]:
    """A start page with a fragment per audience, a page per audience, and a hard-profile page."""
    fragments = "".join(f'{{% if voor("{a}") %}}\n{canary_fragment(a)}\n{{% endif %}}\n' for a in AUDIENCES)
    docs = {"index.md": front_matter("Start", "[iedereen]")
            + "Gedeelde startpagina van {{ organisatie.naam }}.\n\n" + fragments}
    for a in AUDIENCES:
        docs[f"{a}/pagina.md"] = front_matter(f"Pagina {a}", f"[{a}]") + canary_page(a) + "\n"
    docs["hard.md"] = front_matter("Hard", "[iedereen]", "profile: {handhaving: [hard]}\n") + CANARY_HARD + "\n"
    return docs


def write_project(dest: Path, docs: dict[str, str] | None = None) -> Path:
    """Copy the project's code and modules with the example organisation's variables and variants;
    with `docs`, replace its pages and nav."""
    shutil.copytree(REPO, dest, ignore=IGNORE)
    shutil.rmtree(dest / "variants")
    shutil.copytree(EXAMPLE / "variants", dest / "variants")
    for name in ("organisatie.yml", "doelgroepen.yml"):
        shutil.copy(EXAMPLE / name, dest / name)
    if docs is not None:
        shutil.rmtree(dest / "docs")
        for name, text in docs.items():
            (dest / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
            (dest / "docs" / name).write_text(text, encoding="utf-8")
        config = yaml.safe_load((dest / "mkdocs.yml").read_text(encoding="utf-8"))
        config["nav"] = sorted(docs, key=lambda n: (n != "index.md", n))
        (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return dest


def run_cli(project: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(project / "build_variants.py"), *args], cwd=project,
                          capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def snapshot(folder: Path) -> dict[str, str]:
    """Every file below `folder` with a hash of its content: to prove a site was left untouched."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def built_pages(site: Path) -> set[str]:
    """The policy pages of a built site, as source paths (`zorg/pagina.md`)."""
    pages = set()
    for html in site.rglob("index.html"):
        rel = html.parent.relative_to(site).as_posix()
        if rel.startswith(("search", "assets")):
            continue
        pages.add("index.md" if rel == "." else f"{rel}.md")
    return pages


@pytest.fixture(scope="session")
def mini_built(tmp_path_factory) -> Path:
    """The tiny canary project, every variant built once. Copy it before changing anything."""
    project = write_project(tmp_path_factory.mktemp("mini") / "project", mini_docs())
    result = run_cli(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture
def mini(mini_built, tmp_path) -> Path:
    """A private copy of the built canary project, to break."""
    dest = tmp_path / "project"
    shutil.copytree(mini_built, dest, symlinks=True)
    return dest


@pytest.fixture(scope="session")
def example_project(tmp_path_factory) -> Path:
    """The real policy modules with the example organisation, every default variant built once."""
    project = write_project(tmp_path_factory.mktemp("real") / "project")
    result = run_cli(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


@pytest.fixture(scope="session")
def real_sites(example_project) -> Path:
    return example_project / "site"


# --- Browser -------------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
# Chromium on a closed network: no background traffic, no first-run work, no sandbox as root.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SUB_PATH = "beleid"   # sites are served as an intranet would: http://host/beleid/<variant>/


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing Chromium fails the tests; it never skips them."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} ontbreekt. `python3 run_tests.py` installeert het (Debian-pakket chromium); "
                    "of installeer het zelf met `sudo apt-get install chromium`.", pytrace=False)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def site_url(real_sites, tmp_path_factory):
    """Base URL of the real sites on a local web server, each under /beleid/<variant>/."""
    import functools
    import http.server
    import threading

    root = tmp_path_factory.mktemp("webroot")
    (root / SUB_PATH).symlink_to(real_sites, target_is_directory=True)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    server.shutdown()
