"""tests/voorbeeld/ is the example organisation the tests are written against: upstream keeps it equal
to the files at the root, so the example sites and the tested sites are the same. A fork changes the
root files and keeps the pinned copy; a fork has the file UPSTREAM (AANPASSEN.md, step 2), upstream never."""
from __future__ import annotations

import filecmp
import shutil

import pytest

from conftest import EXAMPLE, EXAMPLE_FILES, REPO

COPY_COMMAND = "cp organisatie.yml doelgroepen.yml tests/voorbeeld/ && rm -r tests/voorbeeld/variants && cp -r variants tests/voorbeeld/"


def differences(root, example) -> list[str]:
    """The example files that differ between `root` and `example`, as paths."""
    found = []
    for name in EXAMPLE_FILES:
        if (root / name).is_dir():
            compared = filecmp.dircmp(root / name, example / name)
            found += [f"{name}/{f}" for f in compared.left_only + compared.right_only + compared.diff_files]
        elif not (example / name).exists() or not filecmp.cmp(root / name, example / name, shallow=False):
            found.append(name)
    return found


def test_upstreams_pinned_example_equals_its_root_files():
    if (REPO / "UPSTREAM").exists():
        pytest.skip("a fork: its own organisatie.yml and variants/ differ from the pinned example by design")
    assert differences(REPO, EXAMPLE) == [], f"tests/voorbeeld/ is not bijgewerkt. Kopieer de bestanden: {COPY_COMMAND}"


def test_a_changed_variant_makes_the_example_differ(tmp_path):
    for name in EXAMPLE_FILES:
        source = EXAMPLE / name
        (tmp_path / "root").mkdir(exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, tmp_path / "root" / name)
        else:
            shutil.copy(source, tmp_path / "root" / name)
    assert differences(tmp_path / "root", EXAMPLE) == []
    (tmp_path / "root" / "variants" / "zorg.yml").write_text("doelgroep: zorg\n", encoding="utf-8")
    assert differences(tmp_path / "root", EXAMPLE) == ["variants/zorg.yml"]
