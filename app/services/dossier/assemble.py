"""Assemble a case's `DossierData` for an export profile from the database.

The foundation gives the case, parties, orders, statements, manual events, evidence and the
audit log; the calls feature gives calls and findings (`dossier_calls`). Personal data is
decided here, once, by the profile (`dossier_privacy`). The investigator's choice of events
and stills, and the regions to blur, come in `DossierOptions`.

Use `dossier_export` to build, save and audit; this module only reads.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from app.domain.errors import ValidationError
from app.domain.media import Region as PixelRegion
from app.domain.phones import display
from app.domain.progress import NullProgress, Progress, check_cancel
from app.domain.timeutil import ensure_utc, now_utc
from app.media.redaction import face_detector, jpeg_copy, redact_still
from app.reports.model import (
    LANGS,
    PROFILES,
    CaseInfo,
    DecisionEntry,
    DossierData,
    EventEntry,
    EvidenceEntry,
    FindingEntry,
    Lang,
    PartyEntry,
    Profile,
    QuoteEntry,
    StatementEntry,
    StillEntry,
)
from app.reports.package import PackageFile, safe_name
from app.services.core import cases, evidence_files
from app.services.core.audit import last_change
from app.services.core.context import ServiceContext
from app.services.core.dto import CaseDetail
from app.services.core.parties import party_address_values, party_phone_values
from app.services.dossier.calls import load_calls
from app.services.dossier.privacy import Scrubber, address_text, phone_text, reveals
from app.services.dossier.sources import (
    EventChoice,
    clock_corrections,
    still_notes,
    timeline_events,
)
from app.services.messages.analysis import message_findings
from app.services.messages.query import dossier_quotes
from app.services.office.decisions import decision_state
from app.services.video.clock import get_clock

# Entries that do not change what a dossier shows: the anchor printed in it skips them, so
# exporting twice gives the same bytes.
NON_CHANGING_ACTIONS = ("export", "reveal")


@dataclass(frozen=True)
class StillRedaction:
    """Pixel regions on one still: `blur` to hide, `keep` holding parties (faces stay)."""

    blur: tuple[PixelRegion, ...] = ()
    keep: tuple[PixelRegion, ...] = ()


@dataclass(frozen=True)
class DossierOptions:
    profile: Profile
    lang: Lang = "ru"
    events: frozenset[str] | None = None  # keys from `dossier_choices`; None → all
    stills: frozenset[int] | None = None  # still evidence ids; None → all
    addressee: str = ""  # police: to whom the dossier goes
    # None: now. A dossier states both when it was made and the time its data are as of; a
    # fixed time reproduces a dossier byte for byte.
    generated_at: datetime | None = None
    redactions: Mapping[int, StillRedaction] = field(default_factory=dict)

    def check(self) -> None:
        if self.profile not in PROFILES:
            raise ValidationError(f"profile must be one of {', '.join(PROFILES)}", field="profile")
        if self.lang not in LANGS:
            raise ValidationError(f"language must be one of {', '.join(LANGS)}", field="lang")


@dataclass(frozen=True)
class StillChoice:
    id: int
    name: str
    sha256: str
    taken_at: datetime | None
    frame_index: int | None


@dataclass(frozen=True)
class DossierChoices:
    case_id: int
    number: str
    tz: str
    events: list[EventChoice]
    stills: list[StillChoice]
    face_detector: str | None  # None: only drawn regions can be blurred


@dataclass(frozen=True)
class AssembledDossier:
    case_id: int
    data: DossierData
    files: list[PackageFile]  # evidence the profile allows in a package


def _anchor(ctx: ServiceContext, fallback: datetime) -> tuple[int, str, datetime]:
    """Newest audit entry that changed data: (seq, hash, at)."""
    found = last_change(ctx, NON_CHANGING_ACTIONS)
    if found is None:
        return 0, "", fallback
    seq, head, at = found
    return seq, head, ensure_utc(at)


def _still_choices(ctx: ServiceContext, case_id: int) -> list[StillChoice]:
    return [
        StillChoice(e.id, e.original_name, e.sha256, e.acquired_at, e.frame_index)
        for e in evidence_files.list_evidence(ctx, case_id)
        if e.kind == "still"
    ]


def dossier_choices(ctx: ServiceContext, case_id: int, lang: Lang = "ru") -> DossierChoices:
    """What the investigator can pick from (texts masked, as on screen)."""
    detail = cases.get_case(ctx, case_id)
    return DossierChoices(
        detail.id,
        detail.number,
        detail.tz,
        timeline_events(ctx, detail, lang, _scrubber(ctx, detail)),
        _still_choices(ctx, detail.id),
        face_detector(),
    )


def selected_events(events: list[EventChoice], chosen: frozenset[str] | None) -> list[EventChoice]:
    """The investigator's choice; without one, the events marked "in the dossier" on the
    timeline, and when none is marked, all of them."""
    if chosen is not None:
        return [e for e in events if e.key in chosen]
    marked = [e for e in events if e.in_dossier]
    return marked or events


def _scrubber(ctx: ServiceContext, detail: CaseDetail) -> Scrubber:
    phones = [v for values in party_phone_values(ctx, detail.id).values() for v in values]
    addresses = list(party_address_values(ctx, detail.id).values())
    return Scrubber.of(phones, addresses)


def _parties(
    ctx: ServiceContext, detail: CaseDetail, profile: Profile, clean: Scrubber | None
) -> tuple[PartyEntry, ...]:
    """The parties as the profile shows them; without reveal, names and notes are scrubbed of
    contact data typed into them (a phone in a name field)."""

    def scrub(text: str) -> str:
        return clean.clean(text) if clean else text

    names = {p.id: p.name for p in detail.parties}
    phones = party_phone_values(ctx, detail.id) if reveals(profile) else {}
    addresses = party_address_values(ctx, detail.id) if reveals(profile) else {}
    return tuple(
        PartyEntry(
            role=p.role,
            name=scrub(p.name),
            phones=phone_text(phones[p.id], profile) if p.id in phones else p.phones_masked,
            address=address_text(addresses[p.id], profile)
            if p.id in addresses
            else p.address_masked,
            courier_id=p.courier_id or "",
            supervisor=names.get(p.supervisor_id or -1, ""),
            note=scrub(p.notes),
        )
        for p in detail.parties
    )


def _stills(
    ctx: ServiceContext,
    case_id: int,
    options: DossierOptions,
    workdir: Path,
    clean: Scrubber | None,
    progress: Progress,
) -> tuple[list[StillEntry], list[PackageFile]]:
    """The chosen stills as JPEG files in `workdir`, redacted as the profile and the
    investigator ask; for management their texts go through the scrubber."""

    def scrub(text: str) -> str:
        return clean.clean(text) if clean else text

    evidence = evidence_files.list_evidence(ctx, case_id)
    names = {e.id: e.original_name for e in evidence}
    notes = still_notes(ctx, case_id)
    stills, files = [], []
    chosen = [
        e
        for e in evidence
        if e.kind == "still" and (options.stills is None or e.id in options.stills)
    ]
    for done, info in enumerate(chosen, 1):
        check_cancel(progress)
        progress.report(done, len(chosen), info.original_name)
        original = evidence_files.evidence_path(ctx, info).read_bytes()
        note = notes.get(info.id)
        # The region the investigator annotated holds what the still is about (usually the
        # courier): faces there stay visible unless the investigator says otherwise.
        marked = (PixelRegion(*note.rect),) if note and note.rect else ()
        redaction = options.redactions.get(info.id, StillRedaction(keep=marked))
        if reveals(options.profile) and not redaction.blur:
            jpeg, done_to_it = jpeg_copy(original), ""
        else:
            faces = not reveals(options.profile)
            result = redact_still(original, blur=redaction.blur, keep=redaction.keep, faces=faces)
            jpeg = result.jpeg
            if faces and result.detector is None:
                done_to_it = "no_detector"
            else:
                done_to_it = "faces" if faces else "regions"
        path = workdir / f"still-{info.id}.jpg"
        path.write_bytes(jpeg)
        camera, true, established = _still_times(ctx, case_id, info)
        stills.append(
            StillEntry(
                image=path,
                caption=scrub(info.original_name),
                source=scrub(names.get(info.parent_id or -1, "")),
                taken_at=true,
                camera_time=camera,
                time_established=established,
                frame_index=info.frame_index,
                sha256=info.sha256,
                note=scrub(note.text) if note else "",
                redaction=done_to_it,
            )
        )
        if done_to_it:
            digest = hashlib.sha256(jpeg).hexdigest()
            files.append(PackageFile(path, f"stills/{info.id:04d}_redacted.jpg", digest))
    return stills, files


def _still_times(
    ctx: ServiceContext, case_id: int, info: evidence_files.EvidenceInfo
) -> tuple[datetime | None, datetime | None, bool]:
    """(camera clock, true time, established) of a still, by its camera's clock as it is now:
    a video still whose camera is not calibrated has no established time."""
    if info.parent_id is None or info.media_time_s is None:
        return None, info.acquired_at, True
    try:
        clock = get_clock(ctx, case_id, info.parent_id)
    except ValidationError:  # the parent is no indexed video
        return None, info.acquired_at, True
    camera = clock.camera_time(info.media_time_s)
    if not clock.calibrated:
        return camera, None, False
    return camera, clock.true_time(info.media_time_s), True


def _evidence(
    ctx: ServiceContext, case_id: int, profile: Profile, clean: Scrubber | None
) -> tuple[list[EvidenceEntry], list[PackageFile]]:
    entries, files = [], []
    for info in evidence_files.list_evidence(ctx, case_id):
        if info.kind == "dossier":  # earlier exports are not evidence of the case
            continue
        name = clean.clean(info.original_name) if clean else info.original_name
        entries.append(
            EvidenceEntry(
                name=name,
                kind=info.kind,
                sha256=info.sha256,
                size=info.size,
                acquired_at=info.acquired_at,
                source=clean.clean(info.source) if clean else info.source,
                provided_by=info.provided_by,
            )
        )
        if reveals(profile):  # originals hold unmasked personal data: police only
            arcname = f"evidence/{info.id:04d}_{safe_name(info.original_name)}"
            files.append(PackageFile(evidence_files.evidence_path(ctx, info), arcname, info.sha256))
    return entries, files


def _statements(detail: CaseDetail, ctx: ServiceContext) -> list[StatementEntry]:
    parties = {p.id: p for p in detail.parties}
    out = []
    for st in detail.statements:
        party = parties.get(st.party_id or -1)
        scan = ""
        if st.attachment_id is not None:
            scan = evidence_files.get_evidence(ctx, st.attachment_id).sha256
        out.append(
            StatementEntry(
                party=party.name if party else "",
                role=party.role if party else "",
                taken_at=st.taken_at,
                taken_by=st.taken_by,
                text=st.text,
                sha256=scan,
            )
        )
    return out


def assemble_dossier(
    ctx: ServiceContext,
    case_id: int,
    options: DossierOptions,
    workdir: Path,
    progress: Progress | None = None,
) -> AssembledDossier:
    """Everything the dossier of `options.profile` shows; stills are written to `workdir`
    (JPEG, redacted where the profile or the investigator asks), which must outlive the build."""
    options.check()
    progress = progress or NullProgress()
    detail = cases.get_case(ctx, case_id)
    profile, lang = options.profile, options.lang
    clean = None if reveals(profile) else _scrubber(ctx, detail)

    def scrub(text: str) -> str:
        return clean.clean(text) if clean else text

    investigator = ctx.settings.investigator_name or ctx.actor
    seq, head, data_as_of = _anchor(ctx, detail.updated_at)
    events = [
        EventEntry(e.at, e.kind, e.source, e.text, e.corrected)
        for e in selected_events(timeline_events(ctx, detail, lang, clean), options.events)
    ]
    check_cancel(progress)
    calls = load_calls(ctx, detail.id, [p.id for p in detail.parties], profile, lang, detail.tz)
    findings = calls.findings
    if clean is not None:  # worded by the analysis: numbers to mask, no address
        findings = tuple(replace(f, detail=clean.clean_numbers(f.detail)) for f in findings)
    findings = (*findings, *_message_findings(ctx, detail.id, lang))
    stills, still_files = _stills(ctx, detail.id, options, workdir, clean, progress)
    evidence, evidence_files_ = _evidence(ctx, detail.id, profile, clean)
    corrections = clock_corrections(ctx, detail.id, lang, detail.tz)
    data = DossierData(
        profile=profile,
        lang=lang,
        case=CaseInfo(
            number=detail.number,
            category=detail.category,
            region=detail.region,
            tz=detail.tz,
            received_at=detail.received_at,
            status=detail.status,
            summary=scrub(detail.summary),
            conclusions=scrub(detail.findings),
            measure=detail.measure,
            investigator=investigator,
            investigator_position=ctx.settings.investigator_position,
            addressee=options.addressee if reveals(profile) else "",
        ),
        generated_at=options.generated_at or now_utc(),
        data_as_of=data_as_of,
        audit_head=head,
        audit_entries=seq,
        parties=_parties(ctx, detail, profile, clean),
        events=tuple(events),
        findings=findings,
        calls=calls.calls if reveals(profile) else (),
        calls_omitted=calls.omitted if reveals(profile) else 0,
        statistics=calls.statistics,
        stills=tuple(stills),
        statements=tuple(_statements(detail, ctx)) if reveals(profile) else (),
        corrections=tuple(corrections),
        evidence=tuple(evidence),
        author=investigator,
        decisions=_decisions(ctx, detail.id, scrub),
        quotes=_quotes(ctx, detail.id, profile),
    )
    return AssembledDossier(detail.id, data, [*evidence_files_, *still_files])


def _decisions(
    ctx: ServiceContext, case_id: int, scrub: Callable[[str], str]
) -> tuple[DecisionEntry, ...]:
    """The two-person decision, step by step (names are the accounts that acted); a proposal
    shows its findings, a manager's step its comment, masked as the profile asks."""
    steps = decision_state(ctx, case_id).steps
    return tuple(
        DecisionEntry(
            s.step,
            s.measure,
            s.actor,
            s.at,
            scrub(s.findings if s.step == "propose" else s.comment),
        )
        for s in steps
    )


def _message_findings(ctx: ServiceContext, case_id: int, lang: Lang) -> list[FindingEntry]:
    """The message detectors' findings (numbers already masked in their explanations)."""
    return [
        FindingEntry(kind=f.kind, title="", detail=f.explanation(lang), severity=f.severity)
        for f in message_findings(ctx, case_id)
    ]


def _quotes(ctx: ServiceContext, case_id: int, profile: Profile) -> tuple[QuoteEntry, ...]:
    """Chosen and flagged messages, verbatim; the sender's number only in the police profile."""
    police = reveals(profile)

    def shown(value: str | None) -> str:
        return (display(value) if police else value) if value else ""

    return tuple(
        QuoteEntry(
            at=v.sent_utc,
            sender=shown(v.sender) if v.sender == v.sender_number else v.sender,
            number=shown(v.sender_number),
            text=v.text,
            source=v.source,
            categories=tuple(v.categories()),
            from_screenshot=v.from_screenshot,
        )
        for v in dossier_quotes(ctx, case_id, reveal=police)
    )


def still_file(ctx: ServiceContext, still: StillChoice) -> Path:
    """The stored (read-only) image of a still, for showing it in the export dialog."""
    return ctx.evidence.path_of(still.sha256)
