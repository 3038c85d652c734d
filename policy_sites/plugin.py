"""The MkDocs plugin that turns the one mkdocs.yml into the site of one variant.

`mkdocs build`, `mkdocs serve`, the writers' preview and build_variants.py all pass through here, so a
preview shows a site exactly as it will be built. Every choice arrives as a plugin option, and all state
of a build lives on the plugin instance: MkDocs makes a new instance for every configuration it loads.

In build order:

- `on_config` checks the variant and every module, fills the variables, and drops the pages not meant
  for this audience or policy profile from the navigation;
- `on_files` leaves those pages out of the site (not rendered, not in search or sitemap);
- `on_page_markdown` finds links to left-out pages, which MkDocs would only mention at INFO level;
- `on_env`, when every page has been rendered: `<!-- reactieschema: naam -->` becomes the step-by-step
  helper, `<!-- test-jezelf -->` the self-test (zelftest/*.yml), and the downloads are made from the
  rendered pages and registered as generated files.

The change log (wijzigingen.yml) is checked in `on_config` and given to the pages as `wijzigingen`.

This module and `build.py` are the only places that touch MkDocs; the rest is plain Python.
"""
from __future__ import annotations

import datetime
import logging
import posixpath
import re
from html import escape
from pathlib import Path

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel

from . import decision_helper, language_check, navigation, registry, response_scheme, self_test, writer_helpers
from .downloads import listing
from .downloads.cache import Cache
from .downloads.chapters import Page
from .downloads.generate import FOLDER, GenerationError, catalogue, generate
from .downloads.site import Site
from .policy_check import CheckedVariant, check_variant, site_data, why_absent
from .problems import PolicyError, Problem, not_built, raise_if_any
from .project import Project
from .registry import Fact
from .schema import load_schema

SCHEME_MARK = re.compile(r"<!--\s*reactieschema:\s*(\S+)\s*-->")
LIST_MARK = "<!-- downloads -->"
DOWNLOADS_PAGE = "downloads.md"
SOURCES_MARK = "<!-- bronnen -->"
DEFAULT_VARIANT = "medewerkers"

log = logging.getLogger("mkdocs.plugins.policy_sites")


class PolicySitesConfig(base.Config):
    variant = c.Type(str, default=DEFAULT_VARIANT)
    """The variant to build: the name of a file in variants/, without .yml."""
    downloads = c.Type(bool, default=True)
    """Make the download files. The preview never makes them, whatever this says."""
    cache_dir = c.Type(str, default=".cache")
    """Folder, relative to mkdocs.yml, for files kept between builds (the downloads' content-hash cache)."""
    today = c.Optional(c.Type(datetime.date))
    """The date review dates are compared with; the real date when empty (tests freeze it)."""
    variant_subfolder = c.Type(bool, default=True)
    """Put the site in `site_dir/<variant>/`, so one `site_dir` holds every variant."""


class SharedBytecodeCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept for every build in this process.

    MkDocs makes a new Jinja environment for every build, so each variant would compile Material's
    templates again, though they are the same for every variant. The key includes a checksum of the
    template source, so an edited template is compiled again.
    """

    def __init__(self):
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


THEME_TEMPLATES = SharedBytecodeCache()


class PolicySitesPlugin(BasePlugin[PolicySitesConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.command = "build"
        self.checked: CheckedVariant | None = None
        self.link_problems: list[Problem] = []
        self.pages: list[tuple] = []
        self.facts_used: dict[str, dict[str, Fact]] = {}   # page -> legal facts it inserted, in order
        self.downloads_made: tuple[int, int] = (0, 0)   # made now, taken from the cache
        self.self_test: self_test.SelfTest | None = None

    @property
    def is_preview(self) -> bool:
        return self.command == "serve"

    def on_startup(self, *, command, dirty):
        self.command = command

    def _fail(self, problems: list[Problem]) -> PluginError:
        return PluginError(not_built(self.config.variant, problems))

    @event_priority(100)   # before mkdocs-macros reads config.extra
    def on_config(self, config):
        project = Project(Path(config.config_file_path).resolve().parent)
        try:
            checked = check_variant(project, self.config.variant)
        except PolicyError as error:
            raise self._fail(error.problems) from None
        variant = checked.variant
        try:
            self.self_test, changes = site_data(project, checked)
        except PolicyError as error:
            raise self._fail(error.problems) from None

        today = self.config.today or datetime.date.today()
        config.extra.update(variant.variables)
        config.extra["wijzigingen"] = changes
        config.extra.update(doelgroep=variant.audience, alle_doelgroepen=checked.audiences, variant=variant.name,
                            paginas=self._review_data(checked, today),
                            leesbaarheid={m.src: _figures(m) for m in checked.included}, oude_feiten=[
                                {"sleutel": f.key, "formeel": f.formal, "bron": f.source, "nagekeken": f.checked_on,
                                 "bestand": f.file} for f in registry.stale(
                                    checked.registry.facts_for(checked.kind), today,
                                    variant.variables["beleid"]["feiten_nakijken_na_maanden"])])
        self.checked, self.link_problems, self.pages, self.facts_used = checked, [], [], {}
        macros = config.plugins.get("macros")
        if macros is not None:
            def used(fact: Fact) -> None:
                page = getattr(macros, "page", None)
                if page is not None:
                    self.facts_used.setdefault(page.file.src_uri, {})[fact.key] = fact
            macros.config.update({f"j2_{key}": value for key, value in writer_helpers.JINJA_SYNTAX.items()})
            if project.fragments_dir.is_dir():   # `{% include "naam.md" %}` reads fragmenten/, never docs/
                macros.config["include_dir"] = str(project.fragments_dir)
            macros.register_macros(writer_helpers.macros(
                variant.variables, variant.audience, checked.audiences, checked.registry, used))
            macros.register_filters(writer_helpers.FILTERS)
        config.site_name = variant.title
        config.site_description = variant.description
        if variant.variables["organisatie"]["logo"]:
            config.theme["logo"] = config.theme["favicon"] = variant.variables["organisatie"]["logo"]
        if variant.offline:
            self._enable_offline(config)
        if self.config.variant_subfolder and not self.is_preview:   # the preview serves its own folder
            config.site_dir = str(Path(config.site_dir) / variant.name)
        if variant.variables["organisatie"]["intranet"] and not self.is_preview:
            config.site_url = variant.variables["organisatie"]["intranet"] + variant.name + "/"
        config.nav = navigation.prune(checked.nav, checked.excluded)   # menu.yml and the pages' front matter
        return config

    @staticmethod
    def _review_data(checked: CheckedVariant, day: datetime.date) -> dict:
        """Per page of this site: its owner and review dates. A passed date is shown, never an error."""
        today = day.isoformat()
        contacts = checked.variant.variables["contacten"]
        return {m.src: {"titel": m.meta["title"], "pad": m.src, "eigenaar": contacts[m.owner]["naam"],
                        "nagekeken": m.last_reviewed, "herzien_voor": m.review_due, "te_laat": m.review_due < today}
                for m in checked.included}

    @staticmethod
    def _enable_offline(config) -> None:
        """Material's offline plugin makes a site work from file:// (search included). It would load
        a polyfill from a CDN; the theme ships that file instead, so nothing leaves the intranet."""
        plugin = next(p for name, p in config.plugins.items() if name.endswith("offline"))
        plugin.config.enabled = True
        config.extra["polyfills"] = ["assets/javascripts/iframe-worker-shim.js"]

    def on_files(self, files, config):
        # MkDocs' own exclusion (as `exclude_docs`): not rendered, not in search, sitemap or preview.
        for file in files:
            if file.src_uri in self.checked.excluded:
                file.inclusion = InclusionLevel.EXCLUDED
        return files

    def on_nav(self, nav, config, files):
        self.pages = list(_with_section(nav.items, None))
        return nav

    @event_priority(-100)  # after mkdocs-macros has rendered the page
    def on_page_markdown(self, markdown, page, config, files):
        checked = self.checked
        module = next((m for m in checked.modules if m.src == page.file.src_uri), None)
        for written, target in navigation.targets(markdown, page.file.src_uri):
            if target in checked.excluded:
                owner = next(m for m in checked.modules if m.src == target)
                self.link_problems.append(Problem(
                    module.rel if module else page.file.src_uri,
                    navigation.line_of(module.text, written) if module else None,
                    f"de link naar {target} werkt niet op de site `{checked.variant.name}`: {why_absent(owner, checked)}"))
        return markdown

    def on_env(self, env, config, files):
        for name, function in writer_helpers.FILTERS.items():   # Dutch dates in the theme's templates too
            env.filters[name] = function
        env.bytecode_cache = THEME_TEMPLATES
        if self.link_problems:
            raise self._fail(self.link_problems)
        try:
            self._site_features(config, files)
        except PolicyError as error:
            raise self._fail(error.problems) from None
        except GenerationError as error:
            raise PluginError(f"Variant `{self.config.variant}` is niet gebouwd: {error}") from None
        return env

    def _site_features(self, config, files) -> None:
        """The response scheme's helper where a page asks for it, and the downloads page with its files.

        The search index and the pages are written after `on_env`, so both show the final text."""
        sources = next((page for page, _ in self.pages if page.content and SOURCES_MARK in page.content), None)
        if sources:   # first: the downloads carry this page as an appendix
            sources.content = sources.content.replace(SOURCES_MARK, self._sources_html(sources))
        tested = [page for page, _ in self.pages if page.content and self_test.MARK in page.content]
        for page in tested:   # before the downloads: the team-meeting PDF prints the test from this page
            page.content = page.content.replace(self_test.MARK, self._self_test_html(page, files))
        marked = [page for page, _ in self.pages if page.content and SCHEME_MARK.search(page.content)]
        listed = next((page for page, _ in self.pages if page.file.src_uri == DOWNLOADS_PAGE), None)
        if not (marked or listed):
            return
        schemes = self._schemes(config, files)
        for page in marked:
            page.content = SCHEME_MARK.sub(lambda m: self._helper(m, page, schemes, config, files), page.content)
        if listed:
            self._downloads(listed, schemes, config, files)

    def _self_test_html(self, page, files) -> str:
        """The self-test of this site's audience, its texts filled in, each `meer:` linked from this page."""
        if self.self_test is None:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
            raise PolicyError([Problem(f"docs/{page.file.src_uri}", navigation.line_of(source, self_test.MARK), (
                f"er zijn geen vragen voor `{self_test.MARK}`. Zet ze in {self_test.FOLDER}/zelftest.yml, of "
                "haal de regel weg."))])
        variant = self.checked.variant
        test = self.self_test.for_site(variant.audience)   # its `meer:` pages were checked in site_data
        helpers = writer_helpers.macros(variant.variables, variant.audience, self.checked.audiences, self.checked.registry)
        test = self_test.render(test, variant.variables, helpers)
        links = {}
        for question in test.questions:
            target = files.get_file_from_path(question.more)
            links[question.more] = (target.url_relative_to(page.file), target.page.title)
        here = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
        assets = posixpath.relpath("assets", here or ".")
        return self_test.html(test, links, assets + "/")

    def _sources_html(self, here) -> str:
        """Every legal fact this site states, with its source and date, grouped by the page that states it."""
        out = []
        for page, _ in self.pages:
            facts = self.facts_used.get(page.file.src_uri)
            if not facts:
                continue
            link = posixpath.relpath(page.url or ".", here.url or ".") + ("/" if page.url.endswith("/") else "")
            items = "".join(
                f'<li><strong>{escape(f.formal)}</strong>. Bron: <a href="{escape(f.source)}">{escape(f.source)}</a>, '
                f'nagekeken op {writer_helpers.datum(f.checked_on)}.'
                + ("" if f.confirmed else " <em>Nog niet bevestigd: vraag het na voor je erop rekent.</em>") + "</li>"
                for f in facts.values())
            out.append(f'<h2>{escape(page.title)}</h2>\n<p><a href="{escape(link)}">Naar de pagina</a></p>\n<ul>{items}</ul>')
        return "\n".join(out) or "<p>Deze site noemt geen wetten of instanties.</p>"

    def _schemes(self, config, files) -> dict[str, response_scheme.SiteScheme]:
        project = Project(Path(config.config_file_path).resolve().parent)
        schemes = response_scheme.load_all(project, self.checked.audiences)
        on_site = {s.name: s.for_site(self.checked.variant.audience) for s in schemes}
        included = {f.src_uri for f in files.documentation_pages()}
        raise_if_any([problem for s in schemes
                      for problem in response_scheme.page_problems(s, on_site[s.name], self.config.variant, included)])
        return on_site

    def _helper(self, mark: re.Match, page, schemes: dict, config, files) -> str:
        name = mark[1]
        if name not in schemes:
            source = Path(page.file.abs_src_path).read_text(encoding="utf-8")
            raise PolicyError([Problem(f"docs/{page.file.src_uri}", navigation.line_of(source, mark[0]), (
                f"er is geen reactieschema `{name}`. Schrijf de naam van een bestand in {response_scheme.SCHEME_DIR}/ "
                f"zonder .yml: {', '.join(sorted(schemes)) or 'er is er nog geen'}."))])
        scheme = schemes[name]
        explained = {}
        for step in scheme.outcomes:
            if step.node.more:
                target = files.get_file_from_path(step.node.more)
                explained[step.node.more] = decision_helper.Link(target.url_relative_to(page.file), target.page.title)
        return decision_helper.html(scheme, config.extra["contacten"], explained)

    def _downloads(self, page, schemes: dict, config, files) -> None:
        if LIST_MARK not in page.content:
            raise PolicyError([Problem(f"docs/{DOWNLOADS_PAGE}", None, (
                f"de plaats voor de lijst met bestanden ontbreekt. Zet een regel `{LIST_MARK}` op de plaats waar de "
                "lijst moet komen."))])
        variables = {key: config.extra[key] for key in load_schema("variabelen")["properties"]}
        site = Site(self.config.variant, config.site_name, config.site_description or "", config.site_url or None,
                    variables, [Page(p.file.src_uri, p.url, p.title, section, p.content)
                                for p, section in self.pages if p is not page], list(schemes.values()),
                    docs_dir=Path(config.docs_dir))
        without_files = self.is_preview or not self.config.downloads
        if without_files:
            made = [download for download, _ in catalogue(site)]
        else:
            cache = Cache(Path(config.config_file_path).resolve().parent / self.config.cache_dir)
            made = []
            for download, data in generate(site, cache):
                files.append(File.generated(config, f"{FOLDER}/{download.file}", content=data))
                made.append(download)
            self.downloads_made = (len(cache.made), len(cache.hits))
            log.debug("Downloads van %s: %d gemaakt, %d uit de cache.", site.variant, *self.downloads_made)
        here = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
        folder = posixpath.relpath(FOLDER, here or ".")
        page.content = page.content.replace(
            LIST_MARK, listing.html(made, "" if folder == "." else folder + "/", without_files))


_FIGURES: dict[tuple, dict] = {}


def _figures(module) -> dict:
    """Readability figures of a module for the Onderhoud page, computed once per text in this process."""
    key = (module.src, module.text)
    if key not in _FIGURES:
        _FIGURES[key] = language_check.figures(module)
    return _FIGURES[key]


def _with_section(items, section):
    """Every page of the navigation in order, with the title of the top-level group it is in."""
    for item in items:
        if item.is_page:
            yield item, section
        elif item.is_section:
            yield from _with_section(item.children, section or item.title)
