"""mkdocs-macros module: gives pages the writers' helpers. Loaded through `module_name` in mkdocs.yml.

The variables themselves arrive through `config.extra`, filled by hooks.py for the chosen variant.
"""
from policy_sites import writer_helpers


def define_env(env):
    variables = env.variables
    env.macro(writer_helpers.make_voor(variables["doelgroep"], variables["doelgroepen"]), "voor")
    env.macro(writer_helpers.make_contact(variables["contacten"]), "contact")
    env.filter(writer_helpers.datum, "datum")
