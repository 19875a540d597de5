"""Baselines from and to Excel: the tables agencies publish (序号、违法行为、法律依据、类别、裁量情节、裁量标准).

- ``phrases.parse_standard``: a 裁量标准 cell → penalty specs, or ``PhraseError`` with the reason;
- ``importer.import_workbook`` / ``import_to_folder``: a workbook → library files, problems located at
  sheet, row and column (steps: ``meta`` metadata sheets, ``table`` sheet → items, ``tiers`` rows → tiers,
  ``build`` items → matters and baselines, ``validate`` the library's own checks; ``context`` what they share);
- ``export.export_library``: a library → a workbook in the same layout;
- ``template.build_template``: the authoring template of ``docs/templates/``.
"""

from .export import export_library
from .importer import ImportOptions, ImportResult, import_to_folder, import_workbook
from .phrases import ParsedStandard, PhraseError, parse_standard, standard_words

__all__ = [
    "export_library", "ImportOptions", "ImportResult", "import_to_folder", "import_workbook", "ParsedStandard",
    "PhraseError", "parse_standard", "standard_words",
]
