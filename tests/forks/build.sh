#!/usr/bin/env bash
# Build one of the test forks into /tmp/fork-<name>/ (a copy of this checkout with the fork's data) and
# print every page's text to /tmp/fork-<name>.txt, for reading and grepping. Usage: tests/forks/build.sh nl-zorg
set -euo pipefail
name=$1; here=$(cd "$(dirname "$0")/../.." && pwd); dest=/tmp/fork-$name
rm -rf "$dest"; mkdir -p "$dest"
(cd "$here" && tar --exclude=./.git --exclude=./.venv --exclude=./site --exclude=./.cache -cf - .) | tar -xf - -C "$dest"
rm -rf "$dest/variants"; cp -r "$here/tests/forks/$name/variants" "$dest/variants"
cp "$here/tests/forks/$name/organisatie.yml" "$here/tests/forks/$name/doelgroepen.yml" "$dest/"
"$here/.venv/bin/python" "$dest/build_variants.py" --project "$dest" --zonder-downloads --uitvoermap "$dest/site"
"$here/.venv/bin/python" - "$dest/site" > "/tmp/fork-$name.txt" <<'PY'
import re, sys, pathlib, html
for page in sorted(pathlib.Path(sys.argv[1]).rglob("index.html")):
    text = page.read_text(encoding="utf-8")
    body = re.search(r'<article[^>]*>(.*?)</article>', text, re.S)
    if body:
        plain = html.unescape(re.sub(r"<[^>]+>", " ", body.group(1)))
        print(f"=== {page.relative_to(sys.argv[1])}\n" + re.sub(r"\s+", " ", plain))
PY
echo "text of every page: /tmp/fork-$name.txt"
