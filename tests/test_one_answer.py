"""One answer per question (issue 12): the facts that drift most come from one source.

- Emergency numbers come only from the legal-facts registry (`recht("noodnummers")`, or
  `recht("politie.noodnummer")` on police pages): no page, fragment or step of the response scheme writes one.
- The steps for a hacked account, a fake account and a data breach are written once, in fragmenten/; pages
  include them and never write them again, and the response scheme (plain YAML, no includes) gives the same
  steps in the same order.
- Every page that names the first contact for a kind of incident names the same contact key, and says where
  to call out of hours when it asks to act at once.

Each rule has a failing twin: a copy of the project with the mistake planted by hand is caught.
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from conftest import REPO, write_project

# --- What is checked ---------------------------------------------------------------------------------

# 112 and 101 (Belgium), 112 and 0900-8844 (the Netherlands): only recht() may insert them.
EMERGENCY_NUMBER = re.compile(r"(?<![\d+/.-])(?:112|101|0900[- ]?8844)(?![\d])")

# Fragment -> the outcomes of the response scheme that give its steps, in the same order.
# `True`: the outcome has exactly these steps; `False`: it may add a step of its own (in order around them).
FRAGMENT_STEPS = {
    "gehackt-account.md": {"gehackt": True},
    "nepaccount-melden.md": {"nepaccount-melden": True, "nagemaakte-collega": False},
    "datalek-melden.md": {"mogelijk-datalek": False, "beelden-van-bewoners": False},
}
# Fragment -> pages that must include it (a page that explains the procedure never writes it itself).
FRAGMENT_PAGES = {
    "gehackt-account.md": ["basis/veilig-online.md", "vragen-en-antwoorden.md"],
    "nepaccount-melden.md": ["basis/veilig-online.md", "basis/nepaccounts-en-deepfakes.md"],
    "datalek-melden.md": ["basis/vertrouwelijke-informatie.md", "zorg/geen-beelden-van-bewoners.md"],
}
# How the scheme, which has no variables, names a contact point that a fragment names with a variable.
SCHEME_NAME = {"informatieveiligheid": "informatieveiligheid", "privacy": "het aanspreekpunt voor privacy",
               "communicatie": "het communicatieteam"}

# Kind of incident -> (words that mark a sentence about it, first contact key, out-of-hours line needed,
# the scheme outcomes for it).
FIRST_CONTACT = {
    "gehackt account": (r"gehackt", "informatieveiligheid", False, ["gehackt"]),
    "datalek": (r"datalek|gegevens van (?:anderen|mensen)", "privacy", True,
                ["mogelijk-datalek", "beelden-van-bewoners"]),
    "bedreiging of doxing": (r"bedreig|doxing|je adres", "dringend", True, ["bedreiging-melden"]),
    "pers": (r"journalist", "woordvoerder", False, ["journalist-doorsturen"]),
}
REPORTING = re.compile(r"\b(?:meld|stuur|bel|vertel|geef)", re.I)
CONTACT_KEY = re.compile(r'contacten\.(\w+)|contact\("(\w+)"\)')
OUT_OF_HOURS = re.compile(r"buiten de kantooruren", re.I)


# --- Reading the sources -------------------------------------------------------------------------------

def sources(root: Path) -> list[Path]:
    """Every page and fragment of a project."""
    return sorted((root / "docs").rglob("*.md")) + sorted((root / "fragmenten").glob("*.md"))


def without_comments(text: str) -> str:
    return re.sub(r"\{##.*?##\}", "", text, flags=re.S)


def plain(text: str) -> str:
    """Text as a reader meets it, for comparing: variables by their contact key, no markup, lower case."""
    text = re.sub(r"\{\{\s*contacten\.(\w+)\.\w+\s*\}\}", r"\1", without_comments(text))
    text = re.sub(r"\{[{%].*?[}%]\}", " ", text)
    text = re.sub(r"[*_`>!\[\]()#|]", " ", text)
    return " ".join(text.lower().split())


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!:])\s+", text) if s]


def units(text: str) -> list[str]:
    """Paragraphs, list items and table rows, each on one line."""
    found = []
    for block in re.split(r"\n\s*\n", without_comments(text)):
        found += [" ".join(item.split()) for item in re.split(r"\n(?=\s*(?:[-*]|\d+\.|\|) )", block)]
    return found


def scheme(root: Path) -> dict:
    return yaml.safe_load((root / "reactieschema" / "reactieschema.yml").read_text(encoding="utf-8"))


def fragment_steps(root: Path, fragment: str) -> list[str]:
    """The numbered steps of a fragment, as plain text."""
    text = without_comments((root / "fragmenten" / fragment).read_text(encoding="utf-8"))
    return [plain(step) for step in re.split(r"\n(?=\d+\. )", text.strip()) if re.match(r"\d+\. ", step)]


# --- The checks, each returning what is wrong -------------------------------------------------------------

def emergency_numbers_written(root: Path) -> list[str]:
    found = []
    for path in sources(root):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if EMERGENCY_NUMBER.search(re.sub(r"\{\{.*?\}\}", "", line)):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    for key, outcome in scheme(root)["uitkomsten"].items():
        found += [f"reactieschema.yml `{key}`: {step}" for step in outcome["doen"] if EMERGENCY_NUMBER.search(step)]
    return found


def steps_written_by_hand(root: Path) -> list[str]:
    """Sentences of a page that repeat (nearly word for word) a sentence of a steps fragment."""
    key_sentences = {
        sentence: fragment
        for fragment in FRAGMENT_STEPS
        for sentence in sentences(" ".join(fragment_steps(root, fragment)))
        if len(re.sub(r"^\d+\.\s*", "", sentence).split()) >= 7 and not OUT_OF_HOURS.search(sentence)
    }
    found = []
    for path in sorted((root / "docs").rglob("*.md")):
        for sentence in sentences(plain(path.read_text(encoding="utf-8"))):
            for key, fragment in key_sentences.items():
                matcher = difflib.SequenceMatcher(None, sentence, re.sub(r"^\d+\.\s*", "", key))
                if matcher.quick_ratio() >= 0.8 and matcher.ratio() >= 0.8:
                    found.append(f"{path.relative_to(root / 'docs')}: \"{sentence}\" (schrijf "
                                 f"{{% include \"{fragment}\" %}})")
    return found


def fragments_not_included(root: Path) -> list[str]:
    return [f"{page} neemt {fragment} niet op"
            for fragment, pages in FRAGMENT_PAGES.items() for page in pages
            if f'{{% include "{fragment}" %}}' not in (root / "docs" / page).read_text(encoding="utf-8")]


def scheme_steps_out_of_order(root: Path) -> list[str]:
    """Each fragment step must open an outcome step, in the same order as in the fragment."""
    outcomes = scheme(root)["uitkomsten"]
    found = []
    for fragment, targets in FRAGMENT_STEPS.items():
        expected = [lead_words(step) for step in fragment_steps(root, fragment)]
        for key, exact in targets.items():
            steps = [" ".join(re.sub(r"[,:]", "", step.lower()).split()) for step in outcomes[key]["doen"]]
            position = 0
            for lead in expected:
                while position < len(steps) and not steps[position].startswith(lead):
                    position += 1
                if position == len(steps):
                    found.append(f"uitkomst `{key}`: de stap \"{lead} ...\" uit {fragment} ontbreekt of staat "
                                 "op een andere plaats")
                    break
                position += 1
            if exact and len(steps) != len(expected):
                found.append(f"uitkomst `{key}` heeft {len(steps)} stappen, {fragment} heeft er {len(expected)}")
    return found


def lead_words(step: str, count: int = 4) -> str:
    """The first words of a fragment step, as the scheme writes them."""
    text = re.sub(r"^\d+\.\s*", "", step)
    for key, name in SCHEME_NAME.items():
        text = re.sub(rf"\b{key}\b", name, text)
    return " ".join(re.sub(r"[,:]", "", text).split()[:count])


def first_contacts_that_differ(root: Path) -> list[str]:
    """A sentence that tells you to report an incident names its contact key; at once means: also out of hours."""
    found = []
    for path in sources(root):
        rel = path.relative_to(root)
        for unit in units(path.read_text(encoding="utf-8")):
            parts = sentences(unit)
            for i, sentence in enumerate(parts):
                keys = [a or b for a, b in CONTACT_KEY.findall(sentence)]
                if not keys or not REPORTING.search(sentence):
                    continue
                context = " ".join(parts[max(0, i - 1):i + 1])
                following = " ".join(parts[i:i + 2])
                for kind, (words, key, urgent, _) in FIRST_CONTACT.items():
                    if not re.search(words, context, re.I):
                        continue
                    if OUT_OF_HOURS.search(sentence):
                        if "dringend" not in keys:
                            found.append(f"{rel}: buiten de kantooruren hoort bij `dringend`: {sentence}")
                        continue
                    if key not in keys and not (key == "dringend" and "leidinggevende" in sentence):
                        found.append(f"{rel}: {kind} hoort eerst bij `{key}`, niet bij {keys}: {sentence}")
                    elif urgent and "meteen" in sentence and "dringend" not in CONTACT_KEY.sub(
                            lambda m: m.group(1) or m.group(2), following):
                        found.append(f"{rel}: {kind} 'meteen' zonder de lijn buiten de kantooruren "
                                     f"(`dringend`): {sentence}")
    return found


def scheme_contacts_that_differ(root: Path) -> list[str]:
    outcomes = scheme(root)["uitkomsten"]
    found = []
    for kind, (_, key, urgent, keys) in FIRST_CONTACT.items():
        for outcome in keys:
            contacts = outcomes[outcome]["contact"]
            if key not in contacts or (key != "dringend" and contacts[0] != key):
                found.append(f"uitkomst `{outcome}` ({kind}) begint niet met `{key}`: {contacts}")
            if urgent and "dringend" not in contacts:
                found.append(f"uitkomst `{outcome}` ({kind}) mist `dringend`: {contacts}")
    return found


# --- The tests ---------------------------------------------------------------------------------------

def test_no_page_fragment_or_scheme_step_writes_an_emergency_number_itself():
    assert emergency_numbers_written(REPO) == []


def test_a_copy_of_a_page_that_writes_bel_112_by_hand_is_caught(tmp_path):
    project = write_project(tmp_path / "project")
    page = project / "docs" / "basis" / "online-lastiggevallen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nBen je in gevaar? Bel 112.\n", encoding="utf-8")
    caught = emergency_numbers_written(project)
    assert len(caught) == 1 and "online-lastiggevallen.md" in caught[0], caught


def test_a_scheme_step_that_writes_an_emergency_number_is_caught(tmp_path):
    project = write_project(tmp_path / "project")
    path = project / "reactieschema" / "reactieschema.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      - Reageer niet in een opwelling.\n",
                                 "      - Reageer niet in een opwelling.\n      - Bel 101 als het dringend is.\n"),
                    encoding="utf-8")
    assert any("lastiggevallen" in line for line in emergency_numbers_written(project))


def test_the_hacked_fake_account_and_data_breach_steps_are_written_only_in_their_fragments():
    assert steps_written_by_hand(REPO) == []
    assert fragments_not_included(REPO) == []


def test_a_page_that_writes_the_hacked_account_steps_again_by_hand_is_caught(tmp_path):
    project = write_project(tmp_path / "project")
    page = project / "docs" / "basis" / "veilig-online.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace('{% include "gehackt-account.md" %}', (
        "1. **Verander meteen je wachtwoord** en log overal uit, als dat nog lukt.\n"
        "2. **Meld het aan {{ contacten.informatieveiligheid.naam }}**, zeker als het om een officieel account "
        "gaat, als er werkinformatie op staat of als je hetzelfde wachtwoord ook voor je werk gebruikte.\n")),
        encoding="utf-8")
    assert any("veilig-online.md" in line for line in steps_written_by_hand(project))
    assert fragments_not_included(project) == ["basis/veilig-online.md neemt gehackt-account.md niet op"]


def test_the_response_scheme_gives_the_steps_of_each_fragment_in_the_same_order():
    assert scheme_steps_out_of_order(REPO) == []


def test_a_response_scheme_that_asks_to_change_the_password_before_reporting_is_caught(tmp_path):
    project = write_project(tmp_path / "project")
    path = project / "reactieschema" / "reactieschema.yml"
    data = scheme(project)
    steps = data["uitkomsten"]["gehackt"]["doen"]
    first, second = steps[0], steps[1]
    text = path.read_text(encoding="utf-8")
    text = text.replace(first, "@@1").replace(second, first).replace("@@1", second)
    path.write_text(text, encoding="utf-8")
    assert any("`gehackt`" in line for line in scheme_steps_out_of_order(project))


def test_every_page_that_names_the_first_contact_for_an_incident_uses_the_same_contact_key():
    assert first_contacts_that_differ(REPO) == []


def test_a_page_that_sends_a_hacked_account_to_the_communication_team_is_caught(tmp_path):
    project = write_project(tmp_path / "project")
    page = project / "docs" / "basis" / "werkchats.md"
    page.write_text(page.read_text(encoding="utf-8") + (
        "\nIs je account gehackt? Meld het dan aan {{ contacten.communicatie.naam }}.\n"
        "\nZie je een datalek? Meld het meteen aan {{ contacten.privacy.naam }}.\n"), encoding="utf-8")
    caught = first_contacts_that_differ(project)
    assert any("gehackt account" in line and "werkchats.md" in line for line in caught), caught
    assert any("zonder de lijn buiten de kantooruren" in line and "werkchats.md" in line for line in caught), caught


def test_the_response_scheme_sends_each_incident_first_to_the_same_contact_key():
    assert scheme_contacts_that_differ(REPO) == []


def test_a_response_scheme_that_sends_a_threat_without_the_out_of_hours_line_is_caught(tmp_path):
    project = write_project(tmp_path / "project")
    path = project / "reactieschema" / "reactieschema.yml"
    text = path.read_text(encoding="utf-8")
    assert "    contact: [dringend, vertrouwenspersoon]\n" in text
    path.write_text(text.replace("    contact: [dringend, vertrouwenspersoon]\n", "    contact: [vertrouwenspersoon]\n"),
                    encoding="utf-8")
    assert any("bedreiging-melden" in line for line in scheme_contacts_that_differ(project))
