"""The kit's web server: Voila for the notebook pages, plus light pages and a JSON API in the same process.

``python -m kit.web notebooks/ …`` (what ``scripts/serve.sh`` runs) starts Voila with the kit's own routes in
front of Voila's: the landing page at ``/`` and whatever the modules listed in ``routes.ROUTE_MODULES`` add.
A route module exposes ``routes(base: str) -> list[tuple]`` (tornado rules); its handlers run in the server
process, so a page for hundreds of phones costs no kernel per phone."""
