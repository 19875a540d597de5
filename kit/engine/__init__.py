"""The engine: ``evaluate(library, case) -> Decision`` with a cited zh/en trace, and ``check_proposal``."""

from .case import Case, CaseDates, Party, case_problems
from .case_errors import CaseError
from .decision import Decision, FineRange, TraceStep
from .pipeline import STEPS, UnknownReference, evaluate
from .proposal import ProposalCheck, check_proposal
from .state import Options

__all__ = [
    "Case", "CaseError", "CaseDates", "Party", "case_problems", "Decision", "FineRange", "TraceStep", "STEPS",
    "UnknownReference", "evaluate", "ProposalCheck", "check_proposal", "Options",
]
