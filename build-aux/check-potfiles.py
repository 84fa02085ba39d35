#!/usr/bin/env python3
# Fails when po/POTFILES.in is unsorted, names a missing file, or misses a
# source file with translatable strings.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys

MARKS = {
    ".c": re.compile(r'\b(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"'),
    ".ui": re.compile(r'translatable="yes"'),
    ".in": re.compile(r'^(Name|GenericName|Comment|Keywords)=|<(name|summary|p|li|caption)>',
                      re.M),
    ".xml": re.compile(r'<(summary|description)>'),
}


def wants_translation(path):
    for suffix, pattern in MARKS.items():
        if path.endswith(suffix):
            with open(path, encoding="utf-8") as f:
                return bool(pattern.search(f.read()))
    return False


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8") as f:
        listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    errors = []
    if listed != sorted(listed):
        errors.append("po/POTFILES.in is not sorted")
    for path in listed:
        if not os.path.exists(os.path.join(root, path)):
            errors.append(f"po/POTFILES.in names a missing file: {path}")
    found = []
    for top in ("src", "data"):
        for dirpath, _dirs, files in os.walk(os.path.join(root, top)):
            for name in files:
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, root)
                if rel.startswith("data/sample-news") or "screenshots" in rel or rel.endswith(".service.in"):
                    continue
                if wants_translation(full):
                    found.append(rel)
    for rel in sorted(found):
        if rel not in listed:
            errors.append(f"{rel} has translatable strings but is not in po/POTFILES.in")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    print(f"ok: {len(listed)} files listed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
