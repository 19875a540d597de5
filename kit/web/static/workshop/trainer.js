/* The trainer's projector page: create or resume a workshop (code + trainer key), show the URL and its QR
   code, preview a case and its key, open / close / reveal / reopen rounds, watch the count and the spread
   update by short polling, show the key, the trace and the reasons (names hidden unless asked), export. */
"use strict";
const app = document.getElementById("app");
const STORE = "kit_ws_trainer";
let session = JSON.parse(localStorage.getItem(STORE) || "null");  // {code, key}
let names = false;
let freshKey = null;   // shown once, right after creating
let templates = [];
let qr = null;
let preview = null;
let lastSig = null;
let message = null;

const auth = () => ({"X-Trainer-Key": session.key});
const path = (p) => "/" + encodeURIComponent(session.code) + p;

function showMessage(text, kind) {
  message = text ? {text, kind} : null;
  const node = document.getElementById("message");
  if (node) node.replaceWith(messageView());
}
function messageView() {
  return el("p", {id: "message", class: "message " + (message ? message.kind : ""), role: "alert", hidden: !message},
            message ? message.text : "");
}

function startView(error) {
  const title = el("input", {id: "title", maxlength: "200", required: true});
  const code = el("input", {id: "resume-code", maxlength: "16", autocapitalize: "characters", required: true});
  const key = el("input", {id: "resume-key", maxlength: "100", type: "password", required: true});
  app.replaceChildren(
    el("header", {}, el("h1", {}, T.trainer_title), langLink()),
    el("form", {class: "card", id: "create-form", onsubmit: async (ev) => {
        ev.preventDefault();
        try {
          const made = await api("POST", "s", {title: title.value});
          session = {code: made.code, key: made.key};
          freshKey = made.key;
          localStorage.setItem(STORE, JSON.stringify(session));
          begin();
        } catch (e) { showMessage(e.message, "error"); }
      }},
      el("h2", {}, T.create), el("label", {for: "title"}, T.title), title,
      el("button", {type: "submit", id: "create", class: "primary"}, T.create)),
    el("form", {class: "card", id: "resume-form", onsubmit: (ev) => {
        ev.preventDefault();
        session = {code: code.value.trim().toUpperCase(), key: key.value.trim()};
        localStorage.setItem(STORE, JSON.stringify(session));
        begin();
      }},
      el("h2", {}, T.resume), el("label", {for: "resume-code"}, T.code), code,
      el("label", {for: "resume-key"}, T.key_label), key,
      el("button", {type: "submit", id: "resume"}, T.resume)),
    messageView());
  if (error) showMessage(error, "error");
}

async function act(action, body) {
  try {
    await api("POST", path("/" + action), body || {}, auth());
    if (action === "open") preview = null;
    showMessage(null);
    await refresh();
  } catch (e) { showMessage(e.message, "error"); }
}

function controls() {
  const select = el("select", {id: "template"}, templates.map(tp => el("option", {value: tp.id}, tp.title)));
  const authority = el("select", {id: "authority"});
  const fill = () => {
    const tp = templates.find(x => x.id === select.value);
    authority.replaceChildren(...(tp ? tp.authorities : []).map(a => el("option", {value: a.id}, a.label)));
  };
  select.addEventListener("change", fill);
  fill();
  const seed = el("input", {id: "seed", type: "number", min: "0", step: "1", value: "0"});
  const chosen = () => ({template: select.value, authority: authority.value, seed: Number(seed.value || 0)});
  return el("section", {class: "card controls", id: "controls"},
    el("label", {for: "template"}, T.template), select,
    el("label", {for: "authority"}, T.authority), authority,
    el("label", {for: "seed"}, T.seed), seed,
    el("div", {class: "buttons"},
      el("button", {id: "preview", onclick: async () => {
        const c = chosen();
        try {
          preview = await api("GET", path("/preview?template=" + encodeURIComponent(c.template) + "&authority=" +
                                          encodeURIComponent(c.authority) + "&seed=" + c.seed), undefined, auth());
          lastSig = null; await refresh();
        } catch (e) { showMessage(e.message, "error"); }
      }}, T.preview),
      el("button", {id: "open", class: "primary", onclick: () => act("open", chosen())}, T.open)));
}

function spreadView(rows, total) {
  const max = Math.max(1, ...rows.map(r => r.count));
  return el("section", {class: "card", id: "spread"}, el("h2", {}, T.spread),
    el("div", {class: "bars"}, rows.map(r => el("div", {class: "bar-row", "data-level": r.level},
      el("span", {class: "bar-label"}, r.label),
      el("span", {class: "bar"}, el("span", {class: "fill", style: "width:" + (100 * r.count / max) + "%"})),
      el("span", {class: "bar-count"}, (total ? fmt(T.count_share, {count: r.count, share: Math.round(100 * r.share)}) : String(r.count))
        + (r.lawful !== undefined && r.count ? " · " + T.lawful + " " + r.lawful : "")
        + (r.fine_median !== null ? " · " + T.median + " " + r.fine_median.toLocaleString() : "")))))); 
}

function reasonsView(reasons) {
  return el("section", {class: "card", id: "reasons"},
    el("h2", {}, T.reasons, " ", el("label", {class: "inline"},
      el("input", {type: "checkbox", id: "show-names", checked: names, onchange: (ev) => {
        names = ev.target.checked; lastSig = null; refresh(); }}), T.show_names)),
    el("ul", {}, reasons.map(r => el("li", {}, el("b", {}, (r.name || T.anonymous) + T.colon),
      r.label + " · " + r.fine_text + " — " + r.reason))));
}

function roundsView(rounds) {
  return el("section", {class: "card", id: "rounds"}, el("h2", {}, T.rounds),
    el("ul", {}, rounds.map(r => el("li", {}, fmt(T.round, {number: r.number}) + " · " + r.status_label + " · "
      + r.template + " #" + r.seed + " · " + T.answers + " " + r.count + " ",
      el("button", {class: "small", id: "reopen-" + r.number, onclick: () => act("reopen", {number: r.number})},
         T.reopen)))),
    el("button", {id: "export", onclick: exportXlsx}, T.export));
}

async function exportXlsx() {
  try {
    const resp = await api("GET", path("/export.xlsx"), undefined, auth());
    const blob = await resp.blob();
    const a = el("a", {href: URL.createObjectURL(blob), download: "workshop-" + session.code + ".xlsx"});
    document.body.append(a); a.click(); a.remove();
  } catch (e) { showMessage(e.message, "error"); }
}

function render(state) {
  const r = state.round;
  const sig = JSON.stringify([state, names, !!preview, !!freshKey, templates.length, !!qr]);
  if (sig === lastSig) return;
  lastSig = sig;
  const keep = document.getElementById("controls");
  const projector = document.body.classList.contains("projector");
  const parts = [el("header", {}, el("h1", {}, state.workshop.title),
      el("button", {id: "projector", class: "small", onclick: () => {
        document.body.classList.toggle("projector"); lastSig = null; refresh(); }}, projector ? T.console : T.projector),
      langLink()),
    el("section", {class: "card join-info", id: "join-info"},
      el("div", {}, el("p", {}, T.code), el("p", {class: "code", id: "workshop-code"}, state.workshop.code),
        el("p", {}, T.open_url), el("p", {class: "url", id: "participant-url"}, qr ? qr.url : "")),
      qr ? el("div", {class: "qr", id: "qr"}) : null)];
  if (freshKey) parts.push(el("section", {class: "card fresh-key", id: "fresh-key"},
    el("p", {}, T.key_once), el("p", {class: "code"}, el("code", {id: "trainer-key"}, freshKey)),
    el("button", {id: "key-noted", onclick: () => { freshKey = null; lastSig = null; refresh(); }}, T.key_noted)));
  parts.push(keep || controls());
  if (preview) parts.push(el("section", {class: "card preview", id: "preview-view"}, el("h2", {}, T.preview_only),
    preview.narrative.map(line => el("p", {}, line)), el("p", {class: "meta"}, preview.authority + " · " + preview.case_id),
    keyView(preview.key)));
  parts.push(el("p", {class: "counts"}, T.joined + " ", el("b", {id: "joined"}, state.joined),
    r ? [" · " + T.answers + " ", el("b", {id: "count", "data-count": r.count}, r.count)] : null));
  if (r) {
    parts.push(caseView(r));
    parts.push(el("div", {class: "buttons"},
      el("button", {id: "close", onclick: () => act("close"), disabled: r.status !== "open"}, T.close),
      el("button", {id: "reveal", class: "primary", onclick: () => act("reveal"), disabled: r.status === "revealed"},
         T.reveal)));
    parts.push(spreadView(r.spread, r.count));
    if (r.key) { parts.push(keyView(r.key)); parts.push(reasonsView(r.reasons)); }
  }
  if (state.rounds.length) parts.push(roundsView(state.rounds));
  parts.push(messageView());
  app.replaceChildren(...parts);
  if (qr) { const box = document.getElementById("qr"); box.innerHTML = qr.svg; }  // our own server's SVG
}

async function refresh() {
  let state;
  try {
    state = await api("GET", path("/trainer" + (names ? "?names=1" : "")), undefined, auth());
  } catch (e) {
    if (e.status === 403 || e.status === 404) {
      localStorage.removeItem(STORE); session = null; stop(); startView(e.message); return;
    }
    showMessage(e.message, "error");
    throw e;
  }
  render(state);
}

let stop = () => {};
async function begin() {
  stop();
  try {
    templates = (await api("GET", "/templates")).templates;
    qr = await api("GET", path("/qr"));
  } catch (e) { /* the poll says what is wrong */ }
  lastSig = null;
  stop = poller(refresh, WS.poll_ms);
}

if (session) begin(); else startView();
