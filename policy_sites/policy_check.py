"""Everything that is checked before a site is rendered: the variant, its variables, every module, and the
data files its pages show (the self-test and the change log)."""
from __future__ import annotations

from dataclasses import dataclass

from . import changelog, navigation, self_test, template_check, writer_helpers
from . import modules as module_source
from .modules import Module
from .problems import PolicyError, Problem, raise_if_any
from .project import Project
from .registry import Registry
from .registry import load as load_registry
from .self_test import SelfTest
from .variants import Variant, load_variant, variables_schema
from .yaml_source import load as load_yaml


# A module's problems depend on its text and the audiences only, not on the variant: every variant
# built in this process after the first reuses them. Keyed by content, so an edit is checked again.
_module_problems: dict[tuple, list] = {}


@dataclass(frozen=True)
class CheckedVariant:
    variant: Variant
    audiences: dict[str, str]
    modules: list[Module]
    registry: Registry
    nav: list                      # the menu of every page, before the pages left out of this site are dropped

    @property
    def kind(self) -> str:
        return self.variant.variables["organisatie"]["soort"]

    @property
    def notices(self) -> list:
        """Old front matter key names, still read for one release."""
        return [notice for module in self.modules for notice in module.notices]

    @property
    def excluded(self) -> set[str]:
        return {m.src for m in self.modules} - {m.src for m in self.included}

    @property
    def included(self) -> list[Module]:
        profile = self.variant.variables["profiel"]
        return [m for m in self.modules if m.is_for(self.variant.audience, profile)]


def check_variant(project: Project, name: str) -> CheckedVariant:
    """Load and check one variant and every module. Raises PolicyError with all problems found.

    Every module is checked, also those not meant for this audience: a mistake in a police-only
    page must fail every build, not only the police build.
    """
    registry = load_registry(project)
    variant = load_variant(project, name, registry)
    audiences = project.audiences()
    modules, problems = module_source.read_all(project)
    fragments = module_source.read_fragments(project)
    menu, _ = navigation.menu_entries(project)
    front_matter = module_source.front_matter_schema(audiences, navigation.groups(menu))
    vocabulary = template_check.Vocabulary(
        schema=variables_schema(registry), audiences=frozenset(audiences),
        helpers=writer_helpers.HELPERS, site_names=frozenset(writer_helpers.SITE_NAMES),
        filters=writer_helpers.FILTER_NAMES, facts=frozenset(registry.facts), words=frozenset(registry.words),
        fragments=frozenset(f.src for f in fragments))
    shared = (tuple(sorted(audiences)), vocabulary.facts, vocabulary.words, vocabulary.fragments)
    for fragment in fragments:
        key = (fragment.rel, fragment.text, shared)
        if key not in _module_problems:
            _module_problems[key] = template_check.check(fragment, vocabulary)
        problems += _module_problems[key]
    for module in modules:
        key = (module.rel, module.text, repr(module.meta), shared)
        if key not in _module_problems:
            _module_problems[key] = (module_source.check_front_matter(module, front_matter)
                                     + template_check.check(module, vocabulary)
                                     + navigation.missing_files(module.text, module.src, project.docs_dir, module.rel))
        problems += _module_problems[key]
    nav, unplaced = navigation.build_menu(modules, menu)
    raise_if_any(problems + unplaced)
    return CheckedVariant(variant, audiences, modules, registry, nav)


def site_data(project: Project, checked: CheckedVariant) -> tuple[SelfTest | None, list[dict]]:
    """The self-test and the change log this site shows, checked before anything is rendered: the
    self-test when a page has `<!-- test-jezelf -->` (each `meer:` page must be on this site), the
    change log when a page shows `wijzigingen` (its newest version must be the one organisatie.yml
    names). Raises PolicyError; the build and `--controleer` both come here."""
    shown = "".join(m.text for m in checked.modules)
    test = self_test.load_all(project, checked.audiences) if self_test.MARK in shown else None
    if test is not None and any(self_test.MARK in m.text for m in checked.included):
        on_site = test.for_site(checked.variant.audience)
        raise_if_any(self_test.page_problems(on_site, checked.variant.name, {m.src for m in checked.included}))
    changes = _changes(project, checked) if "wijzigingen" in shown else []
    return test, changes


def data_problems(project: Project, checked: CheckedVariant) -> list:
    """What `site_data` finds wrong, as a list: the check reports every problem at once."""
    try:
        site_data(project, checked)
    except PolicyError as error:
        return list(error.problems)
    return []


def _changes(project: Project, checked: CheckedVariant) -> list[dict]:
    """The change log for this site's pages; its newest version must be the one organisatie.yml names."""
    log = changelog.load(project)
    if log is None:
        return []
    own, _ = load_yaml(project.organisation_file, project.rel(project.organisation_file))
    if not changelog.applies(log, ((own or {}).get("organisatie") or {}).get("naam", "")):
        return []   # a fork's inherited history: not this organisation's versions
    variables = checked.variant.variables
    raise_if_any(changelog.agreement_problems(
        project, log, variables, project.variants_dir / f"{checked.variant.name}.yml"))
    titles = {m.src: m.meta["title"] for m in checked.included}
    return changelog.for_site(log, titles, variables["beleid"]["goedgekeurd_door"])


def link_problems(project: Project, checked: CheckedVariant) -> list:
    """Links to pages left out of this site, found without MkDocs: each page's Jinja is filled in for this
    site (so a link inside `{% if voor("zorg") %}` counts only where it shows), then its links are read."""
    import jinja2

    env = jinja2.Environment(**writer_helpers.JINJA_SYNTAX, undefined=jinja2.ChainableUndefined,
                             loader=jinja2.FileSystemLoader(project.fragments_dir))
    env.filters.update(writer_helpers.FILTERS)
    variables = checked.variant.variables
    context = {**variables, "doelgroep": checked.variant.audience, "alle_doelgroepen": checked.audiences,
               "variant": checked.variant.name,
               **writer_helpers.macros(variables, checked.variant.audience, checked.audiences, checked.registry)}
    excluded, by_src = checked.excluded, {m.src: m for m in checked.modules}
    problems = []
    for module in checked.included:
        try:
            text = env.from_string(module.text).render(context)
        except Exception:   # what cannot be filled in here, the build reports with its own message
            continue
        for written, target in navigation.targets(text, module.src):
            if target in excluded:
                problems.append(Problem(module.rel, navigation.line_of(module.text, written), (
                    f"de link naar {target} werkt niet op elke site: {why_absent(by_src[target], checked)}")))
    return problems


def why_absent(target: Module, checked: CheckedVariant) -> str:
    """Why a page is not on this site, and the condition to put around a link to it."""
    audience = checked.variant.audience
    if not target.is_for_audience(audience):
        return (f"die pagina is alleen voor {', '.join(target.audiences)}. Zet de link binnen "
                f"`{{% if voor(\"{target.audiences[0]}\") %}} ... {{% endif %}}`, of voeg de doelgroep van de site "
                f"toe aan `doelgroepen` in de front matter van {target.rel}.")
    scale, values = next(iter(target.profile.items()))
    return (f"die pagina staat alleen op sites met het beleidsprofiel {scale}: {' of '.join(values)}. "
            f"Zet de link binnen `{{% if profiel.{scale} == \"{values[0]}\" %}} ... {{% endif %}}`.")
