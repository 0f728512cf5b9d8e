#!/usr/bin/python3
"""Prints a page to PDF with WebKitGTK, the engine WebKitWebDriver drives, without any dialog.

WebKitWebDriver 2.50 has no Print Page command, so the cross-engine suite prints WebKit pages
through WebKitGTK's own API instead: this script loads the page in a WebKitWebView of its own,
waits until the page shows a given text, and prints it the way a person's "Print > Save to PDF"
does, with GTK's default page setup for the paper.

    /usr/bin/python3 tests/engines/webkit-print.py URL PAPER OUT.pdf TEXT

PAPER is "A4" or "Letter". It needs a display (the suite runs under xvfb-run) and Debian's
python3-gi and gir1.2-webkit2-4.1. Exit codes: 0 printed, 1 failed or timed out, 2 bad
arguments, 3 python3-gi or a typelib is missing (what to install is on stderr).
"""
import json
import os
import sys

try:
    import gi
except ImportError as error:
    # The caller reads this exit code and line to say which Debian package to install.
    print(f"missing Debian package python3-gi: {error}", file=sys.stderr)
    sys.exit(3)
try:
    gi.require_version("Gtk", "3.0")
    gi.require_version("WebKit2", "4.1")
    from gi.repository import GLib, Gtk, WebKit2
except (ImportError, ValueError) as error:
    package = "gir1.2-webkit2-4.1" if "WebKit2" in str(error) else "gir1.2-gtk-3.0"
    print(f"missing Debian package {package}: {error}", file=sys.stderr)
    sys.exit(3)

# GTK's names for the two papers the suite checks.
PAPERS = {"A4": Gtk.PAPER_NAME_A4, "Letter": Gtk.PAPER_NAME_LETTER}
# The window is as wide as the suite's desktop width, so the page lays out as it did on screen
# before printing switches it to the paper's width.
WIDTH, HEIGHT = 1280, 900
# How long the page may take to show the text, and the print to finish.
WAIT_SECONDS = 30
PRINT_SECONDS = 60


def main(argv):
    if len(argv) != 5 or argv[2] not in PAPERS:
        print(f"usage: {argv[0]} URL A4|Letter OUT.pdf TEXT", file=sys.stderr)
        return 2
    url, paper, out, text = argv[1:]
    out = os.path.abspath(out)
    # Without a display GTK would abort at the first widget; saying so is clearer.
    if not Gtk.init_check(None)[0]:
        print("no display to open: run this under xvfb-run or in a desktop session", file=sys.stderr)
        return 1
    outcome = {"code": None}

    def finish(code, message=None):
        # Only the first outcome counts: a time limit can still fire once printing has ended.
        if outcome["code"] is not None:
            return False
        if message:
            print(message, file=sys.stderr)
        outcome["code"] = code
        Gtk.main_quit()
        return False

    # An ephemeral view keeps no storage, cache or service worker on disk, like the driver's
    # fresh sessions, and leaves nothing behind in the home folder.
    view = WebKit2.WebView(is_ephemeral=True)
    window = Gtk.Window()
    window.set_default_size(WIDTH, HEIGHT)
    window.add(view)
    window.show_all()

    check = f"Boolean(document.body && document.body.textContent.includes({json.dumps(text)}))"
    deadline = GLib.get_monotonic_time() + WAIT_SECONDS * 1_000_000
    last = {"seen": "nothing yet"}

    def poll():
        if GLib.get_monotonic_time() > deadline:
            return finish(1, f'timed out after {WAIT_SECONDS} s waiting for "{text}" in {url} (last check: {last["seen"]})')
        view.evaluate_javascript(check, -1, None, None, None, checked)
        return False

    def checked(view, result):
        try:
            found = view.evaluate_javascript_finish(result).to_boolean()
            last["seen"] = "text not there"
        except GLib.Error as error:
            # A page still loading can refuse a script; the next poll tries again.
            found = False
            last["seen"] = error.message
        if found:
            GLib.idle_add(print_page)
        else:
            GLib.timeout_add(100, poll)

    def print_page():
        settings = Gtk.PrintSettings()
        settings.set_printer("Print to File")
        settings.set(Gtk.PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf")
        settings.set(Gtk.PRINT_SETTINGS_OUTPUT_URI, GLib.filename_to_uri(out, None))
        # The paper with GTK's default margins for it (6.35 mm on every side), as the print
        # dialog starts with. WebKit reads the page's `@page { margin }` and lays the page out on
        # a page box of the paper less those margins, so page breaks fall where they would with
        # the page's own margins; it then draws each page scaled to fill these margins instead
        # (a little larger), so the blank border on paper is GTK's. Backgrounds are printed, as
        # WebKitGTK's settings do by default.
        setup = Gtk.PageSetup()
        setup.set_paper_size_and_default_margins(Gtk.PaperSize.new(PAPERS[paper]))
        settings.set_paper_size(setup.get_paper_size())
        operation = WebKit2.PrintOperation.new(view)
        operation.set_print_settings(settings)
        operation.set_page_setup(setup)
        failed = {}
        operation.connect("failed", lambda _op, error: failed.setdefault("error", error.message))
        operation.connect("finished", lambda _op: finish(1, f"printing failed: {failed['error']}") if failed else finish(0))
        operation.print_()
        GLib.timeout_add_seconds(PRINT_SECONDS, lambda: finish(1, f"printing did not finish in {PRINT_SECONDS} s"))
        return False

    view.connect(
        "load-failed",
        lambda _view, _event, failing, error: finish(1, f"could not load {failing}: {error.message}"),
    )
    view.load_uri(url)
    GLib.timeout_add(100, poll)
    Gtk.main()
    return outcome["code"] if outcome["code"] is not None else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
