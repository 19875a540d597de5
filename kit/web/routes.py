"""Which modules add routes to the server, in the order they are matched (before Voila's own)."""

from __future__ import annotations

from importlib import import_module

# Each module has ``routes(base) -> list[tuple]``. Add a module here to add pages or an API.
ROUTE_MODULES: tuple[str, ...] = (
    "kit.web.landing",
    "kit.web.workshop_api",  # issue 12: the workshop JSON API and its two light pages
    "kit.web.workshop_page",
    "kit.web.drill_pages",  # /drill (the officer's name), /drill/progress
    "kit.web.simulator_page",  # /simulator and its JSON API
)


def kit_routes(base: str) -> list[tuple]:
    rules: list[tuple] = []
    for name in ROUTE_MODULES:
        rules.extend(import_module(name).routes(base))
    return rules
