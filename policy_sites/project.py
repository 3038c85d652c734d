"""Where things live in a policy project, and its closed list of audiences."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import yaml_source
from .problems import PolicyError, Problem, raise_if_any, relative

EVERYONE = "iedereen"
AUDIENCE_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def fragments_dir(self) -> Path:
        """Text that several pages share word for word, included with `{% include "naam.md" %}`."""
        return self.root / "fragmenten"

    @property
    def variants_dir(self) -> Path:
        return self.root / "variants"

    @property
    def organisation_file(self) -> Path:
        return self.root / "organisatie.yml"

    @property
    def audiences_file(self) -> Path:
        return self.root / "doelgroepen.yml"

    def rel(self, path: Path) -> str:
        return relative(path, self.root)

    def variant_names(self) -> list[str]:
        return sorted(p.stem for p in self.variants_dir.glob("*.yml"))

    def audiences(self) -> dict[str, str]:
        """The closed list of audiences, name -> who they are."""
        where = self.rel(self.audiences_file)
        data, lines = yaml_source.load(self.audiences_file, where)
        if not isinstance(data, dict) or not data:
            raise PolicyError([Problem(where, 1, (
                "dit bestand moet de doelgroepen opsommen, één per regel: `naam: wie het zijn`."))])
        problems = []
        for name, text in data.items():
            if not isinstance(name, str) or not AUDIENCE_NAME.match(name) or name == EVERYONE:
                problems.append(Problem(where, lines.get((name,)), (
                    f"`{name}` kan geen doelgroep zijn. Gebruik kleine letters zonder spaties, "
                    f"en niet `{EVERYONE}` (dat betekent al: elke doelgroep).")))
            elif not isinstance(text, str) or not text.strip():
                problems.append(Problem(where, lines.get((name,)), (
                    f"de doelgroep `{name}` heeft geen omschrijving. Schrijf na de dubbelepunt wie ze zijn.")))
        raise_if_any(problems)
        return data
