"""Prepare the project's own environment on a bare machine, with only the standard library.

The README promises two commands on a fresh machine with Python 3 and git. This module keeps that
promise: it creates `.venv`, installs the project with its pinned dependencies, installs the Debian
packages the tests need, and re-runs the command inside `.venv`. It does nothing when the running
Python already has this exact set of requirements installed.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
MARKER = ".policy-sites-requirements"
# Debian packages, by the file that must exist: the build lays out the response scheme with
# Graphviz and prints the emoji of example posts in the PDFs with Symbola; the tests also drive a
# real browser.
BUILD_SYSTEM_PACKAGES = {"/usr/bin/dot": "graphviz",
                         "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf": "fonts-symbola"}
TEST_SYSTEM_PACKAGES = {**BUILD_SYSTEM_PACKAGES, "/usr/bin/chromium": "chromium"}


def _say(message: str) -> None:
    print(f"[opzet] {message}", file=sys.stderr, flush=True)


def _fingerprint() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()[:16]


def _prepared(prefix: Path) -> bool:
    marker = prefix / MARKER
    return marker.exists() and marker.read_text().strip() == _fingerprint()


def ensure_python_environment() -> None:
    """Return when this interpreter is ready; otherwise prepare .venv and re-run inside it."""
    if _prepared(Path(sys.prefix)):
        return
    python = VENV / "bin" / "python"
    if not _prepared(VENV):
        if not python.exists():
            _say("virtuele omgeving maken in .venv")
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        _say("Python-pakketten installeren (eenmalig, even geduld)")
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "--editable", f"{ROOT}[test]"], check=True)
        (VENV / MARKER).write_text(_fingerprint())
    os.execv(str(python), [str(python), *sys.argv])


def ensure_system_packages(packages: dict[str, str]) -> None:
    """Install missing Debian packages with apt-get, or stop with a message that says how."""
    missing = sorted({pkg for path, pkg in packages.items() if not Path(path).exists()})
    if not missing:
        return
    if shutil.which("apt-get") is None or os.geteuid() != 0:
        sys.exit(f"Deze pakketten ontbreken: {' '.join(missing)}. Installeer ze met "
                 f"`sudo apt-get install {' '.join(missing)}` en probeer opnieuw.")
    _say(f"systeempakketten installeren: {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, stdin=subprocess.DEVNULL)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                   check=True, env=env, stdin=subprocess.DEVNULL)
