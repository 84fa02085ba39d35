#!/usr/bin/env python3
# Fails when a layer includes a header of a layer above it (see src/meson.build).
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import re
import sys

ALLOWED = {
    "model": {"model"},
    "store": {"model", "store"},
    "extract": {"model", "extract"},
    "sync": {"model", "store", "extract", "sync"},
    "cli": {"model", "store", "extract", "sync", "cli"},
    "ui": {"model", "store", "extract", "sync", "ui"},
}
GTK_HEADERS = re.compile(r'#\s*include\s*[<"](gtk/|adwaita\.h|gdk/|gsk/)')
INCLUDE = re.compile(r'#\s*include\s*"([^"]+)"')


def main():
    src = sys.argv[1]
    headers = {}
    for layer in ALLOWED:
        for root, _dirs, files in os.walk(os.path.join(src, layer)):
            for name in files:
                if name.endswith(".h"):
                    headers[name] = layer
    errors = []
    for layer, allowed in ALLOWED.items():
        for root, _dirs, files in os.walk(os.path.join(src, layer)):
            for name in files:
                if not name.endswith((".c", ".h")):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    for lineno, line in enumerate(f, 1):
                        if layer != "ui" and GTK_HEADERS.search(line):
                            errors.append(f"{path}:{lineno}: only src/ui may include GTK")
                        m = INCLUDE.search(line)
                        if not m:
                            continue
                        target = m.group(1)
                        base = os.path.basename(target)
                        owner = headers.get(base)
                        if "/" in target and target.split("/")[0] in ALLOWED:
                            owner = target.split("/")[0]
                        if owner and owner not in allowed:
                            errors.append(f"{path}:{lineno}: {layer} must not include "
                                          f"{owner} header {target}")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w", encoding="utf-8") as f:
            f.write("ok\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
