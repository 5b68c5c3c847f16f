"""The plain input of a dossier: everything it prints, already decided by the export profile.

The service that assembles a `DossierData` has already masked or revealed personal data as the
profile allows and picked the events and stills; the report only lays out what it is given.
Instants are aware UTC datetimes; the report shows them in `CaseInfo.tz`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.domain.dossier import LANGS as LANGS
from app.domain.dossier import PROFILES as PROFILES
from app.domain.dossier import Lang as Lang
from app.domain.dossier import Profile as Profile


@dataclass(frozen=True, slots=True)
class CaseInfo:
    number: str
    category: str
    region: str
    tz: str  # IANA zone every time in the dossier is shown in
    received_at: datetime | None
    status: str
    summary: str  # the complaint (allegation) as the investigator recorded it
    measure: str | None  # measure proposed: code (warning, suspension, ...) or free text
    investigator: str
    addressee: str = ""  # to whom the police dossier is addressed
    organisation: str = ""
    conclusions: str = ""  # the investigator's own conclusions, kept apart from the complaint
    investigator_position: str = ""


@dataclass(frozen=True, slots=True)
class PartyEntry:
    role: str  # complainant | subject | witness | other (or free text)
    name: str
    phones: tuple[str, ...] = ()  # already masked or shown per profile
    address: str = ""  # already masked or shown per profile
    courier_id: str = ""
    supervisor: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class EventEntry:
    at: datetime
    kind: str
    source: str
    text: str
    corrected: bool = False  # the time went through a camera clock correction


@dataclass(frozen=True, slots=True)
class CallEntry:
    start: datetime
    duration_s: int | None
    caller: str
    callee: str
    via: str = ""  # virtual number, empty for a direct call
    answered: bool | None = None
    order_ref: str = ""


@dataclass(frozen=True, slots=True)
class FindingEntry:
    kind: str  # detector code: after_close, bypass, many_numbers, night, burst, ...
    title: str
    detail: str = ""
    severity: str = ""
    calls: tuple[CallEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class Region:
    """A rectangle on a still, as fractions (0..1) of the image width and height."""

    x: float
    y: float
    w: float
    h: float
    label: str = ""


@dataclass(frozen=True, slots=True)
class StillEntry:
    image: Path  # a JPEG file; embedded as is (never decoded by the report)
    caption: str
    source: str = ""
    taken_at: datetime | None = None  # the true time (corrected camera clock)
    frame_index: int | None = None
    camera_time: datetime | None = None  # what the camera's own clock showed
    time_established: bool = True  # False: a video still whose camera is not calibrated
    sha256: str = ""
    note: str = ""  # the annotation text
    regions: tuple[Region, ...] = ()  # annotation regions drawn over the image
    # What was done to this copy: "" nothing; "faces": faces of non-parties (and drawn regions)
    # blurred; "regions": only drawn regions; "no_detector": faces should have been blurred
    # but no face detector was available (drawn regions are blurred).
    redaction: str = ""


@dataclass(frozen=True, slots=True)
class StatementEntry:
    party: str
    role: str
    taken_at: datetime | None
    taken_by: str
    text: str
    sha256: str = ""  # the scanned signed copy, when stored


@dataclass(frozen=True, slots=True)
class CorrectionEntry:
    source: str  # camera / file the correction applies to
    offset_s: float  # seconds added to the camera clock to get the true time
    drift_ppm: float | None = None
    method: str = ""  # how it was established (reference moment, second point)
    established_by: str = ""
    established_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class EvidenceEntry:
    name: str
    kind: str
    sha256: str
    size: int
    acquired_at: datetime | None = None
    source: str = ""
    provided_by: str = ""


@dataclass(frozen=True, slots=True)
class CallStatistics:
    total: int
    answered: int
    distinct_numbers: int
    total_duration_s: int
    first_at: datetime | None = None
    last_at: datetime | None = None
    by_finding: tuple[tuple[str, int], ...] = ()  # (finding kind, calls involved)
    top_numbers: tuple[tuple[str, int], ...] = ()  # (number as shown, calls)
    listed: int = 0  # calls of the log the dossier lists (parties' and findings')
    # (start of the day or week, UTC; calls of the log; of them listed in the dossier)
    by_day: tuple[tuple[datetime, int, int], ...] = ()
    day_step: int = 1  # days per `by_day` row: 1, or 7 for a long log


@dataclass(frozen=True, slots=True)
class DecisionEntry:
    """One step of the two-person decision: who proposed, approved or returned, and when."""

    step: str  # propose | approve | return
    measure: str
    actor: str
    at: datetime
    comment: str = ""


@dataclass(frozen=True, slots=True)
class QuoteEntry:
    """A message quoted verbatim: who wrote it (number shown or masked per profile), when,
    from which export, and the abuse categories found in it."""

    at: datetime
    sender: str
    number: str
    text: str
    source: str
    categories: tuple[str, ...] = ()
    from_screenshot: bool = False


@dataclass(frozen=True, slots=True)
class DossierData:
    profile: Profile
    lang: Lang
    case: CaseInfo
    generated_at: datetime  # when the document was made (given, so it can be reproduced)
    audit_head: str  # hash of the audit entry the export's signed checkpoint witnesses
    audit_entries: int = 0  # that entry's number
    parties: tuple[PartyEntry, ...] = ()
    events: tuple[EventEntry, ...] = ()
    findings: tuple[FindingEntry, ...] = ()
    calls: tuple[CallEntry, ...] = ()  # the annex: the parties' and the findings' calls
    calls_omitted: int = 0  # of those, not listed (the annex has a limit; see the log file)
    statistics: CallStatistics | None = None
    stills: tuple[StillEntry, ...] = ()
    statements: tuple[StatementEntry, ...] = ()
    corrections: tuple[CorrectionEntry, ...] = ()
    evidence: tuple[EvidenceEntry, ...] = ()
    author: str = ""
    decisions: tuple[DecisionEntry, ...] = ()
    quotes: tuple[QuoteEntry, ...] = ()  # messages selected or flagged, verbatim
    data_as_of: datetime | None = None  # the last change of the data the dossier shows
    audit_signature: str = ""  # "Ed25519 <key id> <signature>" of that checkpoint
