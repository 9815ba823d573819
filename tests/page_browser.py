"""Headless Chromium for the page tests, the screenshot script and the page benchmark.

Playwright for Python drives the browser Debian packages (``chromium``, found as
``$TRILEX_CHROMIUM``, else ``chromium``/``chromium-browser`` on ``PATH``); Playwright's own
browser downloads are never used. The browser starts with a fresh profile and everything that
would reach the network off (this machine has none: without these flags Chromium waits on
connections). ::

    with chromium() as browser:
        page = open_page(browser, Path("report.html"))
        ...
        page.problems          # console errors, page errors, dialogs (alert/confirm), requests

:func:`missing` says what is absent (``None`` when the tests can run). Nothing here depends on
pytest or on trilex; ``python3 tests/page_browser.py`` prints the browser and the Thai and
Chinese fonts it finds, and exits 1 when one is missing (``.ci/run`` installs them then).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

CHROMIUM_ENV = "TRILEX_CHROMIUM"
#: Executable names of Debian's (and other distributions') Chromium.
CHROMIUM_NAMES = ("chromium", "chromium-browser")
#: Flags for a headless browser on a machine without network, as root, in a container.
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--metrics-recording-only",
    "--no-default-browser-check", "--disable-dev-shm-usage",
)
#: fontconfig families the pages' font stacks name, by script (Debian: fonts-thai-tlwg,
#: fonts-noto-cjk).
FONTS = {"Thai": ("Loma", "Garuda", "Waree", "Norasi", "Noto Sans Thai"),
         "Chinese": ("Noto Sans CJK SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei")}
#: How long a page may take to become interactive (ms) before a test gives up.
READY_TIMEOUT = 60_000


def chromium_path() -> str | None:
    """The Chromium executable to drive, or ``None``."""
    named = os.environ.get(CHROMIUM_ENV, "").strip()
    if named:
        return named if os.access(named, os.X_OK) else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing() -> str | None:
    """Why the browser tests cannot run here (no Chromium, no Playwright), or ``None``."""
    if chromium_path() is None:
        return (f"no Chromium: install Debian's chromium package (or set {CHROMIUM_ENV}=/path/to/chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    return None


def fonts() -> dict[str, list[str]]:
    """The families of :data:`FONTS` fontconfig knows, by script."""
    try:
        listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, timeout=30,
                                check=False).stdout
    except (OSError, subprocess.SubprocessError):
        listed = ""
    families = {name.strip() for line in listed.splitlines() for name in line.split(",")}
    return {script: [name for name in names if name in families] for script, names in FONTS.items()}


class _Problems(list):
    """What went wrong on a page: console errors, uncaught errors, dialogs, network requests."""


@contextlib.contextmanager
def chromium(**context_options: Any) -> Iterator[Any]:
    """A browser context of headless Chromium with a fresh profile (closed afterwards).

    ``context_options`` go to ``new_context`` (``color_scheme="dark"``, ``viewport=…``).
    """
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    if executable is None:
        raise RuntimeError(missing() or "no Chromium")
    profile = tempfile.mkdtemp(prefix="trilex-chromium-")
    try:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=executable, headless=True, args=list(CHROMIUM_FLAGS), offline=True,
                viewport=context_options.pop("viewport", {"width": 1280, "height": 900}),
                **context_options)
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def open_page(context: Any, path: Path, hash: str = "", wait: bool = True) -> Any:
    """Open ``path`` (a local HTML file) in a new tab of ``context`` and wait until the page
    says it is ready (``data-ready`` on ``<html>``). ``page.problems`` collects console errors,
    uncaught exceptions, dialogs (dismissed) and any request that is not for the file itself."""
    page = context.new_page()
    problems = _Problems()
    url = path.resolve().as_uri() + hash
    page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))

    def dialog(d: Any) -> None:
        problems.append(f"dialog: {d.type} {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    # The page may load nothing; following a link to another local page (a navigation) is fine.
    page.on("request", lambda request: not (request.url.startswith("file:") and request.is_navigation_request())
            and problems.append(f"request: {request.url}"))
    page.problems = problems
    page.goto(url)
    if wait:
        page.wait_for_selector("html[data-ready]", timeout=READY_TIMEOUT, state="attached")
    return page


def main() -> int:
    """Print the browser and fonts found; exit 1 if Chromium or a Thai or Chinese font is missing."""
    executable = chromium_path()
    if executable is None:
        print("page_browser: no Chromium found", file=sys.stderr)
        return 1
    try:
        version = subprocess.run([executable, "--version"], capture_output=True, text=True, timeout=60,
                                 check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"page_browser: {executable} does not run: {exc}", file=sys.stderr)
        return 1
    print(f"page_browser: {executable} ({version or 'version unknown'})")
    found = fonts()
    for script, names in found.items():
        print(f"page_browser: {script} fonts: {', '.join(names) or 'none'}")
    return 0 if all(found.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
