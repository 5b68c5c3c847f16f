"""The call statistics section of a dossier: the whole call log in figures, per finding, the
numbers that called most, and calls per day (or week) beside those the dossier lists.

A platform's export may hold a million calls: the dossier lists only the parties' and the
findings' calls (the annex); this section is how the rest is told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.platypus import Flowable, Spacer

from app.domain.timeutil import in_zone
from app.reports.layout import FRAME_W, chunked_table, styled_table
from app.reports.sections import fmt_duration

if TYPE_CHECKING:
    from app.reports.sections import SectionWriter


def _count(value: int) -> str:
    """1 000 000: thousands apart by a no-break space, as Russian and ISO write them (the
    bundled fonts have no narrow one)."""
    return f"{value:,}".replace(",", "\u00a0")


def _talk(w: SectionWriter, seconds: int) -> str:
    """A log's talk time: hours and minutes once it is over an hour (`83 191 ч 14 мин`)."""
    if seconds < 3600:
        return fmt_duration(seconds, w.data)
    return w.t("hours", h=_count(seconds // 3600), m=f"{seconds % 3600 // 60:02d}")


def statistics(w: SectionWriter) -> list[Flowable]:
    out: list[Flowable] = [w.heading("sec_statistics")]
    stats = w.data.statistics
    if stats is None:
        return [*out, w.nothing()]
    period = ""
    if stats.first_at and stats.last_at:
        period = f"{w.time(stats.first_at)} – {w.time(stats.last_at)}"
    rows: list[list[Any]] = [
        [w.t("stat_total"), _count(stats.total)],
        [w.t("stat_answered"), _count(stats.answered)],
        [w.t("stat_distinct"), _count(stats.distinct_numbers)],
        [w.t("stat_duration"), _talk(w, stats.total_duration_s)],
        [w.t("stat_period"), w.cell(period)],
        [w.cell(w.t("stat_listed")), _count(stats.listed)],
    ]
    rows += [
        [w.cell(f"{w.t('stat_by_finding')}: {w.label('finding', kind)}"), _count(count)]
        for kind, count in stats.by_finding
    ]
    out.append(_figures(w, [w.t("col_figure"), w.t("col_value")], rows))
    if stats.top_numbers:
        out += [Spacer(1, 8), w.intro(w.t("stat_top"))]
        top = [[number, _count(count)] for number, count in stats.top_numbers]
        out.append(_figures(w, [w.t("col_number"), w.t("col_count")], top))
    if stats.by_day:
        weekly = stats.day_step > 1
        out += [Spacer(1, 8), w.intro(w.t("stat_by_week" if weekly else "stat_by_day"))]
        pattern = "%d.%m.%Y" if w.data.lang == "ru" else "%Y-%m-%d"
        header = [w.t("col_week" if weekly else "col_day"), w.t("col_log"), w.t("col_listed")]
        days = [
            [in_zone(day, w.data.case.tz).strftime(pattern), _count(calls), _count(listed)]
            for day, calls, listed in stats.by_day
        ]
        out += chunked_table(header, days, [FRAME_W - 260, 130, 130], w.fonts, font_size=8.5)
    return out


def _figures(w: SectionWriter, header: list[str], rows: list[list[Any]]) -> Flowable:
    return styled_table([header, *rows], [FRAME_W - 200, 200], w.fonts, font_size=9)
