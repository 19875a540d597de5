"""``python -m kit``: the ``kit`` command."""

from kit.cli import main

main()
