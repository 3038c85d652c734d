"""What the downloads of one site are made from: its rendered pages, its variables and its schemes."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lxml import html as lxml_html

from policy_sites import templates
from policy_sites.problems import PolicyError, Problem
from policy_sites.response_scheme import SiteScheme

from .chapters import Chapter, Page, chapters, page_named, plain, section, sentences_without

START_PAGE = "index.md"
# The start page's two sections that several short documents quote: the key rules and what differs per audience.
KEY_RULES, FOR_YOU = "het-beleid-in-het-kort", "wat-is-anders-voor-jou"


@dataclass(frozen=True)
class Rule:
    title: str    # the rule's bold opening; empty when the item does not start with one
    text: str     # the rest of the item


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

    def no_key_rules(self, used_for: str) -> PolicyError:
        """The error for a start page without `## Het beleid in het kort`; `used_for` says which document
        needs it and how, as a sentence."""
        return PolicyError([Problem(*self.where(START_PAGE, "Het beleid in het kort"), (
            f"de startpagina heeft geen kop `## Het beleid in het kort`. {used_for}: zet de kop terug, met de "
            "belangrijkste afspraken eronder als genummerde lijst."))])

    def key_rules(self, pointers: tuple[str, ...], used_for: str) -> tuple[list[Rule], list[str]]:
        """The start page's key rules and the paragraphs of "Wat is anders voor jou", as plain text
        without the sentences that start with one of `pointers` (they send the reader to a page)."""
        start = page_named(self.pages, START_PAGE)
        part = section(start.html, KEY_RULES) if start else None
        if part is None:
            raise self.no_key_rules(used_for)
        root = lxml_html.fragment_fromstring(part, create_parent="div")
        plain(root)
        rules = []
        for item in root.xpath("./ol/li | ./ul/li"):
            strong = item.find("strong")
            leads = strong is not None and not (item.text or "").strip()
            title = " ".join(strong.text_content().split()) if leads else ""
            rest = " ".join(item.text_content().split()).removeprefix(title).strip()
            rules.append(Rule(title, sentences_without(rest, pointers)))
        own = section(start.html, FOR_YOU)
        paragraphs = []
        if own is not None:
            other = lxml_html.fragment_fromstring(own, create_parent="div")
            plain(other)
            paragraphs = [text for p in other.xpath("./p") if (text := sentences_without(p.text_content(), pointers))]
        return rules, paragraphs
