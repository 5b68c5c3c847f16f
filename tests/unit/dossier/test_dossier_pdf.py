"""The dossier PDF read back: Cyrillic text, hashes, profiles, outline, escaping, determinism."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from dossier_sample import (
    COURIER_PHONE,
    CUSTOMER_ADDRESS,
    CUSTOMER_PHONE,
    HOSTILE,
    sample,
)

from app.domain.phones import display
from app.domain.progress import Cancelled
from app.reports import strings
from app.reports.dossier import build_dossier, write_dossier
from app.reports.model import PartyEntry


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("profile", ["police", "management"])
def test_text_comes_back_with_every_evidence_hash(tmp_path: Path, profile, lang) -> None:
    data = sample(tmp_path, profile, lang)
    built = build_dossier(data)
    text = text_of(built.pdf)
    assert "СБ-2025/0142" in text
    assert "Смирнова Ольга Викторовна" in squeeze(text) or "СмирноваОльгаВикторовна" in squeeze(
        text
    )
    assert strings.text(lang, "sec_evidence") in text
    for item in data.evidence:
        assert item.sha256 in text
    assert data.audit_head in squeeze(text)
    reader = pypdf.PdfReader(io.BytesIO(built.pdf))
    assert len(reader.pages) == built.pages
    assert strings.text(lang, "page_of", page=built.pages).strip() in text


def test_police_reveals_and_management_masks_personal_data(tmp_path: Path) -> None:
    police = text_of(build_dossier(sample(tmp_path, "police")).pdf)
    management = text_of(build_dossier(sample(tmp_path, "management")).pdf)
    as_dialled = re.sub(r"[\s\-()]", "", management)
    for phone in (CUSTOMER_PHONE, COURIER_PHONE):
        assert squeeze(display(phone)) in squeeze(police)
        assert phone not in as_dialled
        assert phone[2:] not in as_dialled  # the national number, in any spacing
        assert phone[-7:] not in as_dialled
    assert squeeze(CUSTOMER_ADDRESS) in squeeze(police)
    assert squeeze(CUSTOMER_ADDRESS) not in squeeze(management)
    assert "***-**-67" in management


def test_outline_metadata_and_contents(tmp_path: Path) -> None:
    built = build_dossier(sample(tmp_path, "police", "en"))
    reader = pypdf.PdfReader(io.BytesIO(built.pdf))
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["1. The complaint", "2. Facts established"]
    assert "9. Investigator's conclusions" in titles and "10. List of evidence" in titles
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert nested and nested[0][0].title.startswith("5.1. Contact after the order was closed")
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Internal investigation dossier. Case No. СБ-2025/0142"
    assert meta.creation_date is not None and meta.creation_date.year == 2025
    contents = reader.pages[1].extract_text()
    assert "Contents" in contents and "List of evidence" in contents
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    assert len(links) >= len(titles)


def test_user_text_prints_literally(tmp_path: Path) -> None:
    data = sample(tmp_path, "police")
    built = build_dossier(data)
    text = text_of(built.pdf)
    assert squeeze(HOSTILE) in squeeze(text)
    assert text.count("<b>Иванов</b>") >= 5  # parties, timeline, stills, statements
    # the only images are the stills: nothing was fetched for <img src="x">
    assert built.pdf.count(b"/Subtype /Image") == len(data.stills)


def test_same_data_gives_same_bytes(tmp_path: Path) -> None:
    first = build_dossier(sample(tmp_path, "police"))
    second = build_dossier(sample(tmp_path, "police"))
    assert first.pdf == second.pdf
    assert first.sha256 == second.sha256


def test_long_tables_split_with_repeated_headers(tmp_path: Path) -> None:
    data = sample(tmp_path, "police", "en", events=400, call_count=900, still_count=0)
    built = build_dossier(data)
    reader = pypdf.PdfReader(io.BytesIO(built.pdf))
    annex_pages = [p.extract_text() for p in reader.pages if "ORD-" in p.extract_text()]
    assert len(annex_pages) > 10
    assert all("Caller" in page and "Via number" in page for page in annex_pages)
    assert built.pages > 30


def test_party_name_too_long_for_a_cell_wraps(tmp_path: Path) -> None:
    long_party = PartyEntry("witness", "Очень " * 80, ("+7 916 ***-**-67",), "адрес " * 60)
    data = sample(tmp_path, "management")
    data = replace(data, parties=(*data.parties, long_party))
    assert build_dossier(data).pages >= 4


def test_cancel_stops_the_build(tmp_path: Path) -> None:
    class CancelNow:
        def report(self, done: int, total: int | None = None, message: str = "") -> None:
            return None

        def cancelled(self) -> bool:
            return True

    with pytest.raises(Cancelled):
        build_dossier(sample(tmp_path, "police"), CancelNow())


def test_write_is_atomic_and_complete(tmp_path: Path) -> None:
    out = tmp_path / "out" / "dossier.pdf"
    built = write_dossier(sample(tmp_path, "management", "en"), out)
    assert out.read_bytes() == built.pdf
    assert [p.name for p in out.parent.iterdir()] == ["dossier.pdf"]


def test_string_tables_hold_the_same_keys() -> None:
    assert strings.RU.keys() == strings.EN.keys()
    assert strings.label("ru", "finding", "unknown_code") == "unknown_code"


@pytest.mark.parametrize("events", [0, 9, 17, 26, 34])
def test_no_heading_ends_a_page(tmp_path: Path, events: int) -> None:
    """Whatever the length of the timeline pushes down, every section heading has its first
    content on the same page (the header and footer are drawn before the content)."""
    built = build_dossier(sample(tmp_path, "police", "en", events=events, call_count=12))
    reader = pypdf.PdfReader(io.BytesIO(built.pdf))
    for item in reader.outline:
        if isinstance(item, list):
            continue
        page_text = reader.pages[reader.get_destination_page_number(item)].extract_text()
        after = page_text.split(item.title, 1)[1]
        assert after.strip(), f"{item.title!r} is the last line of its page"


def test_same_bytes_in_another_process(tmp_path: Path) -> None:
    """No process state (hash seeds, font subset counters) leaks into the bytes."""
    here = Path(__file__).resolve().parent
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from dossier_sample import sample; from app.reports.dossier import build_dossier;"
        "print(build_dossier(sample(Path(sys.argv[2]), 'police', 'ru')).sha256)"
    )
    other = subprocess.run(
        [sys.executable, "-c", script, str(here), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=here.parents[2],
        env={**os.environ, "PYTHONHASHSEED": "12345"},
    ).stdout.strip()
    assert other == build_dossier(sample(tmp_path, "police", "ru")).sha256
