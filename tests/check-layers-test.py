#!/usr/bin/env python3
# The layer check passes on the real tree and fails on a tree where a lower
# layer includes a higher one or a non-UI layer includes GTK.
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess
import sys
import tempfile

check, src = sys.argv[1], sys.argv[2]
failures = 0


def run(tree):
    return subprocess.run([sys.executable, check, tree], capture_output=True, text=True)


def expect(name, ok):
    global failures
    print(("ok" if ok else "FAIL") + ": " + name)
    failures += 0 if ok else 1


expect("the source tree keeps its layers", run(src).returncode == 0)

for bad_layer, bad_include in (("model", '#include "chronicle-store-thing.h"'),
                               ("store", '#include "chronicle-sync-thing.h"'),
                               ("extract", '#include "store/chronicle-store-thing.h"'),
                               ("sync", "#include <gtk/gtk.h>")):
    with tempfile.TemporaryDirectory() as tree:
        for layer in ("model", "store", "extract", "sync", "cli", "ui"):
            os.makedirs(os.path.join(tree, layer))
            with open(os.path.join(tree, layer, f"chronicle-{layer}-thing.h"), "w") as f:
                f.write("#pragma once\n")
        with open(os.path.join(tree, bad_layer, "chronicle-bad.c"), "w") as f:
            f.write(bad_include + "\n")
        result = run(tree)
        expect(f"{bad_layer} with {bad_include!r} is refused",
               result.returncode != 0 and "chronicle-bad.c" in result.stderr)

sys.exit(1 if failures else 0)
