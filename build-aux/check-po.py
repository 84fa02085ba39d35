#!/usr/bin/env python3
# Fails when a translation listed in po/LINGUAS is missing, does not compile with
# `msgfmt --check`, or has untranslated or fuzzy messages (`msgfmt --statistics`).
# With xgettext and msgmerge it first extracts a fresh template from po/POTFILES.in
# (the keywords of meson's glib preset) and merges each .po with it, so a message
# added to the code and not yet translated fails here, not only the ones already in
# the .po files.
#   check-po.py MSGFMT PO_DIR [XGETTEXT MSGMERGE]
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import subprocess
import sys
import tempfile

STATS = re.compile(r"(\d+) translated messages?"
                   r"(?:, (\d+) fuzzy translations?)?"
                   r"(?:, (\d+) untranslated messages?)?\.")

KEYWORDS = ["_", "N_", "C_:1c,2", "NC_:1c,2", "g_dcgettext:2", "g_dngettext:2,3",
            "g_dpgettext2:2c,3", "ngettext:1,2"]


def fresh_template(xgettext, po_dir, tmp):
    pot = os.path.join(tmp, "chronicle.pot")
    args = [xgettext, "--from-code=UTF-8", "--add-comments", "--files-from",
            os.path.join(po_dir, "POTFILES.in"), "--directory",
            os.path.dirname(os.path.abspath(po_dir)), "--output", pot]
    args += ["--keyword=" + k for k in KEYWORDS]
    run = subprocess.run(args, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError("xgettext failed:\n" + run.stderr.strip())
    return pot


def untranslated_ids(msgattrib_like_po):
    # msgids with an empty msgstr (enough to name them in the failure)
    ids, current, in_id = [], [], False
    text = open(msgattrib_like_po, encoding="utf-8").read()
    for block in text.split("\n\n"):
        m = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        s = re.search(r'^msgstr(?:\[0\])? ((?:".*"\n?)+)', block, re.M)
        if not m or not s:
            continue
        msgid = "".join(re.findall(r'"(.*)"', m.group(1)))
        msgstr = "".join(re.findall(r'"(.*)"', s.group(1)))
        if msgid and not msgstr and "#~" not in block:
            ids.append(msgid)
    return ids


def main():
    msgfmt, po_dir = sys.argv[1], sys.argv[2]
    xgettext = sys.argv[3] if len(sys.argv) > 4 else None
    msgmerge = sys.argv[4] if len(sys.argv) > 4 else None
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        languages = [w for line in f for w in line.split("#")[0].split()]
    on_disk = sorted(n[:-3] for n in os.listdir(po_dir) if n.endswith(".po"))
    errors = []
    for lang in sorted(set(on_disk) - set(languages)):
        errors.append(f"po/{lang}.po is not listed in po/LINGUAS")
    with tempfile.TemporaryDirectory() as tmp:
        pot = fresh_template(xgettext, po_dir, tmp) if xgettext else None
        for lang in languages:
            path = os.path.join(po_dir, lang + ".po")
            if not os.path.exists(path):
                errors.append(f"po/LINGUAS lists {lang}, but po/{lang}.po is missing")
                continue
            env = dict(os.environ, LC_ALL="C")
            if pot is not None:
                merged = os.path.join(tmp, lang + ".po")
                run = subprocess.run([msgmerge, "--quiet", "--no-fuzzy-matching", "--output-file",
                                      merged, path, pot], capture_output=True, text=True, env=env)
                if run.returncode != 0:
                    errors.append(f"po/{lang}.po does not merge with the template:\n"
                                  f"{run.stderr.strip()}")
                    continue
                path = merged
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
                missing = untranslated_ids(path)[:10]
                errors.append(f"po/{lang}.po is incomplete against the code: {fuzzy} fuzzy, "
                              f"{untranslated} untranslated (run `meson compile -C build "
                              f"chronicle-update-po` and translate them), e.g.:\n  "
                              + "\n  ".join(repr(i) for i in missing))
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
