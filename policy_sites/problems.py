"""The one way this project reports bad input: `file:line: what is wrong. How to fix it.`"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    path: Path | str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class PolicyError(Exception):
    """One or more problems in the policy source; the build must stop before publishing."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (str(p.path), p.line or 0))
        super().__init__("\n".join(str(p) for p in self.problems))


def not_built(variant: str, problems: list[Problem]) -> str:
    """The one message for a variant that stopped: its name, how many problems, then each on a line."""
    count = f"{len(problems)} probleem" if len(problems) == 1 else f"{len(problems)} problemen"
    return f"Variant `{variant}` is niet gebouwd ({count}):\n" + "\n".join(str(p) for p in problems)


def raise_if_any(problems: list[Problem]) -> None:
    if problems:
        raise PolicyError(problems)


def suggestion(word: str, choices) -> str:
    """' Bedoelde je `x`?' for the nearest known name, or '' when nothing is close."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" Bedoelde je `{close[0]}`?" if close else ""


def relative(path: Path, root: Path) -> str:
    """Paths in messages are relative to the project, as a writer sees them in the repository."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
