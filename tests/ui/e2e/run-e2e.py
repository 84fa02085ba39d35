#!/usr/bin/python3
# Runs one ui_probe scenario against the real app, as a person would use it.
#   run-e2e.py UI_PROBE SCENARIO CHRONICLE SCHEMA_DIR DATA_DIR OUT_DIR
# Serves DATA_DIR on a loopback HTTP server (an ephemeral port on 127.0.0.1),
# fills in the scenario's placeholders (@CHRONICLE@, @SCHEMA_DIR@,
# @DATA_DIR@, @BASE_URL@) and runs the probe, which brings its own Xvfb,
# D-Bus and AT-SPI. Fails (never skips) when the probe or Debian's python3 with
# gi/Atspi is missing: build-aux/install-deps.sh installs them, and the probe
# is ../shared/tools/ui_probe.py beside the checkout (or -Dui_probe=PATH).
# SPDX-License-Identifier: GPL-3.0-or-later
import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading


def main():
    probe, scenario, chronicle, schema_dir, data_dir, out_dir = sys.argv[1:7]
    check = subprocess.run(
        ["/usr/bin/python3", "-c",
         "import gi; gi.require_version('Atspi', '2.0'); from gi.repository import Atspi"],
        capture_output=True)
    if check.returncode != 0 or not os.path.exists(probe):
        print("FAIL: the end-to-end tests need %s and /usr/bin/python3 with gi + Atspi "
              "(build-aux/install-deps.sh installs the packages; -Dui_probe=PATH names the probe)"
              % probe)
        return 1

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=data_dir)
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base_url = "http://127.0.0.1:%d" % server.server_address[1]

    with open(scenario, encoding="utf-8") as f:
        text = f.read()
    for key, value in (("@CHRONICLE@", chronicle), ("@SCHEMA_DIR@", schema_dir),
                       ("@DATA_DIR@", data_dir), ("@BASE_URL@", base_url)):
        text = text.replace(key, value)

    os.makedirs(out_dir, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", suffix=".scn", delete=False, encoding="utf-8") as f:
        f.write(text)
        filled = f.name
    try:
        env = dict(os.environ)
        # The probe sets up its own display, bus and accessibility stack.
        for name in ("NO_AT_BRIDGE", "GTK_A11Y", "GSETTINGS_BACKEND", "G_DEBUG"):
            env.pop(name, None)
        result = subprocess.run(["/usr/bin/python3", probe, "run", filled, "--out", out_dir],
                                env=env)
        return result.returncode
    finally:
        os.unlink(filled)
        server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
