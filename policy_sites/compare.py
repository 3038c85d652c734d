"""What changed between two versions of the policy, for writers and for the board that approves it.

`python3 build_variants.py --verschil VAN [TOT]` builds the sites of both git revisions (without
downloads, each from its own copy made with `git archive`, with its own code) in temporary folders,
compares the text of every page, and writes one HTML report: per site the pages added, removed and
changed, with the changed paragraphs side by side. The report has its style inside and needs no
script or server: it opens from a file share or as an e-mail attachment.
"""
from __future__ import annotations

import difflib
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from lxml import html as lxml_html

from .problems import PolicyError, Problem

BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "dt", "dd", "tr", "pre", "blockquote", "summary", "legend", "label")
SKIPPED = ("search", "assets", "downloads", "404.html")


@dataclass(frozen=True)
class Revision:
    name: str       # as the writer typed it
    commit: str
    subject: str
    date: str


@dataclass
class PageChange:
    url: str
    title: str
    rows: list[tuple[str, str, str]] = field(default_factory=list)   # (kind, old html, new html)


@dataclass
class SiteChanges:
    name: str
    added: list[PageChange] = field(default_factory=list)
    removed: list[PageChange] = field(default_factory=list)
    changed: list[PageChange] = field(default_factory=list)
    missing: str | None = None    # why the site is not in one of the two versions

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.missing)


def git(root: Path, *args: str, binary: bool = False):
    result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=not binary)
    return result


def revision(root: Path, name: str) -> Revision:
    found = git(root, "rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")
    if found.returncode != 0:
        raise PolicyError([Problem("git", None, (
            f"`{name}` is geen versie in deze repository. Geef een commit, een tag of een tak, zoals "
            "`HEAD~1`, `v2.0` of `main`. De laatste versies zie je met `git log --oneline -- docs`."))])
    commit = found.stdout.strip()
    info = git(root, "show", "-s", "--format=%s%x00%cs", commit).stdout.strip().split("\x00")
    return Revision(name, commit, info[0], info[1] if len(info) > 1 else "")


def folder_name(old: Revision, new: Revision) -> str:
    def safe(rev: Revision) -> str:
        return re.sub(r"[^A-Za-z0-9._-]+", "-", rev.name).strip("-") or rev.commit[:7]
    return f"verschil-{safe(old)}-{safe(new)}"


def build_revision(root: Path, rev: Revision, work: Path, log) -> Path:
    """The sites of one revision, built with that revision's own code, without downloads."""
    source = work / f"bron-{rev.commit[:12]}"
    source.mkdir(parents=True)
    archive = git(root, "archive", "--format=tar", rev.commit, binary=True)
    if archive.returncode != 0:
        raise PolicyError([Problem("git", None, f"versie `{rev.name}` kon niet uitgepakt worden: "
                                   f"{archive.stderr.decode(errors='replace').strip()}")])
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(source, filter="data")
    out = work / f"site-{rev.commit[:12]}"
    env = {**os.environ, "PYTHONPATH": str(source), "BELEID_DOWNLOADS": "false"}
    code = "import sys; from policy_sites import cli; sys.exit(cli.main(sys.argv[1:]))"
    command = [sys.executable, "-c", code, "--zonder-downloads", "--uitvoermap", str(out)]
    result = subprocess.run(command, cwd=source, env=env, capture_output=True, text=True)
    if result.returncode != 0 and "--zonder-downloads" in result.stderr:   # a version from before that option
        result = subprocess.run([c for c in command if c != "--zonder-downloads"], cwd=source, env=env,
                                capture_output=True, text=True)
    if result.returncode != 0:
        log(f"let op: niet elke site van `{rev.name}` kon gebouwd worden:\n"
            + "\n".join("        " + line for line in result.stderr.strip().splitlines()[-12:]))
    return out


def sites(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {p.name: p for p in sorted(folder.iterdir()) if (p / "index.html").is_file()}


def pages(site: Path) -> dict[str, tuple[str, list[str]]]:
    """Every page of a built site: url -> (title, its text as a list of paragraphs)."""
    out = {}
    for file in sorted(site.rglob("index.html")):
        url = file.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        if url.split("/")[0] in SKIPPED:
            continue
        root = lxml_html.parse(str(file)).getroot()
        article = root.xpath('//article[contains(@class, "md-content__inner")]')
        if not article:
            continue
        body = article[0]
        for junk in body.xpath('.//a[contains(@class, "headerlink")] | .//script | .//style | .//link'):
            junk.drop_tree()
        blocks = []
        for element in body.iter(*BLOCKS):
            if any(parent.tag in BLOCKS for parent in element.iterancestors()):
                continue   # a paragraph inside a list item belongs to the item
            parts = [element] if element.tag != "tr" else element.xpath("./td | ./th")   # a table row is one line
            text = " · ".join(" ".join(part.text_content().split()) for part in parts)
            if text.strip(" ·"):
                blocks.append(text)
        title = body.xpath("string(.//h1)").strip() or url
        out[url] = (" ".join(title.split()), blocks)
    return out


def _words(old: str, new: str) -> tuple[str, str]:
    """Both paragraphs with the words that differ marked."""
    a, b = old.split(" "), new.split(" ")
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        x, y = escape(" ".join(a[i1:i2])), escape(" ".join(b[j1:j2]))
        if op == "equal":
            left.append(x)
            right.append(y)
        else:
            if x:
                left.append(f"<del>{x}</del>")
            if y:
                right.append(f"<ins>{y}</ins>")
    return " ".join(left), " ".join(right)


def compare_page(url: str, title: str, old: list[str], new: list[str]) -> PageChange | None:
    change = PageChange(url, title)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        if op == "replace":
            pairs = max(i2 - i1, j2 - j1)
            for k in range(pairs):
                a = old[i1 + k] if i1 + k < i2 else ""
                b = new[j1 + k] if j1 + k < j2 else ""
                if a and b:
                    change.rows.append(("gewijzigd", *_words(a, b)))
                else:
                    change.rows.append(("weg" if a else "nieuw", escape(a), escape(b)))
        elif op == "delete":
            change.rows += [("weg", escape(a), "") for a in old[i1:i2]]
        else:
            change.rows += [("nieuw", "", escape(b)) for b in new[j1:j2]]
    return change if change.rows else None


def compare_sites(old_dir: Path, new_dir: Path) -> list[SiteChanges]:
    old_sites, new_sites = sites(old_dir), sites(new_dir)
    out = []
    for name in sorted(set(old_sites) | set(new_sites)):
        result = SiteChanges(name)
        if name not in old_sites:
            result.missing = "Deze site is nieuw: ze bestond nog niet in de oude versie."
        elif name not in new_sites:
            result.missing = "Deze site bestaat niet meer in de nieuwe versie (of kon niet gebouwd worden)."
        old_pages = pages(old_sites[name]) if name in old_sites else {}
        new_pages = pages(new_sites[name]) if name in new_sites else {}
        if result.missing is None:
            for url in sorted(set(new_pages) - set(old_pages)):
                result.added.append(PageChange(url, new_pages[url][0]))
            for url in sorted(set(old_pages) - set(new_pages)):
                result.removed.append(PageChange(url, old_pages[url][0]))
            for url in sorted(set(old_pages) & set(new_pages)):
                change = compare_page(url, new_pages[url][0], old_pages[url][1], new_pages[url][1])
                if change:
                    result.changed.append(change)
        out.append(result)
    return out


STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0; color: #1a1a1a;
       line-height: 1.45; background: #fafafa; }
header { background: #1d4e89; color: #fff; padding: 1.2rem 2rem; }
header h1 { margin: 0 0 0.4rem; font-size: 1.6rem; }
header p { margin: 0.2rem 0; }
main { padding: 1rem 2rem 3rem; max-width: 90rem; }
nav ul { padding-left: 1.2rem; }
section.site { background: #fff; border: 1px solid #ccc; border-radius: 4px; padding: 0.5rem 1.2rem 1rem;
               margin: 1.2rem 0; }
h2 { margin: 0.6rem 0; font-size: 1.35rem; }
h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
.samenvatting { color: #333; }
.lijst li { margin: 0.15rem 0; }
.nieuw-label { color: #1b5e20; font-weight: 600; }
.weg-label { color: #8e1b1b; font-weight: 600; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 0.8rem; }
th, td { border: 1px solid #d0d0d0; padding: 0.45rem 0.6rem; vertical-align: top; text-align: left; }
th { background: #eef2f7; font-weight: 600; }
td.leeg { background: #f4f4f4; }
del { background: #fbd5d5; color: #7a1010; text-decoration: line-through; }
ins { background: #d3f2d5; color: #124d16; text-decoration: none; }
tr.weg td:first-child { background: #fdf0f0; }
tr.nieuw td:last-child { background: #f0faf1; }
.soort { font-size: 0.8rem; color: #555; display: block; margin-bottom: 0.2rem; }
@media print { header { background: none; color: #000; border-bottom: 2px solid #000; } section.site { break-inside: auto; } }
"""


def _page_link(site: str, url: str) -> str:
    return f"{escape(site)}/{escape(url)}" if url else f"{escape(site)}/ (start)"


def report(old: Revision, new: Revision, results: list[SiteChanges]) -> str:
    def rev(r: Revision) -> str:
        return (f"<strong>{escape(r.name)}</strong> · <code>{r.commit[:7]}</code> · {escape(r.date)} · "
                f"{escape(r.subject)}")

    toc, body = [], []
    for site in results:
        counts = (f"{len(site.added)} nieuw, {len(site.removed)} weg, {len(site.changed)} gewijzigd"
                  if not site.missing else site.missing)
        toc.append(f'<li><a href="#site-{escape(site.name)}">{escape(site.name)}</a>: {escape(counts)}</li>')
        part = [f'<section class="site" id="site-{escape(site.name)}" aria-labelledby="kop-{escape(site.name)}">',
                f'<h2 id="kop-{escape(site.name)}">Site {escape(site.name)}</h2>']
        if site.missing:
            part.append(f"<p>{escape(site.missing)}</p>")
        elif not (site.added or site.removed or site.changed):
            part.append('<p class="samenvatting">Geen verschil in de tekst van deze site.</p>')
        else:
            part.append(f'<p class="samenvatting">{escape(counts)}.</p>')
        if site.added:
            part.append('<h3>Nieuwe pagina\'s</h3><ul class="lijst">' + "".join(
                f'<li><span class="nieuw-label">nieuw</span> {escape(p.title)} <small>({_page_link(site.name, p.url)})</small></li>'
                for p in site.added) + "</ul>")
        if site.removed:
            part.append('<h3>Pagina\'s die weg zijn</h3><ul class="lijst">' + "".join(
                f'<li><span class="weg-label">weg</span> {escape(p.title)} <small>({_page_link(site.name, p.url)})</small></li>'
                for p in site.removed) + "</ul>")
        for page in site.changed:
            rows = "".join(
                f'<tr class="{kind}"><td class="{"leeg" if not a else ""}"><span class="soort">{LABEL[kind][0]}</span>{a}</td>'
                f'<td class="{"leeg" if not b else ""}"><span class="soort">{LABEL[kind][1]}</span>{b}</td></tr>'
                for kind, a, b in page.rows)
            part.append(f'<h3>Gewijzigd: {escape(page.title)} <small>({_page_link(site.name, page.url)})</small></h3>'
                        f'<table><caption class="samenvatting">{len(page.rows)} alinea\'s anders</caption>'
                        f'<thead><tr><th scope="col">Was ({escape(old.name)})</th>'
                        f'<th scope="col">Wordt ({escape(new.name)})</th></tr></thead><tbody>{rows}</tbody></table>')
        part.append("</section>")
        body.append("\n".join(part))
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Wat verandert er: {escape(old.name)} → {escape(new.name)}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>Wat verandert er in het beleid?</h1>
<p>Van {rev(old)}</p>
<p>Naar {rev(new)}</p>
</header>
<main>
<p>Per site: de pagina's die nieuw zijn, die weg zijn en die veranderden. Bij een gewijzigde pagina staan
de alinea's die anders zijn naast elkaar: links wat er stond, rechts wat er komt. <del>Doorgehaald</del> is
weg, <ins>groen</ins> is nieuw. Alleen de tekst telt; opmaak en menu's niet.</p>
<nav aria-label="Sites"><h2>Sites</h2><ul>{''.join(toc)}</ul></nav>
{''.join(body)}
</main>
</body>
</html>
"""


LABEL = {"gewijzigd": ("was", "wordt"), "weg": ("weg", ""), "nieuw": ("", "nieuw")}


def run(root: Path, old_name: str, new_name: str, site_dir: Path, log=print) -> Path:
    """Build both revisions, compare them, write the report; returns its path."""
    old, new = revision(root, old_name), revision(root, new_name)
    with tempfile.TemporaryDirectory(prefix="beleid-verschil-") as tmp:
        work = Path(tmp)
        log(f"Bouwen: {old.name} ({old.commit[:7]}) ...")
        old_dir = build_revision(root, old, work, log)
        log(f"Bouwen: {new.name} ({new.commit[:7]}) ...")
        new_dir = build_revision(root, new, work, log)
        results = compare_sites(old_dir, new_dir)
    if not results:
        raise PolicyError([Problem("git", None, (
            f"geen van beide versies kon gebouwd worden, dus er valt niets te vergelijken. Bouw `{new.name}` "
            "eens gewoon om de fout te zien."))])
    out = site_dir / folder_name(old, new) / "index.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report(old, new, results), encoding="utf-8")
    return out
