"""Check the Jinja in a module before it is rendered, so mistakes get a file line and a fix.

Rendering alone would not catch them: a misspelt audience in `{% if ... == "zorgg" %}` silently
drops text. The check parses with the renderer's own settings (writer_helpers.JINJA_SYNTAX).
"""
from __future__ import annotations

from dataclasses import dataclass

import jinja2
from jinja2 import nodes

from .modules import Module
from .problems import Problem, suggestion
from .project import EVERYONE
from .schema import resolve_ref
from .writer_helpers import JINJA_SYNTAX

@dataclass(frozen=True)
class Vocabulary:
    """What a module may refer to: the variables schema, the audiences, and the writers' helpers."""
    schema: dict
    audiences: frozenset[str]
    helpers: dict[str, str]        # function name -> kind of argument it takes ('audience', 'contact')
    site_names: frozenset[str]     # variables set per site, such as `doelgroep`
    filters: frozenset[str]
    facts: frozenset[str] = frozenset()   # keys of recht/*.yml, for `recht("...")`
    words: frozenset[str] = frozenset()   # keys of woorden.yml, for `woord("...")`
    fragments: frozenset[str] = frozenset()   # file names in fragmenten/, for `{% include "..." %}`

    @property
    def names(self) -> set[str]:
        return set(self.schema["properties"]) | set(self.helpers) | set(self.site_names)


# Kind of name a helper takes -> how a message names it, and where the writer finds the names (None: list them).
KINDS = {"audience": ("bekende doelgroep", None), "contact": ("bekend aanspreekpunt", None),
         "fact": ("bekend wettelijk feit", "Alle feiten staan met hun sleutel in recht/*.yml."),
         "word": ("bekend woord", "Alle woorden staan met uitleg in woorden.yml.")}


def check(module: Module, vocab: Vocabulary) -> list[Problem]:
    env = jinja2.Environment(**JINJA_SYNTAX)
    try:
        tree = env.parse(module.text)
    except jinja2.TemplateSyntaxError as error:
        opened = _unclosed_block(env, module.text)
        if opened and "end of template" in (error.message or ""):
            tag, line = opened
            return [Problem(module.rel, line, (
                f"deze `{{% {tag} %}}` wordt nergens afgesloten. Zet `{{% end{tag} %}}` waar de tekst "
                "die erbij hoort ophoudt."))]
        return [Problem(module.rel, error.lineno, (
            f"de code tussen accolades is ongeldig (Jinja meldt: {error.message}). Sluit elke `{{{{` af met "
            "`}}` en elke `{%` met `%}`, en geef elke `{% if %}` een `{% endif %}`. Wil je de accolades zelf tonen, "
            "zet die tekst dan tussen `{% raw %}` en `{% endraw %}`."))]
    return list(_check_tree(tree, module, vocab))


def _unclosed_block(env: jinja2.Environment, text: str) -> tuple[str, int] | None:
    """The innermost block tag (`if`, `for`, ...) still open at the end of the text, with its line."""
    stack, expect_tag = [], False
    try:
        for line, kind, value in env.lex(text):
            if kind == "whitespace":
                continue
            if kind == "block_begin":
                expect_tag = True
            elif expect_tag and kind == "name":
                expect_tag = False
                if value in ("if", "for", "macro", "call", "filter", "raw", "set"):
                    stack.append((value, line))
                elif value.startswith("end") and stack:
                    stack.pop()
            else:
                expect_tag = False
    except jinja2.TemplateSyntaxError:
        return None
    return stack[-1] if stack else None


def _check_tree(tree: nodes.Template, module: Module, vocab: Vocabulary):
    local = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")} | {"loop"}
    for macro in tree.find_all(nodes.Macro):
        local.add(macro.name)
    parents = {}
    for parent in tree.find_all(nodes.Node):
        for child in parent.iter_child_nodes():
            parents[id(child)] = parent

    for include in tree.find_all(nodes.Include):
        name = include.template.value if isinstance(include.template, nodes.Const) else None
        if name not in vocab.fragments:
            yield Problem(module.rel, include.lineno, (
                f"`{name}` is geen bekend fragment.{suggestion(str(name), vocab.fragments)} Een fragment is een "
                f"bestand in fragmenten/; schrijf zijn naam tussen aanhalingstekens: "
                f"`{{% include \"{sorted(vocab.fragments)[0] if vocab.fragments else 'naam.md'}\" %}}`."))

    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in vocab.helpers:
            yield from _check_helper_call(call, module, vocab)

    for name in tree.find_all(nodes.Name):
        if name.ctx != "load" or name.name in local:
            continue
        if name.name not in vocab.names:
            yield Problem(module.rel, name.lineno, (
                f"`{name.name}` is geen bekende variabele.{suggestion(name.name, vocab.names)} "
                "Alle variabelen staan met uitleg in VARIABELEN.md."))
            continue
        path, top = _attribute_path(name, parents)
        if name.name in vocab.schema["properties"]:
            problem = _check_path(path, vocab.schema, module, name.lineno)
            if problem:
                yield problem
                continue
        yield from _check_comparison(top, path, parents, module, vocab)

    for flt in tree.find_all(nodes.Filter):
        if flt.name not in vocab.filters:
            yield Problem(module.rel, flt.lineno, (
                f"`{flt.name}` is geen bekende filter.{suggestion(flt.name, vocab.filters)} "
                "Kijk de naam achter het `|`-teken na; een datum in woorden schrijf je met `| datum`."))


def _check_helper_call(call: nodes.Call, module: Module, vocab: Vocabulary):
    helper = call.node.name
    kind = vocab.helpers[helper]
    allowed = {"audience": vocab.audiences, "fact": vocab.facts, "word": vocab.words,
               "contact": frozenset(resolve_ref(vocab.schema["properties"]["contacten"], vocab.schema)["properties"])
               }.get(kind)
    if allowed is None:
        return
    if not call.args:
        yield Problem(module.rel, call.lineno, f"`{helper}()` heeft minstens één naam nodig, bijvoorbeeld `{helper}(\"{sorted(allowed)[0]}\")`.")
    for arg in call.args:
        if not (isinstance(arg, nodes.Const) and isinstance(arg.value, str)):
            yield Problem(module.rel, call.lineno, (
                f"`{helper}()` verwacht namen tussen aanhalingstekens, bijvoorbeeld `{helper}(\"{sorted(allowed)[0]}\")`."))
        elif kind == "audience" and arg.value == EVERYONE:
            yield Problem(module.rel, call.lineno, (
                f"`voor(\"{EVERYONE}\")` is altijd waar. Laat de voorwaarde weg: tekst zonder voorwaarde staat op elke site."))
        elif arg.value not in allowed:
            what, where = KINDS[kind]
            yield Problem(module.rel, call.lineno, (
                f"`{arg.value}` is geen {what}.{suggestion(arg.value, allowed)} " +
                (where or f"Kies uit: {', '.join(sorted(allowed))}.")))


def _attribute_path(name: nodes.Name, parents: dict) -> tuple[tuple, nodes.Node]:
    """`contacten.hr.email` -> (('contacten', 'hr', 'email'), outermost Getattr node)."""
    path, node = [name.name], name
    while True:
        parent = parents.get(id(node))
        if isinstance(parent, nodes.Getattr) and parent.node is node:
            path.append(parent.attr)
        elif isinstance(parent, nodes.Getitem) and parent.node is node and isinstance(parent.arg, nodes.Const):
            path.append(parent.arg.value)
        else:
            return tuple(path), node
        node = parent


def _check_path(path: tuple, schema: dict, module: Module, line: int) -> Problem | None:
    here = schema
    for depth, key in enumerate(path):
        here = resolve_ref(here, schema)
        if isinstance(key, int) or key.isdigit():
            here = here.get("items", {})
            continue
        known = here.get("properties")
        if known is None:
            return None   # a value, not a group: further names are Jinja's own (methods, filters)
        if key not in known:
            where = ".".join(map(str, path[:depth]))
            return Problem(module.rel, line, (
                f"`{where}` heeft geen variabele `{key}`.{suggestion(key, known)} "
                f"Kies uit: {', '.join(sorted(known))}."))
        here = known[key]
    return None


def _check_comparison(top, path, parents, module, vocab):
    """`organisatie.land == "NLD"` or `doelgroep == "zorgg"` would silently be false: check the value."""
    compare = parents.get(id(top))
    if not isinstance(compare, nodes.Compare):
        return
    allowed = _allowed_values(path, vocab)
    if allowed is None:
        return
    for operand in [compare.expr, *(op.expr for op in compare.ops)]:
        values = [operand] if isinstance(operand, nodes.Const) else (
            list(operand.items) if isinstance(operand, (nodes.List, nodes.Tuple)) else [])
        for value in values:
            if isinstance(value, nodes.Const) and value.value not in allowed:
                yield Problem(module.rel, compare.lineno, (
                    f"`{'.'.join(map(str, path))}` kan nooit `{value.value}` zijn: kies uit "
                    f"{', '.join(sorted(map(str, allowed)))}.{suggestion(str(value.value), map(str, allowed))}"))


def _allowed_values(path: tuple, vocab: Vocabulary):
    if path == ("doelgroep",):
        return vocab.audiences
    here = vocab.schema
    for key in path:
        here = resolve_ref(here, vocab.schema).get("properties", {}).get(key)
        if here is None:
            return None
    return resolve_ref(here, vocab.schema).get("enum")
