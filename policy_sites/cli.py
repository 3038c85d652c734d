"""The command line behind build_variants.py: build all or some variants, list, check, preview, scaffold.

Options are Dutch, like everything writers and forks type. The English names of before version 3 still
work for one release and say their new name. One action per call: a combination that would silently
ignore an option is an error.
"""
from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import sys
import time
from pathlib import Path

from .problems import PolicyError
from .project import Project
from .variants import unknown_variant

COMMAND = "python3 build_variants.py"
# Old option name -> new name; read for one release, with a notice.
OLD_OPTIONS = {"--list": "--lijst", "--check": "--controleer", "--serve": "--bekijk", "--port": "--poort",
               "--new": "--nieuw", "--variables": "--variabelen", "--jobs": "--tegelijk",
               "--site-dir": "--uitvoermap"}
# The actions; at most one per call, except `--variabelen --controleer` (is VARIABELEN.md up to date?).
ACTIONS = ("lijst", "controleer", "bekijk", "nieuw", "variabelen", "verschil")
# Options that belong to one action only (None: to building).
BELONGS_TO = {"doelgroep": "nieuw", "poort": "bekijk", "zonder_downloads": None, "tegelijk": None,
              "uitvoermap": None, "streng": "controleer"}


class DutchParser(argparse.ArgumentParser):
    """argparse with its errors in Dutch, in the house form, with a suggestion for a misspelt option."""

    def error(self, message: str):
        self.exit(2, f"fout: {self._dutch(message)}\n")

    def _dutch(self, message: str) -> str:
        options = sorted({o for a in self._actions for o in a.option_strings if o.startswith("--")})
        unknown = re.match(r"unrecognized arguments: (.*)", message)
        if unknown:
            word = unknown[1].split()[0]
            if not word.startswith("-"):
                return f"`{word}` is hier geen geldige naam. Zet namen van varianten vóór de opties."
            # compare with the old English names too: `--chek` is one letter from `--check`, now `--controleer`
            close = difflib.get_close_matches(word.split("=")[0], options + list(OLD_OPTIONS), n=1, cutoff=0.6)
            hint = f" Bedoelde je `{OLD_OPTIONS.get(close[0], close[0])}`?" if close else ""
            return (f"`{word}` is geen optie van {COMMAND}.{hint} Alle opties met uitleg: "
                    f"`{COMMAND} --help`.")
        missing = re.match(r"argument (\S+?)(?:/\S+)?: expected one argument", message)
        if missing:
            return f"`{missing[1]}` heeft een waarde nodig, bijvoorbeeld `{missing[1]} {self._example(missing[1])}`."
        number = re.match(r"argument (\S+?)(?:/\S+)?: invalid int value: '(.*)'", message)
        if number:
            return f"`{number[1]}` verwacht een geheel getal, niet `{number[2]}`."
        return message

    @staticmethod
    def _example(option: str) -> str:
        return {"--poort": "8001", "--tegelijk": "2", "--uitvoermap": "site"}.get(option, "NAAM")


def parser() -> argparse.ArgumentParser:
    p = DutchParser(
        prog=COMMAND, allow_abbrev=False, add_help=False,
        usage=f"{COMMAND} [NAAM ...] [opties]",
        description="Bouw de intranetsite van elke variant (of van de genoemde) in site/<variant>/.")
    p._positionals.title, p._optionals.title = "namen", "opties"
    p.add_argument("-h", "--help", action="help", help="toon deze uitleg en stop")
    p.add_argument("variants", nargs="*", metavar="NAAM", help="alleen deze varianten bouwen of controleren")
    p.add_argument("--lijst", action="store_true", help="toon de namen van de varianten, één per regel")
    p.add_argument("--controleer", action="store_true", help="alleen controleren, niets bouwen")
    p.add_argument("--bekijk", metavar="NAAM", help="bekijk één variant live in je browser terwijl je schrijft")
    p.add_argument("--poort", type=int, default=None, help="bij --bekijk: de poort (standaard 8000)")
    p.add_argument("--zonder-downloads", action="store_true",
                   help="sneller: bouw de sites zonder de downloadbestanden te maken")
    p.add_argument("--tegelijk", type=int, default=None, metavar="AANTAL",
                   help="zoveel sites tegelijk bouwen (standaard: het aantal processorkernen)")
    p.add_argument("--uitvoermap", type=Path, default=None, metavar="MAP",
                   help="map voor de gebouwde sites (standaard site/)")
    p.add_argument("--nieuw", metavar="NAAM", help=(
        "maak variants/NAAM.yml voor een nieuwe site, met elke variabele in commentaar erin"))
    p.add_argument("--doelgroep", metavar="DOELGROEP", help=(
        "bij --nieuw: de doelgroep uit doelgroepen.yml waarvoor de site is (standaard NAAM)"))
    p.add_argument("--verschil", nargs="+", metavar="VERSIE", help=(
        "VAN [TOT]: wat er per site verandert tussen twee git-versies (TOT is standaard HEAD), als één "
        "HTML-rapport in site/verschil-VAN-TOT/index.html"))
    p.add_argument("--variabelen", action="store_true", help=(
        "schrijf VARIABELEN.md, het overzicht van alle variabelen; met --controleer: kijk alleen na of het bijgewerkt is"))
    p.add_argument("--streng", action="store_true", help=(
        "bij --controleer: waarschuwingen over taal en leesbaarheid tellen als fout (zo controleert een pull request)"))
    p.add_argument("--project", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    return p


def renamed(argv: list[str]) -> tuple[list[str], list[str]]:
    """The arguments with old option names replaced, and a notice for each."""
    out, notices = [], []
    for arg in argv:
        name, equals, value = arg.partition("=")
        if name in OLD_OPTIONS:
            notices.append(f"let op: `{name}` heet nu `{OLD_OPTIONS[name]}`. De oude naam werkt nog tot de "
                           "volgende versie.")
            arg = OLD_OPTIONS[name] + equals + value
        out.append(arg)
    return out, notices


def conflicts(args: argparse.Namespace) -> str | None:
    """Why these options cannot go together, or None."""
    chosen = [a for a in ACTIONS if getattr(args, a)]
    if len(chosen) > 1 and set(chosen) != {"variabelen", "controleer"}:
        return f"kies één van {', '.join('--' + a for a in chosen)}: ze doen elk iets anders."
    action = chosen[0] if len(chosen) == 1 else ("variabelen" if chosen else None)
    for option, owner in BELONGS_TO.items():
        if getattr(args, option) not in (None, False) and owner != action:
            flag = "--" + option.replace("_", "-")
            return (f"`{flag}` hoort bij --{owner}: `{COMMAND} --{owner} NAAM {flag} ...`." if owner else
                    f"`{flag}` hoort bij het bouwen van sites: `{COMMAND} [NAAM ...] {flag} ...`, zonder --{action}.")
    if args.variants and action not in (None, "controleer"):
        return f"namen van varianten horen niet bij --{action}. Laat ze weg, of laat --{action} weg om ze te bouwen."
    return None


def main(argv: list[str]) -> int:
    argv, notices = renamed(argv)
    for notice in notices:
        print(notice, file=sys.stderr)
    p = parser()
    args = p.parse_args(argv)
    problem = conflicts(args)
    if problem:
        p.error(problem)
    project = Project(args.project.resolve())
    if not (project.root / "mkdocs.yml").exists():
        print(f"fout: geen mkdocs.yml in {project.root}. Start de opdracht in de map van het project.", file=sys.stderr)
        return 2
    if args.variabelen:
        return variables(project, args.controleer)
    if args.verschil:
        return difference(project, args.verschil)
    if args.nieuw:
        return new(project, args.nieuw, args.doelgroep)
    names = project.variant_names()
    if args.lijst:
        print("\n".join(names))
        return 0
    wanted = [args.bekijk] if args.bekijk else (args.variants or names)
    unknown = [unknown_variant(project, n) for n in wanted if n not in names]
    if unknown:
        print("\n".join(f"fout: {p}" for p in unknown), file=sys.stderr)
        return 2
    if args.bekijk:
        from .preview import serve
        return serve(project.root, args.bekijk, args.poort or 8000)
    if args.controleer:
        return check(project, wanted, args.streng)
    return build(project, wanted, args.uitvoermap or project.root / "site", args.tegelijk or os.cpu_count() or 1,
                 not args.zonder_downloads)


def difference(project: Project, revisions: list[str]) -> int:
    from .compare import run
    if len(revisions) > 2:
        print(f"fout: --verschil neemt één of twee versies, niet {len(revisions)}: "
              f"`{COMMAND} --verschil VAN [TOT]`.", file=sys.stderr)
        return 2
    old, new = revisions[0], (revisions[1] if len(revisions) == 2 else "HEAD")
    try:
        out = run(project.root, old, new, project.root / "site")
    except PolicyError as error:
        print("\n".join(f"fout: {p.message}" for p in error.problems), file=sys.stderr)
        return 2
    print(f"Rapport geschreven: {project.rel(out)}. Open het in je browser; het werkt ook zonder server.")
    return 0


def variables(project: Project, only_check: bool) -> int:
    from . import variables_reference as reference
    try:
        return _variables(project, only_check, reference)
    except PolicyError as error:   # organisatie.yml or the registry cannot be read
        print("\n".join(f"fout: {p}" for p in error.problems), file=sys.stderr)
        return 1


def _variables(project: Project, only_check: bool, reference) -> int:
    rel = project.rel(reference.path(project))
    if only_check:
        if reference.is_current(project):
            print(f"{rel} is bijgewerkt.")
            return 0
        state = "is verouderd: het schema of organisatie.yml is veranderd" if reference.path(project).exists() \
            else "ontbreekt"
        print(f"fout: {rel} {state}. Maak het opnieuw met `{reference.COMMAND}` en neem het mee in je "
              "wijziging.", file=sys.stderr)
        return 1
    reference.write(project)
    print(f"{rel} geschreven.")
    return 0


def new(project: Project, name: str, audience: str | None) -> int:
    from .policy_check import check_variant
    from .scaffold import new_variant
    try:
        file = new_variant(project, name, audience)
    except PolicyError as error:
        print("\n".join(f"fout: {p}" for p in error.problems), file=sys.stderr)
        return 2
    print(f"{project.rel(file)} gemaakt. Elke variabele staat erin, in commentaar, met haar waarde uit organisatie.yml.")
    try:
        check_variant(project, name)
    except PolicyError as error:   # the new file is fine; something it relies on is not
        print("\n".join(f"fout: {p}" for p in error.problems), file=sys.stderr)
        return 1
    print(f"Bekijk de site met `{COMMAND} --bekijk {name}`, of bouw ze met `{COMMAND} {name}`.")
    return 0


def writer_warnings(project: Project) -> list:
    """What a writer or fork should fix but that never stops a build, once for all sites: language and
    readability of every module, and variables new since the last upstream merge that still hold the
    example's value."""
    from . import language_check, upstream
    from .modules import read_all
    from .variants import load_variant
    modules, _ = read_all(project)
    variables = []
    for name in project.variant_names():
        try:
            variables.append(load_variant(project, name).variables)
        except PolicyError:
            pass   # reported by the check or the build itself
    people = language_check.people(variables)
    return ([problem for module in modules for problem in language_check.check(module, people)]
            + upstream.example_values_in_new_variables(project))


def check(project: Project, names: list[str], strict: bool = False) -> int:
    """Everything the build would reject that needs no rendering, each problem once with its sites."""
    from .policy_check import check_variant, data_problems, link_problems
    found: dict[str, list[str]] = {}   # problem -> the sites it stops, in order
    notices: set[str] = set()
    failed = []
    for name in names:
        try:
            checked = check_variant(project, name)
            problems = link_problems(project, checked) + data_problems(project, checked)
            notices.update(str(n) for n in checked.notices)
        except PolicyError as error:
            problems = error.problems
        for problem in problems:
            found.setdefault(str(problem), []).append(name)
        if problems:
            failed.append(name)
            print(f"  FOUT  {name}", file=sys.stderr)
        else:
            print(f"  ok    {name}")
    for problem, sites in found.items():
        where = "elke site" if len(sites) == len(names) > 1 else ", ".join(sites)
        print(f"fout: {problem} (site: {where})", file=sys.stderr)
    for notice in sorted(notices):
        print(f"let op: {notice}", file=sys.stderr)
    warnings = writer_warnings(project)
    for warning in warnings:
        print(f"{'fout' if strict else 'let op'}: {warning}", file=sys.stderr)
    if warnings:
        noun = ("fout" if len(warnings) == 1 else "fouten") if strict else \
            ("waarschuwing" if len(warnings) == 1 else "waarschuwingen")
        print(f"{len(warnings)} {noun} over taal, leesbaarheid of nieuwe variabelen"
              + ("." if strict else " (met --streng tellen ze als fout)."), file=sys.stderr)
    print(f"{len(names) - len(failed)} van {len(names)} varianten in orde.")
    return 1 if failed or (strict and warnings) else 0


def build(project: Project, names: list[str], site_dir: Path, jobs: int, downloads: bool) -> int:
    from .build import build_many
    start = time.perf_counter()
    print(f"Bouwen: {', '.join(names)} ({min(jobs, len(names))} tegelijk) naar {site_dir}/", flush=True)
    notices: set[str] = {str(warning) for warning in writer_warnings(project)}

    def report(result):
        notices.update(result.notices)
        if result.ok:
            print(f"  ok    {result.variant:<20} {result.seconds:5.1f} s", flush=True)
        else:
            print(f"  FOUT  {result.variant:<20} {result.seconds:5.1f} s", file=sys.stderr, flush=True)
            for message in result.messages:
                print("\n".join(f"        {line}" for line in message.splitlines()), file=sys.stderr)
            print(f"        De vorige versie van site/{result.variant}/ is niet aangeraakt.", file=sys.stderr, flush=True)

    results = build_many(project.root, names, site_dir, jobs, report, downloads)
    if set(names) == set(project.variant_names()):
        remove_orphans(site_dir, names)
    for notice in sorted(notices):
        print(f"let op: {notice}", file=sys.stderr)
    failed = [r.variant for r in results if not r.ok]
    took = time.perf_counter() - start
    if failed:
        print(f"{len(names) - len(failed)} van {len(names)} sites gebouwd in {took:.1f} s; "
              f"mislukt: {', '.join(failed)}.", file=sys.stderr)
        return 1
    print(f"{len(names)} van {len(names)} sites gebouwd in {took:.1f} s.")
    return 0


def remove_orphans(site_dir: Path, names: list[str]) -> None:
    """A site whose variant file is gone would stay published with old text: take it away, and say so."""
    for folder in sorted(site_dir.iterdir()):
        if folder.is_dir() and not folder.name.startswith((".", "verschil-")) and folder.name not in names \
                and (folder / "index.html").exists():
            shutil.rmtree(folder)
            print(f"site/{folder.name}/ verwijderd: er is geen variants/{folder.name}.yml meer.", flush=True)
