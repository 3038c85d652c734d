"""MkDocs hooks for the response scheme and the downloads. Registered in mkdocs.yml after hooks.py.

policy_sites/hooks.py chooses and checks the variant and leaves out what is not meant for its audience,
and fills config.extra with the variant's variables. When `on_env` runs, every page of the site has been
rendered for this variant. Then:

- `<!-- reactieschema: naam -->` in a page becomes the step-by-step helper of reactieschema/naam.yml;
- when the site has the downloads page, every download is made from those rendered pages (through the
  content-hash cache) into site/<variant>/downloads/, and `<!-- downloads -->` on that page becomes the
  list of files. The writers' preview (`mkdocs serve`, which sets BELEID_DOWNLOADS=uit in hooks.py) and
  `--zonder-downloads` make no files and say so on the page.

The search index and the page itself are written after `on_env`, so both show the final text.
"""
from __future__ import annotations

import logging
import os
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

from policy_sites import links, schema_check
from policy_sites.downloads import decision_helper, listing, response_scheme
from policy_sites.downloads.cache import Cache
from policy_sites.downloads.chapters import Page
from policy_sites.downloads.generate import FOLDER, GenerationError, catalogue, generate
from policy_sites.downloads.site import Site
from policy_sites.problems import PolicyError, Problem, not_built, raise_if_any
from policy_sites.project import DOWNLOADS_ENV, Project

SCHEME_MARK = re.compile(r"<!--\s*reactieschema:\s*(\S+)\s*-->")
LIST_MARK = "<!-- downloads -->"
DOWNLOADS_PAGE = "downloads.md"

log = logging.getLogger("mkdocs.policy_sites.downloads")
_build: dict = {}


def on_nav(nav, config, files):
    _build["pages"] = list(_with_section(nav.items, None))
    return nav


def _with_section(items, section):
    """Every page of the navigation in order, with the title of the top-level group it is in."""
    for item in items:
        if item.is_page:
            yield item, section
        elif item.is_section:
            yield from _with_section(item.children, section or item.title)


def on_env(env, config, files):
    variant = config.extra["variant"]
    pages = _build.pop("pages", [])
    marked = [page for page, _ in pages if page.content and SCHEME_MARK.search(page.content)]
    listed = next((page for page, _ in pages if page.file.src_uri == DOWNLOADS_PAGE), None)
    try:
        schemes = _schemes(config, files) if marked or listed else {}
        for page in marked:
            page.content = SCHEME_MARK.sub(lambda m: _helper(m, page, schemes, config, files), page.content)
        if listed:
            _downloads(listed, pages, schemes, config)
    except PolicyError as error:
        raise PluginError(not_built(variant, error.problems)) from None
    except GenerationError as error:
        raise PluginError(f"Variant `{variant}` is niet gebouwd: {error}") from None
    return env


def _schemes(config, files) -> dict[str, response_scheme.SiteScheme]:
    project = Project(Path(config.config_file_path).resolve().parent)
    schemes = response_scheme.load_all(project, config.extra["doelgroepen"])
    on_site = {s.name: s.for_site(config.extra["doelgroep"]) for s in schemes}
    included = {f.src_uri for f in files.documentation_pages()}
    raise_if_any([problem for s in schemes
                  for problem in response_scheme.page_problems(s, on_site[s.name], config.extra["variant"], included)])
    return on_site


def _helper(mark: re.Match, page, schemes: dict, config, files) -> str:
    name = mark[1]
    if name not in schemes:
        source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
        raise PolicyError([Problem(f"docs/{page.file.src_uri}", links.line_of(source, mark[0]), (
            f"er is geen reactieschema `{name}`. Schrijf de naam van een bestand in {response_scheme.SCHEME_DIR}/ "
            f"zonder .yml: {', '.join(sorted(schemes)) or 'er is er nog geen'}."))])
    scheme = schemes[name]
    explained = {}
    for step in scheme.outcomes:
        if step.node.more:
            target = files.get_file_from_path(step.node.more)
            explained[step.node.more] = decision_helper.Link(target.url_relative_to(page.file), target.page.title)
    return decision_helper.html(scheme, config.extra["contacten"], explained)


def _downloads(page, pages, schemes: dict, config) -> None:
    if LIST_MARK not in page.content:
        raise PolicyError([Problem(f"docs/{DOWNLOADS_PAGE}", None, (
            f"de plaats voor de lijst met bestanden ontbreekt. Zet een regel `{LIST_MARK}` op de plaats waar de "
            "lijst moet komen."))])
    variables = {key: config.extra[key] for key in schema_check.load_schema("variabelen")["properties"]}
    site = Site(config.extra["variant"], config.site_name, config.site_description or "", config.site_url or None,
                variables, [Page(p.file.src_uri, p.url, p.title, section, p.content)
                            for p, section in pages if p is not page], list(schemes.values()))
    preview = os.environ.get(DOWNLOADS_ENV) == "uit"   # the preview and --zonder-downloads
    if preview:
        made = [download for download, _ in catalogue(site)]
    else:
        cache = Cache(Path(config.config_file_path).resolve().parent)
        made = generate(site, cache, Path(config.site_dir) / FOLDER)
        log.info("Downloads van %s: %d gemaakt, %d uit de cache.", site.variant, len(cache.made), len(cache.hits))
    here = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
    folder = posixpath.relpath(FOLDER, here or ".")
    page.content = page.content.replace(LIST_MARK, listing.html(made, "" if folder == "." else folder + "/", preview))
