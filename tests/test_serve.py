"""Serve notebooks/ with Voila exactly as `make serve` does (scripts/serve.sh)
and check the sample library page, over plain HTTP and in headless Chromium."""

import json
import re
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "library.ipynb"
PAGE = "/voila/render/library.ipynb"
MARK = "示例，非正式文件"

RENDER_TIMEOUT = 180  # seconds for Voila to execute the notebook


@pytest.fixture(scope="module")
def voila_url(voila_base):
    return voila_base + PAGE


def _cell_outputs(html: str) -> list[dict]:
    """Outputs Voila embedded in the page, one <script> per output.

    Voila 0.5 stops at the first failing cell and can leave that cell's error (and
    all later cells) out of the page, so checking for "Traceback" alone is not
    enough: every code cell must have produced its result.
    """
    blocks = re.findall(
        r'<script type="application/vnd\.voila\.cell-output\+json">(.*?)</script>', html, re.S
    )
    return [json.loads(b) for b in blocks]


def test_library_page_renders(voila_url):
    with urllib.request.urlopen(voila_url, timeout=RENDER_TIMEOUT) as resp:
        status = resp.status
        html = resp.read().decode("utf-8", errors="replace")
    assert status == 200
    assert MARK in html
    for bad in ("Traceback", "There was an error when executing cell"):
        i = html.find(bad)
        assert i < 0, f"error in rendered page: ...{html[max(0, i - 200):i + 800]}"
    # voila.json is in effect: the denylisted lab extensions are not sent to the page.
    assert "@jupyter/nbgrader" not in html
    assert "@jupyter-notebook/lab-extension" not in html

    outputs = _cell_outputs(html)
    errors = [o for o in outputs if o.get("output_type") == "error"]
    assert not errors, errors
    n_code = sum(c["cell_type"] == "code" for c in json.loads(NOTEBOOK.read_text("utf-8"))["cells"])
    results = {o["execution_count"]: o["data"] for o in outputs if o.get("output_type") == "execute_result"}
    assert sorted(results) == list(range(1, n_code + 1)), (
        f"not every code cell produced a result (Voila log has the error); got {sorted(results)}"
    )
    assert "text/html" in results[1], "Library should render via _repr_html_()"
    decision = results[2].get("text/html", "")
    assert "第三十七条" in decision and "40,000–65,000元" in decision, "the sample case's decision and trace"
    assert 'class="dataframe"' in results[n_code].get("text/html", ""), "matters_table() should be a DataFrame"


def test_library_page_in_browser(voila_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(voila_url, timeout=RENDER_TIMEOUT * 1000)
    page.get_by_text(MARK).first.wait_for(state="visible", timeout=60_000)
    page.locator("table.dataframe").first.wait_for(state="visible", timeout=30_000)
    page.screenshot(path=str(tmp_path / "library.png"), full_page=True)
    assert MARK in page.inner_text("body")  # what the page shows, drawn in the browser
