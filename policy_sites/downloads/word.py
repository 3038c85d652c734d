"""An editable Word file from HTML, converted by pandoc: headings become Word headings, lists Word lists."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pypandoc


def write(source: str, title: str, language: str) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "beleid.docx"
        pypandoc.convert_text(source, "docx", format="html", outputfile=str(out), extra_args=[
            "--toc", "--toc-depth=1", "--metadata", f"title={title}",
            "--metadata", f"lang={language}", "--metadata", "toc-title=Inhoud"])
        return out.read_bytes()
