#!/usr/bin/env python3
"""Run the whole test suite: `python3 run_tests.py` (extra arguments go to pytest). Installs what it needs first."""
import sys

from policy_sites import bootstrap

bootstrap.ensure_python_environment()
bootstrap.ensure_system_packages(bootstrap.TEST_SYSTEM_PACKAGES)

import pytest  # noqa: E402

code = pytest.main(sys.argv[1:])
# pytest's 5 means no test was collected: that must never pass as green.
sys.exit(1 if code == pytest.ExitCode.NO_TESTS_COLLECTED else int(code))
