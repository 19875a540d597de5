"""Case files: cases to evaluate read from YAML/JSON with located errors (the engine reads no file)."""

from .loader import load_cases, load_expert_case, located_refusal, read_case_file

__all__ = ["load_cases", "load_expert_case", "located_refusal", "read_case_file"]
