"""What the downloads of one site are made from: its rendered pages, its variables and its schemes."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

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
