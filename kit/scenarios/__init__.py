"""Scenario generator: realistic case narratives and per-trainee variants from expert-written templates.

Templates are data (kit/scenarios/templates/*.yaml, format in docs/scenarios.md), checked when loaded with
located errors; ``generate`` draws a deterministic variant per trainee and carries the engine's decision as the
answer key. Every generated case is constructed (示例案例，非正式文件)."""

from .generate import PIPELINE, ScenarioError, UnreachableOutcome, draft, generate, outcome_counts, rng_for
from .loader import TEMPLATES_DIR, builtin_templates, find_template, load_template, load_templates
from .scenario import Scenario, outcome_label, outcome_of
from .template import OUTCOMES, Template, parse_outcome

__all__ = [
    "PIPELINE", "ScenarioError", "UnreachableOutcome", "draft", "generate", "outcome_counts", "rng_for",
    "TEMPLATES_DIR", "builtin_templates", "find_template", "load_template", "load_templates", "Scenario",
    "outcome_label", "outcome_of", "OUTCOMES", "Template", "parse_outcome",
]
