/* What both workshop pages share: the config the server put in the page, the JSON API, DOM building
   (text only: nothing a participant typed is ever parsed as HTML), the lost-connection banner. */
"use strict";
const WS = JSON.parse(document.getElementById("ws-config").textContent);
const T = WS.texts;

function fmt(s, params) { return s.replace(/\{(\w+)\}/g, (_, k) => (k in params ? params[k] : "{" + k + "}")); }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "value") node.value = v;
    else node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

class ApiError extends Error {
  constructor(status, data) { super(data.error || String(status)); this.status = status; this.key = data.key; }
}

let offline = false;
function setOffline(on, text) {
  offline = on;
  const banner = document.getElementById("offline");
  banner.textContent = text || T.offline;
  banner.hidden = !on;
}

async function api(method, path, body, headers) {
  const sep = path.includes("?") ? "&" : "?";
  let resp;
  try {
    resp = await fetch(WS.base + "api/workshop" + path + sep + "lang=" + WS.lang, {
      method, credentials: "same-origin", cache: "no-store",
      headers: Object.assign(body !== undefined ? {"Content-Type": "application/json"} : {}, headers || {}),
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  } catch (e) {
    setOffline(true);
    throw new ApiError(0, {error: T.offline, key: "offline"});
  }
  const type = resp.headers.get("Content-Type") || "";
  if (!type.startsWith("application/json")) {
    setOffline(false);
    if (!resp.ok) throw new ApiError(resp.status, {error: String(resp.status)});
    return resp;
  }
  const data = await resp.json();
  setOffline(resp.status === 503, data.error);  // the database is down, locked or full: said on the page
  if (!resp.ok) throw new ApiError(resp.status, data);
  return data;
}

function poller(fn, ms) {
  let timer = null;
  const tick = async () => {
    try { await fn(); } catch (e) { /* shown by fn or by the offline banner */ }
    timer = setTimeout(tick, offline ? Math.min(ms * 2, 5000) : ms);
  };
  tick();
  return () => clearTimeout(timer);
}

function query(name) { return new URLSearchParams(location.search).get(name); }

function langLink() {
  const other = WS.lang === "zh" ? "en" : "zh";
  const params = new URLSearchParams(location.search);
  params.set("lang", other);
  return el("a", {class: "lang", id: "lang-toggle", href: "?" + params.toString()}, T.other_lang);
}

function keyView(key) {
  return el("section", {class: "card key", id: "key"},
    el("h2", {}, T.key),
    el("p", {class: "outcome"}, el("b", {}, key.outcome)),
    el("p", {}, T.acceptable + T.colon + key.acceptable.join(T.list_sep)),
    key.fine ? el("p", {}, T.fine_range + T.colon + key.fine) : null,
    key.suggested ? el("p", {}, T.suggested + T.colon + key.suggested) : null,
    el("h3", {}, T.trace),
    el("ol", {class: "trace"}, key.trace.map(s => el("li", {}, s.text, " ", el("small", {}, "〔" + s.cites + "〕")))));
}

function caseView(round) {
  return el("section", {class: "card case", id: "case", "data-round": round.number, "data-case-id": round.case_id},
    el("h2", {}, fmt(T.round, {number: round.number}), " ",
      el("span", {class: "badge status-" + round.status, id: "round-status"}, round.status_label)),
    round.narrative.map(line => el("p", {}, line)),
    el("p", {class: "meta"}, round.authority, " · ", round.case_id, " · ", round.illustrative));
}
