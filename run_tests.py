#!/usr/bin/env python3
"""Run the whole test suite: `python3 run_tests.py` (extra arguments go to pytest). Installs what it needs first.

`python3 run_tests.py --snel` runs the quick selection: everything but the tests marked `traag` (real
sites with every download, the browser, the preview). It still provokes every failure case of the build."""
import sys

from policy_sites import bootstrap

bootstrap.ensure_python_environment()
bootstrap.ensure_system_packages(bootstrap.TEST_SYSTEM_PACKAGES)

import pytest  # noqa: E402

args = sys.argv[1:]
if "--snel" in args:
    args = [a for a in args if a != "--snel"] + ["-m", "not traag"]
code = pytest.main(args)
# pytest's 5 means no test was collected: that must never pass as green.
sys.exit(1 if code == pytest.ExitCode.NO_TESTS_COLLECTED else int(code))
