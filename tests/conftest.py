"""Shared fixtures: tiny policy projects with planted canary sentences, the real sites built once, one
fork for another organisation, and the command line run in-process.

Speed matters here (CONTRIBUTING.md promises a suite of about three minutes), so:
- `run_tests.py` spreads the test files over every processor core (pytest-xdist, one file per worker at
  a time, so a file's own costly fixture such as the axe crawl is made once); a project several files
  share is built by the first worker that needs it while the others wait (`built_once`);
- `run_cli` calls `policy_sites.cli.main` in this process with the hidden `--project` option; only
  `run_command` starts the real `python3 build_variants.py`, for the tests that must prove it works;
- every copied project links its `.cache` to a download cache in `.cache/tests/` that outlives the run
  (git ignores it): the content hash of each file's inputs, the generator's code and the tools keeps
  that safe, so a second project with the same pages, or the next run, lays out no PDF again. Each
  kind of project has its own folder, because the cache keeps one version per file name and the canary,
  real and fork projects all name their files after the same variants;
- every copied project compares review dates with the same frozen day, so no test depends on the
  calendar.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
AUDIENCES = ["medewerkers", "ambassadeurs", "zorg", "politie", "communicatie"]
VARIANTS = AUDIENCES  # the default variants are named after their audience
IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "__pycache__", ".pytest_cache", "*.egg-info", "bench",
                                ".cache", "test-screenshots")
# The example organisation the tests are written against; a fork's own variables never break them.
EXAMPLE = Path(__file__).resolve().parent / "voorbeeld"
EXAMPLE_FILES = ["organisatie.yml", "doelgroepen.yml", "variants"]
# The day every test project compares review dates with (the plugin option `today`).
TODAY = "2026-12-01"
SLOW = pytest.mark.traag   # left out by `python3 run_tests.py --snel`


# A test that needs one of these is slow by nature: real sites with every download, a real browser.
SLOW_FIXTURES = {"example_project", "real_sites", "fork", "browser", "site_url", "kinds_built"}


TEST_CACHE = REPO / ".cache" / "tests"


def is_worker(config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config):
    config.addinivalue_line("markers", "traag: slow test, left out by `python3 run_tests.py --snel`")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(SLOW)


# --- Test projects -----------------------------------------------------------------------------------

def canary_page(audience: str) -> str:
    return f"Kanariezin pagina {audience} zeventien."


def canary_fragment(audience: str) -> str:
    return f"Kanariezin fragment {audience} achttien."


CANARY_HARD = "Kanariezin hard profiel negentien."


def front_matter(title: str, audiences: str, extra: str = "") -> str:
    return (f"---\ntitle: {title}\ndoelgroepen: {audiences}\neigenaar: communicatie\n"
            f"nagekeken_op: 2026-11-20\n{extra}---\n\n# {title}\n\n")


def mini_docs() -> dict[str, str]:
    """A start page with a fragment per audience, a page per audience, and a hard-profile page."""
    fragments = "".join(f'{{% if voor("{a}") %}}\n{canary_fragment(a)}\n{{% endif %}}\n' for a in AUDIENCES)
    docs = {"index.md": front_matter("Start", "[iedereen]")
            + "Gedeelde startpagina van {{ organisatie.naam }}.\n\n" + fragments}
    for a in AUDIENCES:
        docs[f"{a}/pagina.md"] = front_matter(f"Pagina {a}", f"[{a}]") + canary_page(a) + "\n"
    docs["hard.md"] = front_matter("Hard", "[iedereen]", "alleen_bij_profiel: {handhaving: [hard]}\n") + CANARY_HARD + "\n"
    return docs


def shared_cache(kind: str) -> Path:
    """The download cache of one kind of test project, for every worker and every run; a file in it is
    written whole or not at all."""
    folder = TEST_CACHE / kind
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def built_once(request, name: str, make) -> Path:
    """`make(folder)` once for the whole run: the first worker that asks makes it, the others wait for it
    and share it. Tests read such a folder; to change it, they copy it first."""
    root = request.getfixturevalue("tmp_path_factory").getbasetemp()
    if is_worker(request.config):
        root = root.parent              # the folder every worker of this run has in common
    folder, done = root / name, root / f"{name}.klaar"
    from filelock import FileLock
    with FileLock(f"{folder}.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


def set_plugin_option(project: Path, option: str, value: str) -> None:
    """Set an option of the policy-sites plugin in a copied mkdocs.yml, next to `cache_dir`.

    Text, not YAML: mkdocs.yml holds `!ENV`, which a plain YAML loader cannot read back."""
    path = project / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    text, dropped = re.subn(rf"^\s+{option}:.*\n", "", text, flags=re.M)
    text, added = re.subn(r"^(\s+)(cache_dir:.*\n)", rf"\1\2\g<1>{option}: {value}\n", text, count=1, flags=re.M)
    assert added == 1, "no `cache_dir:` under the policy-sites plugin in mkdocs.yml"
    path.write_text(text, encoding="utf-8")


def set_nav(project: Path, pages: list[str]) -> None:
    """A menu of these pages, each on its own, in this order, then the real menu's groups for pages a test adds."""
    groups = [line for line in (REPO / "menu.yml").read_text(encoding="utf-8").splitlines()
              if line.startswith("- ") and not line.endswith(".md")]
    (project / "menu.yml").write_text("".join(f"- {page}\n" for page in pages) + "\n".join(groups) + "\n",
                                      encoding="utf-8")


def write_project(dest: Path, docs: dict[str, str] | None = None, cache: str = "projecten") -> Path:
    """Copy the project's code and modules with the example organisation's variables and variants;
    with `docs`, replace its pages and nav. `cache` names its download cache (see `shared_cache`)."""
    shutil.copytree(REPO, dest, ignore=IGNORE)
    shutil.rmtree(dest / "variants")
    shutil.copytree(EXAMPLE / "variants", dest / "variants")
    for name in ("organisatie.yml", "doelgroepen.yml"):
        shutil.copy(EXAMPLE / name, dest / name)
    (dest / ".cache").symlink_to(shared_cache(cache), target_is_directory=True)
    set_plugin_option(dest, "today", TODAY)
    if docs is not None:
        shutil.rmtree(dest / "docs")
        for name, text in docs.items():
            (dest / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
            (dest / "docs" / name).write_text(text, encoding="utf-8")
        set_nav(dest, sorted(docs, key=lambda n: (n != "index.md", n)))
    return dest


def copy_project(source: Path, dest: Path) -> Path:
    """A copy of a built test project; its `.cache` stays a link to the shared cache."""
    shutil.copytree(source, dest, symlinks=True)
    return dest


# --- The command line ----------------------------------------------------------------------------------

def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    """`python3 build_variants.py ARGS` in `project`, run in this process: what it prints and returns."""
    from policy_sites import cli
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main([*args, "--project", str(project)])
        except SystemExit as stop:   # argparse stops with the exit status
            code = stop.code if isinstance(stop.code, int) else 1
    return subprocess.CompletedProcess(["build_variants.py", *args], code, out.getvalue(), err.getvalue())


def run_command(project: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """The real command in a new process, for the tests that must prove the command itself works."""
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


def page_html(site: Path, src: str) -> str:
    """The built HTML of the page made from `src` (`basis/werkchats.md`)."""
    return (site / ("" if src == "index.md" else src[:-3]) / "index.html").read_text(encoding="utf-8")


def build_all(project: Path) -> None:
    result = run_cli(project)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="session")
def mini_built(request) -> Path:
    """The tiny canary project, every variant built once. Copy it before changing anything."""
    return built_once(request, "mini", lambda folder: build_all(write_project(folder, mini_docs(), cache="mini")))


@pytest.fixture
def mini(mini_built, tmp_path) -> Path:
    """A private copy of the built canary project, to break."""
    return copy_project(mini_built, tmp_path / "project")


@pytest.fixture(scope="session")
def example_project(request) -> Path:
    """The real policy modules with the example organisation, every default variant built once."""
    return built_once(request, "real", lambda folder: build_all(write_project(folder, cache="echt")))


@pytest.fixture(scope="session")
def real_sites(example_project) -> Path:
    return example_project / "site"


# --- A fork for another organisation ------------------------------------------------------------------

FORK_ORGANISATION = """
organisatie:
  naam: Gemeente Zilverdijk
  korte_naam: Zilverdijk
  sector: gemeente
  soort: nl-overheid
  land: NL
  website: https://www.zilverdijk.example
  intranet: https://intranet.zilverdijk.example/sociale-media/
  kleur: "#7a1f3d"
contacten:
  communicatie: {naam: Afdeling Communicatie, email: communicatie@zilverdijk.example, telefoon: "+31 20 123 40 00"}
  woordvoerder: {naam: Joris de Vries, functie: persvoorlichter, email: pers@zilverdijk.example, telefoon: "+31 20 123 40 01"}
  hr: {naam: Team HRM, email: hrm@zilverdijk.example, telefoon: "+31 20 123 40 02"}
  vertrouwenspersoon: {naam: Anouk Jansen, email: vertrouwenspersoon@zilverdijk.example, telefoon: "+31 20 123 40 03"}
  privacy: {naam: Functionaris Gegevensbescherming, email: fg@zilverdijk.example, telefoon: "+31 20 123 40 04"}
  informatieveiligheid: {naam: CISO-office, email: ciso@zilverdijk.example, telefoon: "+31 20 123 40 05"}
  dringend: {naam: Piket Zilverdijk, functie: dag en nacht bereikbaar, email: piket@zilverdijk.example, telefoon: "+31 20 123 40 99"}
meldpunt: {naam: Meldpunt Misstanden, adres: intranet > Melden, anoniem: false}
kanalen:
  - {platform: Instagram, naam: "@gemeentezilverdijk", adres: "https://www.instagram.com/gemeentezilverdijk"}
waarden:
  - {naam: Open, uitleg: We zeggen wat we doen.}
toon: Helder en vriendelijk.
beleid:
  versie: "1.0"
  eigenaar: Afdeling Communicatie
  goedgekeurd_door: het college van burgemeester en wethouders
  goedgekeurd_op: 2026-10-01
  volgende_herziening: 2027-10-01
  aankondiging: via Zilvernet
profiel: {sturing: kader, openheid: open, handhaving: zacht, stijl: informeel, bereik: iedereen}
"""

FORK_VARIANT = """doelgroep: {audience}
titel: Sociale media bij Zilverdijk ({audience})
beschrijving: Afspraken over sociale media voor {audience}.
{extra}"""

# Hard and legal for the sectors, so that every legal branch of the text is built and checked too.
FORK_STRICT = ("variabelen:\n  profiel: {sturing: regels, openheid: gesloten, handhaving: hard, stijl: juridisch, "
               "bereik: iedereen}\n")
# The police site of a Dutch organisation is the Dutch police: an employer of its own kind, with its own law.
FORK_POLICE = "  organisatie: {soort: nl-politie}\n"


# The fork's sites whose downloads are made and checked: the strictest legal branch (the police) and the
# only site with the communication team's documents. The others are built without, to save the layout.
FORK_DOWNLOADS = ["politie", "communicatie"]


@pytest.fixture(scope="session")
def fork(request) -> Path:
    """The real policy for another organisation in the Netherlands: every site, with downloads for
    FORK_DOWNLOADS. One fixture for the site tests (test_fork_other_organisation.py) and the download tests."""
    return built_once(request, "fork", make_fork)


def make_fork(project: Path) -> None:
    write_project(project, cache="fork")
    (project / "organisatie.yml").write_text(FORK_ORGANISATION, encoding="utf-8")
    for audience in AUDIENCES:
        extra = FORK_STRICT if audience in ("zorg", "politie") else ""
        extra += FORK_POLICE if audience == "politie" else ""
        (project / "variants" / f"{audience}.yml").write_text(
            FORK_VARIANT.format(audience=audience, extra=extra), encoding="utf-8")
    for args in ([a for a in AUDIENCES if a not in FORK_DOWNLOADS] + ["--zonder-downloads"], FORK_DOWNLOADS):
        result = run_cli(project, *args)
        assert result.returncode == 0, result.stdout + result.stderr


# --- Browser -------------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
# Chromium on a closed network: no background traffic, no first-run work, no sandbox as root.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SUB_PATH = "beleid"   # sites are served as an intranet would: http://host/beleid/<variant>/


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing Chromium fails the tests; it never skips them."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} ontbreekt. `python3 run_tests.py` installeert het (Debian-pakket chromium); "
                    "of installeer het zelf met `sudo apt-get install chromium`.", pytrace=False)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def serve_folder(folder: Path, sub_path: str = SUB_PATH):
    """A local web server for `folder`, under /<sub_path>/; yields the base URL."""
    import functools
    import http.server
    import threading

    root = Path(tempfile.mkdtemp(prefix="beleid-webroot-"))
    (root / sub_path).symlink_to(folder, target_is_directory=True)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{sub_path}/"
    finally:
        server.shutdown()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def site_url(real_sites):
    """Base URL of the real sites on a local web server, each under /beleid/<variant>/."""
    with serve_folder(real_sites) as url:
        yield url


# --- One Dutch line per failure a writer can cause, at the end of the run ------------------------------

def _writer_fixes() -> dict[str, str]:
    """Test name -> what a writer does, from the table in CONTRIBUTING.md ("Als een test mislukt")."""
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = guide.split("### Als een test mislukt", 1)[-1].split("\n## ", 1)[0]
    return {m[1]: m[2].strip() for m in re.finditer(r"^\| `(test_\w+)` \| (.+?) \|$", section, re.M)}


_writer_failures: list[str] = []
WRITER_FIX = "voor_schrijvers"   # the report's property that carries the line, also from a worker to pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        fix = _writer_fixes().get(getattr(item, "originalname", item.name))
        if fix:
            param = getattr(getattr(item, "callspec", None), "id", "")
            where = f"docs/{param}" if param.endswith(".md") else item.nodeid.split("::", 1)[0]
            report.user_properties.append((WRITER_FIX, f"{where}: {fix}"))


def pytest_runtest_logreport(report):
    _writer_failures.extend(value for key, value in report.user_properties if key == WRITER_FIX)


def pytest_terminal_summary(terminalreporter):
    if _writer_failures:
        terminalreporter.section("Voor schrijvers: wat je aanpast")
        for line in dict.fromkeys(_writer_failures):
            terminalreporter.write_line(line)


# --- Editing a copied project in a test -------------------------------------------------------------------

def append_to(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_number(path: Path, needle: str) -> int:
    """The first line of the file that holds `needle`: where a message must point."""
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)
