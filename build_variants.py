#!/usr/bin/env python3
"""Build every audience site: `python3 build_variants.py` (see --help). Installs what it needs first."""
import sys

from policy_sites import bootstrap

bootstrap.ensure_python_environment()
bootstrap.ensure_system_packages(bootstrap.BUILD_SYSTEM_PACKAGES)

from policy_sites import cli  # noqa: E402  (needs the environment prepared above)

sys.exit(cli.main(sys.argv[1:]))
