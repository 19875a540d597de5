"""The ``kit`` command: one console script, a thin layer over plain functions of the kit's packages.

Each submodule registers its commands on ``app`` with ``@app.command()``; importing it here is what adds them.
A user's mistake (a broken file, a missing path) prints located errors to stderr and exits 1, never a traceback.
"""

from __future__ import annotations

import typer

from kit import __version__

app = typer.Typer(
    name="kit",
    help="行政裁量权基准培训工具包：校验和查阅裁量基准库 / discretion-kit: validate and explore baseline libraries.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kit (discretion-kit) {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="打印版本号后退出 / Print the version and exit."),
) -> None:
    """行政裁量权基准培训工具包 / discretion-kit: validate and explore baseline libraries."""


# Command modules (each does `from kit.cli import app` and `@app.command()`):
from kit.cli import library  # noqa: E402,F401  kit validate, kit list, kit schema
from kit.cli import engine  # noqa: E402,F401  kit evaluate, kit check
from kit.cli import review  # noqa: E402,F401  kit review, kit diff
from kit.cli import scenario  # noqa: E402,F401  kit scenario generate, kit scenario check
from kit.cli import excel  # noqa: E402,F401  kit import-xlsx, kit export-xlsx
from kit.cli import grading  # noqa: E402,F401  kit grade course, kit grade release, kit grade export
from kit.cli import audit  # noqa: E402,F401  kit audit


def main() -> None:
    """Entry point of the ``kit`` console script."""
    app()


__all__ = ["app", "main"]
