"""The simulator as a light page in the kit's server: ``/simulator`` (the form and the first results) and
``/simulator/api?lang=…&state=<json>`` (the results for a moved state, as HTML in JSON). The page's script asks
the API on every change of the form — a tick, a date, a number (debounced) — so nothing needs a button; a new
matter reloads the page with that matter's controls. The engine runs in the server process: no kernel."""

from __future__ import annotations

import json
from functools import lru_cache
from html import escape

from ..i18n import other_lang, t
from .page import KitPage, frame
from ..simulator import render
from ..simulator.session import SimError, Simulator

DEFAULT_MATTER = "scjg-false-registration"
MAX_STATE = 8_000
"""Characters of the JSON state the API accepts (inputs are bounded)."""

_JS = """<script>(function(){
var form=document.getElementById('sim-form'),out=document.getElementById('sim-results'),
lang=document.documentElement.lang==='en'?'en':'zh',timer=null,seq=0;
function state(){var s={matter:form.matter.value,factors:[],facts:{}};
 form.querySelectorAll('input[name=factor]').forEach(function(b){if(b.checked)s.factors.push(b.value);});
 form.querySelectorAll('input[name^="fact:"]').forEach(function(i){s.facts[i.name.slice(5)]=i.value;});
 ['kind','age','act_start','discovered','decided','baseline_a','baseline_b'].forEach(function(k){s[k]=form[k].value;});
 return s;}
function update(){var mine=++seq;out.setAttribute('aria-busy','true');
 fetch(out.dataset.api+'?lang='+lang+'&state='+encodeURIComponent(JSON.stringify(state()))).then(function(r){return r.json();})
 .then(function(j){if(mine!==seq)return;out.innerHTML=j.html||('<p class="error">'+j.error+'</p>');
  out.setAttribute('aria-busy','false');out.dataset.updates=String(+(out.dataset.updates||0)+1);});}
form.addEventListener('change',function(e){if(e.target.name==='matter'){location.search='?lang='+lang+
 '&matter='+encodeURIComponent(e.target.value);return;}clearTimeout(timer);update();});
form.addEventListener('input',function(e){if(e.target.type==='number'){clearTimeout(timer);timer=setTimeout(update,250);}});
})();</script>"""


@lru_cache(maxsize=1)
def simulator() -> Simulator:
    return Simulator()


def page_html(sim: Simulator, matter: str, lang, base: str = "/") -> str:
    state = sim.initial(matter)
    body = (f'<header><h1>{escape(t("simulator.title", lang))}</h1><span><a href="{escape(base)}?lang={lang}">'
            f'{escape(t("simulator.home", lang))}</a> · <a id="lang-toggle" href="?lang={other_lang(lang)}'
            f'&matter={escape(matter)}">{escape(t("web.other_lang", lang))}</a></span></header>'
            f'<p>{escape(t("simulator.intro", lang))}</p><div class="sim"><div>{render.controls_html(sim, state, lang)}</div>'
            f'<div id="sim-results" data-updates="0" data-api="{escape(base)}simulator/api">{render.results_html(sim, sim.evaluate(state), lang)}</div></div>'
            f'<footer>{escape(t("common.illustrative", lang))}</footer>{_JS}')
    return frame(t("simulator.title", lang), f"<style>{render.STYLE}</style>" + body, lang)


def api_result(sim: Simulator, raw: str, lang) -> tuple[int, dict]:
    """(status, body) for the API: the results' HTML, or the reason a state was refused."""
    try:
        if len(raw) > MAX_STATE:
            raise SimError("err.bad_request")
        try:
            data = json.loads(raw)
        except ValueError:
            raise SimError("err.bad_request") from None
        state = sim.state_from(data)
        return 200, {"html": render.results_html(sim, sim.evaluate(state), lang)}
    except SimError as err:
        return 400, {"error": escape(err.message(lang))}


class SimulatorPage(KitPage):
    def get(self) -> None:
        sim = simulator()
        matter = self.get_query_argument("matter", DEFAULT_MATTER)
        if matter not in sim.matters():
            self.set_status(400)
            self.finish(frame(t("web.bad_request", self.lang), f'<p class="error">'
                              f'{escape(t("simulator.err.unknown_matter", self.lang, value=matter[:60]))}</p>', self.lang))
            return
        self.finish(page_html(sim, matter, self.lang, self.settings.get("base_url", "/")))


class SimulatorApi(KitPage):
    def get(self) -> None:
        status, body = api_result(simulator(), self.get_query_argument("state", ""), self.lang)
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(body, ensure_ascii=False))


def routes(base: str) -> list[tuple]:
    root = base.rstrip("/")
    return [(root + "/simulator/?", SimulatorPage), (root + "/simulator/api", SimulatorApi)]
