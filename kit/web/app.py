"""Voila with the kit's routes in front: one process serves the notebooks and the kit's light pages."""

from __future__ import annotations

from voila.app import Voila

from .page import NotFoundPage
from .routes import kit_routes


class KitVoila(Voila):
    """Voila whose handler list starts with the kit's routes (tornado matches rules in order, so ``/`` is ours)."""

    def init_settings(self) -> dict:
        settings = super().init_settings()
        settings["default_handler_class"] = NotFoundPage  # a bad URL gets the kit's page, not tornado's English one
        return settings

    def init_handlers(self) -> list:
        return kit_routes(self.server_url) + super().init_handlers()


def main() -> None:
    KitVoila.launch_instance()
