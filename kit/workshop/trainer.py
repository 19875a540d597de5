"""``Trainer``: the trainer's page as ipywidgets 8, wired to the plain functions of ``service``.

Create a workshop (or resume one by its code), open a round on a case, watch the count of answers (refresh),
close the round and discuss the spread (bar chart and table), then reveal the engine's decision with its cited
trace and everyone's marks. Each method is callable from Python and updates the page the same way."""

from __future__ import annotations

import html

import ipywidgets as w
from sqlalchemy import Engine

from ..baselines import Library
from . import render, service
from .page import Page
from .service import WorkshopError

_WIDE = {"description_width": "initial"}


class Trainer(Page):
    """The trainer's console for one workshop."""

    def __init__(self, *, engine: Engine | None = None, library: Library | None = None, lang: str = "zh"):
        super().__init__(engine=engine, library=library, lang=lang)
        self.title_input = w.Text(description="研讨会名称", style=_WIDE, layout=w.Layout(width="28em"))
        self.create_button = w.Button(description="创建研讨会", button_style="primary")
        self.code_input = w.Text(description="或输入已有代码", style=_WIDE, layout=w.Layout(width="18em"))
        self.resume_button = w.Button(description="继续")
        self.code_view = w.HTML()
        self.template_input = w.Dropdown(description="案例类型", style=_WIDE, layout=w.Layout(width="32em"),
                                         options=[(t.title.zh if lang == "zh" else t.title.en, t.id)
                                                  for t in service.templates(self.library)])
        self.seed_input = w.IntText(value=0, description="变式编号", style=_WIDE, layout=w.Layout(width="12em"))
        self.open_button = w.Button(description="开启新一轮", button_style="success", disabled=True)
        self.case_view = w.HTML()
        self.status_view = w.HTML()
        self.refresh_button = w.Button(description="刷新", icon="refresh", disabled=True)
        self.close_button = w.Button(description="截止提交", button_style="warning", disabled=True)
        self.reveal_button = w.Button(description="揭晓答案", button_style="danger", disabled=True)
        self.chart_view = w.HTML()
        self.table_view = w.HTML()
        self.reveal_view = w.HTML()
        self.message_view = w.HTML()
        for widget, name in ((self.title_input, "title"), (self.create_button, "create"), (self.code_input, "code"),
                             (self.resume_button, "resume"), (self.template_input, "template"),
                             (self.seed_input, "seed"), (self.open_button, "open"), (self.refresh_button, "refresh"),
                             (self.close_button, "close"), (self.reveal_button, "reveal"),
                             (self.status_view, "status")):
            widget.add_class(f"kit-ws-{name}")
        self.widget = w.VBox([
            w.HTML(render.STYLE), w.HBox([self.title_input, self.create_button]),
            w.HBox([self.code_input, self.resume_button]), self.code_view,
            w.HBox([self.template_input, self.seed_input, self.open_button]), self.case_view,
            w.HBox([self.status_view, self.refresh_button, self.close_button, self.reveal_button],
                   layout=w.Layout(align_items="center", grid_gap="1em")),
            self.message_view, self.chart_view, self.table_view, self.reveal_view,
        ], layout=w.Layout(padding="0 1em"))
        self.create_button.on_click(lambda _b: self._act(self.create, self.title_input.value))
        self.resume_button.on_click(lambda _b: self._act(self.resume, self.code_input.value))
        self.open_button.on_click(lambda _b: self._act(self.open_round, self.template_input.value,
                                                       self.seed_input.value))
        self.refresh_button.on_click(lambda _b: self._act(self.refresh))
        self.close_button.on_click(lambda _b: self._act(self.close_round))
        self.reveal_button.on_click(lambda _b: self._act(self.reveal_round))

    # ---- actions -----------------------------------------------------------------------------------------

    def create(self, title: str, code: str | None = None) -> str:
        with self.Session.begin() as s:
            self.code = service.create_workshop(s, title, code=code).code
        self.refresh()
        return self.code

    def resume(self, code: str) -> str:
        with self.Session.begin() as s:
            self.code = service.get_workshop(s, code).code
        self.refresh()
        return self.code

    def open_round(self, template: str, seed: int = 0) -> int:
        with self.Session.begin() as s:
            number = service.open_round(s, self._code(), template, seed, library=self.library).number
        self.refresh()
        return number

    def close_round(self) -> None:
        with self.Session.begin() as s:
            round_ = self._round(s)
            service.close(s, round_)
        self.refresh()

    def reveal_round(self) -> service.Reveal:
        with self.Session.begin() as s:
            result = service.reveal(s, self._round(s), library=self.library)
        self.refresh()
        self.reveal_view.value = render.reveal_html(result, self.lang)
        return result

    def refresh(self) -> None:
        """Re-read the workshop: the round, the count of answers, the spread (and the reveal)."""
        with self.Session() as s:
            workshop = service.get_workshop(s, self._code())
            round_ = service.current_round(s, workshop.code)
            self.code_view.value = (f"<p>{html.escape(workshop.title)} · 研讨会代码 <span class='kit-ws-workshop-code'>{workshop.code}</span> "
                                    f"<span class='kit-ws-meta'>学员打开 /voila/render/workshop.ipynb 输入此代码"
                                    f"</span></p>")
            self.open_button.disabled = False
            if round_ is None:
                self.case_view.value = render.case_html(None, None, self.lang)
                self.status_view.value = ""
                self.chart_view.value = self.table_view.value = self.reveal_view.value = ""
                return
            frame = service.spread(s, round_, lang=self.lang, library=self.library)
            scenario = service.case_of(round_, self.library)
            status = {"open": "提交中", "closed": "已截止", "revealed": "已揭晓"}[round_.status]
            self.case_view.value = render.case_html(scenario, round_.number, self.lang)
            self.status_view.value = (f"<span data-count='{frame.attrs['participants']}'>第{round_.number}轮 · "
                                      f"{status} · 已提交 <b>{frame.attrs['participants']}</b> 人</span>")
            self.refresh_button.disabled = False
            self.close_button.disabled = round_.status != "open"
            self.reveal_button.disabled = round_.status == "revealed"
            self.chart_view.value = render.spread_chart_html(frame, self.lang) if frame.attrs["participants"] else ""
            self.table_view.value = render.spread_table_html(frame, revealed=round_.status == "revealed",
                                                             lang=self.lang)
            if round_.status == "revealed":
                result = service.Reveal(scenario, service.marks_of(s, round_, self.library))
                self.reveal_view.value = render.reveal_html(result, self.lang)
            else:
                self.reveal_view.value = ""

    # ---- wiring ------------------------------------------------------------------------------------------

    def _code(self) -> str:
        if self.code is None:
            raise WorkshopError("请先创建研讨会，或输入已有的研讨会代码。", "Create a workshop or enter a code first.")
        return self.code

    def _round(self, s):
        round_ = service.current_round(s, self._code())
        if round_ is None:
            raise WorkshopError("请先开启一轮案例。", "Open a round first.")
        return round_
