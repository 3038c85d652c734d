"""Make every download of one site, through the cache, and say what each file is."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from policy_sites.problems import PolicyError

from . import annex, communication, flowchart, full_policy, one_pager, session, team_questions
from .cache import Cache
from .site import Site

FOLDER = "downloads"          # below the site root: site/<variant>/downloads/
FORMATS = {".pdf": "PDF", ".docx": "Word", ".svg": "SVG"}


@dataclass(frozen=True)
class Download:
    file: str
    title: str
    description: str
    size: int | None = None   # None in the preview, where nothing is made

    @property
    def format(self) -> str:
        return FORMATS[Path(self.file).suffix]


class GenerationError(Exception):
    """A download could not be made; the message names the file and, where it can, what to change."""

    def __init__(self, file: str, reason: str):
        self.file = file
        super().__init__(f"{FOLDER}/{file} kon niet gemaakt worden: {reason}")


def catalogue(site: Site):
    """Every download of the site, in the order of the downloads page: (Download, job or None).

    A job is (source, make): the exact input for the layout tool and the function that lays it out.
    Jobs that depend on another file's bytes are made later; see `generate`.
    """
    v = site.variant
    yield (Download(f"beleid-op-een-a4-{v}.pdf", "Het beleid op één A4",
                    "De belangrijkste afspraken en bij wie je terechtkunt, om op te hangen of uit te delen."),
           lambda: one_pager.job(site))
    yield (Download(f"socialemediabeleid-{v}.pdf", "Het volledige beleid",
                    "Alle pagina's van deze site, met een inhoudstafel en paginanummers, om te lezen of te printen."),
           lambda: full_policy.pdf_job(site))
    yield (Download(f"socialemediabeleid-{v}.docx", "Het volledige beleid om aan te passen",
                    "Dezelfde tekst in Word, met echte kopjes en lijsten, om er je eigen versie van te maken."),
           lambda: full_policy.word_job(site))
    if any(team_questions.is_question_page(p.src) for p in site.pages):
        yield (Download(f"vragen-voor-je-team-{v}.pdf", "Vragen en antwoorden voor je team",
                        "Herkenbare situaties om samen te bespreken in een teamoverleg, met de antwoorden."),
               lambda: team_questions.job(site))
    for scheme in site.schemes:
        yield (Download(f"{scheme.name}-{v}.pdf", f"{scheme.title} om te printen",
                        "Het schema als stroomschema op één A4: van wat je ziet naar wat je doet."), None)
        yield (Download(f"{scheme.name}-{v}.svg", f"{scheme.title} als beeld",
                        "Hetzelfde stroomschema als SVG-beeld, scherp op elk formaat, voor een presentatie."), None)
    yield (Download(f"infosessie-{v}.pdf", "Een informatiesessie",
                    "Dia's om het beleid voor te stellen: de afspraken, drie situaties om te bespreken en bij wie je "
                    "terechtkunt."),
           lambda: session.job(site))
    yield (Download(f"bijlage-personeelsregels-{v}.docx", "Bijlage bij de regels voor het personeel",
                    "De bindende afspraken in genummerde artikels, in Word, voor de juridische dienst om aan te "
                    "passen en op te nemen."),
           lambda: annex.word_job(site))
    yield (Download(f"bijlage-personeelsregels-{v}.pdf", "Bijlage bij de regels voor het personeel om te lezen",
                    "Dezelfde artikels als PDF, om na te lezen of te bespreken."),
           lambda: annex.pdf_job(site))
    if communication.has(site, communication.HOUSE_RULES):
        yield (Download(f"huisregels-{v}.pdf", "Huisregels voor onze pagina's",
                        "De huisregels voor het publiek op één A4, klaar om te publiceren bij onze accounts."),
               lambda: communication.house_rules_job(site))
    if communication.has(site, communication.CHECKLIST):
        yield (Download(f"crisischecklist-{v}.pdf", "Crisischecklist",
                        "Wat je doet bij een crisis op de officiële accounts, op één A4, met vakjes om af te vinken."),
               lambda: communication.checklist_job(site))


def _naming(file: str, step):
    """Run one step of making `file`: a mistake in the text, or a layout tool that fails, becomes an error
    that names the file and says what to change or what the tool said."""
    try:
        return step()
    except PolicyError as error:
        raise GenerationError(file, "\n" + "\n".join(f"  {p}" for p in error.problems)) from None
    except Exception as error:
        raise GenerationError(file, f"{type(error).__name__}: {error}") from error


def generate(site: Site, cache: Cache) -> list[tuple[Download, bytes]]:
    """Make (or take from the cache) every download, in the order of the downloads page, with its bytes.

    Every file's source is put together before any file is laid out: a mistake in the text stops the
    build at once, not after a minute of laying out the files before it."""
    jobs = {download.file: _naming(download.file, job) for download, job in catalogue(site) if job is not None}
    made: dict[str, bytes] = {}

    def make(file: str, source, render) -> bytes:
        made[file] = data = _naming(file, lambda: cache.fetch(file, source, render))
        return data

    for scheme in site.schemes:       # the printable chart is laid out around the Graphviz drawing
        source = flowchart.dot_source(scheme, site.variables["contacten"])
        svg, pdf = f"{scheme.name}-{site.variant}.svg", f"{scheme.name}-{site.variant}.pdf"
        image = make(svg, source, lambda: flowchart.svg(source))
        make(pdf, *_naming(pdf, lambda: flowchart.pdf_job(site, scheme, image)))
    result = []
    for download, _ in catalogue(site):
        data = made[download.file] if download.file in made else make(download.file, *jobs[download.file])
        result.append((Download(download.file, download.title, download.description, len(data)), data))
    return result
