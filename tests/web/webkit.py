#!/usr/bin/python3
# The page in WebKit (WebKitGTK through its GObject API, the engine of Safari and of every iOS browser, WeChat's
# included), for tests/web/engines.test.mjs. One process serves every scenario of a run (starting X, GTK and WebKit
# takes seconds each time): it reads jobs from stdin, one JSON line each,
#   {"url": URL, "width": WIDTH, "script": JS}
# and for each opens URL in a fresh window WIDTH pixels wide (its own ephemeral storage, so nothing carries over),
# waits for the load, runs JS (an async function body, given the page's helpers) and prints
#   CONSOLE <message>   each console message and CSP report of the page (WebKit writes them on stdout)
#   RESULT <json>       what the script returned, or ERROR <message>
# It ends when stdin closes.
# usage: xvfb-run -a tests/web/webkit.py   (MiniBrowser's window cannot be narrower than 447 px; a WebView can)
import json
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import GLib, Gtk, WebKit2  # noqa: E402

TIMEOUT_S = 60


class Job:
    def __init__(self, url, width, script):
        self.script = script
        self.finished = False
        settings = WebKit2.Settings()
        settings.set_enable_write_console_messages_to_stdout(True)
        settings.set_allow_file_access_from_file_urls(False)
        self.view = WebKit2.WebView(web_context=WebKit2.WebContext.new_ephemeral(), settings=settings)
        self.window = Gtk.OffscreenWindow()
        self.window.set_default_size(width, 900)
        self.window.add(self.view)
        self.window.show_all()
        self.view.connect("load-changed", self.loaded)
        self.timer = GLib.timeout_add_seconds(TIMEOUT_S, self.timed_out)
        self.view.load_uri(url)

    def loaded(self, webview, event):
        # The page starts its engine after the load event; the script waits for its state itself.
        if event == WebKit2.LoadEvent.FINISHED:
            GLib.idle_add(self.run_script)

    def run_script(self):
        self.view.call_async_javascript_function(self.script, -1, None, None, None, None, self.ran)
        return False

    def ran(self, webview, task):
        try:
            value = webview.call_async_javascript_function_finish(task)
            self.finish("RESULT " + value.to_json(0))
        except GLib.Error as error:
            self.finish("ERROR " + error.message)

    def timed_out(self):
        self.timer = None
        self.finish(f"ERROR timed out after {TIMEOUT_S} s")
        return False

    def finish(self, line):
        if self.finished:
            return
        self.finished = True
        if self.timer:
            GLib.source_remove(self.timer)
        print(line, flush=True)
        self.window.destroy()


def read_job(source, condition):
    line = sys.stdin.readline()
    if not line:
        Gtk.main_quit()
        return False
    try:
        job = json.loads(line)
        Job(job["url"], int(job["width"]), job["script"])
    except (ValueError, KeyError) as error:
        print(f"ERROR not a job: {error}", flush=True)
    return True


GLib.io_add_watch(sys.stdin.fileno(), GLib.IO_IN | GLib.IO_HUP, read_job)
Gtk.main()
