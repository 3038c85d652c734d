"""The writers' preview: one variant on http://127.0.0.1:PORT/, rebuilt when a source file changes.

Built on MkDocs' own live-reload server, with two differences for writers: a failed build shows its
Dutch messages in the browser (a page that keeps reloading until the file is fixed) instead of leaving
the browser waiting, and the terminal says only what was built, or what is wrong.
"""
from __future__ import annotations

import html
import logging
import shutil
import tempfile
import time
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from .build import load_variant_config, run

ERROR_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2">
<title>De site kon niet gebouwd worden</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}
h1{{color:#a4000f;font-size:1.5rem}}pre{{white-space:pre-wrap;background:#f6f6f6;padding:1rem;border-left:4px solid #a4000f}}</style>
</head><body><main>
<h1>De site `{variant}` kon niet gebouwd worden</h1>
<p>Pas het bestand aan dat hieronder staat en bewaar het. Deze pagina ververst vanzelf; zodra de fout
weg is, zie je de site weer.</p>
<pre>{messages}</pre>
</main></body></html>
"""


def serve(root: Path, name: str, port: int) -> int:
    site_dir = Path(tempfile.mkdtemp(prefix="beleid-voorbeeld-"))
    url = f"http://127.0.0.1:{port}/"
    logging.getLogger("mkdocs").setLevel(logging.WARNING)   # no INFO lines of MkDocs or mkdocs-macros
    first = load_variant_config(root, name, site_dir, downloads=False)
    first.plugins.on_startup(command="serve", dirty=False)

    def builder(config=None) -> None:
        start = time.perf_counter()
        try:
            config = config or load_variant_config(root, name, site_dir, downloads=False)
            ok, messages = run(config, root, serve_url=url)
        except Exception as error:   # mkdocs.yml itself could not be read
            ok, messages = False, [str(error)]
        if ok:
            print(f"Gebouwd in {time.perf_counter() - start:.1f} s: {url}", flush=True)
            return
        print(f"De site `{name}` kon niet gebouwd worden:", *messages, sep="\n  ", flush=True)
        page = ERROR_PAGE.format(variant=html.escape(name), messages=html.escape("\n".join(messages)))
        shutil.rmtree(site_dir, ignore_errors=True)
        site_dir.mkdir(parents=True, exist_ok=True)
        for file in ("index.html", "404.html"):
            (site_dir / file).write_text(page, encoding="utf-8")

    server = LiveReloadServer(builder=builder, host="127.0.0.1", port=port, root=str(site_dir))
    server.error_handler = lambda code: (site_dir / "404.html").read_bytes() if (site_dir / "404.html").exists() else None
    try:
        builder(first)
        for path in [first.docs_dir, first.config_file_path, *first.watch]:
            server.watch(path)
        print(f"Voorbeeld van `{name}` op {url} (stoppen: Ctrl+C). De pagina ververst vanzelf als je een "
              "module, variabele of variant bewaart.", flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        first.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
    return 0
