"""``Drill``: the drill page as ipywidgets 8, over ``DrillSession``.

The widgets only call the session's plain methods (``choose``, ``next_case``, ``answer``, ``submit``,
``set_lang``) and put the HTML of ``render`` on screen; calling the methods from Python (tests, a notebook)
updates the widgets the same way. A notebook shows the page with ``Drill()`` as its last expression, or
``Drill().show()``."""

from __future__ import annotations

import ipywidgets as w

from ..grading import Marks
from ..scenarios import Scenario
from . import render
from .session import DrillError, DrillSession
from .texts import ANSWER_LEVELS, answer_label, ordered_outcomes, target_label, text

_WIDE = {"description_width": "initial"}


class Drill(DrillSession):
    """Self-drill page: pick a case type, get a case, answer, and see the marks with the cited reasoning."""

    def __init__(self, *, first_case: bool = True, **kwargs):
        """``kwargs``: those of ``DrillSession``; ``first_case``: show a case of the first template at once."""
        super().__init__(**kwargs)
        self._error: DrillError | None = None
        self._syncing = False
        self.lang_toggle = w.ToggleButtons(options=[("中文", "zh"), ("English", "en")], value=self.lang,
                                            style={"button_width": "6em"})
        self.header = w.HTML()
        self.template_input = w.Dropdown(style=_WIDE, layout=w.Layout(width="32em"))
        self.target_input = w.Dropdown(style=_WIDE, layout=w.Layout(width="18em"))
        self.next_button = w.Button(button_style="primary", icon="forward")
        self.case_view = w.HTML()
        self.answer_heading = w.HTML()
        self.level_input = w.RadioButtons(options=self._level_options(), value=None,
                                          layout=w.Layout(width="auto"))
        self.fine_input = w.FloatText(value=0.0, style=_WIDE, layout=w.Layout(width="18em"))
        self.fine_hint = w.HTML()
        self.departure_heading = w.HTML()
        self.reason_input = w.Text(style=_WIDE, layout=w.Layout(width="36em"))
        self.approval_input = w.Text(style=_WIDE, layout=w.Layout(width="24em"))
        self.submit_button = w.Button(button_style="success", icon="check", disabled=True)
        self.message_view = w.HTML()
        self.feedback_view = w.HTML()
        self.score_view = w.HTML()
        for widget, name in ((self.template_input, "template"), (self.target_input, "target"),
                             (self.next_button, "next"), (self.level_input, "level"), (self.fine_input, "fine"),
                             (self.reason_input, "reason"), (self.approval_input, "approval"),
                             (self.submit_button, "submit"), (self.lang_toggle, "lang")):
            widget.add_class(f"kit-drill-{name}")
        self.widget = w.VBox([
            w.HTML(render.STYLE), self.lang_toggle, self.header,
            w.HBox([self.template_input, self.target_input, self.next_button]),
            self.case_view, self.answer_heading, self.level_input,
            w.HBox([self.fine_input, self.fine_hint]), self.departure_heading,
            w.HBox([self.reason_input, self.approval_input]),
            w.HBox([self.submit_button, self.score_view], layout=w.Layout(align_items="center", grid_gap="1em")),
            self.message_view, self.feedback_view,
        ], layout=w.Layout(padding="0 1em"))
        self._refresh_choices()
        self._refresh()
        self.lang_toggle.observe(lambda ch: self._act(self.set_lang, ch["new"]), names="value")
        self.template_input.observe(lambda ch: self._act(self.choose, ch["new"]), names="value")
        self.target_input.observe(lambda ch: self._act(self.choose, None, target=ch["new"]), names="value")
        self.next_button.on_click(lambda _b: self._act(self.next_case))
        self.submit_button.on_click(lambda _b: self._act(self._submit_from_widgets))
        if first_case:
            self._act(self.next_case)

    # ---- the session's methods, with the page kept in step ------------------------------------------------

    def set_lang(self, lang: str) -> None:
        super().set_lang(lang)
        if hasattr(self, "widget"):
            self._refresh_choices()
            self._refresh()

    def choose(self, template: str | None = None, *, target: str | None = None) -> None:
        changed = template is not None and template != self.template.id
        super().choose(template, target=target if not changed else None)
        if hasattr(self, "widget") and changed:
            self._refresh_choices()

    def next_case(self) -> Scenario:
        scenario = super().next_case()
        if hasattr(self, "widget"):
            self.level_input.value = None
            self.fine_input.value = 0.0
            self.reason_input.value = self.approval_input.value = ""
            self._refresh()
        return scenario

    def submit(self) -> Marks:
        marks = super().submit()
        if hasattr(self, "widget"):
            self._refresh()
        return marks

    def show(self) -> None:
        from IPython.display import display
        display(self.widget)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)

    # ---- wiring ------------------------------------------------------------------------------------------

    def _submit_from_widgets(self) -> None:
        self.answer(level=self.level_input.value, fine=self.fine_input.value,
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
        self.message_view.value = render.error_html(self._error.message(self.lang) if self._error else "")

    def _level_options(self) -> list[tuple[str, str]]:
        return [(answer_label(key, self.lang), key) for key in ANSWER_LEVELS]

    def _refresh_choices(self) -> None:
        """Options of the selectors, in the current language (values are ids and keys, so they survive)."""
        lang = self.lang
        self._syncing = True
        try:
            self.lang_toggle.value = lang
            self.template_input.options = [(t.title.zh if lang == "zh" else t.title.en, t.id)
                                           for t in self.templates]
            self.template_input.value = self.template.id
            targets = [None, *ordered_outcomes(self.template.reachable)]
            if self.target not in targets:
                self.target = None
            self.target_input.options = [(target_label(o, lang), o or "") for o in targets]
            self.target_input.value = self.target or ""
            level = self.level_input.value
            self.level_input.options = self._level_options()
            self.level_input.value = level
        finally:
            self._syncing = False

    def _refresh(self) -> None:
        """Every text on the page, from the session's state."""
        lang = self.lang
        self.header.value = render.header_html(lang)
        self.template_input.description = text("template", lang)
        self.target_input.description = text("target", lang)
        self.next_button.description = text("next", lang)
        self.submit_button.description = text("submit", lang)
        self.answer_heading.value = f"<b>{text('your_answer', lang)}</b> · {text('level', lang)}："
        self.fine_input.description = text("fine", lang)
        self.fine_hint.value = f"<span class='kit-drill-meta'>{text('fine_hint', lang)}</span>"
        self.departure_heading.value = f"<span class='kit-drill-meta'>{text('departure', lang)}</span>"
        self.reason_input.description = text("reason", lang)
        self.approval_input.description = text("approval", lang)
        self.case_view.value = render.case_html(self.scenario, self._scenario_template(), lang)
        self.feedback_view.value = render.feedback_html(self.marks, self.scenario, lang)
        self.score_view.value = render.score_html(self.score, lang)
        self.submit_button.disabled = self.scenario is None or self.marks is not None
        self.message_view.value = render.error_html(self._error.message(lang) if self._error else "")

    def _scenario_template(self):
        if self.scenario is None:
            return None
        return next((t for t in self.templates if t.id == self.scenario.template_id), None)
