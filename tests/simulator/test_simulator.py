"""The what-if simulator: the session over the engine, the JSON API's checks, and the page in a real browser
(a tick changes the level and the bar with no button; both viewports, both languages)."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kit.engine import evaluate
from kit.simulator import SimError, Simulator
from kit.web.simulator_page import api_result
from kit.simulator.render import bar_html
from tests.conftest import http_get

SIM = Simulator()
MATTER = "scjg-false-registration"
MITIGATE = ["first_violation", "minor_harm", "corrected_promptly"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_initial_state_is_the_templates_case():
    state = SIM.initial(MATTER)
    case = SIM.base_case(MATTER)
    assert state.factors == {f for f, v in case.factors.items() if v}
    (a, *_rest) = SIM.evaluate(state)
    assert a.decision.level == evaluate(SIM.library, case).level


def test_toggling_circumstances_changes_the_decision_on_both_baselines():
    state = SIM.initial(MATTER)
    state.factors = set()
    before = [c.decision for c in SIM.evaluate(state)]
    state.factors = set(MITIGATE)
    after = [c.decision for c in SIM.evaluate(state)]
    assert len(before) == len(after) == 2
    assert {d.baseline for d in after} == {"js-scjg-false-registration", "nj-scjg-false-registration"}
    for b, a in zip(before, after, strict=False):
        assert b.level.value == "standard" and a.level.value == "mitigated"
        assert a.fine.hi <= b.fine.lo


def test_the_two_columns_can_differ():
    state = SIM.initial(MATTER)
    state.factors = set(MITIGATE)
    a, b = (c.decision for c in SIM.evaluate(state))
    assert a.fine != b.fine, "the lower baseline narrows the mitigated range"


def test_the_bar_places_the_sub_range_and_the_suggested_fine():
    state = SIM.initial(MATTER)
    state.factors = set()
    d = SIM.evaluate(state)[0].decision
    bar = bar_html(d, "zh")
    lo, hi, _open = d.statutory_range
    left = round(100 * (d.fine.lo - lo) / (hi - lo), 2)
    assert f'class="sub" style="left:{left}%' in bar and f"left:calc({round(100 * (d.suggested_fine - lo) / (hi - lo), 2)}%" in bar


def test_dates_and_the_party_move_the_case():
    data = {"matter": "city-flyposting", "factors": [], "kind": "person", "age": "13"}
    state = SIM.state_from(data)
    (col,) = SIM.evaluate(state)[:1]
    assert col.decision.level.value == "no_penalty", "under 14: no penalty"
    old = SIM.state_from({"matter": MATTER, "act_start": "2020-01-01", "discovered": "2025-01-01",
                          "decided": "2025-02-01"})
    assert all(c.decision.time_barred for c in SIM.evaluate(old))


@pytest.mark.parametrize("data, key", [
    ({"matter": "nope"}, "err.unknown_matter"),
    ({"matter": MATTER, "factors": ["sales_amount"]}, "err.unknown_factor"),
    ({"matter": MATTER, "facts": {"illegal_gains": "很多"}}, "err.number"),
    ({"matter": MATTER, "facts": {"illegal_gains": "-5"}}, "err.number"),
    ({"matter": MATTER, "act_start": "2025-13-40"}, "err.date"),
    ({"matter": MATTER, "kind": "robot"}, "err.kind"),
    ({"matter": MATTER, "baseline_a": "x-baseline"}, "err.unknown_baseline"),
    ([1, 2], "err.bad_request"),
])
def test_bad_input_is_named(data, key):
    with pytest.raises(SimError) as err:
        SIM.state_from(data)
    assert err.value.key == key and err.value.message("zh") != err.value.message("en")


def test_the_api_answers_html_or_a_reason():
    ok, body = api_result(SIM, json.dumps({"matter": MATTER, "factors": MITIGATE}), "en")
    assert ok == 200 and "mitigated" in body["html"]
    bad, body = api_result(SIM, "{not json", "zh")
    assert bad == 400 and "JSON" in body["error"]
    big, body = api_result(SIM, json.dumps({"matter": MATTER, "pad": "x" * 9000}), "en")
    assert big == 400


def test_the_english_controls_have_no_chinese():
    from kit.simulator.render import controls_html
    state = SIM.initial(MATTER)
    html = controls_html(SIM, state, "en")
    text = re.sub(r"<[^>]+>", " ", html)
    assert not CJK.findall(text), CJK.findall(text)[:10]


# ---- the page in a browser ---------------------------------------------------------------------------------

VIEWS = [("zh", 390, 844), ("en", 390, 844), ("zh", 1366, 768), ("en", 1366, 768)]
OVERFLOW = """(w) => [...document.querySelectorAll('body *')].filter(e => { const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.right > w + 1; }).map(e => e.className || e.tagName).slice(0, 5)"""




def test_the_api_is_served_and_refuses_bad_state(voila_base):
    state = urllib.parse.quote(json.dumps({"matter": MATTER, "factors": ["nope"]}))
    status, body = http_get(f"{voila_base}/simulator/api?lang=en&state={state}")
    assert status == 400 and "is not one of this violation" in json.loads(body)["error"]
    status, body = http_get(f"{voila_base}/simulator?matter=nope")
    assert status == 400 and "Traceback" not in body


@pytest.mark.parametrize("lang, width, height", VIEWS, ids=[f"{v[0]}-{v[1]}" for v in VIEWS])
def test_a_tick_changes_the_level_and_the_bar_without_a_button(voila_base, browser, tmp_path, lang, width, height):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{voila_base}/simulator?lang={lang}&matter={MATTER}")
    assert not page.evaluate(OVERFLOW, width)
    cols = page.locator("#sim-results .col")
    assert cols.count() == 2
    page.locator("input[name=factor][value=false_legal_rep_identity]").uncheck()
    page.wait_for_function("() => document.getElementById('sim-results').dataset.updates === '1'")
    assert [cols.nth(i).get_attribute("data-level") for i in range(2)] == ["standard", "standard"]
    bar_before = page.locator("#sim-results .bar").first.get_attribute("data-hi")
    for f in MITIGATE:  # ticks only: no button on the page is clicked
        page.locator(f"input[name=factor][value={f}]").check()
    page.wait_for_function("() => [...document.querySelectorAll('#sim-results .col')]"
                           ".every(c => c.dataset.level === 'mitigated')")
    assert int(page.locator("#sim-results").get_attribute("data-updates")) >= 2
    assert [cols.nth(i).get_attribute("data-level") for i in range(2)] == ["mitigated", "mitigated"]
    bar_after = page.locator("#sim-results .bar").first.get_attribute("data-hi")
    assert float(bar_after) < float(bar_before)
    level = cols.first.locator(".level").inner_text()
    assert level == ("减轻处罚" if lang == "zh" else "mitigated")
    assert page.locator("button").count() == 0
    assert not page.evaluate(OVERFLOW, width)
    page.screenshot(path=str(tmp_path / f"sim-{lang}-{width}.png"), full_page=True)


def test_a_phone_sees_each_columns_outcome_in_the_summary():
    from kit.simulator.render import summary_html
    state = SIM.initial(MATTER)
    state.factors = set(MITIGATE)
    html = summary_html(SIM.evaluate(state), "en")
    assert html.count("mitigated") == 2 and "Baseline A" in html and "Baseline B" in html
