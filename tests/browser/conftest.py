"""Real-browser tests: Debian's Chromium driven by Playwright, axe-core and the Nu HTML Checker.

Prerequisites (``make test`` and ``.ci/run`` install them):

* ``apt-get install --no-install-recommends chromium chromium-driver default-jre-headless``
* ``npm ci`` at the repository root (axe-core and vnu-jar, pinned in package-lock.json)
* ``pip install -r requirements-dev.txt`` (playwright; never run ``playwright install``)

A missing prerequisite fails the tests with the command to run;
``SSCP_SKIP_BROWSER_TESTS=1`` skips the whole folder instead.

For speed, Chromium is launched once for the folder, and the demo content is
loaded once: committed to the test database and served by Django's live
server (pytest-django's helper) on 127.0.0.1. Per test only the ``db``
transaction wraps it; at the end the database is flushed and restored to its
state before, as ``serialized_rollback=True`` would (Wagtail's migrations
create the root page, default locale and site, which a plain flush loses).
pytest-django runs these tests with the other ``db`` tests, so the restore
happens before any test that expects an empty site.

On failure a screenshot and the page's HTML (plus any axe or vnu report) are
saved under ``test-artifacts/browser/<test-name>/`` (git-ignored).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .pages import SERVER_ERROR_PATH, UNAVAILABLE_PATH, PublicPage

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Response
    from playwright.sync_api import Request as BrowserRequest

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = REPO_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ARTIFACTS_ROOT = REPO_ROOT / "test-artifacts" / "browser"
SKIP_VARIABLE = "SSCP_SKIP_BROWSER_TESTS"
DESKTOP = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
TIMEOUT_MS = 10_000
# The demo users' password in the throwaway test database (one user per role).
DEMO_PASSWORD = "browser-tests-only"  # noqa: S105

APT_INSTALL = "apt-get install -y --no-install-recommends chromium chromium-driver default-jre-headless"
HOW_TO_SKIP = f"(or set {SKIP_VARIABLE}=1 to skip the browser tests)"


def require(condition: bool, problem: str, fix: str) -> None:
    """Fail, not skip, when a prerequisite is missing: a skipped suite looks like a passing one."""
    if not condition:
        pytest.fail(f"{problem}\nTo fix: {fix}\n{HOW_TO_SKIP}", pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def _skip_when_asked() -> None:
    if os.environ.get(SKIP_VARIABLE, "") not in ("", "0"):
        pytest.skip(f"{SKIP_VARIABLE} is set: browser, accessibility and HTML-validity tests skipped")


@pytest.fixture(scope="session", autouse=True)
def _fresh_artifacts_folder(_skip_when_asked) -> None:
    """Only the last run's failures are in test-artifacts/browser/."""
    shutil.rmtree(ARTIFACTS_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _use_the_test_database(db) -> None:
    """Every browser test asks for ``db`` so pytest-django creates the test database.

    Without it, running this folder alone would leave the default database
    untouched by pytest-django, and ``live_site`` would load the demo content
    into the real one (``live_site`` also refuses that). The per-test
    transaction is harmless: the demo content was committed before.
    """


# --- Failure reports -------------------------------------------------------

REPORTS = pytest.StashKey[dict[str, pytest.TestReport]]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[pytest.TestReport]:
    report = yield
    item.stash.setdefault(REPORTS, {})[report.when] = report
    return report


def check_failed(request: pytest.FixtureRequest) -> bool:
    """Did the test itself fail (including an expected failure of a known bug)?"""
    report = request.node.stash.get(REPORTS, {}).get("call")
    return report is not None and (report.failed or hasattr(report, "wasxfail"))


class Artifacts:
    """What a failing test leaves under ``test-artifacts/browser/<test-name>/``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, str] = {}
        self.announced = False

    def __repr__(self) -> str:
        return f"<Artifacts {self.where}>"

    @property
    def where(self) -> str:
        folder = self.folder.resolve()
        return str(folder.relative_to(REPO_ROOT) if folder.is_relative_to(REPO_ROOT) else folder)

    def add(self, name: str, text: str) -> None:
        """A file to save if the test fails (e.g. the axe report)."""
        self.files[name] = text

    def save_files(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for name, text in self.files.items():
            (self.folder / name).write_text(text, encoding="utf-8")

    def save_page(self, page: Page, stem: str) -> None:
        """A full-page screenshot and the page's current HTML."""
        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=self.folder / f"{stem}.png", full_page=True)
            (self.folder / f"{stem}.html").write_text(f"<!-- {page.url} -->\n{page.content()}", encoding="utf-8")
        except Exception as error:  # a report must never hide the real failure
            (self.folder / f"{stem}-error.txt").write_text(repr(error), encoding="utf-8")


def report_failure(found: Artifacts, pages: list[Page], stem: str = "page") -> None:
    """What a failing test leaves: each tab's screenshot and HTML, the reports added, and where they are."""
    for number, page in enumerate(pages, start=1):
        found.save_page(page, stem if len(pages) == 1 else f"{stem}-{number}")
    found.save_files()
    if not found.announced:
        found.announced = True
        print(f"\nBrowser test artifacts: {found.where}/")


@pytest.fixture
def artifacts(request: pytest.FixtureRequest) -> Iterator[Artifacts]:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    found = Artifacts(ARTIFACTS_ROOT / name)
    yield found
    if check_failed(request):
        report_failure(found, [])


# --- The site under test ------------------------------------------------------


@dataclass(frozen=True)
class LiveSite:
    url: str
    exit_url: str
    server_error_html: str
    unavailable_html: str

    def __add__(self, path: str) -> str:
        return self.url + path


def render_server_error() -> str:
    """The 500 page exactly as ``handler500`` returns it."""
    from django.test import RequestFactory

    from sscp_wagtail.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    return response.content.decode(response.charset)


def render_unavailable() -> str:
    """The 503 page exactly as it is served while the database is down."""
    from sscp_wagtail.production.unavailable import unavailable_response

    return unavailable_response().content.decode("utf-8")


def is_test_database(connection) -> bool:
    """Has pytest-django switched this connection to the test database?"""
    from django.db.backends.base.creation import TEST_DATABASE_PREFIX

    name = str(connection.settings_dict["NAME"])
    test_name = connection.settings_dict.get("TEST", {}).get("NAME")
    if test_name:
        return name == str(test_name)
    if connection.vendor == "sqlite":
        return connection.is_in_memory_db()
    return name.startswith(TEST_DATABASE_PREFIX)


@pytest.fixture(scope="package")
def live_site(django_db_setup, django_db_blocker) -> Iterator[LiveSite]:
    """The demo site on Django's live server at http://127.0.0.1:<port>, loaded once."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import modify_settings, override_settings
    from pytest_django.live_server_helper import LiveServer

    from home.demo.loader import load_demo_content
    from home.demo.translations import ensure_demo_translations
    from sscp_wagtail.workflows.demo import ensure_demo_users

    with (
        django_db_blocker.unblock(),
        modify_settings(ALLOWED_HOSTS={"append": "127.0.0.1"}),
        # Every referral-form state is a real referral from 127.0.0.1.
        override_settings(SSCP_REFERRAL_RATE_LIMIT=1_000_000),
    ):
        assert not connection.in_atomic_block, "live_site must be set up outside any per-test transaction"
        assert is_test_database(connection), (
            f"refusing to load demo content into {connection.settings_dict['NAME']!r}: not the test database"
        )
        before = connection.creation.serialize_db_to_string()
        load_demo_content()
        # The Polish and Urdu pages, signed off by the demo roles, as `make run` does.
        ensure_demo_users(password=DEMO_PASSWORD)
        users = get_user_model().objects
        ensure_demo_translations(users.get(username="editor"), users.get(username="moderator"))
        server = LiveServer("127.0.0.1")
        try:
            yield LiveSite(server.url, settings.SSCP_EXIT_PAGE_URL, render_server_error(), render_unavailable())
        finally:
            server.stop()
            # What TransactionTestCase(serialized_rollback=True) does, once.
            call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True, reset_sequences=False)
            connection.creation.deserialize_db_from_string(before)


# --- The browser ------------------------------------------------------------------


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Chromium, launched once for the whole folder (and closed when pytest leaves it)."""
    require(
        CHROMIUM.exists(),
        f"The browser tests need Chromium at {CHROMIUM}, which is missing.",
        f"apt-get update && {APT_INSTALL}  (or run `make test` as root)",
    )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright for Python is not installed.", ".venv/bin/pip install -r requirements-dev.txt")
    from django.db import connections

    with pytest.MonkeyPatch.context() as environment:
        # The sync Playwright API keeps an event loop running in this thread;
        # Django refuses database calls there unless told it is safe.
        environment.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
            yield launched
            launched.close()
            # While that loop runs, Django keeps this thread's connections in
            # separate (context-local) storage: close them now, or they stay
            # open, unseen, and PostgreSQL refuses to drop the test database.
            connections.close_all()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    require(AXE_JS.exists(), f"axe-core is missing ({AXE_JS.relative_to(REPO_ROOT)}).", "npm ci")
    return AXE_JS


@dataclass
class Traffic:
    """What a page asked for outside the live server."""

    site: LiveSite
    off_site: list[str] = field(default_factory=list)

    def record(self, request: BrowserRequest) -> None:
        url = request.url
        if url.startswith(("http:", "https:", "ws:", "wss:")) and not url.startswith(self.site.url + "/"):
            self.off_site.append(url)


# Requests to anywhere but 127.0.0.1 go to this closed port and fail, so
# nothing leaves the machine, at no cost per request (a route would intercept
# every request). Tests that expect an off-site request route it themselves.
DEAD_END_PROXY = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1"}


class Tabs:
    """Browser contexts and tabs kept for the whole folder, because Chromium is the suite's main cost.

    There is one context per kind of page (viewport, JavaScript on or off)
    and in each a shared tab that test after test navigates: a navigation
    gives a fresh document (no scripts, focus or DOM state carry over), at a
    third of the CPU of opening a tab. The site sets no cookies or storage
    on these pages, so what tests share is the HTTP cache. A test that needs
    its own history asks for a ``fresh`` tab; a failing test's tabs are
    closed, so the next test starts clean.
    """

    def __init__(self, browser: Browser, site: LiveSite) -> None:
        self.browser = browser
        self.site = site
        self.contexts: dict[tuple, BrowserContext] = {}
        self.shared: dict[tuple, Page] = {}

    def open(self, viewport: dict[str, int], javascript: bool, fresh: bool, in_use: list[Page]) -> Page:
        key = (viewport["width"], viewport["height"], javascript)
        if key not in self.contexts:
            self.contexts[key] = self.browser.new_context(
                base_url=self.site.url,
                viewport=viewport,
                java_script_enabled=javascript,
                service_workers="block",
                proxy=DEAD_END_PROXY,
                # axe-core is injected as an inline script, which the site's
                # Content-Security-Policy forbids; test_content_security_policy.py
                # checks the policy in contexts of its own.
                bypass_csp=True,
            )
            self.contexts[key].set_default_timeout(TIMEOUT_MS)
        shared = self.shared.get(key)
        if fresh or (shared is not None and shared in in_use):
            page = self.new_tab(key)
        elif shared is None or shared.is_closed():
            page = self.shared[key] = self.new_tab(key)
        else:
            page = shared
        page.traffic = Traffic(self.site)  # type: ignore[attr-defined]
        return page

    def new_tab(self, key: tuple) -> Page:
        page = self.contexts[key].new_page()
        page.on("request", lambda request: page.traffic.record(request))
        return page

    def release(self, page: Page, *, discard: bool) -> None:
        if page in self.shared.values() and not discard:
            page.unroute_all()
            return
        for key, shared in list(self.shared.items()):
            if shared is page:
                del self.shared[key]
        page.close()

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="package")
def tabs(browser: Browser, live_site: LiveSite) -> Iterator[Tabs]:
    kept = Tabs(browser, live_site)
    yield kept
    kept.close()


@pytest.fixture
def new_page(request: pytest.FixtureRequest, tabs: Tabs, artifacts: Artifacts) -> Iterator[Callable[..., Page]]:
    """A tab with the given viewport and JavaScript on or off; ``fresh=True`` for one with no history."""
    in_use: list[Page] = []

    def open_page(*, viewport: dict[str, int] = DESKTOP, javascript: bool = True, fresh: bool = False) -> Page:
        page = tabs.open(viewport, javascript, fresh, in_use)
        in_use.append(page)
        return page

    yield open_page
    failed = check_failed(request)
    if failed:
        report_failure(artifacts, in_use)
    for page in in_use:
        tabs.release(page, discard=failed)


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    return new_page()


FORM_TOKENS = re.compile(r'name="(csrfmiddlewaretoken|form_token)" value="([^"]*)"')


def form_post_data(html: str, fields: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """The tokens of the form in ``html`` followed by ``fields``, as the browser would post them."""
    return [*FORM_TOKENS.findall(html), *fields]


def post_form(page: Page, public_page: PublicPage, site: LiveSite | None = None) -> None:
    """Make the next navigation to the page a POST of its form, with one history entry.

    The form is fetched through the tab's own request context (so the CSRF
    cookie is the tab's), posted from there, and the server's answer handed to
    the navigation: the document is exactly what the server sent.
    """
    from urllib.parse import urlencode

    url = (site or page.traffic.site) + public_page.path
    data = form_post_data(page.request.get(url).text(), public_page.form)

    def answer_with_post(route) -> None:
        if route.request.is_navigation_request():
            with public_page.answering():
                response = page.request.post(
                    url,
                    data=urlencode(data),
                    headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": url},
                )
            route.fulfill(response=response)
        else:
            route.continue_()

    page.route(url, answer_with_post, times=1)


def visit(page: Page, public_page: PublicPage) -> Response:
    """Load a page from the list and check it is in the state under test."""
    if public_page.form is not None:
        post_form(page, public_page)
    if public_page.path == SERVER_ERROR_PATH:
        site = page.traffic.site
        page.route(
            site + SERVER_ERROR_PATH,
            lambda route: route.fulfill(
                status=500, content_type="text/html; charset=utf-8", body=site.server_error_html
            ),
        )
    if public_page.path == UNAVAILABLE_PATH:
        site = page.traffic.site
        page.route(
            site + UNAVAILABLE_PATH,
            lambda route: route.fulfill(
                status=503, content_type="text/html; charset=utf-8", body=site.unavailable_html
            ),
        )
    response = page.goto(public_page.path)
    assert response is not None, public_page.path
    assert response.status == public_page.status, f"{public_page.path}: HTTP {response.status}"
    page.locator(public_page.expect).first.wait_for(state="attached")
    return response


# --- axe-core -------------------------------------------------------------------

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """async (tags) => {
  const results = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
    nodes: v.nodes.map((n) => ({target: n.target, html: n.html, summary: n.failureSummary})),
  }));
}"""


def run_axe(page: Page, script: Path) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(script))
    return page.evaluate(RUN_AXE, AXE_TAGS)


def assert_no_axe_violations(page: Page, script: Path, artifacts: Artifacts, where: str) -> None:
    """Audit the page as it is now; on violations keep the report and fail with each rule and selector."""
    violations = run_axe(page, script)
    if violations:
        artifacts.add("axe-violations.json", json.dumps(violations, indent=2))
    assert not violations, describe_violations(where, violations)


def describe_violations(where: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"axe-core found {len(violations)} violation(s) on {where}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}  <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            lines.append(f"    target: {', '.join(json.dumps(t) for t in node['target'])}")
            lines.append(f"      html: {node['html'][:200]}")
            for summary_line in (node["summary"] or "").splitlines():
                lines.append(f"      {summary_line.strip()}")
    return "\n".join(lines)
