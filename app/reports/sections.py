"""The sections of a dossier as reportlab flowables, one method per section.

Every text that comes from users or files goes through `esc()` before it reaches Paragraph
markup; table cells that need no wrapping are plain strings, which reportlab draws literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from app.reports import strings
from app.reports.figures import StillImage
from app.reports.layout import (
    FRAME_W,
    ContentsEntry,
    Heading,
    Styles,
    chunked_table,
    esc,
    fmt_time,
    styled_table,
)
from app.reports.model import CallEntry, DossierData
from app.reports.typography import break_name

FINDING_CALLS_SHOWN = 50
STILL_MAX_H = 300.0


def fmt_duration(seconds: int | None, data: DossierData) -> str:
    if seconds is None:
        return ""
    if seconds < 60:
        return strings.text(data.lang, "seconds", s=seconds)
    return strings.text(data.lang, "minutes", m=seconds // 60, s=f"{seconds % 60:02d}")


def fmt_size(size: int, data: DossierData) -> str:
    if size < 1024:
        return strings.text(data.lang, "bytes", n=size)
    if size < 1024 * 1024:
        return strings.text(data.lang, "kib", n=f"{size / 1024:.1f}")
    return strings.text(data.lang, "mib", n=f"{size / 1024 / 1024:.1f}")


class SectionWriter:
    """Turns a `DossierData` into flowables; numbers sections and collects contents entries."""

    def __init__(self, data: DossierData, styles: Styles) -> None:
        self.data = data
        self.st = styles
        self.fonts = styles.fonts
        self.contents: list[ContentsEntry] = []
        self._section = 0
        self._sub = 0

    # -- helpers -----------------------------------------------------------------------------

    def t(self, key: str, **values: object) -> str:
        return strings.text(self.data.lang, key, **values)

    def label(self, group: str, code: str | None) -> str:
        return strings.label(self.data.lang, group, code)

    def time(self, moment: Any) -> str:
        return fmt_time(moment, self.data.case.tz, self.data.lang)

    def heading(self, key: str) -> Heading:
        self._section += 1
        self._sub = 0
        plain = f"{self._section}. {self.t(key)}"
        anchor = f"s{self._section}"
        self.contents.append(ContentsEntry(anchor, plain, 0))
        return Heading(esc(plain), self.st.h1, anchor, plain, 0)

    def subheading(self, title: str) -> Heading:
        self._sub += 1
        plain = f"{self._section}.{self._sub}. {title}"
        anchor = f"s{self._section}x{self._sub}"
        self.contents.append(ContentsEntry(anchor, plain, 1))
        return Heading(esc(plain), self.st.h2, anchor, plain, 1)

    def para(self, value: str, style: Any = None) -> Paragraph:
        return Paragraph(esc(value), style or self.st.body)

    def intro(self, value: str) -> Paragraph:
        """A line that introduces the table after it and stays on the same page."""
        return Paragraph(esc(value), self.st.intro)

    def cell(self, value: str) -> Paragraph:
        return Paragraph(esc(value), self.st.cell)

    def fit(self, value: str, width: float) -> str | Paragraph:
        """A plain string (drawn literally, much cheaper) when it fits on one line of a column
        `width` wide; else a wrapping paragraph."""
        style = self.st.cell
        if "\n" not in value and stringWidth(value, style.fontName, style.fontSize) <= width - 6:
            return value
        return self.cell(value)

    def name_cell(self, name: str, width: float) -> str:
        """A file name laid out for a column `width` wide: broken after separators only."""
        style = self.st.cell
        return break_name(
            name, width - 8, lambda text: stringWidth(text, style.fontName, style.fontSize)
        )

    def nothing(self, key: str = "none") -> Paragraph:
        return Paragraph(esc(self.t(key)), self.st.small)

    def texts(self, value: str) -> list[Flowable]:
        """Free text with blank-line separated paragraphs."""
        parts = [p.strip() for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()]
        return [self.para(p) for p in parts] or [self.nothing()]

    # -- sections ----------------------------------------------------------------------------

    def allegation(self) -> list[Flowable]:
        """The complaint as recorded: what the customer says, not yet what was established."""
        return [self.heading("sec_allegation"), *self.texts(self.data.case.summary)]

    def facts(self) -> list[Flowable]:
        """What the materials establish, in short: each sign of a violation in one sentence,
        the extent of the call log, stills and statements (the sections below give details)."""
        data = self.data
        out: list[Flowable] = [self.heading("sec_facts"), self.para(self.t("facts_intro"))]
        if data.findings:
            out.append(self.intro(self.t("facts_signs")))
            out += [
                Paragraph(esc(f.detail or self.label("finding", f.kind)), self.st.body, "•")
                for f in data.findings
            ]
        else:
            out.append(self.para(self.t("facts_none")))
        stats = data.statistics
        if stats is not None and stats.total:
            period = f"{self.time(stats.first_at)} – {self.time(stats.last_at)}"
            count = strings.calls_count(data.lang, stats.total)
            out.append(self.para(self.t("facts_calls", count=count, period=period)))
        if data.stills:
            out.append(self.para(self.t("facts_stills", count=len(data.stills))))
        if data.statements:
            out.append(self.para(self.t("facts_statements", count=len(data.statements))))
        return out

    def conclusions(self) -> list[Flowable]:
        """The investigator's own conclusions, apart from the complaint and the facts."""
        heading = self.heading("sec_conclusions")
        if not self.data.case.conclusions.strip():
            return [heading, self.nothing("conclusions_none")]
        return [heading, *self.texts(self.data.case.conclusions)]

    def measure(self) -> list[Flowable]:
        measure = self.data.case.measure
        body = self.label("measure", measure) if measure else self.t("none")
        out: list[Flowable] = [self.heading("sec_measure"), self.para(body)]
        if self.data.decisions:
            header = [self.t(k) for k in ("col_step", "col_who", "col_time", "col_comment")]
            rows = [
                [
                    self.cell(f"{self.label('step', d.step)}: {self.label('measure', d.measure)}"),
                    self.cell(d.actor),
                    self.time(d.at),
                    self.cell(d.comment),
                ]
                for d in self.data.decisions
            ]
            out += [
                self.intro(self.t("decision_steps")),
                styled_table([header, *rows], [150, 95, 85, FRAME_W - 330], self.fonts),
            ]
        return out

    def parties(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("sec_parties")]
        if not self.data.parties:
            return [*out, self.nothing()]
        header = [
            self.t(k) for k in ("col_role", "col_name", "col_phones", "col_address", "col_details")
        ]
        rows = []
        for party in self.data.parties:
            details = []
            if party.courier_id:
                details.append(f"{self.t('courier_id')}: {party.courier_id}")
            if party.supervisor:
                details.append(f"{self.t('supervisor')}: {party.supervisor}")
            if party.note:
                details.append(party.note)
            rows.append(
                [
                    self.cell(self.label("role", party.role)),
                    self.cell(party.name),
                    self.cell("\n".join(party.phones)),
                    self.cell(party.address),
                    self.cell("\n".join(details)),
                ]
            )
        widths = [70, 100, 95, 120, FRAME_W - 385]
        return [*out, *chunked_table(header, rows, widths, self.fonts)]

    def timeline(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("sec_timeline")]
        events = self.data.events
        if not events:
            return [*out, self.nothing("none_selected")]
        header = [
            self.t("col_no"),
            self.t("col_time"),
            self.t("col_kind"),
            self.t("col_source"),
            self.t("col_description"),
        ]
        widths = [26, 86, 66, 86, FRAME_W - 264]
        rows = [
            [
                str(i),
                self.time(e.at) + (" *" if e.corrected else ""),
                self.fit(self.label("event", e.kind), widths[2]),
                self.fit(e.source, widths[3]),
                self.fit(e.text, widths[4]),
            ]
            for i, e in enumerate(events, 1)
        ]
        out += chunked_table(header, rows, widths, self.fonts)
        if any(e.corrected for e in events):
            out.append(self.para(self.t("corrected_mark"), self.st.small))
        return out

    def calls_table(self, calls: Sequence[CallEntry], numbered: bool = True) -> list[Flowable]:
        header = [
            self.t(k)
            for k in (
                "col_no",
                "col_time",
                "col_caller",
                "col_callee",
                "col_via",
                "col_duration",
                "col_answered",
                "col_order",
            )
        ]
        yes, no, direct = self.t("yes"), self.t("no"), self.t("direct")
        rows = [
            [
                str(i) if numbered else "",
                self.time(c.start),
                c.caller,
                c.callee,
                c.via or direct,
                fmt_duration(c.duration_s, self.data),
                "" if c.answered is None else (yes if c.answered else no),
                c.order_ref,
            ]
            for i, c in enumerate(calls, 1)
        ]
        widths = [30, 80, 82, 82, 82, 42, 36, FRAME_W - 434]
        return chunked_table(header, rows, widths, self.fonts, chunk=200, font_size=7.5)

    def findings(self, annex: bool) -> list[Flowable]:
        out: list[Flowable] = [self.heading("sec_findings")]
        if not self.data.findings:
            return [*out, self.nothing()]
        for finding in self.data.findings:
            title = finding.title or self.label("finding", finding.kind)
            out.append(self.subheading(title))
            if finding.detail:
                out += self.texts(finding.detail)
            if finding.severity:
                severity = self.label("severity", finding.severity)
                out.append(self.intro(f"{self.t('severity')}: {severity}"))
            if finding.calls:
                shown = finding.calls[:FINDING_CALLS_SHOWN]
                out.append(self.intro(self.t("finding_calls", count=len(finding.calls))))
                out += self.calls_table(shown)
                hidden = len(finding.calls) - len(shown)
                if hidden > 0:
                    key = "finding_calls_more" if annex else "finding_calls_more_short"
                    out.append(self.para(self.t(key, count=hidden), self.st.small))
        return out

    def stills(self) -> list[Flowable]:
        heading = self.heading("sec_stills")
        if not self.data.stills:
            return [heading, self.nothing("none_selected")]
        out: list[Flowable] = []
        for index, still in enumerate(self.data.stills, 1):
            lines = [f"<b>{esc(self.t('still_caption', index=index, caption=still.caption))}</b>"]
            facts = []
            if still.source:
                facts.append(self.t("still_source", source=still.source))
            if still.frame_index is not None:
                facts.append(self.t("still_frame", frame=still.frame_index))
            if still.camera_time is not None:
                facts.append(self.t("still_camera_time", time=self.time(still.camera_time)))
            if not still.time_established:
                facts.append(self.t("still_no_time"))
            elif still.taken_at is not None:
                key = "still_true_time" if still.camera_time is not None else "still_time"
                facts.append(self.t(key, time=self.time(still.taken_at)))
            if facts:
                lines.append(esc("; ".join(facts)))
            if still.note:
                lines.append(esc(still.note))
            if still.redaction:
                lines.append(f"<i>{esc(self.t('still_' + still.redaction))}</i>")
            if still.sha256:
                lines.append(f"<font size=7.5>{esc(self.t('still_hash', sha=still.sha256))}</font>")
            image = StillImage(still.image, still.regions, FRAME_W, STILL_MAX_H, self.fonts)
            caption = Paragraph("<br/>".join(lines), self.st.caption)
            # The heading travels with the first still: a nested KeepTogether defeats keepWithNext.
            out.append(KeepTogether([heading, image, caption] if index == 1 else [image, caption]))
        return out

    def quotes(self) -> list[Flowable]:
        """The messages quoted verbatim (selected by the investigator or flagged)."""
        quotes = self.data.quotes
        if not quotes:
            return []
        masked = self.data.profile != "police"
        intro = "messages_intro_masked" if masked else "messages_intro"
        out: list[Flowable] = [self.heading("sec_messages")]
        out.append(self.intro(self.t(intro, tz=self.data.case.tz)))
        header = [self.t("col_no"), self.t("col_time"), self.t("col_sender"),
                  self.t("col_message")]  # fmt: skip
        widths = [26, 86, 120, FRAME_W - 232]
        rows = []
        for i, q in enumerate(quotes, 1):
            sender = q.sender if not q.number or q.number == q.sender else f"{q.sender}\n{q.number}"
            notes = [self.label("abuse", c) for c in q.categories]
            if q.from_screenshot:
                notes.append(self.t("quote_screenshot"))
            text = f"«{q.text}»" if self.data.lang == "ru" else f"“{q.text}”"
            if notes:
                text += f"\n[{', '.join(notes)}; {q.source}]"
            else:
                text += f"\n[{q.source}]"
            rows.append([str(i), self.time(q.at), self.fit(sender, widths[2]),
                         self.fit(text, widths[3])])  # fmt: skip
        return out + chunked_table(header, rows, widths, self.fonts)

    def statements(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("sec_statements")]
        if not self.data.statements:
            return [*out, self.nothing()]
        for statement in self.data.statements:
            role = self.label("role", statement.role)
            out.append(self.subheading(f"{statement.party} ({role})" if role else statement.party))
            taken = self.t(
                "statement_taken", who=statement.taken_by, time=self.time(statement.taken_at)
            )
            out.append(self.para(taken, self.st.small))
            out += self.texts(statement.text)
            if statement.sha256:
                out.append(self.para(self.t("statement_scan", sha=statement.sha256), self.st.small))
        return out

    def corrections(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("sec_corrections")]
        if not self.data.corrections:
            return [*out, self.nothing()]
        header = [self.t(k) for k in ("col_source", "col_offset", "col_drift", "col_method")]
        rows = []
        for c in self.data.corrections:
            method = c.method
            if c.established_by or c.established_at:
                method += f"\n{c.established_by} {self.time(c.established_at)}".rstrip()
            drift = "" if c.drift_ppm is None else f"{c.drift_ppm:+.1f}"
            source = self.name_cell(c.source, 130)
            rows.append([self.cell(source), f"{c.offset_s:+.3f}", drift, self.cell(method)])
        widths = [130, 62, 58, FRAME_W - 250]
        return [*out, *chunked_table(header, rows, widths, self.fonts)]

    def evidence(self) -> list[Flowable]:
        out: list[Flowable] = [
            self.heading("sec_evidence"),
            self.intro(self.t("evidence_intro")),
        ]
        if not self.data.evidence:
            return [*out, self.nothing()]
        header = [self.t("col_no"), self.t("col_file"), self.t("col_size"), self.t("col_sha256")]
        rows = []
        widths = [22, FRAME_W - 22 - 48 - 286, 48, 286]
        for i, item in enumerate(self.data.evidence, 1):
            about = [self.name_cell(item.name, widths[1]), self.label("evidence", item.kind)]
            if item.acquired_at:
                about.append(f"{self.t('col_acquired')}: {self.time(item.acquired_at)}")
            if item.source:
                about.append(item.source)
            rows.append(
                [str(i), self.cell("\n".join(about)), fmt_size(item.size, self.data), item.sha256]
            )
        return [*out, *chunked_table(header, rows, widths, self.fonts, mono_cols=(3,))]

    def calls_annex(self) -> list[Flowable]:
        out: list[Flowable] = [self.heading("sec_calls")]
        if not self.data.calls:
            return [*out, self.nothing()]
        out.append(self.intro(self.t("calls_intro", count=len(self.data.calls))))
        out += self.calls_table(self.data.calls)
        if self.data.calls_omitted:
            count = strings.calls_count(self.data.lang, self.data.calls_omitted)
            out.append(self.para(self.t("calls_omitted", count=count), self.st.small))
        return out

    def about(self) -> list[Flowable]:
        data = self.data
        profile = self.t(f"profile_{data.profile}")
        return [
            self.heading("sec_about"),
            self.para(self.t("about_generated", time=self.time(data.generated_at))),
            *(
                [self.para(self.t("about_data_as_of", time=self.time(data.data_as_of)))]
                if data.data_as_of
                else []
            ),
            self.para(self.t("about_profile", profile=profile)),
            self.para(self.t("about_audit", count=data.audit_entries, head="")),
            Paragraph(esc(data.audit_head), self.st.mono),
            *(
                [
                    self.para(self.t("about_signature"), self.st.small),
                    Paragraph(esc(data.audit_signature), self.st.mono),
                    self.para(
                        self.t("about_verify", seq=data.audit_entries, head=data.audit_head),
                        self.st.small,
                    ),
                ]
                if data.audit_signature
                else []
            ),
            Spacer(1, 4),
            self.para(self.t("about_audit_note"), self.st.small),
        ]

    def signature(self) -> list[Flowable]:
        blank = "_" * 28
        case = self.data.case
        position = self.cell(case.investigator_position) if case.investigator_position else ""
        rows = [
            [self.t("sign_text"), position or blank, blank, case.investigator or blank],
            ["", self.t("sign_position"), self.t("sign_signature"), self.t("sign_name")],
            [self.t("sign_date"), blank, "", ""],
        ]
        table = styled_table(
            rows, [110, 120, 120, FRAME_W - 350], self.fonts, font_size=9, header=False, grid=False
        )
        table.setStyle([("TOPPADDING", (0, 0), (-1, -1), 6)])
        return [Spacer(1, 24), KeepTogether([self.heading("sec_signature"), table])]
