"""MkDocs hooks: turn the one mkdocs.yml into the site of one variant.

`mkdocs build`, `mkdocs serve` and build_variants.py all pass through here, so a preview shows
a site exactly as it will be built. The variant comes from the BELEID_VARIANT environment variable.
This file and macros.py are the only places that touch MkDocs; the rest is plain Python.
"""
from __future__ import annotations

import datetime
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

from policy_sites import links, nav, writer_helpers
from policy_sites.template_cache import CACHE
from policy_sites.policy_check import CheckedVariant, check_variant
from policy_sites.problems import PolicyError, Problem, not_built
from policy_sites.project import DOWNLOADS_ENV, Project, selected_variant

# One build at a time per process: on_config sets this, the later events of that build read it.
_build: dict = {}
_command = {"name": "build"}


def on_startup(command, dirty):
    _command["name"] = command
    if command == "serve":   # the preview never makes the download files: the writer sees edits at once
        os.environ[DOWNLOADS_ENV] = "uit"


def _fail(variant: str, problems: list[Problem]) -> PluginError:
    return PluginError(not_built(variant, problems))


@event_priority(100)   # before mkdocs-macros reads config.extra
def on_config(config):
    project = Project(Path(config.config_file_path).resolve().parent)
    name = selected_variant()
    try:
        checked = check_variant(project, name)
    except PolicyError as error:
        raise _fail(name, error.problems) from None
    variant = checked.variant

    listed = nav.pages(config.nav)
    unlisted = [m for m in checked.included if config.nav is not None and m.src not in listed]
    if unlisted:
        raise _fail(name, [Problem("mkdocs.yml", None, (
            f"de pagina {m.src} staat niet in de navigatie. Voeg `- {m.src}` toe onder `nav:` in mkdocs.yml, "
            "op de plaats waar lezers ze zoeken.")) for m in unlisted])

    config.extra.update(variant.variables)
    config.extra.update(doelgroep=variant.audience, doelgroepen=checked.audiences, variant=variant.name,
                        paginas=_review_data(checked))
    config.site_name = variant.title
    if variant.variables["organisatie"]["logo"]:
        config.theme["logo"] = config.theme["favicon"] = variant.variables["organisatie"]["logo"]
    if variant.offline:
        _enable_offline(config)
    config.site_description = variant.description
    if _command["name"] != "serve":   # the preview serves its own temporary folder as the root
        config.site_dir = os.path.join(config.site_dir, variant.name)
        if variant.variables["organisatie"]["intranet"]:
            config.site_url = variant.variables["organisatie"]["intranet"] + variant.name + "/"
    config.nav = nav.prune(config.nav, checked.excluded)
    _build.clear()
    _build.update(checked=checked, link_problems=[])
    return config


def _review_data(checked: CheckedVariant) -> dict:
    """Per page of this site: its owner and review dates. A passed date is shown, never an error."""
    today = datetime.date.today().isoformat()
    contacts = checked.variant.variables["contacten"]
    return {m.src: {"titel": m.meta["title"], "pad": m.src, "eigenaar": contacts[m.meta["owner"]]["naam"],
                    "nagekeken": m.meta["last_reviewed_on"], "herzien_voor": m.review_due,
                    "te_laat": m.review_due < today}
            for m in checked.included}


def _enable_offline(config) -> None:
    """Material's offline plugin makes a site work from file:// (search included). It would load
    a polyfill from a CDN; the theme ships that file instead, so nothing leaves the intranet."""
    plugin = next(p for name, p in config.plugins.items() if name.endswith("offline"))
    plugin.config.enabled = True
    config.extra["polyfills"] = ["assets/javascripts/iframe-worker-shim.js"]


def on_files(files, config):
    # MkDocs' own exclusion (as `exclude_docs`): not rendered, not in search, sitemap or preview.
    checked: CheckedVariant = _build["checked"]
    for file in files:
        if file.src_uri in checked.excluded:
            file.inclusion = InclusionLevel.EXCLUDED
    return files


@event_priority(-100)  # after mkdocs-macros has rendered the page
def on_page_markdown(markdown, page, config, files):
    checked: CheckedVariant = _build["checked"]
    module = next((m for m in checked.modules if m.src == page.file.src_uri), None)
    for written, target in links.targets(markdown, page.file.src_uri):
        if target in checked.excluded:
            owner = next(m for m in checked.modules if m.src == target)
            _build["link_problems"].append(Problem(
                module.rel if module else page.file.src_uri,
                links.line_of(module.text, written) if module else None,
                f"de link naar {target} werkt niet op de site `{checked.variant.name}`: {_why_absent(owner, checked)}"))
    return markdown


def _why_absent(target, checked: CheckedVariant) -> str:
    """Why a page is not on this site, and the condition to put around a link to it."""
    audience = checked.variant.audience
    if not target.is_for_audience(audience):
        return (f"die pagina is alleen voor {', '.join(target.audiences)}. Zet de link binnen "
                f"`{{% if voor(\"{target.audiences[0]}\") %}} ... {{% endif %}}`, of voeg `{audience}` "
                f"toe aan `audiences` van {target.rel}.")
    scale, values = next(iter(target.meta["profile"].items()))
    return (f"die pagina staat alleen op sites met het beleidsprofiel {scale}: {' of '.join(values)}. "
            f"Zet de link binnen `{{% if profiel.{scale} == \"{values[0]}\" %}} ... {{% endif %}}`.")


def on_env(env, config, files):
    env.filters["datum"] = writer_helpers.datum   # Dutch dates in the theme's templates too
    env.bytecode_cache = CACHE                    # compile the theme once per process, not per variant
    if _build["link_problems"]:
        raise _fail(_build["checked"].variant.name, _build["link_problems"])
    return env
