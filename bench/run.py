#!/usr/bin/env python3
"""Build benchmark: `python3 bench/run.py` (optionally `--runs 5`). Not part of the test suite.

Measures, in one run on this machine, each figure as the median of several runs with min and max:
  1. a cold build of all default variants with build_variants.py, against the naive way
     (one `mkdocs build` process per variant, one after another);
  2. the marginal cost of one more variant: 4, 8 and 16 generated organisation variants, in seconds
     per variant, against one cold single-site `mkdocs build`;
  3. the rebuild after editing one module, with and without downloads;
  4. the preview's reload time after editing one module.
Writes the table to bench/results/latest.md (git-ignored) and prints it.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from policy_sites import bootstrap  # noqa: E402

bootstrap.ensure_python_environment()
bootstrap.ensure_system_packages(bootstrap.BUILD_SYSTEM_PACKAGES)

DEFAULT_VARIANTS = sorted(p.stem for p in (ROOT / "variants").glob("*.yml"))   # the sites a fresh clone builds
IGNORE = shutil.ignore_patterns(".git", ".venv", "site", "__pycache__", ".pytest_cache", "*.egg-info",
                                "bench", ".cache", "test-screenshots")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=IGNORE)
    return dest


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env or ENV, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    took = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{result.stdout}\n{result.stderr}")
    return took


def build_all(project: Path, *names: str, downloads: bool = True) -> float:
    return run([sys.executable, "build_variants.py", *names, *([] if downloads else ["--zonder-downloads"])], project)


def naive(project: Path, names: list[str], out: Path) -> float:
    """One `mkdocs build` process per variant, one after another, as a newcomer would script it."""
    total = 0.0
    for name in names:
        total += run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], project,
                     {**ENV, "BELEID_VARIANT": name})
    return total


def clear_caches(project: Path) -> None:
    for folder in ("site", ".cache"):
        shutil.rmtree(project / folder, ignore_errors=True)


def stats(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def fmt(values: list[float]) -> str:
    med, lo, hi = stats(values)
    return f"{med:6.2f} s (min {lo:.2f}, max {hi:.2f})"


def organisation_variants(project: Path, count: int) -> list[str]:
    """`count` variants for made-up organisations, as a group of subsidiaries would have."""
    names = []
    for i in range(count):
        name = f"organisatie-{i:02d}"
        (project / "variants" / f"{name}.yml").write_text(
            f"doelgroep: medewerkers\ntitel: Socialemediabeleid {i}\nbeschrijving: Voor organisatie {i}.\n"
            f"variabelen:\n  organisatie:\n    naam: Organisatie {i}\n    korte_naam: Org {i}\n", encoding="utf-8")
        names.append(name)
    return names


def touch_module(project: Path, marker: str) -> None:
    path = project / "docs" / "basis" / "werkchats.md"
    text = path.read_text(encoding="utf-8").split("\n<!-- bench -->")[0]
    path.write_text(f"{text}\n<!-- bench -->\n{marker}\n", encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, text: str, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if text in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{text!r} never appeared at {url}")


def preview_reload(project: Path, runs: int) -> list[float]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "build_variants.py", "--bekijk", "medewerkers", "--poort", str(port)],
                              cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/basis/werkchats/"
    try:
        touch_module(project, "Meting nul.")
        wait_for(url, "Meting nul.")
        times = []
        for i in range(runs):
            marker = f"Meting {i} {time.time_ns()}."
            start = time.perf_counter()
            touch_module(project, marker)
            wait_for(url, marker)
            times.append(time.perf_counter() - start)
        return times
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median, min and max are reported)")
    args = parser.parse_args()
    lines = [f"# Build benchmark ({os.cpu_count()} cores, {args.runs} runs per figure)", ""]

    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")

        ours, plain = [], []
        for _ in range(args.runs):
            clear_caches(project)
            ours.append(build_all(project))
            clear_caches(project)
            plain.append(naive(project, DEFAULT_VARIANTS, Path(tmp) / "naive"))
        lines += [f"## 1. Cold build of the {len(DEFAULT_VARIANTS)} default variants", "",
                  f"- build_variants.py: {fmt(ours)}", f"- naive, {len(DEFAULT_VARIANTS)} x mkdocs build: {fmt(plain)}",
                  f"- ratio: {stats(ours)[0] / stats(plain)[0]:.2f} of the naive time", ""]

        lines += ["## 2. Marginal cost of one more variant", ""]
        for label, downloads in (("with downloads", True), ("without downloads", False)):
            env = {**ENV, "BELEID_DOWNLOADS": str(downloads).lower()}   # read by mkdocs.yml for plain mkdocs builds
            single = []
            for _ in range(args.runs):
                clear_caches(project)
                single.append(run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(Path(tmp) / "single")],
                                  project, {**env, "BELEID_VARIANT": "medewerkers"}))
            lines += [f"### {label}", "", f"- one cold single-site mkdocs build: {fmt(single)}"]
            for count in (4, 8, 16):
                names = organisation_variants(project, count)
                per_variant = []
                for _ in range(args.runs):
                    clear_caches(project)
                    per_variant.append(build_all(project, *names, downloads=downloads) / count)
                lines.append(f"- {count:2d} variants: {fmt(per_variant)} per variant, "
                             f"{stats(per_variant)[0] / stats(single)[0]:.2f} of a cold single-site build")
                for name in names:
                    (project / "variants" / f"{name}.yml").unlink()
            lines.append("")

        clear_caches(project)
        build_all(project)
        with_downloads, without_downloads = [], []
        for i in range(args.runs):
            touch_module(project, f"Wijziging {i} {time.time_ns()}.")
            with_downloads.append(build_all(project))
            touch_module(project, f"Wijziging {i} {time.time_ns()} b.")
            without_downloads.append(build_all(project, downloads=False))
        lines += [f"## 3. Rebuild of all {len(DEFAULT_VARIANTS)} variants after editing one module", "",
                  f"- with downloads: {fmt(with_downloads)}", f"- without downloads: {fmt(without_downloads)}", ""]

        reload = preview_reload(project, max(args.runs, 3))
        lines += ["## 4. Preview reload after editing one module", "", f"- {fmt(reload)}", ""]

    report = "\n".join(lines)
    (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "results" / "latest.md").write_text(report + "\n", encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
