"""``python -m kit.cli``: the ``kit`` command."""

from kit.cli import main

main()
