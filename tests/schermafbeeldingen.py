#!/usr/bin/env python3
"""Screenshots of each built site's start page on a phone and a desktop, for a person to look at.

Run after `python3 build_variants.py`: `python3 tests/schermafbeeldingen.py`. The pull-request workflow
keeps them as the artifact `schermafbeeldingen`. Not a test: a picture can only be judged by eye.
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(1, str(ROOT / "tests"))

from policy_sites import bootstrap  # noqa: E402

bootstrap.ensure_python_environment()
bootstrap.ensure_system_packages(bootstrap.TEST_SYSTEM_PACKAGES)

from playwright.sync_api import sync_playwright  # noqa: E402

from conftest import launch_chromium, serve_folder  # noqa: E402

SIZES = {"desktop": (1280, 800), "telefoon": (390, 844)}
OUT = ROOT / "test-screenshots"


def main() -> int:
    sites = ROOT / "site"
    variants = sorted(p.name for p in sites.iterdir() if (p / "index.html").exists()) if sites.exists() else []
    if not variants:
        print("fout: geen gebouwde sites in site/. Bouw ze eerst met `python3 build_variants.py`.", file=sys.stderr)
        return 1
    OUT.mkdir(exist_ok=True)
    with serve_folder(sites) as url, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        for variant in variants:
            for name, (width, height) in SIZES.items():
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(f"{url}{variant}/", wait_until="networkidle")
                page.screenshot(path=str(OUT / f"{variant}-{name}.png"))
                page.close()
        browser.close()
    print(f"{len(variants) * len(SIZES)} schermafbeeldingen in {OUT.relative_to(ROOT)}/.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
