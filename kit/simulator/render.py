"""HTML of the simulator: the form's controls and, per column, the decision with a bar of the statutory range
(the level's sub-range shaded, the suggested fine marked), the lawful choices and the trace. Plain functions."""

from __future__ import annotations

from html import escape

from ..engine.decision import Decision
from ..grading.citing import in_words
from ..i18n import Lang, bilingual, colon, list_join, money, money_range, parens, t, unit_label
from .session import AUTO, Column, Simulator, SimState

STYLE = """
main{max-width:1320px}.sim{display:grid;grid-template-columns:minmax(0,1fr);gap:12px}@media(min-width:900px){.sim{
grid-template-columns:minmax(0,400px) minmax(0,1fr)}}.full-name{font-size:.85rem;color:#3b4856;margin:2px 0 6px}fieldset{border:1px solid #d6dde5;border-radius:8px;background:#fff;margin:0 0 10px;
padding:8px 12px;min-width:0}legend{font-weight:bold;padding:0 4px}label.row{display:flex;gap:8px;align-items:flex-start;
margin:4px 0;line-height:1.35}label.field{display:block;margin:4px 0}label.field span{display:block;font-size:.9rem;
color:#3b4856}select,input[type=number],input[type=date]{font-size:1rem;padding:4px;max-width:100%;width:100%}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,300px),1fr));gap:10px}.col{background:#fff;
border:1px solid #d6dde5;border-radius:10px;padding:10px 12px;min-width:0;overflow-wrap:anywhere}.col h3{font-size:1rem;
margin:0 0 6px;color:#0b57a4}.outcome{font-size:1.25rem;font-weight:bold}.bar{position:relative;height:22px;
background:#e4e9ef;border-radius:4px;margin:20px 0 28px}.bar .sub{position:absolute;top:0;bottom:0;background:#6b8fb3;
border-radius:4px}.bar .sug{position:absolute;top:-6px;bottom:-6px;width:3px;background:#c0392b}.bar .lo,.bar .hi{
position:absolute;top:24px;font-size:.78rem;color:#5a6877;white-space:nowrap}.bar .lo{left:0}.bar .hi{right:0}
.legend{font-size:.85rem;color:#3b4856}.legend i{display:inline-block;width:12px;height:10px;margin:0 4px 0 8px}
.sim-summary{display:none}@media(max-width:899px){.sim-summary{display:block;position:fixed;left:0;right:0;bottom:0;
background:#0b57a4;color:#fff;padding:6px 12px;font-size:.9rem;z-index:5}body{padding-bottom:64px}}
details{margin-top:8px}details li{margin:3px 0;font-size:.9rem}.error{background:#fff3f3;border:1px solid #e5a5a5;
padding:10px;border-radius:8px}
"""


def _e(x: object) -> str:
    return escape(str(x))


def controls_html(sim: Simulator, state: SimState, lang: Lang) -> str:
    """The form: library, matter, circumstances, facts, party, dates and the two baselines."""
    matters = "".join(f'<option value="{_e(m)}"{" selected" if m == state.matter else ""}>'
                      f'{_e(sim.matter_label(m, lang))}</option>' for m in sim.matters())
    boxes = "".join(
        f'<label class="row"><input type="checkbox" name="factor" value="{_e(f)}"'
        f'{" checked" if f in state.factors else ""}><span>{_e(_factor(sim, f, lang))}</span></label>'
        for f in sim.factor_options(state.matter))
    facts = "".join(
        f'<label class="field"><span>{_e(bilingual(fd, lang) + parens(unit_label(fd.unit, lang), lang))}</span>'
        f'<input type="number" min="0" step="any" name="fact:{_e(fd.id)}" value="{state.facts.get(fd.id, 0):g}"></label>'
        for fd in sim.library.matters[state.matter].facts)
    kinds = "".join(f'<option value="{k}"{" selected" if k == state.kind else ""}>{_e(t(f"simulator.party.{k}", lang))}'
                    f'</option>' for k in ("organisation", "person"))
    dates = "".join(f'<label class="field"><span>{_e(t(f"simulator.date.{k}", lang))}</span><input type="date" '
                    f'name="{k}" value="{getattr(state, k).isoformat() if getattr(state, k) else ""}"></label>'
                    for k in ("act_start", "discovered", "decided"))
    sides = ""
    for side in ("baseline_a", "baseline_b"):
        opts = [(AUTO, t("simulator.baseline_auto", lang))] + [(b, sim.baseline_label(b, lang))
                                                               for b in sim.baselines(state.matter)]
        sides += (f'<label class="field"><span>{_e(t(f"simulator.{side}", lang))}</span><select name="{side}">'
                  + "".join(f'<option value="{_e(v)}"{" selected" if v == getattr(state, side) else ""}>{_e(x)}</option>'
                            for v, x in opts) + "</select></label>")
    return (f'<form id="sim-form" onsubmit="return false">'
            f'<fieldset><legend>{_e(t("simulator.matter", lang))}</legend><label class="field"><span>'
            f'{_e(t("simulator.library", lang))}</span><select name="library"><option value="sample">'
            f'{_e(t("simulator.library.sample", lang))}</option></select></label><label class="field"><span>'
            f'{_e(t("simulator.matter", lang))}</span><select name="matter" id="sim-matter">{matters}</select></label>'
            f'<p class="full-name">{_e(sim.matter_label(state.matter, lang))}</p>'
            f'{sides}</fieldset>'
            f'<fieldset><legend>{_e(t("simulator.circumstances", lang))}</legend>{boxes}</fieldset>'
            + (f'<fieldset><legend>{_e(t("simulator.facts", lang))}</legend>{facts}</fieldset>' if facts else "")
            + f'<fieldset><legend>{_e(t("simulator.party", lang))}</legend><label class="field"><span>'
            f'{_e(t("simulator.party.kind", lang))}</span><select name="kind">{kinds}</select></label>'
            f'<label class="field"><span>{_e(t("simulator.party.age", lang))}</span><input type="number" min="0" '
            f'max="150" name="age" value="{state.age if state.age is not None else ""}"></label></fieldset>'
            f'<fieldset><legend>{_e(t("simulator.dates", lang))}</legend>{dates}</fieldset></form>')


def _factor(sim: Simulator, f: str, lang: Lang) -> str:
    x = sim.library.factors[f]
    return bilingual(x, lang)


def bar_html(d: Decision, lang: Lang) -> str:
    """The statutory range as a bar, the level's sub-range shaded on it, the suggested fine as a red mark."""
    stat, fine = d.statutory_range, d.fine
    if stat is None and fine is None:
        return f'<p class="bar-none">{_e(t("simulator.no_fine", lang))}</p>'
    lo = min(x.lo for x in (stat, fine) if x is not None)
    hi = max(x.hi for x in (stat, fine) if x is not None)
    span = (hi - lo) or 1.0

    def pct(v: float) -> float:
        return round(100 * (v - lo) / span, 2)

    sub = (f'<div class="sub" style="left:{pct(fine.lo)}%;width:{max(pct(fine.hi) - pct(fine.lo), 0.8)}%"></div>'
           if fine is not None else "")
    sug = (f'<div class="sug" style="left:calc({pct(d.suggested_fine)}% - 1px)"></div>'
           if d.suggested_fine is not None else "")
    legend = (f'<div class="legend"><i style="background:#e4e9ef"></i>{_e(t("simulator.statutory", lang))}'
              + (f'<i style="background:#6b8fb3"></i>{_e(t("simulator.level_range", lang))}' if fine else "")
              + (f'<i style="background:#c0392b;width:3px"></i>{_e(t("simulator.suggested", lang))}' if sug else "")
              + "</div>")
    return (f'<div class="bar" data-lo="{fine.lo if fine else ""}" data-hi="{fine.hi if fine else ""}" '
            f'data-suggested="{d.suggested_fine if d.suggested_fine is not None else ""}">{sub}{sug}'
            f'<span class="lo">{_e(money(lo, lang))}</span><span class="hi">{_e(money(hi, lang))}</span></div>{legend}')


def column_html(sim: Simulator, col: Column, lang: Lang) -> str:
    d = col.decision
    c = colon(lang)
    name = sim.baseline_label(d.baseline, lang) if d.baseline in sim.library.baselines else "—"
    lines = []
    if d.transfer:
        lines.append(t("simulator.transfer", lang))
    elif d.time_barred:
        lines.append(t("simulator.time_barred", lang))
    if d.statutory_range is not None:
        r = d.statutory_range
        lines.append(f"{t('simulator.statutory', lang)}{c}{money_range(r.lo, r.hi, lang)}")
    if d.fine is not None:
        lines.append(f"{t('simulator.level_range', lang)}{c}{money_range(d.fine.lo, d.fine.hi, lang, upper_open=d.fine.upper_open)}")
    if d.suggested_fine is not None:
        lines.append(f"{t('simulator.suggested', lang)}{c}{money(d.suggested_fine, lang)}")
    lawful = list_join((
        f"{lv.label(lang)}" + (f" {money_range(r.lo, r.hi, lang, upper_open=r.upper_open)}" if r else "")
        for lv, r in d.acceptable.items()), lang)
    if lawful:
        lines.append(f"{t('simulator.lawful', lang)}{c}{lawful}")
    steps = "".join(f"<li>{_e(in_words(s.text(lang), lang, sim.library))} <small>〔{_e(s.citation)}〕</small></li>" for s in d.trace if s.fired)
    return (f'<section class="col" data-level="{d.level.value if d.level else ("transfer" if d.transfer else "none")}">'
            f'<h3>{_e(t("simulator.baseline", lang))}{c}{_e(name)}</h3>'
            f'<div class="outcome">{_e(t("simulator.outcome", lang))}{c}<span class="level">{_e(d.outcome(lang))}</span></div>'
            f'{bar_html(d, lang)}' + "".join(f"<div>{_e(x)}</div>" for x in lines)
            + f'<details><summary>{_e(t("simulator.trace", lang))}</summary><ol>{steps}</ol></details></section>')


def summary_html(columns: list[Column], lang: Lang) -> str:
    """One line per column, fixed at the bottom of a phone's screen: the results are below the form there."""
    names = ("simulator.baseline_a", "simulator.baseline_b")
    c = colon(lang)
    lines = []
    for name, col in zip(names, columns, strict=False):
        d = col.decision
        line = f"{t(name, lang)}{c}{d.outcome(lang)}"
        if d.suggested_fine is not None:
            line += f" · {t('simulator.suggested', lang)} {money(d.suggested_fine, lang)}"
        lines.append(f"<div>{_e(line)}</div>")
    return f'<div class="sim-summary" aria-live="polite">{"".join(lines)}</div>'


def results_html(sim: Simulator, columns: list[Column], lang: Lang) -> str:
    return ('<div class="cols">' + "".join(column_html(sim, c, lang) for c in columns) + "</div>"
            + summary_html(columns, lang))
