"""environment.yml (conda) must pin exactly what pyproject.toml pins."""

import tomllib
from pathlib import Path

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    wanted = set(project["dependencies"])
    for extra in ("notebooks", "dev"):
        wanted |= set(project["optional-dependencies"][extra])

    env = YAML(typ="safe").load((ROOT / "environment.yml").read_text("utf-8"))
    deps = env["dependencies"]
    assert "python=3.11" in deps
    pip = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    pinned = {p for p in pip if not p.startswith("-e")}
    assert pinned == wanted
    assert "-e ." in pip
