"""Build variant sites: each into a staging folder first, swapped in only when the build succeeded.

A failed build leaves the previously built site of that variant untouched, whole.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import re
import shutil
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from .writer_helpers import WriterError


STAGING_PREFIX = ".bouw-"


@dataclass
class Result:
    variant: str
    ok: bool
    seconds: float
    messages: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)   # shown, never a failure (old key names)


_MACROS_FILE = re.compile(r"_File_: `([^`]+)`")
_MACROS_LINE = re.compile(r'File "<template>", line (\d+)')
_MACROS_ERROR = re.compile(r"^(?:[\w.]+\.)?(\w*(?:Error|Exception)\w*): (.+)$", re.M)


def explain_render_error(message: str, docs_dir: Path) -> str:
    """mkdocs-macros reports a failed page as a traceback; say it as `file:line: what. How.` instead."""
    file, error = _MACROS_FILE.search(message), _MACROS_ERROR.findall(message)
    if not file or not error:
        return message
    path = docs_dir / file.group(1)
    line = _MACROS_LINE.findall(message)
    where = f"docs/{file.group(1)}"
    if line and path.exists():
        # mkdocs-macros numbers lines from the first line after the front matter and blank lines
        text = path.read_text(encoding="utf-8").splitlines()
        start = next((i for i in range(1, len(text)) if text[i].strip() in ("---", "...")), -1) + 1
        while start < len(text) and text[start] == "":
            start += 1
        where += f":{int(line[-1]) + start}"
    kind, text = error[-1]
    if kind == WriterError.__name__:   # a helper's own message already says what is wrong and what to do
        return f"{where}: {text.strip().rstrip('.')}."
    return (f"{where}: de pagina kon niet ingevuld worden ({text.strip()}). Kijk de variabelen, "
            "filters en voorwaarden op deze regel na.")


class _Collect(logging.Handler):
    """Keeps what MkDocs, the theme and the plugins warn about, to show with the variant's name."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage().strip())


PLUGIN = "policy-sites"   # its name under `plugins:` in mkdocs.yml


def load_variant_config(root: Path, name: str, site_dir: Path, downloads: bool):
    """MkDocs' configuration for one variant, built into `site_dir` itself (no sub-folder)."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    options = config.plugins[PLUGIN].config
    options.variant, options.downloads, options.variant_subfolder = name, downloads, False
    return config


def run(config, root: Path, serve_url: str | None = None) -> tuple[bool, list[str]]:
    """Build one loaded configuration; return whether it worked and what MkDocs and the plugins said."""
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        mkdocs_build(config, serve_url=serve_url)
        return True, collect.messages
    except (Exception, SystemExit) as error:   # mkdocs-macros ends a failed page with sys.exit
        return False, [explain_render_error(m, root / "docs") for m in collect.messages
                       if not m.startswith("Aborted with")] or [str(error)]
    finally:
        logger.removeHandler(collect)


def build_one(root: Path, name: str, site_dir: Path, downloads: bool = True) -> Result:
    start = time.perf_counter()
    staging = site_dir / f"{STAGING_PREFIX}{name}-{os.getpid()}"
    try:
        config = load_variant_config(root, name, staging, downloads)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            ok, messages = run(config, root)
        finally:
            config.plugins.on_shutdown()
        if not ok:
            return Result(name, False, time.perf_counter() - start, messages)
        _swap(staging, site_dir / name)
        notices = [str(n) for n in config.plugins[PLUGIN].checked.notices]
        return Result(name, True, time.perf_counter() - start, messages, notices)
    except Exception as error:   # mkdocs.yml itself could not be read
        return Result(name, False, time.perf_counter() - start, [str(error)])
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, final: Path) -> None:
    old = final.with_name(f"{STAGING_PREFIX}oud-{final.name}-{os.getpid()}")
    if final.exists():
        final.rename(old)
    new.rename(final)
    shutil.rmtree(old, ignore_errors=True)


def build_many(root: Path, names: list[str], site_dir: Path, jobs: int,
               on_done: Callable[[Result], None], downloads: bool = True) -> list[Result]:
    """Build the variants, `jobs` at a time in separate processes; report each as it finishes."""
    site_dir.mkdir(parents=True, exist_ok=True)
    results = []
    if jobs <= 1 or len(names) == 1:
        for name in names:
            results.append(build_one(root, name, site_dir, downloads))
            on_done(results[-1])
        return results
    # fork: workers start with MkDocs and the theme already imported by this process
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(jobs, len(names)), mp_context=context) as pool:
        futures = [pool.submit(build_one, root, name, site_dir, downloads) for name in names]
        for future in as_completed(futures):
            results.append(future.result())
            on_done(results[-1])
    return sorted(results, key=lambda r: names.index(r.variant))
