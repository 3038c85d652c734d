"""What the downloads of one site are made from: its rendered pages, its variables and its schemes."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from policy_sites import templates
from .chapters import Chapter, Page, chapters
from policy_sites.response_scheme import SiteScheme


@dataclass(frozen=True)
class Site:
    variant: str
    title: str                     # the site's title, as in its header
    description: str               # one sentence: for whom the site is
    site_url: str | None           # where the site is published, when known
    variables: dict                # the organisation variables of this variant
    pages: list[Page]              # every page of the site in navigation order, without the downloads page
    schemes: list[SiteScheme] = field(default_factory=list)
    docs_dir: Path | None = None   # the Markdown sources, when known: messages then give a line too

    @cached_property
    def chapters(self) -> list[Chapter]:
        """Every page as a chapter of one document, links between them kept inside it."""
        return chapters(self.pages, self.site_url)

    @property
    def organisation(self) -> str:
        return self.variables["organisatie"]["naam"]

    @property
    def language(self) -> str:
        return f"nl-{self.variables['organisatie']['land']}"

    def context(self, **more) -> dict:
        """What every download template may use, and a title for the document's metadata."""
        return {**self.variables, "sitetitel": self.title, "beschrijving": self.description,
                "site_url": self.site_url, "taal": self.language, "stijl": templates.style("print.css"),
                "documenttitel": f"{self.title} · {self.organisation}", **more}

    def where(self, src: str, heading: str | None = None) -> tuple[str, int | None]:
        """Where to look in the source of page `src` (as `docs/...`, line): the `## ` heading most like
        `heading`, or else the page's title. Without `docs_dir` (or the file), only the file."""
        path = f"docs/{src}"
        try:
            lines = (self.docs_dir / src).read_text(encoding="utf-8").splitlines() if self.docs_dir else []
        except OSError:
            lines = []
        headings = {n: line[3:].strip() for n, line in enumerate(lines, start=1) if line.startswith("## ")}
        if heading:
            close = difflib.get_close_matches(heading, headings.values(), n=1, cutoff=0.6)
            if close:
                return path, next(n for n, text in headings.items() if text == close[0])
        title = next((n for n, line in enumerate(lines, start=1) if re.match(r"# \S", line)), None)
        return path, title
