"""Typography of the dossier, checked on the text extracted from a real PDF: a number never
leaves its unit, a phone number is never split across lines, a long file name breaks only after
a separator; plus the rules themselves on strings."""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import replace
from pathlib import Path

import pypdf
from unit.dossier.dossier_sample import START, digest, sample

from app.reports.dossier import build_dossier
from app.reports.model import EvidenceEntry, FindingEntry
from app.reports.typography import NBSP, break_name, typeset

LONG_NAME = "detalizaciya_zvonkov_klientki_2025-09-14_polnaya_vygruzka_operatora.csv"
# a finding text written so that, in its column, units, phones and a date fall at line ends
DETAIL = " ".join(
    f"Звонок {i} длился {20 + i} с, затем пауза {i} мин; номер +7 916 123-45-6{i % 10}, "
    f"время 14.09.2025 21:{i:02d}, файл № {i}."
    for i in range(12)
)


def lines_of(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return [line.replace(NBSP, " ") for line in text.splitlines()]


def test_rules_on_strings() -> None:
    assert typeset("20 с, 3 мин 05 с, 1.5 МБ") == f"20{NBSP}с, 3{NBSP}мин 05{NBSP}с, 1.5{NBSP}МБ"
    assert typeset("Дело № 5") == f"Дело №{NBSP}5"
    assert typeset("+7 916 ***-**-67") == f"+7{NBSP}916{NBSP}***-**-67"
    assert typeset("с 4 разных номеров") == "с 4 разных номеров"  # a preposition stays
    lines = break_name(LONG_NAME, 100, len).split("\n")
    assert "".join(lines) == LONG_NAME and all(line[-1] in "_-." for line in lines[:-1])
    assert break_name("short.csv", 100, len) == "short.csv"


def test_extracted_text_keeps_numbers_units_and_phones_together(tmp_path: Path) -> None:
    data = sample(tmp_path, "police", "ru", still_count=0)
    evidence = EvidenceEntry(LONG_NAME, "calllog", digest("log"), 2_500_000, START, "оператор")
    finding = FindingEntry("call_burst", "", DETAIL, "high", ())
    data = replace(data, evidence=(evidence, *data.evidence), findings=(finding, *data.findings))
    lines = lines_of(build_dossier(data).pdf)
    units = re.compile(r"^(с|мин|МБ|КБ)\b")
    for before, after in itertools.pairwise(lines):
        if re.search(r"\d$", before.rstrip()):
            assert not units.match(after.lstrip()), (before, after)
        assert not re.search(r"\+7(\s\d{3})?$", before.rstrip()), (before, after)
        split_sign = re.search(r"№$", before.rstrip()) and re.match(r"\d", after.lstrip())
        assert not split_sign, (before, after)
    assert any("+7 916 123-45-6" in line for line in lines)
    # the file name is broken, and only after separators
    start = next(i for i, line in enumerate(lines) if LONG_NAME[:12] in line)
    pieces, rest = [], LONG_NAME
    for line in lines[start:]:
        piece = line.strip().split(" ")[-1] if not pieces else line.strip().split(" ")[0]
        pieces.append(piece)
        rest = rest.removeprefix(piece)
        if not rest:
            break
    assert "".join(pieces) == LONG_NAME and len(pieces) > 1, pieces
    assert all(piece[-1] in "_-./" for piece in pieces[:-1]), pieces
