"""The HTML report in a real browser: it renders, no script runs, no request leaves the page.

Needs a Chromium binary (CI installs one, see .ci/run); without one the tests skip and say why.
Chromium itself makes background requests (component updates, account checks) even with the
flags below; the net log marks those with initiator "not an origin". Requests made by the page
carry the page's origin ("null" for file://) — a control page with an external image proves the
check sees them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from test_report import AS_OF, Tags, hostile_plan

import capf
from capf.render.report import render_report

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
BROWSER = next((found for name in BROWSERS if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason=f"no Chromium binary on PATH (looked for {', '.join(BROWSERS)})")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--no-pings",
         "--disable-domain-reliability"]
BROWSER_ITSELF = "not an origin"


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    profile = tmp / f"profile-{len(list(tmp.glob('profile-*')))}"
    return subprocess.run([BROWSER, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=60, check=False)


def page_requests(net_log: Path) -> list[tuple[str, str]]:
    """(initiator, url) of every URL request the page (not the browser itself) started."""
    log = json.loads(net_log.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    found = []
    for event in log["events"]:
        params: dict[str, Any] = event.get("params") or {}
        if event["type"] == start and "url" in params:
            initiator = str(params.get("initiator", ""))
            if initiator != BROWSER_ITSELF:
                found.append((initiator, str(params["url"])))
    return found


@pytest.fixture(scope="module")
def report_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    plan = hostile_plan()
    verdict = capf.evaluate(plan, capf.load_ruleset("dk2020"), as_of=AS_OF)
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_report(verdict, "html", "da", plan), encoding="utf-8")
    return path


def test_report_renders_without_requests(report_file: Path, tmp_path: Path) -> None:
    shot, net_log = tmp_path / "r.png", tmp_path / "net.json"
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1240,1754",
                    f"--log-net-log={net_log}", report_file.as_uri())
    assert shot.is_file(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 10_000  # a blank page compresses to a few hundred bytes
    requests = page_requests(net_log)
    assert not [url for _, url in requests if url.startswith(("http:", "https:"))], requests
    assert all(url.startswith(("file:", "data:")) for _, url in requests), requests


def test_net_log_check_sees_page_requests(tmp_path: Path) -> None:
    """The control: an external image (to a closed local port) does show up as a page request."""
    page = tmp_path / "control.html"
    page.write_text('<!DOCTYPE html><p>control</p><img src="http://127.0.0.1:9/p.png">',
                    encoding="utf-8")
    net_log = tmp_path / "net.json"
    chromium(tmp_path, f"--screenshot={tmp_path / 'c.png'}", f"--log-net-log={net_log}",
             page.as_uri())
    assert ("null", "http://127.0.0.1:9/p.png") in page_requests(net_log)


def test_hostile_text_stays_text_in_the_live_dom(report_file: Path, tmp_path: Path) -> None:
    done = chromium(tmp_path, "--dump-dom", report_file.as_uri())
    dom = done.stdout
    assert "<body>" in dom, done.stderr[-2000:]
    parsed = Tags()
    parsed.feed(dom)
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names and "img" not in names
    assert not [a for _, attrs in parsed.tags for a, _ in attrs if a.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
    assert "{{ 7*7 }}" in dom and "{% raw %}" in dom
    csp = [dict(attrs) for tag, attrs in parsed.tags if tag == "meta"
           and dict(attrs).get("http-equiv") == "Content-Security-Policy"]
    assert csp == [{"http-equiv": "Content-Security-Policy",
                    "content": "default-src 'none'; style-src 'unsafe-inline'; img-src data:"}]
