#!/usr/bin/env python3
# Fails when a translation listed in po/LINGUAS is missing, does not compile with
# `msgfmt --check`, or has untranslated or fuzzy messages (`msgfmt --statistics`).
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys

STATS = re.compile(r"(\d+) translated messages?"
                   r"(?:, (\d+) fuzzy translations?)?"
                   r"(?:, (\d+) untranslated messages?)?\.")


def main():
    msgfmt, po_dir = sys.argv[1], sys.argv[2]
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f for w in line.split("#")[0].split()]
    on_disk = sorted(n[:-3] for n in os.listdir(po_dir) if n.endswith(".po"))
    errors = []
    for lang in sorted(set(on_disk) - set(languages)):
        errors.append(f"po/{lang}.po is not listed in po/LINGUAS")
    for lang in languages:
        path = os.path.join(po_dir, lang + ".po")
        if not os.path.exists(path):
            errors.append(f"po/LINGUAS lists {lang}, but po/{lang}.po is missing")
            continue
        env = dict(os.environ, LC_ALL="C")
        run = subprocess.run([msgfmt, "--check", "--statistics", "-o", os.devnull, path],
                             capture_output=True, text=True, env=env)
        if run.returncode != 0:
            errors.append(f"po/{lang}.po does not compile:\n{run.stderr.strip()}")
            continue
        m = STATS.search(run.stderr)
        if m is None:
            errors.append(f"po/{lang}.po: cannot read the statistics: {run.stderr.strip()}")
            continue
        translated = int(m.group(1))
        fuzzy = int(m.group(2) or 0)
        untranslated = int(m.group(3) or 0)
        print(f"{lang}: {translated} translated, {fuzzy} fuzzy, {untranslated} untranslated")
        if fuzzy or untranslated or translated == 0:
            errors.append(f"po/{lang}.po is incomplete: {fuzzy} fuzzy, "
                          f"{untranslated} untranslated")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
