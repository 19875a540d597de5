"""Regenerate the real libraries shipped in kit/baselines/real/ from the originals in data/real-originals/
(copies of /work/shared/real-baselines: public government documents, see data/real-originals/README.md).

    python scripts/import-real-baselines.py            # rewrite kit/baselines/real/
    python scripts/import-real-baselines.py --check    # exit 1 when a shipped library is not current

Each library is imported by the kit's own importer (``kit.excel.import_to_folder`` with ``partial``): the
rows it cannot read are left out and listed in the library's IMPORT.txt. 深圳's table is published as a PDF;
``shenzhen_workbook`` lays its CSV out as an agency clerk would type it into Excel (one sheet per 法规规章,
序号 / 违法行为 / 设定依据 / 处罚种类及幅度 merged over their rows), and that workbook is what is imported."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kit.excel.real import check_all, write_all  # noqa: E402

if __name__ == "__main__":
    if "--check" in sys.argv[1:]:
        stale = check_all()
        for name in stale:
            print(f"stale: kit/baselines/real/{name}; regenerate with: python scripts/import-real-baselines.py")
        sys.exit(1 if stale else 0)
    for line in write_all():
        print(line)
