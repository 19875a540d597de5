"""The encoding of a CSV decision table: named by the user (``--encoding``), or detected.

Detection reads the first 256 KiB: a byte-order mark decides (UTF-8, UTF-16 LE/BE); else text that decodes as
UTF-8 is UTF-8; else charset-normalizer's best guess (GBK/GB18030 for the files offices export from Excel).
A guess is reported in the review (``Encoding.detected``), so nobody has to wonder how the file was read."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

SAMPLE_BYTES = 256 * 1024
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CHINESE = {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5", "hz": "gb18030"}


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a CSV is decoded: the codec name, and whether it was detected (not named by the user)."""

    name: str
    detected: bool


class EncodingProblem(ValueError):
    """The encoding named is unknown, or no encoding fits the bytes."""


def resolve(path: Path, named: str | None) -> Encoding:
    """The encoding to read ``path`` with: ``named`` if given (checked to exist), else detected."""
    if named:
        try:
            return Encoding(codecs.lookup(named).name, False)
        except LookupError:
            raise EncodingProblem(named) from None
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    return Encoding(detect(sample), True)


def detect(sample: bytes) -> str:
    """The codec of ``sample`` (the head of a file)."""
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if len(sample) >= 2 and sample.count(b"\x00") > len(sample) // 4:  # UTF-16 without a BOM
        return "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
    cut = sample if len(sample) < SAMPLE_BYTES else sample[: sample.rfind(b"\n") + 1 or len(sample)]
    try:
        cut.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(cut).best()
    if best is None:
        raise EncodingProblem("")
    name = best.encoding.lower().replace("-", "").replace("_", "")
    # a Chinese file read as GBK may hold GB18030-only characters further on; GB18030 is a superset
    return _CHINESE.get(name, best.encoding)
