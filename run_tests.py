#!/usr/bin/env python3
"""Run the whole test suite: `python3 run_tests.py` (extra arguments go to pytest). Installs what it needs first.

`python3 run_tests.py --snel` runs the quick selection: everything but the tests marked `traag` (real
sites with every download, the browser, the preview). It still provokes every failure case of the build.

The tests run on every processor core (pytest-xdist, `-n auto`), a whole test file on one worker
(`--dist loadscope`), so a fixture of one file, such as the axe crawl, is made once. (`loadgroup`, which
would group finer, ignores its groups under pytest 9.2: pytest-xdist issue 1386.) `-n 0` runs them in
this process."""
import sys

from policy_sites import bootstrap

bootstrap.ensure_python_environment()
bootstrap.ensure_system_packages(bootstrap.TEST_SYSTEM_PACKAGES)

import pytest  # noqa: E402

args = sys.argv[1:]
if "--snel" in args:
    args = [a for a in args if a != "--snel"] + ["-m", "not traag"]
if not any(a.startswith(("-n", "--numprocesses")) for a in args):
    args = ["-n", "auto", "--dist", "loadscope", *args]
code = pytest.main(args)
# pytest's 5 means no test was collected: that must never pass as green.
sys.exit(1 if code == pytest.ExitCode.NO_TESTS_COLLECTED else int(code))
