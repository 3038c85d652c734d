"""Language and readability of the modules, as writers' warnings (errors with `--streng`).

The guide promises plain Dutch at B1 level. Three things are checked per paragraph, with the line a
writer has to change: a paragraph that is not Dutch (lingua), a sentence or paragraph far longer than B1
readers follow, and a person's name typed by hand where a variable would keep it right after a change
of staff (using this organisation's own contacts). The figures per module (Flesch-Douma, from textstat)
are shown on the Onderhoud page.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .modules import Module
from .problems import Problem

MIN_WORDS_FOR_LANGUAGE = 12    # shorter text says too little to tell the language
MAX_SENTENCE_WORDS = 30        # B1 sentences stay around 15 words; twice that loses most readers
MAX_PARAGRAPH_WORDS = 120

JINJA = re.compile(r"\{%.*?%\}|\{##.*?##\}", re.S)
EXPRESSION = re.compile(r"\{\{.*?\}\}", re.S)
COMMENT = re.compile(r"<!--.*?-->", re.S)
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKUP = re.compile(r"`[^`]*`|[*_#>|]|^\s*(?:[-+]|\d+\.)\s+|^\s*(?:!!!|\?\?\?\+?)\s*\w+", re.M)
ITEM = re.compile(r"^\s*(?:[-+*]|\d+\.|!!!|\?\?\?)\s")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“‘(])")
WORD = re.compile(r"[A-Za-zÀ-ÿ0-9'’-]+")


@dataclass(frozen=True)
class Paragraph:
    line: int
    text: str

    @property
    def words(self) -> int:
        return len(WORD.findall(self.text))

    @property
    def sentences(self) -> list[str]:
        return [s for s in SENTENCE_END.split(self.text) if WORD.search(s)]


def paragraphs(module: Module) -> list[Paragraph]:
    """The module's prose, paragraph by paragraph with its first line; code, Jinja and markup removed."""
    text = COMMENT.sub(lambda m: "\n" * m[0].count("\n"), module.text)
    text = JINJA.sub(lambda m: "\n" * m[0].count("\n"), text)
    text = EXPRESSION.sub("X", text)   # a filled-in value reads as one word
    found, block, start = [], [], 0
    for number, line in enumerate(text.splitlines() + [""], start=1):
        if line.strip().startswith("|") or line.strip().startswith("```"):
            line = ""                  # tables and code are no prose
        if ITEM.match(line) and block:  # each list item and each box is a paragraph of its own
            found.append(Paragraph(start, re.sub(r"\s+", " ", " ".join(block)).strip()))
            block = []
        if line.strip():
            if not block:
                start = number
            block.append(MARKUP.sub(" ", LINK.sub(r"\1", line)))
        elif block:
            prose = re.sub(r"\s+", " ", " ".join(block)).strip()
            if prose:
                found.append(Paragraph(start, prose))
            block = []
    return found


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder   # loads its models on first use (about a second)
    return LanguageDetectorBuilder.from_languages(
        Language.DUTCH, Language.ENGLISH, Language.FRENCH, Language.GERMAN).build()


LANGUAGE_NAMES = {"ENGLISH": "Engels", "FRENCH": "Frans", "GERMAN": "Duits"}


def check(module: Module, people: dict[str, str]) -> list[Problem]:
    """Warnings for one module. `people`: a person's name as typed -> the variable that holds it."""
    problems = []
    for paragraph in paragraphs(module):
        if paragraph.words >= MIN_WORDS_FOR_LANGUAGE:
            best = _detector().compute_language_confidence_values(paragraph.text)[0]
            if best.language.name != "DUTCH" and best.value > 0.8:
                problems.append(Problem(module.rel, paragraph.line, (
                    f"deze alinea lijkt {LANGUAGE_NAMES.get(best.language.name, best.language.name.lower())}, "
                    "niet Nederlands. Schrijf ze in gewoon Nederlands; een vakterm mag, een hele alinea niet.")))
        if paragraph.words > MAX_PARAGRAPH_WORDS:
            problems.append(Problem(module.rel, paragraph.line, (
                f"deze alinea telt {paragraph.words} woorden. Maak er twee of drie alinea's van, of een lijst: "
                f"boven {MAX_PARAGRAPH_WORDS} woorden haken veel lezers af.")))
        for sentence in paragraph.sentences:
            count = len(WORD.findall(sentence))
            if count > MAX_SENTENCE_WORDS:
                problems.append(Problem(module.rel, paragraph.line, (
                    f"de zin die begint met \"{' '.join(sentence.split()[:6])} ...\" telt {count} woorden. "
                    "Knip ze in twee of drie zinnen: B1-lezers volgen zinnen van ongeveer 15 woorden.")))
    for name, variable in people.items():
        for number, line in enumerate(module.text.splitlines(), start=1):
            if name in line:
                problems.append(Problem(module.rel, number, (
                    f"de naam `{name}` staat er met de hand. Schrijf `{{{{ {variable} }}}}`: dan klopt de naam "
                    "ook als iemand een andere functie krijgt.")))
    return problems


PERSON = re.compile(r"^(?:[A-Z][\w'’-]+|van|de|der|den|ter|el|El)(?: (?:[A-Z][\w'’-]+|van|de|der|den|ter|El))+$")


def people(variants_variables: list[dict]) -> dict[str, str]:
    """The names of persons among this organisation's contacts, from every site: a name of capitalised
    words with a role beside it, that is not the organisation's own name ("Team Communicatie")."""
    found = {}
    for variables in variants_variables:
        own = (variables["organisatie"]["naam"], variables["organisatie"]["korte_naam"])
        for key, contact in variables["contacten"].items():
            name = contact["naam"]
            if contact.get("functie") and PERSON.match(name) and not any(o in name for o in own):
                found.setdefault(name, f"contacten.{key}.naam")
    return found


def figures(module: Module) -> dict:
    """Readability figures for the Onderhoud page."""
    import textstat
    textstat.set_lang("nl")
    found = paragraphs(module)
    text = " ".join(p.text for p in found)
    sentences = [s for p in found for s in p.sentences]
    words = sum(len(WORD.findall(s)) for s in sentences)
    return {"woorden": words, "zinnen": len(sentences),
            "woorden_per_zin": round(words / len(sentences), 1) if sentences else 0,
            "lange_zinnen": sum(1 for s in sentences if len(WORD.findall(s)) > MAX_SENTENCE_WORDS),
            "leesgemak": round(textstat.flesch_reading_ease(text)) if text else None}
