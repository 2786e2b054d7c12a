"""report.html in a real browser: headless Chromium loads it offline, draws it, and logs nothing.

CI installs Chromium in .ci/run (Debian: apt-get install -y --no-install-recommends chromium);
elsewhere the tests skip, saying so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.report.sample_run import html_headings, sample_analysis

CHROMIUM = next((path for name in ("chromium", "chromium-browser") if (path := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium is not installed; on Debian/Ubuntu: apt-get install -y --no-install-recommends chromium",
)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]
# A page without scripts should make the browser log nothing: a console line means a blocked resource or an error.
CONSOLE = re.compile(r":CONSOLE[:(]|Uncaught|Refused to|violates the following Content Security Policy")


def chromium(page: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args, page.resolve().as_uri()]
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if CONSOLE.search(line)]


@pytest.fixture(scope="module")
def report_html(tmp_path_factory) -> Path:
    return sample_analysis(tmp_path_factory) / "report.html"


def test_browser_report_dom_has_every_heading_and_no_console_message(report_html, tmp_path):
    done = chromium(report_html, tmp_path, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    expected = html_headings(report_html.read_text(encoding="utf-8"))
    assert [h for h in expected if h[0] <= 2][:4] == [
        (1, "Lo que escuchamos"),
        (2, "Resumen"),
        (2, "Lo que dijeron las personas"),
        (2, "Temas de gobierno abierto"),
    ]
    assert html_headings(dom) == expected and len(expected) > 20
    # Charts of subjects and themes; for each subject its key points ("Al menos N contribuciones dicen: «…»") or, where too
    # few contributions make one point, its examples; compact tables.
    assert dom.count("<svg") >= 2 and dom.count(" dicen: «") + dom.count("), por ejemplo:") >= 8 and dom.count("<table") >= 5
    assert console_lines(done.stderr) == []


def test_browser_screenshot_is_drawn_with_the_styles(report_html, tmp_path):
    import numpy as np
    from PIL import Image

    shot = tmp_path / "report.png"
    done = chromium(report_html, tmp_path, f"--screenshot={shot}", "--window-size=1280,2400", "--hide-scrollbars")
    assert done.returncode == 0 and shot.is_file(), done.stderr[-2000:]
    image = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    assert image.shape == (2400, 1280, 3)
    # The header band is drawn in the accent colour (the stylesheet applied), the page has text and charts below it.
    assert np.abs(image[30, 640] - [0x1F, 0x5F, 0x99]).max() <= 8
    body = image[300:]
    assert (body.sum(axis=2) < 200).mean() > 0.01  # dark text
    assert (np.abs(body - [0x1F, 0x5F, 0x99]).max(axis=2) <= 8).mean() > 0.01  # bars of the first chart
    assert console_lines(done.stderr) == []


def test_browser_console_check_catches_errors_and_blocked_resources(tmp_path):
    # The check above would be worthless if these went unnoticed.
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; img-src data:"></head>'
        '<body><h1>x</h1><script>undefinedFunction()</script><img src="http://example.com/x.png"></body></html>',
        encoding="utf-8",
    )
    done = chromium(page, tmp_path, "--dump-dom")
    assert len(console_lines(done.stderr)) >= 2, done.stderr[-2000:]
