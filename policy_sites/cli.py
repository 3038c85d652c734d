"""The command line behind build_variants.py: build all or some variants, list, check, preview."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .problems import PolicyError
from .project import DOWNLOADS_ENV, VARIANT_ENV, Project, unknown_variant

ROOT = Path(__file__).resolve().parent.parent


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="build_variants.py",
        description="Bouw de intranetsite van elke variant (of van de genoemde) in site/<variant>/.")
    p.add_argument("variants", nargs="*", metavar="NAAM", help="alleen deze varianten bouwen")
    p.add_argument("--list", action="store_true", help="toon de namen van de varianten, één per regel")
    p.add_argument("--check", action="store_true", help="alleen controleren, niets bouwen")
    p.add_argument("--serve", metavar="NAAM", help="bekijk één variant live in je browser terwijl je schrijft")
    p.add_argument("--port", type=int, default=8000, help="poort voor --serve (standaard 8000)")
    p.add_argument("--zonder-downloads", action="store_true",
                   help="sneller: bouw de sites zonder de downloadbestanden te maken")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="zoveel sites tegelijk bouwen")
    p.add_argument("--site-dir", type=Path, default=None, help="map voor de gebouwde sites (standaard site/)")
    p.add_argument("--new", metavar="NAAM", help=(
        "maak variants/NAAM.yml voor een nieuwe site, met elke variabele in commentaar erin"))
    p.add_argument("--doelgroep", metavar="DOELGROEP", help=(
        "bij --new: de doelgroep uit doelgroepen.yml waarvoor de site is (standaard NAAM)"))
    p.add_argument("--variables", action="store_true", help=(
        "schrijf VARIABELEN.md, het overzicht van alle variabelen; met --check: kijk alleen na of het bijgewerkt is"))
    p.add_argument("--project", type=Path, default=Path.cwd(), help=argparse.SUPPRESS)
    return p


def main(argv: list[str]) -> int:
    p = parser()
    args = p.parse_args(argv)
    if args.doelgroep and not args.new:
        p.error("--doelgroep hoort bij --new: `python3 build_variants.py --new NAAM --doelgroep DOELGROEP`.")
    project = Project(args.project.resolve())
    if not (project.root / "mkdocs.yml").exists():
        print(f"fout: geen mkdocs.yml in {project.root}. Start de opdracht in de map van het project.", file=sys.stderr)
        return 2
    if args.variables:
        return variables(project, args.check)
    if args.new:
        return new(project, args.new, args.doelgroep)
    names = project.variant_names()
    if args.list:
        print("\n".join(names))
        return 0
    if args.serve:
        return serve(project, args.serve, args.port)
    wanted = args.variants or names
    unknown = [unknown_variant(project, n) for n in wanted if n not in names]
    if unknown:
        print("\n".join(f"fout: {p}" for p in unknown), file=sys.stderr)
        return 2
    if args.check:
        return check(project, wanted)
    if args.zonder_downloads:
        os.environ[DOWNLOADS_ENV] = "uit"
    return build(project, wanted, args.site_dir or project.root / "site", args.jobs)


def variables(project: Project, only_check: bool) -> int:
    from . import variables_reference as reference
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
    print(f"Bekijk de site met `python3 build_variants.py --serve {name}`, "
          f"of bouw ze met `python3 build_variants.py {name}`.")
    return 0


def check(project: Project, names: list[str]) -> int:
    from .policy_check import check_variant
    failed = 0
    for name in names:
        try:
            check_variant(project, name)
            print(f"  ok    {name}")
        except PolicyError as error:
            failed += 1
            print(f"  FOUT  {name}", file=sys.stderr)
            print("\n".join(f"        {p}" for p in error.problems), file=sys.stderr)
    print(f"{len(names) - failed} van {len(names)} varianten in orde.")
    return 1 if failed else 0


def build(project: Project, names: list[str], site_dir: Path, jobs: int) -> int:
    from .build import build_many
    start = time.perf_counter()
    print(f"Bouwen: {', '.join(names)} ({min(jobs, len(names))} tegelijk) naar {site_dir}/", flush=True)

    def report(result):
        if result.ok:
            print(f"  ok    {result.variant:<20} {result.seconds:5.1f} s", flush=True)
        else:
            print(f"  FOUT  {result.variant:<20} {result.seconds:5.1f} s", file=sys.stderr, flush=True)
            for message in result.messages:
                print("\n".join(f"        {line}" for line in message.splitlines()), file=sys.stderr)
            print(f"        De vorige versie van site/{result.variant}/ is niet aangeraakt.", file=sys.stderr, flush=True)

    results = build_many(project.root, names, site_dir, jobs, report)
    failed = [r.variant for r in results if not r.ok]
    took = time.perf_counter() - start
    if failed:
        print(f"{len(names) - len(failed)} van {len(names)} sites gebouwd in {took:.1f} s; "
              f"mislukt: {', '.join(failed)}.", file=sys.stderr)
        return 1
    print(f"{len(names)} van {len(names)} sites gebouwd in {took:.1f} s.")
    return 0


def serve(project: Project, name: str, port: int) -> int:
    if name not in project.variant_names():
        print(f"fout: {unknown_variant(project, name)}", file=sys.stderr)
        return 2
    import logging

    from mkdocs.commands.serve import serve as mkdocs_serve
    os.environ[VARIANT_ENV] = name
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    print(f"Voorbeeld van `{name}` op http://127.0.0.1:{port}/ (stoppen: Ctrl+C). "
          "De pagina ververst vanzelf als je een module, variabele of variant bewaart.", flush=True)
    mkdocs_serve(str(project.root / "mkdocs.yml"), livereload=True, dev_addr=f"127.0.0.1:{port}")
    return 0
