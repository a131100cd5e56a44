#!/usr/bin/python3
# The page in WebKit (WebKitGTK through its GObject API, the engine of Safari and of every iOS browser, WeChat's
# included), for tests/web/engines.test.mjs: loads URL in a window WIDTH pixels wide, waits for the page's first
# state, runs the JavaScript of SCRIPT (an async function body, given the page's helpers), and prints
#   CONSOLE <message>   each console message and CSP report of the page (WebKit writes them on stdout)
#   RESULT <json>       what the script returned, or ERROR <message>
# usage: xvfb-run -a tests/web/webkit.py URL WIDTH SCRIPT   (MiniBrowser's window cannot be narrower than 447 px;
# a WebView can)
import json
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

url, width, script_path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(script_path, encoding="utf-8") as f:
    script = f.read()

settings = WebKit2.Settings()
settings.set_enable_write_console_messages_to_stdout(True)
settings.set_allow_file_access_from_file_urls(False)
view = WebKit2.WebView.new_with_settings(settings)
window = Gtk.OffscreenWindow()
window.set_default_size(width, 900)
window.add(view)
window.show_all()
done = {"status": 1}


def finish(line, status):
    print(line, flush=True)
    done["status"] = status
    Gtk.main_quit()


def ran(webview, task):
    try:
        value = webview.call_async_javascript_function_finish(task)
        finish("RESULT " + value.to_json(0), 0)
    except GLib.Error as error:
        finish("ERROR " + error.message, 1)


def run_script():
    view.call_async_javascript_function(script, -1, None, None, None, None, ran)
    return False


def loaded(webview, event):
    if event == WebKit2.LoadEvent.FINISHED:
        # The page starts its engine after the load event; the script waits for its state itself.
        GLib.idle_add(run_script)


view.connect("load-changed", loaded)
GLib.timeout_add_seconds(60, lambda: finish("ERROR timed out after 60 s", 1))
view.load_uri(url)
Gtk.main()
sys.exit(done["status"])
