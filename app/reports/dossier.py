"""Build the PDF dossier of a case from a `DossierData` (reportlab platypus, one pass).

Two profiles share the building blocks of `sections`: *police* is the formal document (facts,
parties as revealed, timeline, findings with their calls, stills, statements, clock corrections,
evidence with SHA-256, call annex, signature); *management* is the decision paper (summary,
findings, measure, masked parties, timeline, call statistics, redacted stills, evidence).
The same data gives the same bytes: invariant mode, fixed dates, no ASCII85.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer

from app.domain.progress import NullProgress, Progress, check_cancel
from app.reports import call_figures, strings
from app.reports.fonts import register_fonts
from app.reports.layout import (
    FRAME_W,
    HEAD_BG,
    Contents,
    DossierDocument,
    PageDecor,
    Styles,
    esc,
    fmt_time,
    make_styles,
    pdf_date,
    styled_table,
)
from app.reports.model import DossierData
from app.reports.sections import SectionWriter

# Binary image streams: ASCII85 in pure Python was the top cost of a dossier with stills.
rl_config.useA85 = 0
# Contents lines shown at most on the one contents page; beyond that only sections are listed.
CONTENTS_MAX = 36


@dataclass(frozen=True, slots=True)
class BuiltDossier:
    pdf: bytes
    pages: int
    sha256: str


def _cover(data: DossierData, styles: Styles) -> list[Flowable]:
    lang, case = data.lang, data.case

    def t(key: str, **values: object) -> str:
        return strings.text(lang, key, **values)

    addressee = (
        case.addressee
        if data.profile == "police"
        else t("addressee_management", region=case.region)
    )
    out: list[Flowable] = []
    if addressee:
        block = styled_table(
            [[Paragraph(f"<b>{esc(t('addressee'))}:</b><br/>{esc(addressee)}", styles.body)]],
            [FRAME_W * 0.45],
            styles.fonts,
            header=False,
            grid=False,
        )
        block.hAlign = "RIGHT"
        out.append(block)
    out.append(Spacer(1, 110 if addressee else 170))
    if case.organisation:
        out.append(Paragraph(esc(case.organisation), styles.subtitle))
    out += [
        Paragraph(esc(t("doc_title").upper()), styles.title),
        Paragraph(esc(t(f"doc_subject_{data.profile}")), styles.subtitle),
        Spacer(1, 8),
        Paragraph(f"<b>{esc(t('case_no', number=case.number))}</b>", styles.subtitle),
        Spacer(1, 40),
    ]
    rows = [
        [t("cover_category"), strings.label(lang, "category", case.category)],
        [t("cover_region"), case.region],
        [t("cover_received"), fmt_time(case.received_at, case.tz, lang, seconds=False)],
        [t("cover_status"), strings.label(lang, "status", case.status)],
        [t("cover_investigator"), case.investigator],
        [t("cover_data_as_of"), fmt_time(data.data_as_of, case.tz, lang, seconds=False)],
        [t("cover_prepared"), fmt_time(data.generated_at, case.tz, lang, seconds=False)],
        [t("cover_zone"), case.tz],
        [t("cover_audit"), data.audit_head[:16] + ("…" if len(data.audit_head) > 16 else "")],
    ]
    cells = [[Paragraph(esc(k), styles.cell), Paragraph(esc(v), styles.cell)] for k, v in rows if v]
    facts = styled_table(cells, [150, FRAME_W - 150 - 60], styles.fonts, header=False)
    facts.setStyle([("BACKGROUND", (0, 0), (0, -1), HEAD_BG)])
    out.append(facts)
    return out


def _sections(data: DossierData, writer: SectionWriter) -> list[list[Flowable]]:
    if data.profile == "police":
        return [
            writer.allegation(),
            writer.facts(),
            writer.parties(),
            writer.timeline(),
            writer.findings(annex=bool(data.calls)),
            writer.quotes(),
            writer.stills(),
            writer.statements(),
            writer.corrections(),
            writer.conclusions(),
            writer.evidence(),
            call_figures.statistics(writer),
            writer.calls_annex(),
            writer.about(),
            writer.signature(),
        ]
    return [
        writer.allegation(),
        writer.facts(),
        writer.conclusions(),
        writer.measure(),
        writer.findings(annex=False),
        writer.quotes(),
        writer.parties(),
        writer.timeline(),
        call_figures.statistics(writer),
        writer.stills(),
        writer.evidence(),
        writer.about(),
        writer.signature(),
    ]


def build_dossier(data: DossierData, progress: Progress | None = None) -> BuiltDossier:
    """Lay out the dossier and return its bytes, page count and SHA-256."""
    progress = progress or NullProgress()
    fonts = register_fonts()
    styles = make_styles(fonts)
    writer = SectionWriter(data, styles)
    body: list[Flowable] = []
    for part in _sections(data, writer):
        check_cancel(progress)
        body += part
    entries = writer.contents
    if len(entries) > CONTENTS_MAX:
        entries = [e for e in entries if e.level == 0]
    story: list[Flowable] = [
        NextPageTemplate("body"),
        *_cover(data, styles),
        PageBreak(),
        Paragraph(esc(strings.text(data.lang, "toc")), styles.h1),
        Contents(entries, fonts),
        PageBreak(),
        *body,
    ]
    case_line = strings.text(data.lang, "case_no", number=data.case.number)
    decor = PageDecor(
        case_line=case_line,
        confidential=strings.text(data.lang, f"confidential_{data.profile}"),
        page_of=lambda page: strings.text(data.lang, "page_of", page=page),
        fonts=fonts,
    )
    buffer = io.BytesIO()
    doc = DossierDocument(
        buffer,
        decor,
        pdf_date(data.generated_at),
        progress,
        total_flowables=len(story),
        title=f"{strings.text(data.lang, 'doc_title')}. {case_line}",
        subject=strings.text(data.lang, f"doc_subject_{data.profile}"),
        author=data.author or data.case.investigator,
        creator="Casebook",
        keywords=f"{data.case.number}, {data.profile}",
        lang="ru-RU" if data.lang == "ru" else "en",
    )
    doc.build_story(story)
    pdf = buffer.getvalue()
    progress.report(len(story), len(story))
    return BuiltDossier(pdf=pdf, pages=doc.page, sha256=hashlib.sha256(pdf).hexdigest())


def write_dossier(data: DossierData, out: Path, progress: Progress | None = None) -> BuiltDossier:
    """Build and write atomically to `out` (a half-written PDF never takes its place)."""
    built = build_dossier(data, progress)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".dossier-", suffix=".pdf", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(built.pdf)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return built
