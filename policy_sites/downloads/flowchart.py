"""The response scheme as a printable flowchart, laid out by Graphviz' `dot`.

Questions are white rounded boxes, outcomes grey boxes with a double border, answers are the labels
on the arrows: the shapes alone tell them apart, so the chart reads the same printed in black and white.
Every box carries the step number the site uses, so the chart and the helper on the site match.
"""
from __future__ import annotations

import base64
import re
import textwrap
from html import escape

import graphviz

from policy_sites import templates

from . import pdf
from policy_sites.response_scheme import SiteScheme

FONT = "DejaVu Sans"


def _lines(text: str, width: int) -> str:
    return "<BR/>".join(escape(line) for line in textwrap.wrap(text, width, break_on_hyphens=False))


def dot_source(scheme: SiteScheme, contacts: dict) -> str:
    chart = graphviz.Digraph(scheme.name)
    chart.attr("graph", rankdir="LR", nodesep="0.18", ranksep="0.35", fontname=FONT, bgcolor="white")
    chart.attr("node", fontname=FONT, fontsize="9", shape="box", margin="0.08,0.05", color="black", penwidth="1.2")
    chart.attr("edge", fontname=FONT, fontsize="8.5", color="black", arrowsize="0.6", penwidth="0.9")
    for step in scheme.steps:
        node = step.node
        if step.is_outcome:
            who = ", ".join(contacts[key]["naam"] for key in node.contacts)
            label = (f'<<B>{step.number}. {_lines(node.title, 40)}</B>'
                     f'<BR/><FONT POINT-SIZE="8">{_lines("Contact: " + who, 42)}</FONT>>')
            chart.node(step.key, label, style="filled", fillcolor="#e6e6e6", peripheries="2")
        else:
            chart.node(step.key, f"<<B>{step.number}. {_lines(node.text, 26)}</B>>", style="rounded,filled",
                       fillcolor="white", penwidth="2")
        for answer in step.answers:
            chart.edge(step.key, answer.target, label=f"<{_lines(answer.text, 40)}>")
    return chart.source


def svg(source: str) -> bytes:
    return graphviz.Source(source, engine="dot").pipe(format="svg")


IMAGE_HEIGHTS = (180, 170, 160, 150, 140, 130, 115)   # mm: the chart shrinks until the page holds it all
TALL = 1.45            # a chart narrower than this (width / height) gets its explanation beside it


def pdf_job(site, scheme: SiteScheme, image: bytes):
    used = list(dict.fromkeys(key for step in scheme.outcomes for key in step.node.contacts))
    width, height = (float(v) for v in re.search(rb'width="([\d.]+)pt" height="([\d.]+)pt"', image).groups())
    sources = [templates.render("stroomschema.html", **site.context(
        soort="stroomschema", schema=scheme, beeld=base64.b64encode(image).decode("ascii"),
        gebruikte_contacten=used, beeldhoogte=mm, naast=width / height < TALL,
        documenttitel=f"{scheme.title} · {site.organisation}"))
        for mm in IMAGE_HEIGHTS]
    too_big = f"het {scheme.title.lower()} past niet op één A4, ook niet kleiner. Maak het schema kleiner."
    return "\n".join(sources), lambda: pdf.write_one_page(sources, f"reactieschema/{scheme.name}.yml", too_big)
