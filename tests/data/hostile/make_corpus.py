"""Writes the hostile corpus: files in `files/` and `cases.json`, one CLI invocation per case.

Run `python tests/data/hostile/make_corpus.py` to rebuild it (the output is committed; the
test reads the committed files). Each case names the arguments (`{case}` is a fresh case's
number, `{file}` the corpus file, `{out}` a path outside the data directory, `{data}` the data
directory) and the exit codes allowed: 2 for bad input, 1 where a check must fail."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).parent
FILES = HERE / "files"
HEADER = "start;from;to;duration\n"
ROW = "01.05.2025 10:00:00;+79161234567;+79031234567;60\n"


def csv_cases() -> dict[str, bytes]:
    """Call logs nobody should import: every row bad, or not a table at all."""
    bad_rows = {
        "duration_huge": "01.05.2025 10:00:00;+79161234567;+79031234567;99999999999999999999",
        "duration_inf": "01.05.2025 10:00:00;+79161234567;+79031234567;inf",
        "duration_nan": "01.05.2025 10:00:00;+79161234567;+79031234567;nan",
        "duration_negative": "01.05.2025 10:00:00;+79161234567;+79031234567;-5",
        "duration_hours_huge": "01.05.2025 10:00:00;+79161234567;+79031234567;999999999:00:00",
        "date_9999": "31.12.9999 10:00:00;+79161234567;+79031234567;60",
        "date_0001": "01.01.0001 00:00:00;+79161234567;+79031234567;60",
        "date_1900": "01.01.1900 10:00:00;+79161234567;+79031234567;60",
        "date_2101": "01.01.2101 10:00:00;+79161234567;+79031234567;60",
        "date_1989": "31.12.1989 10:00:00;+79161234567;+79031234567;60",
        "date_feb30": "30.02.2025 10:00:00;+79161234567;+79031234567;60",
        "date_hour25": "01.05.2025 25:00:00;+79161234567;+79031234567;60",
        "date_garbage": "вчера вечером;+79161234567;+79031234567;60",
        "date_formula": "=NOW();+79161234567;+79031234567;60",
        "date_unix_huge": "99999999999999;+79161234567;+79031234567;60",
        "empty_caller": "01.05.2025 10:00:00;;+79031234567;60",
        "empty_callee": "01.05.2025 10:00:00;+79161234567;;60",
        "empty_start": ";+79161234567;+79031234567;60",
    }
    out = {f"calls_{k}.csv": (HEADER + v + "\n").encode() for k, v in bad_rows.items()}
    out.update(
        {
            "calls_empty.csv": b"",
            "calls_bom_only.csv": b"\xef\xbb\xbf",
            "calls_header_only.csv": HEADER.encode(),
            "calls_nul_bytes.csv": (HEADER + ROW).encode().replace(b";", b"\x00"),
            "calls_utf16le_bomless.csv": (HEADER + ROW).encode("utf-16-le"),
            "calls_utf32_bad_date.csv": (HEADER + ROW.replace("2025", "9999")).encode("utf-32"),
            "calls_one_column.csv": b"start\n01.05.2025\n",
            "calls_unbalanced_quote.csv": (
                HEADER + '"01.05.2025 10:00:00;+7916;+7903;60\n'
            ).encode(),
            "calls_long_line.csv": (HEADER + "x" * 300_000 + "\n").encode(),
            "calls_many_columns.csv": (";".join(f"c{i}" for i in range(5000)) + "\n").encode(),
            "calls_control_chars.csv": (HEADER + "\x1b[2J\x07;\x08;\x7f;\x01\n").encode(),
            "calls_only_separators.csv": b";;;;\n;;;;\n;;;;\n",
            "calls_html.csv": b"<html><body><table><tr><td>start</td></tr></table></body></html>",
            "calls_pdf.csv": b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
            "calls_png.csv": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
            "calls_zip.csv": _zip({"a.txt": b"hi"}),
            "calls_gzip.csv": b"\x1f\x8b\x08\x00" + zlib.compress(b"start;from\n"),
            "calls_elf.csv": b"\x7fELF\x02\x01\x01" + b"\x00" * 64,
            "calls_json.csv": json.dumps([{"start": "2025-05-01", "from": "+7916"}]).encode(),
            "calls_xml.csv": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>',
            "calls_cp1251_garbage.csv": bytes(range(128, 256)) * 20,
            "calls_random.csv": bytes((i * 7919) % 256 for i in range(4096)),
            "calls_formulas_only.csv": (
                "=cmd|' /C calc'!A0;=HYPERLINK(\"x\");@SUM(1);+1+1\n" * 3
            ).encode(),
            "calls_sql.csv": (HEADER + "'; DROP TABLE calls; --;1;2;3\n").encode(),
            "calls_path_traversal.csv": (HEADER + "../../etc/passwd;../x;..\\y;60\n").encode(),
            "calls_emoji.csv": (HEADER + "💣💣;☎️;📞;⏱\n").encode(),
            "calls_rtl_override.csv": (HEADER + "\u202e00:01 5202.50.10;+7916;+7903;60\n").encode(),
            "calls_deep_quotes.csv": (HEADER + '"' * 10000 + "\n").encode(),
            "calls_crlf_only.csv": b"\r\n\r\n\r\n",
            "calls_cr_only.csv": (HEADER + ROW).replace("\n", "\r").encode()[:20],
        }
    )
    return out


def orders_cases() -> dict[str, bytes]:
    header = "order;event;at\n"
    rows = {
        "date_9999": "A-1;delivered;31.12.9999 10:00",
        "date_garbage": "A-1;delivered;когда-то",
        "no_order": ";delivered;01.05.2025 10:00",
        "formula": "=cmd|' /C calc'!A0;delivered;=NOW()",
    }
    out = {f"orders_{k}.csv": (header + v + "\n").encode() for k, v in rows.items()}
    out["orders_binary.csv"] = b"\x00\x01\x02\x03" * 100
    out["orders_empty.csv"] = b""
    return out


def xlsx_cases() -> dict[str, bytes]:
    """Spreadsheets with a DOCTYPE (entity expansion), broken ZIPs, and wrong contents."""
    sheet = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData>'
        b"</worksheet>"
    )
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row><c t="inlineStr"><is><t>&e;</t></is></c></row></sheetData>'
        b"</worksheet>"
    )
    workbook = _minimal_xlsx_parts()
    return {
        "calls_doctype.xlsx": _zip({**workbook, "xl/worksheets/sheet1.xml": sheet}),
        "calls_xxe.xlsx": _zip({**workbook, "xl/worksheets/sheet1.xml": xxe}),
        "calls_no_sheet.xlsx": _zip({k: v for k, v in workbook.items() if "sheet1" not in k}),
        "calls_empty_zip.xlsx": _zip({}),
        "calls_truncated.xlsx": _zip(workbook)[:200],
        "calls_not_zip.xlsx": b"this is not a spreadsheet",
        "calls_pdf_named.xlsx": b"%PDF-1.4\n%%EOF\n",
    }


def _minimal_xlsx_parts() -> dict[str, bytes]:
    ns = "http://schemas.openxmlformats.org/"
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="' + ns + 'package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml'
            '.worksheet+xml"/></Types>'
        ).encode(),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="' + ns + 'package/2006/relationships">'
            '<Relationship Id="rId1" Type="' + ns + "officeDocument/2006/relationships/"
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ).encode(),
        "xl/workbook.xml": (
            '<?xml version="1.0"?><workbook xmlns="' + ns + 'spreadsheetml/2006/main" '
            'xmlns:r="' + ns + 'officeDocument/2006/relationships"><sheets><sheet name="S" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>'
        ).encode(),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="' + ns + 'package/2006/relationships">'
            '<Relationship Id="rId1" Type="' + ns + "officeDocument/2006/relationships/"
            'worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
        ).encode(),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0"?><worksheet xmlns="' + ns + 'spreadsheetml/2006/main">'
            "<sheetData/></worksheet>"
        ).encode(),
    }


def package_cases() -> dict[str, bytes]:
    manifest = "0" * 64 + "  a.txt\n"
    return {
        "pkg_zip_slip.zip": _zip({"../../evil.txt": b"x", "manifest.txt": manifest.encode()}),
        "pkg_absolute.zip": _zip({"/tmp/evil.txt": b"x", "manifest.txt": manifest.encode()}),
        "pkg_backslash.zip": _zip({"..\\evil.txt": b"x", "manifest.txt": manifest.encode()}),
        "pkg_no_manifest.zip": _zip({"a.txt": b"x"}),
        "pkg_empty.zip": _zip({}),
        "pkg_not_zip.zip": b"PK\x03\x04 but not really",
        "pkg_random.zip": bytes((i * 31) % 256 for i in range(2048)),
        "pkg_bad_manifest.zip": _zip({"a.txt": b"x", "manifest.txt": b"\xff\xfe garbage"}),
        "pkg_bomb.zip": _zip({"manifest.txt": b"0" * 5_000_000}),
        "pkg_case_collision.zip": _zip(
            {"a.txt": b"x", "A.TXT": b"y", "manifest.txt": manifest.encode()}
        ),
        "pkg_unlisted.zip": _zip(
            {"a.txt": b"x", "evil.exe": b"MZ", "manifest.txt": manifest.encode()}
        ),
        "pkg_folder_entry.zip": _zip({"dir/": b"", "manifest.txt": manifest.encode()}),
    }


def checkpoint_cases() -> dict[str, bytes]:
    good_shape = {
        "format": "casebook-audit-checkpoint",
        "seq": 1,
        "hash": "a" * 64,
        "at": "2025-05-01T10:00:00Z",
        "key_id": "b" * 16,
        "public_key": "c" * 64,
        "signature": "d" * 128,
    }
    return {
        "cp_not_json.json": b"{not json",
        "cp_empty.json": b"",
        "cp_list.json": b"[1,2,3]",
        "cp_wrong_format.json": json.dumps({**good_shape, "format": "other"}).encode(),
        "cp_short_hash.json": json.dumps({**good_shape, "hash": "abc"}).encode(),
        "cp_seq_text.json": json.dumps({**good_shape, "seq": "eins"}).encode(),
        "cp_date_9999.json": json.dumps({**good_shape, "at": "9999-12-31T00:00:00Z"}).encode(),
        "cp_missing_signature.json": json.dumps(
            {k: v for k, v in good_shape.items() if k != "signature"}
        ).encode(),
        "cp_utf16.json": json.dumps(good_shape).encode("utf-16"),
        "cp_huge.json": b'{"format": "' + b"x" * 200_000 + b'"}',
    }


def media_cases() -> dict[str, bytes]:
    mp4_box = struct.pack(">I4s", 24, b"ftyp") + b"isom" + b"\x00" * 12
    return {
        "video_random.mp4": bytes((i * 131) % 256 for i in range(8192)),
        "video_ftyp_only.mp4": mp4_box,
        "video_empty.mp4": b"",
        "video_text.avi": b"RIFF....AVI this is not a video",
        "video_huge_box.mp4": struct.pack(">I4s", 0xFFFFFFFF, b"moov") + b"\x00" * 64,
    }


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def file_cases(files: dict[str, bytes]) -> list[dict[str, object]]:
    cases: list[dict[str, object]] = []
    for name in sorted(files):
        if name.startswith("calls_"):
            args = ["import", "calls", "{case}", "{file}"]
        elif name.startswith("orders_"):
            args = ["import", "orders", "{case}", "{file}"]
        elif name.startswith("pkg_"):
            args = ["verify-package", "{file}", "--extract", "{out}"]
        elif name.startswith("cp_"):
            args = ["audit", "verify", "--checkpoint", "{file}"]
        else:
            args = ["evidence", "add", "{case}", "{file}", "--kind", "dashcam"]
        exits = [1] if name.startswith("pkg_") else [2]
        cases.append({"id": name, "args": args, "exit": exits})
    return cases


def argument_cases() -> list[dict[str, object]]:
    """Hostile arguments (no file)."""
    two = [2]
    rows: list[tuple[str, list[str], list[int]]] = [
        ("db_url_mysql", ["--db-url", "mysql://u@h/db", "case", "list"], two),
        ("db_url_garbage", ["--db-url", "garbage", "case", "list"], two),
        ("db_url_empty_scheme", ["--db-url", "://", "case", "list"], two),
        ("db_url_oracle", ["--db-url", "oracle://u:p@h/db", "case", "list"], two),
        (
            "db_url_unreachable",
            ["--db-url", "postgresql+psycopg://u@127.0.0.1:1/x", "case", "list"],
            two,
        ),
        ("data_dir_under_file", ["--data-dir", "{file_as_dir}", "case", "list"], two),
        (
            "case_new_bad_tz",
            ["case", "new", "--title", "T", "--region", "MSK", "--tz", "Mars/Base"],
            two,
        ),
        (
            "case_new_received_9999",
            [
                "case",
                "new",
                "--title",
                "T",
                "--region",
                "MSK",
                "--tz",
                "Europe/Moscow",
                "--received",
                "9999-12-31T00:00:00Z",
            ],
            two,
        ),
        (
            "case_new_received_0001",
            [
                "case",
                "new",
                "--title",
                "T",
                "--region",
                "MSK",
                "--tz",
                "Europe/Moscow",
                "--received",
                "0001-01-01T00:00:00Z",
            ],
            two,
        ),
        (
            "case_new_received_garbage",
            [
                "case",
                "new",
                "--title",
                "T",
                "--region",
                "MSK",
                "--tz",
                "Europe/Moscow",
                "--received",
                "завтра",
            ],
            two,
        ),
        (
            "case_new_empty_title",
            ["case", "new", "--title", "   ", "--region", "MSK", "--tz", "Europe/Moscow"],
            two,
        ),
        ("case_show_sql", ["case", "show", "1; DROP TABLE cases"], two),
        ("case_show_huge_id", ["case", "show", "99999999999999999999999"], two),
        ("case_show_negative", ["case", "show", "-1"], two),
        ("case_show_nul", ["case", "show", "MSK\x00-1"], two),
        (
            "event_at_9999",
            ["event", "add", "{case}", "--at", "9999-01-01T00:00:00Z", "--text", "x"],
            two,
        ),
        (
            "event_at_1900",
            ["event", "add", "{case}", "--at", "1900-01-01T00:00:00Z", "--text", "x"],
            two,
        ),
        (
            "event_at_garbage",
            ["event", "add", "{case}", "--at", "скоро", "--text", "x"],
            two,
        ),
        (
            "event_uncertainty_huge",
            [
                "event",
                "add",
                "{case}",
                "--at",
                "2025-05-01T10:00:00Z",
                "--uncertainty-s",
                "99999999999999999999",
                "--text",
                "x",
            ],
            two,
        ),
        (
            "evidence_missing_file",
            ["evidence", "add", "{case}", "/nonexistent/file.mp4", "--kind", "dashcam"],
            two,
        ),
        (
            "evidence_directory",
            ["evidence", "add", "{case}", "{out_dir}", "--kind", "dashcam"],
            two,
        ),
        (
            "evidence_bad_tz",
            [
                "evidence",
                "add",
                "{case}",
                "{any_file}",
                "--kind",
                "document",
                "--tz",
                "Nowhere/City",
            ],
            two,
        ),
        (
            "evidence_acquired_9999",
            [
                "evidence",
                "add",
                "{case}",
                "{any_file}",
                "--kind",
                "document",
                "--acquired",
                "9999-01-01T00:00:00Z",
            ],
            two,
        ),
        (
            "evidence_unknown_case",
            ["evidence", "add", "NOPE-1", "{any_file}", "--kind", "document"],
            two,
        ),
        (
            "frame_nan",
            ["evidence", "frame", "{case}", "1", "--media-time", "nan", "--out", "{out}"],
            two,
        ),
        (
            "frame_inf",
            ["evidence", "frame", "{case}", "1", "--media-time", "inf", "--out", "{out}"],
            two,
        ),
        (
            "frame_into_data_dir",
            ["evidence", "frame", "{case}", "1", "--media-time", "0", "--out", "{data}/x.png"],
            two,
        ),
        (
            "dossier_into_data_dir",
            [
                "export",
                "dossier",
                "{case}",
                "--profile",
                "police",
                "--out",
                "{data}/casebook.sqlite3",
            ],
            two,
        ),
        (
            "package_into_data_dir",
            [
                "export",
                "package",
                "{case}",
                "--profile",
                "police",
                "--out",
                "{data}/evidence/x.zip",
            ],
            two,
        ),
        (
            "dossier_bad_profile",
            ["export", "dossier", "{case}", "--profile", "press", "--out", "{out}"],
            two,
        ),
        ("anchor_garbage", ["audit", "verify", "--anchor", "garbage"], two),
        ("anchor_negative", ["audit", "verify", "--anchor", "-1:" + "0" * 64], two),
        ("anchor_short_hash", ["audit", "verify", "--anchor", "1:abc"], two),
        ("checkpoint_missing", ["audit", "verify", "--checkpoint", "/nonexistent.json"], two),
        ("checkpoint_into_data_dir", ["audit", "checkpoint", "--out", "{data}/cp.json"], two),
        ("audit_show_limit_text", ["audit", "show", "--limit", "many"], two),
        (
            "verify_repair_grace_negative",
            ["evidence", "verify", "--repair", "--grace-minutes", "-5"],
            two,
        ),
        ("party_bad_role", ["party", "add", "{case}", "--role", "king", "--name", "X"], two),
        ("calls_list_unknown_case", ["calls", "list", "NOPE-1"], two),
        ("unknown_command", ["frobnicate"], two),
        ("timeline_from_9999", ["timeline", "{case}", "--from", "9999-01-01T00:00:00Z"], two),
    ]
    return [{"id": i, "args": a, "exit": e} for i, a, e in rows]


def main() -> None:
    files = {
        **csv_cases(),
        **orders_cases(),
        **xlsx_cases(),
        **package_cases(),
        **checkpoint_cases(),
        **media_cases(),
    }
    FILES.mkdir(exist_ok=True)
    for old in FILES.iterdir():
        old.unlink()
    for name, data in files.items():
        (FILES / name).write_bytes(data)
    cases = file_cases(files) + argument_cases()
    (HERE / "cases.json").write_text(
        json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(files)} files, {len(cases)} cases")


if __name__ == "__main__":
    main()
