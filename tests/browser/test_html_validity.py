"""The HTML the server sent, checked by the Nu HTML Checker (vnu.jar) in one Java run."""

from __future__ import annotations

import http.cookiejar
import json
import shutil
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import VNU_JAR, LiveSite, form_post_data, require
from tests.browser.pages import PAGES, SERVER_ERROR_PATH, UNAVAILABLE_PATH, PublicPage, params


def fetch(site: LiveSite, public_page: PublicPage) -> tuple[int, bytes]:
    """The status and bytes the server sends: no browser, no injected scripts."""
    if public_page.path == SERVER_ERROR_PATH:
        return 500, site.server_error_html.encode()
    if public_page.path == UNAVAILABLE_PATH:
        return 503, site.unavailable_html.encode()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    url = site + public_page.path
    try:
        if public_page.form is not None:  # post the form, as the browser tests do
            with opener.open(url, timeout=30) as response:
                data = form_post_data(response.read().decode(), public_page.form)
            body = urllib.parse.urlencode(data).encode()
            request = urllib.request.Request(url, data=body, method="POST")  # noqa: S310 - the live server
        else:
            request = urllib.request.Request(url)  # noqa: S310 - the live server
        with public_page.answering(), opener.open(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def validate(documents: dict[str, bytes], folder: Path) -> dict[str, list[dict]]:
    """vnu.jar's errors for each document ({name: HTML}), all checked in a single JVM start."""
    java = shutil.which("java")
    require(java is not None, "The HTML validator needs Java (11 or later).", "apt-get install -y default-jre-headless")
    require(VNU_JAR.exists(), f"vnu.jar is missing ({VNU_JAR}).", "npm ci")
    files = {}
    for number, (name, body) in enumerate(documents.items(), start=1):
        path = folder / f"{number:02d}-{name}.html"
        path.write_bytes(body)
        files[path.name] = name
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *map(str, sorted(files))],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    try:
        messages = json.loads(run.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {run.returncode}):\n{run.stdout}\n{run.stderr}", pytrace=False)
    found: dict[str, list[dict]] = {name: [] for name in documents}
    for message in messages:
        name = files.get(Path(message.get("url", "")).name)
        for target in [name] if name else list(found):  # a message about no file concerns them all
            found[target].append(message)
    return found


@pytest.fixture(scope="module")
def validated(live_site: LiveSite, tmp_path_factory) -> dict[str, dict]:
    """Every page in PAGES fetched and validated in a single JVM start: {page id: result}."""
    sent = {public_page.id: fetch(live_site, public_page) for public_page in PAGES}
    messages = validate({page_id: body for page_id, (_status, body) in sent.items()}, tmp_path_factory.mktemp("sent"))
    return {
        page_id: {"status": status, "html": body.decode("utf-8", "replace"), "messages": messages[page_id]}
        for page_id, (status, body) in sent.items()
    }


def describe(path: str, messages: list[dict]) -> str:
    lines = [f"The Nu HTML Checker found {len(messages)} error(s) in the HTML sent for {path}:"]
    for message in messages:
        where = f"line {message['lastLine']}" if "lastLine" in message else message.get("url", "")
        lines.append(f"- {where}: {message.get('message')}")
        if message.get("extract"):
            lines.append(f"    {message['extract']!r}")
    return "\n".join(lines)


@pytest.mark.parametrize("public_page", params("html"))
def test_html_sent_is_valid(validated, public_page: PublicPage, artifacts):
    result = validated[public_page.id]
    assert result["status"] == public_page.status, f"{public_page.path}: HTTP {result['status']}"
    if result["messages"]:
        artifacts.add("sent.html", result["html"])
        artifacts.add("vnu-messages.json", json.dumps(result["messages"], indent=2))
    assert not result["messages"], describe(public_page.path, result["messages"])
