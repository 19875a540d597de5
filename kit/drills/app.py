"""``Drill``: the drill page as ipywidgets 8, over ``DrillSession``.

The widgets only call the session's plain methods (``set_officer``, ``choose``, ``next_case``, ``answer``,
``submit``, ``retry``, ``set_lang``) and put the HTML of ``render`` on screen; calling the methods from Python
(tests, a notebook) updates the widgets the same way. ``Drill()`` in a notebook served by Voila reads the
officer and the language from the page's address (``?officer=…&lang=en``; ``JUPYTERHUB_USER`` wins when set)
and asks for a name when there is none."""

from __future__ import annotations

import os
import threading
from urllib.parse import parse_qs

import ipywidgets as w

from ..baselines.vocabulary import Level
from ..grading.answer import TRANSFER
from ..i18n import UnknownLanguage, colon, named, parse_lang, t
from ..scenarios import Scenario
from . import render
from .marking import factor_label
from .session import DIFFICULTIES, LIBRARIES, DrillError, DrillSession, library_label

ANSWER_LEVELS: tuple[str, ...] = (*(lv.value for lv in Level), TRANSFER)
"""What an officer can answer, lightest first: the five levels and 移送司法机关."""
_FULL = dict(width="100%", max_width="40em")


def request_params() -> dict[str, str]:
    """The page's query parameters (Voila puts them in ``QUERY_STRING``) and the hub user."""
    query = {k: v[0] for k, v in parse_qs(os.environ.get("QUERY_STRING", "")).items()}
    hub_user = os.environ.get("JUPYTERHUB_USER", "").strip()
    if hub_user:
        query["officer"] = hub_user
    return query


def answer_label(key: str, lang) -> str:
    return t("drill.transfer", lang) if key == TRANSFER else Level(key).label(lang)


class Drill(DrillSession):
    """Self-drill page: the officer's name, what to drill, the case, the four-part answer, marks and score."""

    def __init__(self, *, first_case: bool = True, from_request: bool = True, background: bool | None = None,
                 **kwargs):
        """``background``: open the store and draw the first case in a thread after the page is on screen
        (default: when Voila runs the notebook, so the page's first widgets do not wait for the store)."""
        params = request_params() if from_request else {}
        if background is None:
            background = from_request and os.environ.get("SERVER_SOFTWARE", "").startswith("voila/")
        error: DrillError | UnknownLanguage | None = None
        if "lang" in params and "lang" not in kwargs:
            try:
                kwargs["lang"] = parse_lang(params["lang"])
            except UnknownLanguage as exc:
                error = exc
        officer = kwargs.pop("officer", None) or params.get("officer")
        super().__init__(**kwargs)
        self._error = error
        self._syncing = False
        self._first_case = first_case
        self.lang_toggle = w.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=self.lang,
                                            style={"button_width": "6em"})
        self.header = w.HTML()
        self.name_input = w.Text(layout=w.Layout(width="16em"))
        self.start_button = w.Button(button_style="primary", icon="play")
        self.name_box = w.Box([self.name_input, self.start_button]).add_class("kit-drill-row")
        self.library_input = w.Dropdown(layout=w.Layout(width="auto", min_width="12em"))
        self.sector_input = w.Dropdown(layout=w.Layout(width="auto", min_width="10em"))
        self.matter_input = w.Dropdown(layout=w.Layout(width="auto", max_width="100%"))
        self.difficulty_input = w.Dropdown(layout=w.Layout(width="auto", min_width="7em"))
        self.choices = w.Box([self.library_input, self.sector_input, self.matter_input, self.difficulty_input])
        self.choices.add_class("kit-drill-row")
        self.case_view = w.HTML()
        self.answer_heading = w.HTML()
        self.level_heading, self.circ_heading, self.prov_heading = w.HTML(), w.HTML(), w.HTML()
        self.level_input = w.RadioButtons(options=self._level_options(), value=None, layout=w.Layout(width="auto"))
        self.circ_box = w.VBox(layout=w.Layout(**_FULL))
        self.circ_inputs: dict[str, w.Checkbox] = {}
        self.provision_input = w.RadioButtons(options=[], value=None, layout=w.Layout(**_FULL))
        self.fine_input = w.Text(layout=w.Layout(width="14em"))
        self.fine_hint = w.HTML()
        self.departure_heading = w.HTML()
        self.reason_input = w.Text(layout=w.Layout(width="auto", min_width="14em"))
        self.approval_input = w.Text(layout=w.Layout(width="auto", min_width="10em"))
        self.submit_button = w.Button(button_style="success", icon="check", disabled=True)
        self.retry_button = w.Button(icon="redo", disabled=True)
        self.next_button = w.Button(button_style="primary", icon="forward")
        self.actions = w.Box([self.submit_button, self.retry_button, self.next_button]).add_class("kit-drill-row")
        self.message_view, self.feedback_view, self.score_view = w.HTML(), w.HTML(), w.HTML()
        for widget, name in ((self.name_input, "name"), (self.start_button, "start"), (self.library_input, "library"),
                             (self.sector_input, "sector"), (self.matter_input, "matter"),
                             (self.difficulty_input, "difficulty"), (self.level_input, "level"),
                             (self.provision_input, "provision"), (self.fine_input, "fine"),
                             (self.reason_input, "reason"), (self.approval_input, "approval"),
                             (self.submit_button, "submit"), (self.retry_button, "retry"),
                             (self.next_button, "next"), (self.lang_toggle, "lang"), (self.circ_box, "circumstances")):
            widget.add_class(f"kit-drill-{name}")
        self.answer_box = w.VBox([
            self.answer_heading, self.level_heading, self.level_input, self.circ_heading, self.circ_box,
            self.prov_heading, self.provision_input, w.Box([self.fine_input, self.fine_hint]).add_class("kit-drill-row"),
            self.departure_heading, w.Box([self.reason_input, self.approval_input]).add_class("kit-drill-row")])
        self.drill_box = w.VBox([self.choices, self.case_view, self.answer_box, self.actions, self.score_view,
                                 self.feedback_view])
        self.widget = w.VBox([w.HTML(render.STYLE), self.lang_toggle, self.header, self.name_box,
                              self.message_view, self.drill_box], layout=w.Layout(padding="0 .5em"))
        self.widget.add_class("kit-drill-root")
        self.lang_toggle.observe(lambda ch: self._act(self.set_lang, ch["new"]), names="value")
        self.start_button.on_click(lambda _b: self._act(self.set_officer, self.name_input.value))
        for box in (self.library_input, self.sector_input, self.matter_input, self.difficulty_input):
            box.observe(lambda _ch: self._act(self._choose_from_widgets), names="value")
        self.next_button.on_click(lambda _b: self._act(self.next_case))
        self.submit_button.on_click(lambda _b: self._act(self._submit_from_widgets))
        self.retry_button.on_click(lambda _b: self._act(self.retry))
        self.ready = threading.Event()  # set once the first case is on the page (or the error is)
        if officer and background:  # the library, the templates and the store load in the thread
            self._refresh()
            self.name_box.layout.display = "none"
            self.drill_box.layout.display = None
            self.case_view.value = render.loading_html(self.lang)
            threading.Thread(target=self._start_in_background, args=(officer,), daemon=True).start()
        elif officer:
            self._act(self.set_officer, officer)
            self.ready.set()
        else:
            self._refresh_choices()
            self._refresh()
            self.ready.set()

    def _start_in_background(self, officer: str) -> None:
        try:
            self.templates  # noqa: B018 — load the library and the templates off the page's first paint
            self._refresh_choices()
            self._act(self.set_officer, officer)
        except Exception:  # noqa: BLE001 — no traceback on the page; the kernel's log has it
            import traceback
            traceback.print_exc()
            self.message_view.value = render.error_html(t("drill.err.internal", self.lang))
        finally:
            self.ready.set()

    # ---- the session's methods, with the page kept in step ------------------------------------------------

    def set_officer(self, name: str | None) -> None:
        super().set_officer(name)
        if hasattr(self, "widget"):
            self._refresh_choices()
            if self._first_case and self.scenario is None:
                self.next_case()
            self._refresh()

    def set_lang(self, lang: str) -> None:
        super().set_lang(lang)
        if hasattr(self, "widget"):
            self._refresh_choices()
            self._refresh()

    def choose(self, **kwargs) -> None:
        super().choose(**kwargs)
        if hasattr(self, "widget"):
            self._refresh_choices()

    def next_case(self) -> Scenario:
        scenario = super().next_case()
        if hasattr(self, "widget"):
            self._clear_answer()
            self._refresh()
        return scenario

    def submit(self):
        marks = super().submit()
        if hasattr(self, "widget"):
            self._refresh()
        return marks

    def retry(self) -> None:
        super().retry()
        if hasattr(self, "widget"):
            self._clear_answer()
            self._refresh()

    def show(self) -> None:
        from IPython.display import display
        display(self.widget)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    # ---- wiring ------------------------------------------------------------------------------------------

    def _choose_from_widgets(self) -> None:
        self.choose(library=self.library_input.value, sector=self.sector_input.value,
                    matter=self.matter_input.value, difficulty=self.difficulty_input.value)

    def _submit_from_widgets(self) -> None:
        self.answer(level=self.level_input.value,
                    circumstances=[f for f, box in self.circ_inputs.items() if box.value],
                    provision=self.provision_input.value, fine=self.fine_input.value,
                    reason=self.reason_input.value, approval=self.approval_input.value)
        self.submit()

    def _act(self, method, *args, **kwargs) -> None:
        """Run a session method for a widget (not while the page itself is updating the selectors); a mistake
        the officer can fix is shown on the page, not raised."""
        if self._syncing:
            return
        try:
            method(*args, **kwargs)
            self._error = None
        except DrillError as exc:
            self._error = exc
        self._show_error()

    def _show_error(self) -> None:
        err = self._error
        text = err.message(self.lang) if isinstance(err, DrillError) else (str(err) if err else "")
        self.message_view.value = render.error_html(text)

    def _level_options(self) -> list[tuple[str, str]]:
        return [(answer_label(key, self.lang), key) for key in ANSWER_LEVELS]

    def _clear_answer(self) -> None:
        self._syncing = True
        try:
            self.level_input.value = None
            self.fine_input.value = self.reason_input.value = self.approval_input.value = ""
            options = self.circumstance_options()
            self.circ_inputs = {f: w.Checkbox(value=False, indent=False, layout=w.Layout(width="auto"))
                                for f in options}
            for f, box in self.circ_inputs.items():
                box.add_class(f"kit-drill-circ-{f}")
            self.circ_box.children = tuple(self.circ_inputs.values())
            self.provision_input.options = self.provision_options()
            self.provision_input.value = None
        finally:
            self._syncing = False

    def _refresh_choices(self) -> None:
        """Options of the selectors in the current language (values are ids and keys, so they survive)."""
        lang, every = self.lang, t("drill.any", self.lang)
        self._syncing = True
        try:
            self.lang_toggle.value = lang
            self.library_input.options = [(library_label(k, lang), k) for k in LIBRARIES]
            self.library_input.value = self.library_key
            self.sector_input.options = [(every, "")] + [(render.sector_label(s, lang), s) for s in self.sectors()]
            self.sector_input.value = self.sector or ""
            matters = self.library.matters
            self.matter_input.options = [(every, "")] + [
                (named(matters[m].name, matters[m].name_en, lang), m)
                for m in self.matters()]
            self.matter_input.value = self.matter or ""
            self.difficulty_input.options = [(every, "")] + [(t(f"drill.difficulty.{d}", lang), d)
                                                             for d in DIFFICULTIES]
            self.difficulty_input.value = self.difficulty or ""
            level = self.level_input.value
            self.level_input.options = self._level_options()
            self.level_input.value = level
        finally:
            self._syncing = False

    def _refresh(self) -> None:
        """Every text on the page, from the session's state."""
        lang = self.lang
        self.header.value = render.header_html(lang, self.officer)
        self.name_box.layout.display = "none" if self.officer else None
        self.drill_box.layout.display = None if self.officer else "none"
        self.name_input.placeholder = t("drill.officer_hint", lang)
        self.start_button.description = t("drill.start", lang)
        self.library_input.description = t("drill.library", lang)
        self.sector_input.description = t("drill.sector", lang)
        self.matter_input.description = t("drill.matter", lang)
        self.difficulty_input.description = t("drill.difficulty", lang)
        for box in (self.library_input, self.sector_input, self.matter_input, self.difficulty_input):
            box.style.description_width = "initial"
        self.next_button.description = t("drill.next", lang)
        self.submit_button.description = t("drill.submit", lang)
        self.retry_button.description = t("drill.retry", lang)
        self.answer_heading.value = f"<b>{t('drill.your_answer', lang)}</b>"
        self.level_heading.value = f"{t('drill.level', lang)}{colon(lang)}"
        self.circ_heading.value = f"{t('drill.circumstances', lang)}{colon(lang)}"
        self.prov_heading.value = f"{t('drill.provision', lang)}{colon(lang)}"
        for f, box in self.circ_inputs.items():
            box.description = factor_label(self.library, f, lang)
        self.fine_input.description = t("drill.fine", lang)
        self.fine_input.style.description_width = "initial"
        self.fine_input.placeholder = "50000"
        self.fine_hint.value = f"<span class='kit-drill-meta'>{t('drill.fine_hint', lang)}</span>"
        self.departure_heading.value = f"<span class='kit-drill-meta'>{t('drill.departure', lang)}</span>"
        self.reason_input.description = t("drill.reason", lang)
        self.approval_input.description = t("drill.approval", lang)
        for box in (self.reason_input, self.approval_input):
            box.style.description_width = "initial"
        self.case_view.value = render.case_html(self.scenario, self.template(), lang, review=self.is_review)
        self.answer_box.layout.display = None if self.scenario else "none"
        self.feedback_view.value = render.feedback_html(self.marks, self.scenario, lang, self.library)
        queue = self.progress.queue() if self.progress else []
        today = self.progress.today() if self.progress else None
        self.score_view.value = render.score_html(self.score(), len(queue),
                                                  sum(1 for _r, _b, due in queue if today and due <= today), lang)
        self.submit_button.disabled = self.scenario is None or self.marks is not None
        self.retry_button.disabled = self.marks is None
        self._show_error()
