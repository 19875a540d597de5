/* The phone: join with a name, read the case on screen, answer it (the answer names its round), see the
   closing and the reveal as they happen (short polling), then the key and one's own marks. */
"use strict";
const app = document.getElementById("app");
let code = (query("code") || localStorage.getItem("kit_ws_code") || "").toUpperCase();
let shown = null;      // the signature of what is on screen: re-render only when it changes
let message = null;    // {text, kind}

function header(state) {
  return el("header", {},
    el("h1", {}, state && state.workshop ? state.workshop.title : T.participant_title),
    langLink(),
    state && state.me ? el("p", {class: "me", id: "me"}, T.joined_as + " " + state.me.name + " · " + code) : null);
}

function messageView() {
  return el("p", {id: "message", class: "message " + (message ? message.kind : ""), role: "alert",
                  hidden: !message}, message ? message.text : "");
}

function showMessage(text, kind) {
  message = text ? {text, kind} : null;
  const node = document.getElementById("message");
  if (node) node.replaceWith(messageView());
}

function joinView(error) {
  const codeInput = el("input", {id: "code", name: "code", value: code, autocomplete: "off", maxlength: "16",
                                 autocapitalize: "characters", required: true});
  const nameInput = el("input", {id: "name", name: "name", maxlength: "40", autocomplete: "name", required: true});
  if (WS.user) { nameInput.value = WS.user; nameInput.readOnly = true; }  // on a hub: the login is the name
  const form = el("form", {class: "card", id: "join-form", onsubmit: async (ev) => {
      ev.preventDefault();
      code = codeInput.value.trim().toUpperCase();
      try {
        await api("POST", "/" + encodeURIComponent(code) + "/join", {name: nameInput.value});
        localStorage.setItem("kit_ws_code", code);
        message = null; shown = null;
        await refresh();
      } catch (e) { showMessage(e.message, "error"); }
    }},
    el("label", {for: "code"}, T.code), codeInput,
    el("label", {for: "name"}, T.name), nameInput,
    el("button", {type: "submit", id: "join", class: "primary"}, T.join));
  app.replaceChildren(header(null), form, messageView());
  if (error) showMessage(error, "error");
}

function answerForm(round, answer) {
  const level = el("select", {id: "level", name: "level", required: true},
    el("option", {value: ""}, T.choose),
    WS.levels.map(l => el("option", {value: l.level, selected: answer && answer.level === l.level}, l.label)));
  const fine = el("input", {id: "fine", name: "fine", type: "number", inputmode: "decimal", min: "0",
                            max: "10000000000", step: "any", value: answer && answer.fine ? answer.fine : ""});
  const reason = el("textarea", {id: "reason", name: "reason", maxlength: "2000", rows: "3"},
                    answer && answer.reason ? answer.reason : "");
  return el("form", {class: "card", id: "answer-form", "data-round-id": round.id, onsubmit: async (ev) => {
      ev.preventDefault();
      const body = {round: round.id, level: level.value || null, reason: reason.value,
                    fine: fine.value === "" ? null : Number(fine.value)};
      const button = document.getElementById("submit");
      button.disabled = true;
      try {
        const done = await api("POST", "/" + encodeURIComponent(code) + "/answer", body);
        showMessage(done.message, "ok");
      } catch (e) {
        showMessage(e.message, "error");
        shown = null;  // the round may have changed: redraw from the next state
      } finally { button.disabled = false; }
    }},
    el("label", {for: "level"}, T.outcome), level,
    el("label", {for: "fine"}, T.fine), fine,
    el("label", {for: "reason"}, T.reason), reason,
    el("button", {type: "submit", id: "submit", class: "primary"}, T.submit));
}

function answerView(answer) {
  return el("section", {class: "card", id: "my-answer"}, el("h2", {}, T.your_answer),
    el("p", {}, answer.label + " · " + answer.fine_text), answer.reason ? el("p", {class: "meta"}, answer.reason) : null);
}

function marksView(marks) {
  return el("section", {class: "card marks " + (marks.right ? "right" : "wrong"), id: "my-marks"},
    el("h2", {}, T.your_marks, " ", el("span", {class: "badge", id: "points"}, marks.total + " / " + marks.max_total)),
    el("ul", {}, marks.parts.map(p => el("li", {class: "part-" + p.status},
      el("b", {}, fmt(T.part_points, {label: p.label, points: p.points, max: p.max_points})), " ", p.reason))));
}

function render(state) {
  const r = state.round;
  const sig = JSON.stringify([r && r.id, r && r.status, state.answer, !!state.marks]);
  if (sig === shown) return;
  const sameRound = shown !== null && JSON.parse(shown)[0] === (r && r.id) && JSON.parse(shown)[1] === (r && r.status);
  shown = sig;
  if (!sameRound) message = null;
  const parts = [header(state)];
  if (!r) parts.push(el("section", {class: "card waiting", id: "waiting"}, T.waiting));
  else {
    parts.push(caseView(r));
    if (r.status === "open") {
      const existing = document.getElementById("answer-form");
      parts.push(sameRound && existing ? existing : answerForm(r, state.answer));
    } else if (r.status === "closed") {
      parts.push(el("section", {class: "card waiting", id: "closed"}, T.closed_wait));
    }
    if (state.answer && r.status !== "open") parts.push(answerView(state.answer));
    if (r.status === "revealed") {
      parts.push(state.marks ? marksView(state.marks) : el("section", {class: "card", id: "no-answer"}, T.no_answer));
      parts.push(keyView(state.key));
    }
  }
  parts.push(messageView());
  app.replaceChildren(...parts);
}

async function refresh() {
  if (!code) { joinView(); return "stop"; }
  let state;
  try {
    state = await api("GET", "/" + encodeURIComponent(code) + "/state");
  } catch (e) {
    if (e.status === 404) { localStorage.removeItem("kit_ws_code"); code = ""; joinView(e.message); return "stop"; }
    throw e;
  }
  if (!state.me) { if (!document.getElementById("join-form")) joinView(); return "stop"; }
  render(state);
}

(async () => {
  let running = false;
  const start = () => { if (!running) { running = true; poller(refresh, WS.poll_ms); } };
  const first = await refresh().catch(() => null);
  if (first !== "stop") start();
  else document.addEventListener("submit", () => setTimeout(start, 300), {once: false});
})();
