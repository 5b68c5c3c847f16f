"""Export end to end on the demo case, through the CLI: both profiles, audit entries,
determinism, the package round trip and tampering."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import cv2
import numpy as np
import pypdf
import pytest

from app.domain.media import Region
from app.domain.phones import display
from app.services import demo
from app.services.core import audit, evidence_files, parties, records
from app.services.dossier.assemble import DossierOptions, StillRedaction, dossier_choices
from app.services.dossier.export import export_dossier, preview_dossier


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(p.extract_text() for p in reader.pages)


def dialled(text: str) -> str:
    return re.sub(r"[\s\-()]", "", text)


def add_still(ctx, case_id: int, tmp_path: Path) -> str:
    image = np.zeros((720, 1280, 3), np.uint8)
    cv2.putText(image, "door", (100, 300), cv2.FONT_HERSHEY_SIMPLEX, 4, (255, 255, 255), 6)
    path = tmp_path / "кадр у двери.png"
    path.write_bytes(cv2.imencode(".png", image)[1].tobytes())
    info = evidence_files.add_evidence(ctx, case_id, path, kind="still", source="CCTV")
    return info.sha256


@pytest.fixture
def case(ctx, tmp_path: Path):
    summary = demo.create_demo_case(ctx)
    add_still(ctx, summary.id, tmp_path)
    # personal data typed into free text: the management dossier must mask it there too
    records.add_event(
        ctx,
        summary.id,
        records.EventInput(
            at=demo.local(2025, 9, 15, 9),
            source="звонок на горячую линию",
            text="Клиентка перезвонила с 8 (916) 123-45-67, адрес г. Москва, ул. Профсоюзная, "
            "д. 12, кв. 48",
        ),
    )
    return summary


def test_cli_exports_both_profiles(ctx, case, run_cli, db_url: str, tmp_path: Path) -> None:
    phones = parties.party_phone_values(ctx, case.id)
    out = {}
    for profile in ("police", "management"):
        target = tmp_path / f"{profile}.pdf"
        result = run_cli(
            "export",
            "dossier",
            case.number,
            "--profile",
            profile,
            "--lang",
            "ru",
            "--out",
            str(target),
            db_url=db_url,
        )
        assert result.code == 0, result.err
        payload = result.json()
        assert set(payload) == {
            "path",
            "sha256",
            "pages",
            "profile",
            "warnings",
            "audit_checkpoint",
        }
        assert payload["warnings"] == []  # the case has no stills of an uncalibrated camera
        assert set(payload["audit_checkpoint"]) == {"seq", "hash"}
        assert payload["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()
        assert payload["pages"] == len(pypdf.PdfReader(target).pages)
        out[profile] = pdf_text(target)
    police, management = out["police"], out["management"]
    assert "Смирнова Ольга Викторовна" in police.replace("\n", " ")
    for info in evidence_files.list_evidence(ctx, case.id):
        assert info.sha256 in police and info.sha256 in management
    for values in phones.values():
        for value in values:
            assert dialled(display(value)) in dialled(police)
            assert value not in dialled(management) and value[-7:] not in dialled(management)
    assert "Профсоюзная" in police and "Профсоюзная" not in management
    assert "8 (916) 123-45-67" in police and "Клиентка перезвонила с +7 916 ***-**-67" in management
    exports = [e for e in audit.list_entries(ctx, case_id=case.id) if e.action == "export"]
    assert {(e.after or {}).get("profile") for e in exports} == {"police", "management"}
    files = [e for e in exports if e.entity == "dossier_file"]
    assert len(files) == 2 and all(len(str((e.after or {}).get("sha256"))) == 64 for e in files)


def test_each_export_carries_the_checkpoint_after_its_own_entries(
    ctx, case, tmp_path: Path, run_cli, db_url: str
) -> None:
    options = DossierOptions("police", "en")
    first = export_dossier(ctx, case.id, options, tmp_path / "a.pdf")
    second = export_dossier(ctx, case.id, options, tmp_path / "b.pdf")
    newest_export = next(e for e in audit.list_entries(ctx) if e.entity == "dossier")
    assert second.checkpoint.seq == newest_export.seq  # taken after the export's own entry
    assert second.checkpoint.hash == newest_export.hash
    assert first.checkpoint.seq < second.checkpoint.seq
    text = pdf_text(tmp_path / "b.pdf").replace("\n", "")
    assert second.checkpoint.hash in text and second.checkpoint.key_id in text
    anchor = f"{second.checkpoint.seq}:{second.checkpoint.hash}"
    assert f"--anchor{anchor}" in re.sub(r"\s", "", text)
    assert run_cli("audit", "verify", "--anchor", anchor, db_url=db_url).code == 0


def test_selection_and_redaction(ctx, case, tmp_path: Path) -> None:
    choices = dossier_choices(ctx, case.id, "en")
    assert choices.stills and len(choices.events) >= 3
    keep = choices.events[0]
    still = choices.stills[0]
    options = DossierOptions(
        "management",
        "en",
        events=frozenset({keep.key}),
        stills=frozenset({still.id}),
        redactions={still.id: StillRedaction(blur=(Region(90, 180, 500, 160),))},
    )
    built = preview_dossier(ctx, case.id, options)
    reader = pypdf.PdfReader(io.BytesIO(built.pdf))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert keep.text in text
    assert all(e.text not in text for e in choices.events[1:] if e.kind == "order")
    from app.media.redaction import face_detector

    expected = "Faces of people who are not parties" if face_detector() else "only marked regions"
    assert expected in text
    assert built.pdf.count(b"/Subtype /Image") == 1
    original = evidence_files.evidence_path(ctx, evidence_files.get_evidence(ctx, still.id))
    assert hashlib.sha256(original.read_bytes()).hexdigest() == still.sha256


def test_package_round_trip_and_tampering(ctx, case, run_cli, db_url: str, tmp_path: Path) -> None:
    target = tmp_path / "package.zip"
    result = run_cli(
        "export", "package", case.number, "--profile", "police", "--out", str(target), db_url=db_url
    )
    assert result.code == 0, result.err
    payload = result.json()
    assert set(payload) == {"path", "sha256", "files", "audit_checkpoint"}
    assert "manifest.txt" in payload["files"] and "manifest.json" in payload["files"]
    assert "audit-checkpoint.json" in payload["files"]
    assert any(f.startswith("evidence/") for f in payload["files"])
    ok = run_cli("verify-package", str(target), "--extract", str(tmp_path / "unpacked"))
    assert ok.code == 0 and ok.json()["ok"] is True
    assert (tmp_path / "unpacked" / "manifest.txt").is_file()
    assert len(ok.json()["extracted"]) == len(payload["files"])
    witness = tmp_path / "unpacked" / "audit-checkpoint.json"
    assert json.loads(witness.read_text())["seq"] == payload["audit_checkpoint"]["seq"]
    assert run_cli("audit", "verify", "--checkpoint", str(witness), db_url=db_url).code == 0

    member = next(f for f in payload["files"] if f.startswith("evidence/"))
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(target) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == member:
                data = data[:10] + bytes([data[10] ^ 0xFF]) + data[11:]
            dst.writestr(info, data)
    bad = run_cli("verify-package", str(tampered))
    assert bad.code == 1
    assert member in bad.err
    assert bad.json()["bad_member"] == member


def test_management_package_holds_no_originals(
    ctx, case, run_cli, db_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "m.zip"
    result = run_cli(
        "export",
        "package",
        case.number,
        "--profile",
        "management",
        "--out",
        str(target),
        db_url=db_url,
    )
    assert result.code == 0, result.err
    files = result.json()["files"]
    assert not any(f.startswith("evidence/") for f in files)
    assert any(f.startswith("stills/") for f in files)
    manifest = json.loads(zipfile.ZipFile(target).read("manifest.json"))
    assert manifest["profile"] == "management"


def test_cli_errors(run_cli, tmp_path: Path) -> None:
    missing = run_cli(
        "export", "dossier", "NOPE-1", "--profile", "police", "--out", str(tmp_path / "x.pdf")
    )
    assert missing.code == 2 and "NOPE-1" in missing.err
    assert run_cli("export", "dossier", "X", "--profile", "press", "--out", "x.pdf").code == 2
    assert run_cli("verify-package", str(tmp_path / "absent.zip")).code == 2
