"""Export use cases: the dossier PDF and the evidence package, each audited with its SHA-256
and profile; a preview for the export dialog; package verification.

Stills and redacted copies live in a temporary folder for the duration of one build.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from app.domain.progress import NullProgress, Progress
from app.domain.timeutil import iso_utc
from app.reports import strings
from app.reports.dossier import BuiltDossier, build_dossier, write_dossier
from app.reports.model import DossierData
from app.reports.package import PackageCheck, PackageFile, build_package, verify_package
from app.reports.package import unpack_package as extract_package
from app.services.core.audit import record_export
from app.services.core.checkpoints import CheckpointInfo, take_checkpoint
from app.services.core.context import ServiceContext
from app.services.core.outputs import check_output_path, pending_output
from app.services.dossier.assemble import AssembledDossier, DossierOptions, assemble_dossier
from app.services.dossier.privacy import reveals


@dataclass(frozen=True)
class DossierExport:
    path: Path
    sha256: str
    pages: int
    profile: str
    lang: str
    checkpoint: CheckpointInfo
    # What the investigator should know before sending it (e.g. stills without a true time).
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PackageExport:
    path: Path
    sha256: str
    files: tuple[str, ...]
    dossier_sha256: str
    profile: str
    checkpoint: CheckpointInfo


def _details(assembled: AssembledDossier, built: BuiltDossier) -> dict[str, object]:
    data = assembled.data
    return {
        "profile": data.profile,
        "lang": data.lang,
        "sha256": built.sha256,
        "pages": built.pages,
        "reveals": ["phones", "addresses", "calls"] if reveals(data.profile) else [],
        "events": len(data.events),
        "stills": len(data.stills),
    }


CHECKPOINT_MEMBER = "audit-checkpoint.json"


def _witnessed(
    ctx: ServiceContext, assembled: AssembledDossier, what: str, details: dict[str, object]
) -> tuple[DossierData, CheckpointInfo]:
    """Record the export (and what it reveals) first, then sign a checkpoint after it: the
    document carries a witness of its own entries (issue 14). One short transaction each,
    before the long build (the build itself writes nothing)."""
    record_export(ctx, assembled.case_id, what, details)
    checkpoint = take_checkpoint(ctx)
    data = replace(
        assembled.data,
        audit_head=checkpoint.hash,
        audit_entries=checkpoint.seq,
        audit_signature=f"Ed25519 {checkpoint.key_id} {checkpoint.document['signature']}",
    )
    return data, checkpoint


def _intent(assembled: AssembledDossier) -> dict[str, object]:
    data = assembled.data
    return {
        "profile": data.profile,
        "lang": data.lang,
        "reveals": ["phones", "addresses", "calls"] if reveals(data.profile) else [],
        "events": len(data.events),
        "stills": len(data.stills),
    }


def _sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def preview_dossier(
    ctx: ServiceContext,
    case_id: int,
    options: DossierOptions,
    progress: Progress | None = None,
) -> BuiltDossier:
    """The dossier as it would be saved, for the preview; shown on screen only. A police
    preview shows unmasked data, so it is audited as a reveal."""
    return prepare_preview(ctx, case_id, options, progress)()


def prepare_preview(
    ctx: ServiceContext,
    case_id: int,
    options: DossierOptions,
    progress: Progress | None = None,
) -> Callable[[], BuiltDossier]:
    """The long part of a preview (assemble, build; no writes); returns the short commit that
    audits the reveal and hands the dossier over (the GUI runs it on the database lane)."""
    with tempfile.TemporaryDirectory(prefix="casebook-dossier-") as tmp:
        assembled = assemble_dossier(ctx, case_id, options, Path(tmp), progress)
        built = build_dossier(assembled.data, progress)

    def commit() -> BuiltDossier:
        if reveals(options.profile):
            with ctx.transaction() as session:
                ctx.audit(
                    session,
                    action="reveal",
                    entity="dossier_preview",
                    entity_id=assembled.case_id,
                    case_id=assembled.case_id,
                    after={"reason": "dossier preview", **_details(assembled, built)},
                )
        return built

    return commit


def export_dossier(
    ctx: ServiceContext,
    case_id: int,
    options: DossierOptions,
    out: Path,
    progress: Progress | None = None,
) -> DossierExport:
    """Build the dossier, write it to `out` and record the export (SHA-256, profile)."""
    return prepare_dossier_export(ctx, case_id, options, out, progress)()


def prepare_dossier_export(
    ctx: ServiceContext,
    case_id: int,
    options: DossierOptions,
    out: Path,
    progress: Progress | None = None,
) -> Callable[[], DossierExport]:
    """The long part of a dossier export (assemble, record the export and sign a checkpoint
    after it, write the PDF carrying that checkpoint); returns the short commit that records
    the file's SHA-256 (the GUI runs it on the database lane)."""
    progress = progress or NullProgress()
    out = check_output_path(ctx, out)
    with tempfile.TemporaryDirectory(prefix="casebook-dossier-") as tmp:
        assembled = assemble_dossier(ctx, case_id, options, Path(tmp), progress)
        data, checkpoint = _witnessed(
            ctx, assembled, "dossier", {**_intent(assembled), "file": out.name}
        )
        with pending_output(ctx, out.parent, ".dossier-*.pdf"):
            built = write_dossier(data, out, progress)

    def commit() -> DossierExport:
        record_export(
            ctx,
            assembled.case_id,
            "dossier_file",
            {**_details(assembled, built), "file": out.name, "checkpoint": checkpoint.seq},
        )
        return DossierExport(
            out,
            built.sha256,
            built.pages,
            options.profile,
            options.lang,
            checkpoint,
            dossier_warnings(assembled),
        )

    return commit


def dossier_warnings(assembled: AssembledDossier) -> tuple[str, ...]:
    """Warnings about what the dossier shows, in its language: stills whose time is not
    established (their camera's clock is not calibrated)."""
    data = assembled.data
    return tuple(
        strings.text(data.lang, "warn_still_time", name=still.caption)
        for still in data.stills
        if not still.time_established
    )


def export_package(
    ctx: ServiceContext,
    case_id: int,
    options: DossierOptions,
    out: Path,
    progress: Progress | None = None,
) -> PackageExport:
    """A ZIP with the dossier, the evidence the profile allows (police: every original;
    management: the redacted stills only), manifests and a how-to-verify note."""
    return prepare_package_export(ctx, case_id, options, out, progress)()


def prepare_package_export(
    ctx: ServiceContext,
    case_id: int,
    options: DossierOptions,
    out: Path,
    progress: Progress | None = None,
) -> Callable[[], PackageExport]:
    """The long part of a package export (assemble, build, zip); returns the short commit
    that records the export (the GUI runs it on the database lane)."""
    progress = progress or NullProgress()
    out = check_output_path(ctx, out)
    with tempfile.TemporaryDirectory(prefix="casebook-package-") as tmp:
        assembled = assemble_dossier(ctx, case_id, options, Path(tmp), progress)
        data, checkpoint = _witnessed(
            ctx, assembled, "package", {**_intent(assembled), "file": out.name}
        )
        built = build_dossier(data, progress)
        number = data.case.number
        note = strings.text(
            data.lang, "package_note", number=number, time=iso_utc(data.generated_at)
        )
        witness = Path(tmp) / CHECKPOINT_MEMBER
        witness.write_text(
            json.dumps(checkpoint.document, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        with pending_output(ctx, out.parent, ".package-*.zip"):
            result = build_package(
                out,
                dossier=built.pdf,
                dossier_name=f"dossier_{data.profile}.pdf",
                files=[
                    *assembled.files,
                    PackageFile(witness, CHECKPOINT_MEMBER, _sha256_of(witness)),
                ],
                note=note,
                meta={
                    "case": number,
                    "profile": data.profile,
                    "lang": data.lang,
                    "audit_checkpoint": checkpoint.document,
                },
                created=data.generated_at,
                progress=progress,
            )

    def commit() -> PackageExport:
        record_export(
            ctx,
            assembled.case_id,
            "package_file",
            {
                **_details(assembled, built),
                "package_sha256": result.sha256,
                "file": out.name,
                "files": len(result.files),
                "checkpoint": checkpoint.seq,
            },
        )
        return PackageExport(
            result.path, result.sha256, result.files, built.sha256, data.profile, checkpoint
        )

    return commit


def check_package(path: Path) -> PackageCheck:
    """Verify a package file (no database needed)."""
    return verify_package(path)


def unpack_package(path: Path, folder: Path) -> list[Path]:
    """Unpack a checked package into `folder`; refuses names that would land outside it."""
    return extract_package(path, folder)
