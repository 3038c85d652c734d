"""PDF files from HTML, laid out by WeasyPrint with CSS paged media (print.css)."""
from __future__ import annotations

import logging

from policy_sites.problems import PolicyError, Problem

# WeasyPrint warns about CSS it does not know; those are not the writer's to fix.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def _html(source: str):
    # imported only when a PDF has to be made: a warm build skips it
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher
    # Nothing leaves the build: a PDF uses only what the HTML itself holds (inline styles, data: URLs), and a
    # request for anything else stops the file instead of being logged and left out.
    return HTML(string=source, url_fetcher=URLFetcher(allowed_protocols={"data"}, fail_on_errors=True))


class OutsideRequest(RuntimeError):
    """A download asked for something outside the build."""


def write(source: str) -> bytes:
    return _layout(lambda: _html(source).write_pdf())


def _layout(make):
    from weasyprint.urls import FatalURLFetchingError
    try:
        return make()
    except FatalURLFetchingError as error:   # a BaseException in WeasyPrint: say it as our own error
        raise OutsideRequest(f"{error}: een download gebruikt alleen wat in de pagina zelf staat") from None


def write_one_page(sources: list[str], where: str, too_long: str) -> bytes:
    """The first of `sources` (each a little smaller than the one before) that fits on one page."""
    return write_fitting(sources, 1, where, too_long)


def write_fitting(sources: list[str], pages: int, where: str, too_long: str) -> bytes:
    """The first of `sources` (each a little smaller than the one before) that takes at most `pages` pages."""
    low, high, fits = 0, len(sources) - 1, None      # halve the range: a layout takes a second
    while low <= high:
        middle = (low + high) // 2
        document = _layout(_html(sources[middle]).render)
        if len(document.pages) <= pages:
            fits, high = document, middle - 1
        else:
            low = middle + 1
    if fits is None:
        raise PolicyError([Problem(where, None, too_long)])
    return fits.write_pdf()
