"""Exports nobody on this project wrote, and files made from vendors' documentation, import
without options (or with just their preset) and give the right UTC times (issue 11). The
sources and licences are in tests/data/calls/SOURCES.md."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.errors import ValidationError
from app.domain.phones import display
from app.services.calls.dto import ImportOptions
from app.services.calls.importing import import_calls
from app.services.calls.query import call_ids, reveal_calls
from app.services.core import cases

DATA = Path(__file__).resolve().parents[2] / "data" / "calls"


def _case(ctx, tz: str) -> int:
    return cases.create_case(ctx, cases.CaseInput(title="Файлы", region="MSK", tz=tz)).id


def _calls(ctx, case_id: int) -> list[tuple[str, str, str, int, str]]:
    views = reveal_calls(ctx, case_id, call_ids(ctx, case_id), "проверка импорта")
    return [
        (v.start_utc.isoformat(), v.caller, v.callee, v.duration_s, v.status)
        for v in sorted(views, key=lambda v: v.line)
    ]


def _utc(*parts: int) -> str:
    return datetime(*parts, tzinfo=UTC).isoformat()


# Real third-party files: no options at all; the case's zone reads naive local times.
REAL = [
    # Asterisk testsuite's Master.csv: no header, console calls without `src` (the channel
    # names the caller), local server time
    (
        "asterisk_testsuite_Master.csv",
        "Europe/Berlin",
        ("shape", "asterisk-master"),
        [
            (_utc(2010, 4, 1, 22, 26, 32), "Console/dsp", "1", 7, "answered"),
            (_utc(2010, 4, 1, 22, 34, 2), "Console/dsp", "1", 7, "answered"),
        ],
    ),
    # cdr-stats' CDR import sample (FreeSWITCH fields with a header)
    (
        "cdr_stats_CDRImport-2015-10-26.csv",
        "Europe/Madrid",
        ("header", None),
        [
            (_utc(2015, 10, 21, 10, 13, 10), "904151440", display("+34798400122"), 50, "answered"),
            (_utc(2015, 10, 21, 10, 33, 15), "904234320", display("+34798401111"), 10, "answered"),
            (_utc(2015, 10, 21, 10, 53, 16), "901110380", display("+34650104877"), 34, "answered"),
            (_utc(2015, 10, 21, 10, 53, 16), "904234320", display("+34798401111"), 11, "answered"),
            (_utc(2015, 10, 21, 10, 53, 16), "904231111", display("+34650104877"), 5, "answered"),
        ],
    ),
    # FreeSWITCH cdr-csv rows of cdr-pusher's sample CDRs (default template, no header)
    (
        "freeswitch_cdr_pusher.csv",
        "Europe/Madrid",
        ("shape", "freeswitch-csv"),
        [
            (_utc(2015, 1, 14, 16, 58, 1), "800123123", "34650881188", 50, "answered"),
            (_utc(2015, 1, 14, 16, 59, 2), "800123123", "34650881100", 15, "answered"),
        ],
    ),
    # Sipuni's statistics sample: Moscow time whatever the case's zone (the preset says so)
    (
        "sipuni_stats.csv",
        "Asia/Yekaterinburg",
        ("header", "sipuni"),
        [
            (_utc(2015, 10, 8, 13, 31, 3), "997", "+7 952 115-21-37", 171, "answered"),
            (_utc(2015, 10, 8, 12, 50, 35), "997", "+7 499 686-73-64", 9, "answered"),
        ],
    ),
]


@pytest.mark.parametrize(("name", "tz", "recognized", "expected"), REAL, ids=[r[0] for r in REAL])
def test_real_file_imports_without_options(ctx, name, tz, recognized, expected) -> None:
    case_id = _case(ctx, tz)
    result = import_calls(ctx, case_id, DATA / name)
    assert result.rejected == []
    info = result.recognition
    assert info is not None and (info.basis, info.preset) == recognized
    assert info.confidence >= 0.6
    assert _calls(ctx, case_id) == expected


# Files made from vendors' documentation (the layouts named in the issue)
MADE = [
    ("cucm_cdr_header.csv", None, ("header", None)),
    ("cucm_cdr_no_header.csv", None, ("shape", "cisco-cucm")),
    ("3cx_cdr.csv", None, ("shape", "3cx")),
    ("ru_vpbx_stats.csv", None, ("header", "sipuni")),
    ("mango_stats.csv", None, ("shape", "mango-office")),
    ("zadarma_pbx.csv", None, ("header", "zadarma")),
    ("uis_calls_report.csv", None, ("header", "uis-comagic")),
    ("beeline_cloudpbx.csv", None, ("header", "beeline-cloudpbx")),
    ("mts_vpbx.csv", None, ("header", "mts-vpbx")),
    ("yandex_telephony.csv", "yandex-telephony", ("preset", "yandex-telephony")),
    ("twilio_calls.csv", None, ("header", "twilio")),
]


@pytest.mark.parametrize(("name", "preset", "recognized"), MADE, ids=[m[0] for m in MADE])
def test_vendor_layouts(sqlite_ctx, name, preset, recognized) -> None:
    ctx = sqlite_ctx
    case_id = _case(ctx, "Europe/Moscow")
    result = import_calls(ctx, case_id, DATA / name, ImportOptions(preset=preset))
    assert result.rejected == [] and result.imported == 2
    info = result.recognition
    assert info is not None and (info.basis, info.preset) == recognized
    calls = _calls(ctx, case_id)
    # every file: the first call 14:03:11 Moscow = 11:03:11 UTC, 65 s talk, answered
    # (3CX: its own sample day); the second not answered
    if name == "3cx_cdr.csv":
        assert calls[0] == (_utc(2020, 5, 4, 7, 53, 43), "Ext.610", "+7 903 765-43-21", 65,
                            "answered")  # fmt: skip
        assert calls[1][1:] == ("+7 916 123-45-67", "3333", 0, "missed")  # extension as written
        return
    if name == "ru_vpbx_stats.csv":
        assert calls[1] == (_utc(2025, 10, 9, 20, 41), "+7 926 111-00-01", "+7 903 765-43-21",
                            0, "missed")  # fmt: skip
    assert calls[0][0] == _utc(2025, 10, 9, 11, 3, 11)
    # Mango gives no talk time: its duration is the whole call, ringing included
    assert calls[0][3:] == (70 if name == "mango_stats.csv" else 65, "answered")
    assert calls[1][4] == "missed"


def test_cucm_callee_and_extensions(sqlite_ctx) -> None:
    case_id = _case(sqlite_ctx, "Europe/Moscow")
    import_calls(sqlite_ctx, case_id, DATA / "cucm_cdr_no_header.csv")
    calls = _calls(sqlite_ctx, case_id)
    assert calls[0][1:3] == ("1001", "+7 903 765-43-21")
    assert calls[1] == (_utc(2025, 10, 9, 12), "+7 916 123-45-67", "1002", 0, "missed")


def test_outbound_rows_of_a_cloud_pbx_are_turned_round(sqlite_ctx) -> None:
    """UIS lists (client, virtual number) on every row: an outbound call went the other way."""
    case_id = _case(sqlite_ctx, "Europe/Moscow")
    import_calls(sqlite_ctx, case_id, DATA / "uis_calls_report.csv")
    calls = _calls(sqlite_ctx, case_id)
    assert calls[0][1:3] == ("+7 916 123-45-67", "+7 495 111-22-33")
    assert calls[1][1:3] == ("+7 495 111-22-33", "+7 903 765-43-21")


def test_android_call_log_needs_the_phones_own_number(sqlite_ctx) -> None:
    case_id = _case(sqlite_ctx, "Europe/Moscow")
    with pytest.raises(ValidationError):
        import_calls(sqlite_ctx, case_id, DATA / "android_calllog.csv")
    result = import_calls(
        sqlite_ctx,
        case_id,
        DATA / "android_calllog.csv",
        ImportOptions(subscriber="+7 903 765-43-21"),
    )
    assert (result.imported, result.recognition.preset) == (3, "android-calllog")
    assert _calls(sqlite_ctx, case_id) == [
        (_utc(2025, 10, 9, 11, 3, 11), "+7 916 123-45-67", "+7 903 765-43-21", 65, "answered"),
        (_utc(2025, 10, 9, 11, 33, 20), "+7 903 765-43-21", "+7 903 765-43-21", 0, "missed"),
        (_utc(2025, 10, 9, 12), "+7 903 765-43-21", "+7 926 111-00-01", 30, "answered"),
    ]
