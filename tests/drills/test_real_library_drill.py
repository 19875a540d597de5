"""A drill case drawn from each real library renders in a real browser: Voila serves a notebook that opens the
existing drill (``kit.drills.Drill``) on a shipped real library with the generic tier templates
(``kit.scenarios.from_tier``); Debian's chromium answers the case as the engine does and sees it marked right.

The notebook is written to a temporary folder for the test: the drill page of the kit (notebooks/drill.ipynb)
does not take a library from its URL. Screenshots go to $KIT_SHOTS_DIR when set (else the test's tmp folder)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kit.baselines import REAL_LIBRARIES, load_library
from kit.baselines.vocabulary import Level
from kit.drills.marking import present
from kit.scenarios.from_tier import tier_templates
from tests.conftest import _answers, _free_port, _stop
from tests.drills.cases import regenerate

ROOT = Path(__file__).resolve().parents[2]

LABELS = {lv.value: lv.zh for lv in Level}
LABELS_EN = {lv.value: lv.en for lv in Level}
LIBRARIES = {"shenzhen-urban": ["sz-cgj-1", "sz-cgj-2", "sz-cgj-17"],
             "jiangmen-ecology": ["jm-sthjj-1-1", "jm-sthjj-2-1", "jm-sthjj-4-22"],
             "shanghai-fire": ["sh-gaj-1", "sh-gaj-11"]}


def _notebook(folder: Path, name: str, baselines: list[str]) -> str:
    source = ("from kit.baselines import load_library\nfrom kit.drills import Drill\n"
              "from kit.scenarios.from_tier import tier_templates\n"
              f"library = load_library('real/{name}')\n"
              f"Drill(library=library, templates=tier_templates(library, baselines={baselines!r}), "
              f"officer='shot-{name[:2]}', from_request=False)")
    nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": "drill", "metadata": {}, "outputs": [],
                     "source": source}],
          "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python",
                                      "name": "python3"}, "language_info": {"name": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path = folder / f"drill-{name}.ipynb"
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path.name


@pytest.fixture(scope="module")
def real_voila(tmp_path_factory):
    folder = tmp_path_factory.mktemp("real-drill")
    pages = {name: _notebook(folder, name, ids) for name, ids in LIBRARIES.items()}
    port = _free_port()
    log = folder / "voila.log"
    with open(log, "ab") as out:
        proc = subprocess.Popen([sys.executable, "-m", "voila", str(folder), "--no-browser", "--Voila.ip=127.0.0.1",
                                 f"--port={port}", "--Voila.port_retries=0", f"--Voila.config_file_paths={ROOT}"],
                                cwd=folder, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                                env=dict(os.environ, KIT_DB_URL=f"sqlite:///{folder / 'kit.db'}"))  # its own store
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if proc.poll() is not None or _answers(base + "/"):
            break
        time.sleep(0.3)
    if proc.poll() is not None or not _answers(base + "/"):
        _stop(proc)
        pytest.fail(f"Voila did not start. Log:\n{log.read_text(errors='replace')[-4000:]}")
    try:
        yield base, pages
    finally:
        _stop(proc)


@pytest.mark.parametrize("name", list(LIBRARIES))
def test_a_case_from_a_real_library_in_the_browser(real_voila, browser, tmp_path, name):
    base, pages = real_voila
    shots = Path(os.environ.get("KIT_SHOTS_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    library = load_library(REAL_LIBRARIES / name)
    templates = {t.id: t for t in tier_templates(library, baselines=LIBRARIES[name])}
    for width, height in ((1366, 768), (390, 844)):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(f"{base}/voila/render/{pages[name]}", timeout=180_000)
        card = page.locator(".kit-drill-case")
        card.wait_for(state="visible", timeout=120_000)
        case_id = card.get_attribute("data-case-id")
        scenario = regenerate(templates, library, case_id)
        template_id = case_id.split(":")[0]
        text = card.inner_text()
        assert library.matters[scenario.case.matter].name.splitlines()[0] in text and "示例案例，非正式文件" in text
        d = scenario.decision
        assert d.tier == int(template_id.rsplit(".", 1)[1])  # the tier the case was drawn from
        page.locator(".kit-drill-level").get_by_label(LABELS[d.level.value], exact=True).check()
        for f in present(scenario, library):
            page.locator(f'[class~="kit-drill-circ-{f}"] input[type=checkbox]').check()
        if d.provisions:
            page.locator(".kit-drill-provision").get_by_label(d.provisions[0], exact=True).check()
        fine = page.locator(".kit-drill-fine input")
        fine.fill(f"{d.suggested_fine or 0:g}")
        fine.press("Tab")
        page.locator("button.kit-drill-submit").click()
        verdict = page.locator(".kit-drill-verdict")
        verdict.wait_for(state="visible", timeout=30_000)
        assert verdict.inner_text().strip() == "✓ 回答正确", page.locator(".kit-drill-feedback").inner_text()
        feedback = page.locator(".kit-drill-feedback").inner_text()
        assert "推理过程" in feedback and f"第{d.tier}档" in feedback
        page.screenshot(path=str(shots / f"drill-{name}-{width}-zh.png"), full_page=True)
        page.locator(".kit-drill-lang").get_by_text("English", exact=True).click()
        page.locator("button.kit-drill-next", has_text="Next case").wait_for(timeout=30_000)
        # the feedback is its own widget update, after the buttons': wait for it, do not race it
        page.locator(".kit-drill-feedback", has_text="Reasoning").wait_for(timeout=30_000)
        page.screenshot(path=str(shots / f"drill-{name}-{width}-en.png"), full_page=True)
        page.close()
    assert (shots / f"drill-{name}-390-en.png").stat().st_size > 0
