"""An editable Word file from HTML, converted by pandoc: headings become Word headings, lists Word lists.

Example boxes become paragraphs in the Word style "Kader", through the filter word.lua.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pypandoc

FILTER = Path(__file__).with_name("word.lua")


def write(source: str, title: str, language: str, contents: bool = True) -> bytes:
    """`contents`: with a table of contents (of the first heading level) after the title."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "beleid.docx"
        pypandoc.convert_text(source, "docx", format="html", outputfile=str(out), extra_args=[
            *(["--toc", "--toc-depth=1"] if contents else []), "--metadata", f"title={title}",
            "--metadata", f"lang={language}", "--metadata", "toc-title=Inhoud", f"--lua-filter={FILTER}"])
        return out.read_bytes()
