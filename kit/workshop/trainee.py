"""``Trainee``: a participant's page as ipywidgets 8, wired to the plain functions of ``service``.

Enter the workshop code and a name, read the case of the current round, choose the outcome and the fine and
submit (「已提交」); a second submission replaces the first until the trainer closes the round."""

from __future__ import annotations

import ipywidgets as w
from sqlalchemy import Engine

from ..baselines import Library
from ..grading.nbgrader import signed_in_trainee
from . import render, service
from .page import Page
from .service import LEVEL_ORDER, WorkshopError, level_label

_WIDE = {"description_width": "initial"}


class Trainee(Page):
    """One participant's page."""

    def __init__(self, *, engine: Engine | None = None, library: Library | None = None, lang: str = "zh"):
        super().__init__(engine=engine, library=library, lang=lang)
        self.name: str | None = None
        self.round_number: int | None = None
        self.signed_in = signed_in_trainee()
        """Under JupyterHub, the hub user: the participant's name is that and cannot be typed over, and the page
        shows the answer this participant already gave in the round (kept in the store across restarts)."""
        self.code_input = w.Text(description="研讨会代码", style=_WIDE, layout=w.Layout(width="16em"))
        self.name_input = w.Text(description="姓名", style=_WIDE, layout=w.Layout(width="14em"))
        if self.signed_in:
            self.name_input.value, self.name_input.disabled = self.signed_in, True
        self.join_button = w.Button(description="加入", button_style="primary")
        self.refresh_button = w.Button(description="刷新案例", icon="refresh", disabled=True)
        self.case_view = w.HTML()
        self.level_input = w.RadioButtons(options=[(level_label(k, lang), k) for k in LEVEL_ORDER], value=None,
                                          description="处理结果", style=_WIDE, layout=w.Layout(width="auto"))
        self.fine_input = w.FloatText(value=0.0, description="罚款（元，0 表示不罚款）", style=_WIDE,
                                      layout=w.Layout(width="22em"))
        self.reason_input = w.Text(description="理由（可选）", style=_WIDE, layout=w.Layout(width="36em"))
        self.submit_button = w.Button(description="提交", button_style="success", icon="check", disabled=True)
        self.done_view = w.HTML()
        self.message_view = w.HTML()
        for widget, name in ((self.code_input, "code"), (self.name_input, "name"), (self.join_button, "join"),
                             (self.refresh_button, "refresh-case"), (self.level_input, "level"),
                             (self.fine_input, "fine"), (self.reason_input, "reason"),
                             (self.submit_button, "submit")):
            widget.add_class(f"kit-ws-{name}")
        self.widget = w.VBox([
            w.HTML(render.STYLE), w.HBox([self.code_input, self.name_input, self.join_button, self.refresh_button]),
            self.case_view, self.level_input, self.fine_input, self.reason_input,
            w.HBox([self.submit_button, self.done_view], layout=w.Layout(align_items="center", grid_gap="1em")),
            self.message_view,
        ], layout=w.Layout(padding="0 1em"))
        self.join_button.on_click(lambda _b: self._act(self.join, self.code_input.value, self.name_input.value))
        self.refresh_button.on_click(lambda _b: self._act(self.refresh))
        self.submit_button.on_click(lambda _b: self._act(self.submit, self.level_input.value, self.fine_input.value,
                                                         self.reason_input.value))

    def join(self, code: str, name: str) -> None:
        name = self.signed_in or (name or "").strip()
        if not name:
            raise WorkshopError("请填写姓名。", "Enter your name.")
        with self.Session() as s:
            self.code = service.get_workshop(s, code).code
        self.name = name
        self.refresh()

    def refresh(self) -> None:
        """Show the workshop's current round (clearing the answer when the round changed)."""
        if self.code is None:
            raise WorkshopError("请先输入研讨会代码并加入。", "Join a workshop first.")
        with self.Session() as s:
            round_ = service.current_round(s, self.code)
            if round_ is None:
                self.case_view.value = render.case_html(None, None, self.lang)
                self.submit_button.disabled = True
                self.refresh_button.disabled = False
                return
            scenario = service.case_of(round_, self.library)
            if round_.number != self.round_number:
                self.round_number = round_.number
                self.level_input.value = None
                self.fine_input.value = 0.0
                self.reason_input.value = self.done_view.value = ""
                own = service.submission_of(s, round_, self.name) if self.signed_in else None
                if own is not None:  # the answer given before a reload or a restart of the server
                    self.level_input.value, self.fine_input.value = own.level, own.fine or 0.0
                    self.reason_input.value = own.reason or ""
                    self.done_view.value = self._done_html(own, round_.number)
            self.case_view.value = render.case_html(scenario, round_.number, self.lang)
            self.submit_button.disabled = round_.status != "open"
            self.refresh_button.disabled = False
            if round_.status != "open":
                self.done_view.value += "" if "已截止" in self.done_view.value else \
                    " <span class='kit-ws-meta'>本轮已截止</span>"

    def submit(self, level: str | None, fine: float | None = None, reason: str | None = None) -> None:
        if self.code is None or self.name is None:
            raise WorkshopError("请先输入研讨会代码和姓名并加入。", "Join a workshop first.")
        with self.Session.begin() as s:
            sub = service.submit(s, self.code, self.name, level, fine, reason)
            number = sub.round.number
        self.done_view.value = self._done_html(sub, number)

    def _done_html(self, sub, number: int) -> str:
        return (f"<span class='kit-ws-done'>已提交（第{number}轮：{level_label(sub.level, self.lang)}"
                f"{'，罚款' + format(sub.fine, ',.0f') + '元' if sub.fine else ''}）</span>")
