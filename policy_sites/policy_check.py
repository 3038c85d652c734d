"""Everything that is checked before a site is rendered: the variant, its variables, every module."""
from __future__ import annotations

from dataclasses import dataclass

from . import modules as module_source
from . import navigation, template_check, writer_helpers
from .modules import Module
from .problems import raise_if_any
from .project import Project
from .registry import Registry
from .registry import load as load_registry
from .variants import Variant, load_variant, variables_schema


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
