"""Page furniture and building blocks of the dossier: styles, escaping, the document template
with running header, "page X of Y" footer, outline and a one-page table of contents.

"Page X of Y" and the contents' page numbers are PDF form XObjects drawn where they belong and
defined when the canvas is saved, so the document is laid out in one pass (no multiBuild).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table
from reportlab.platypus.tables import TableStyle

from app.domain.progress import Progress, check_cancel
from app.domain.timeutil import ensure_utc, in_zone
from app.reports.fonts import FontSet
from app.reports.model import Lang
from app.reports.typography import typeset

PAGE_W, PAGE_H = A4
MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 25 * mm, 15 * mm, 22 * mm, 18 * mm
FRAME_W = PAGE_W - MARGIN_L - MARGIN_R
FRAME_H = PAGE_H - MARGIN_T - MARGIN_B
TOTAL_FORM = "pagetotal"
GRID = colors.HexColor("#9a9a9a")
HEAD_BG = colors.HexColor("#e6e9ee")
STRIPE = colors.HexColor("#f6f7f9")
INK_SOFT = colors.HexColor("#555555")


def esc(value: object) -> str:
    """User or file text made safe for Paragraph markup: printed literally, fetches nothing;
    set by the dossier's typographic rules (units, phones and file names, `typography`)."""
    return escape(typeset(str(value))).replace("\n", "<br/>")


def fmt_time(moment: datetime | None, tz: str, lang: Lang, seconds: bool = True) -> str:
    """An instant in the case's zone: `09.10.2025 14:30:05` (ru) or `2025-10-09 14:30:05`."""
    if moment is None:
        return ""
    local = in_zone(moment, tz)
    pattern = "%d.%m.%Y %H:%M" if lang == "ru" else "%Y-%m-%d %H:%M"
    return local.strftime(pattern + (":%S" if seconds else ""))


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    intro: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    cell: ParagraphStyle
    caption: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    mono: ParagraphStyle
    fonts: FontSet


def make_styles(fonts: FontSet) -> Styles:
    body = ParagraphStyle(
        "body", fontName=fonts.serif, fontSize=10.5, leading=14, spaceAfter=5, allowWidows=0
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=9, leading=11.5, spaceAfter=3),
        intro=ParagraphStyle(
            "intro", parent=body, fontSize=9, leading=11.5, spaceAfter=3, keepWithNext=1
        ),
        h1=ParagraphStyle(
            "h1",
            fontName=fonts.sans_bold,
            fontSize=15,
            leading=19,
            spaceBefore=14,
            spaceAfter=7,
            keepWithNext=1,
            textColor=colors.HexColor("#1d2b3a"),
        ),
        h2=ParagraphStyle(
            "h2",
            fontName=fonts.sans_bold,
            fontSize=11.5,
            leading=14.5,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,
        ),
        cell=ParagraphStyle("cell", fontName=fonts.sans, fontSize=8.5, leading=10.5),
        caption=ParagraphStyle(
            "caption",
            fontName=fonts.serif,
            fontSize=9,
            leading=11.5,
            spaceBefore=3,
            spaceAfter=10,
            textColor=colors.HexColor("#222222"),
        ),
        title=ParagraphStyle(
            "title",
            fontName=fonts.sans_bold,
            fontSize=21,
            leading=27,
            alignment=TA_CENTER,
            spaceAfter=10,
        ),
        subtitle=ParagraphStyle(
            "subtitle",
            fontName=fonts.serif,
            fontSize=13,
            leading=17,
            alignment=TA_CENTER,
            spaceAfter=6,
        ),
        mono=ParagraphStyle("mono", fontName=fonts.mono, fontSize=8, leading=10.5),
        fonts=fonts,
    )


class Heading(Paragraph):  # type: ignore[misc]
    """A section heading that becomes a bookmark, an outline entry and a contents line."""

    def __init__(self, markup: str, style: ParagraphStyle, key: str, plain: str, level: int):
        super().__init__(markup, style)
        self.outline_key = key
        self.outline_text = plain
        self.outline_level = level


@dataclass
class ContentsEntry:
    key: str
    text: str
    level: int


class Contents(Flowable):  # type: ignore[misc]
    """The table of contents: linked lines whose page numbers are forms filled in at save."""

    LINE = 17.0

    def __init__(self, entries: Sequence[ContentsEntry], fonts: FontSet) -> None:
        super().__init__()
        self.entries = entries
        self.fonts = fonts

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width = avail_w
        return avail_w, self.LINE * len(self.entries)

    def draw(self) -> None:
        canv = self.canv
        top = self.LINE * len(self.entries)
        for index, entry in enumerate(self.entries):
            y = top - (index + 1) * self.LINE + 4
            indent = 14.0 * entry.level
            font = self.fonts.sans_bold if entry.level == 0 else self.fonts.sans
            size = 10.5 if entry.level == 0 else 9.5
            canv.setFont(font, size)
            canv.setFillColor(colors.black)
            canv.drawString(indent, y, entry.text)
            text_end = indent + canv.stringWidth(entry.text, font, size) + 4
            canv.setFont(self.fonts.sans, size)
            canv.setFillColor(colors.HexColor("#8a8a8a"))
            dot_w = canv.stringWidth(". ", self.fonts.sans, size)
            dots = max(int((self.width - 34 - text_end) / dot_w), 0)
            canv.drawString(text_end, y, ". " * dots)
            canv.saveState()
            canv.translate(self.width, y)
            canv.doForm(contents_form(entry.key))
            canv.restoreState()
            canv.linkRect("", entry.key, (0, y - 3, self.width, y + size), relative=1)


def contents_form(key: str) -> str:
    return "toc" + key


def styled_table(
    rows: list[list[Any]],
    widths: Sequence[float],
    fonts: FontSet,
    font_size: float = 8.5,
    mono_cols: Sequence[int] = (),
    header: bool = True,
    grid: bool = True,
) -> Table:
    """A table with the dossier's grid, header row (repeated on every page) and zebra stripes."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.sans, font_size, font_size + 2),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.25, GRID))
    for col in mono_cols:
        commands.append(("FONT", (col, 1), (col, -1), fonts.mono, font_size - 1.5))
    if header:
        commands += [
            ("FONT", (0, 0), (-1, 0), fonts.sans_bold, font_size, font_size + 2),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
        ]
    return Table(
        rows, colWidths=list(widths), repeatRows=1 if header else 0, style=TableStyle(commands)
    )


def chunked_table(
    header: list[Any],
    rows: Sequence[list[Any]],
    widths: Sequence[float],
    fonts: FontSet,
    chunk: int = 150,
    **kwargs: Any,
) -> list[Flowable]:
    """Long tables as several tables of `chunk` rows, each repeating the header when it splits
    across pages: reportlab's table splitting slows down sharply on thousands of rows."""
    if not rows:
        return []
    return [
        styled_table([header, *rows[start : start + chunk]], widths, fonts, **kwargs)
        for start in range(0, len(rows), chunk)
    ]


@dataclass(frozen=True)
class PageDecor:
    case_line: str
    confidential: str
    page_of: Callable[[int], str]
    fonts: FontSet


def _draw_header(canv: Canvas, decor: PageDecor) -> None:
    top = PAGE_H - MARGIN_T + 9
    canv.setFont(decor.fonts.sans_bold, 8.5)
    canv.setFillColor(colors.black)
    canv.drawString(MARGIN_L, top, decor.case_line)
    canv.setFont(decor.fonts.sans, 8.5)
    canv.setFillColor(colors.HexColor("#8b1a1a"))
    canv.drawRightString(PAGE_W - MARGIN_R, top, decor.confidential)
    canv.setStrokeColor(GRID)
    canv.setLineWidth(0.5)
    canv.line(MARGIN_L, top - 4, PAGE_W - MARGIN_R, top - 4)


def _draw_footer(canv: Canvas, decor: PageDecor, page: int) -> None:
    label = decor.page_of(page)
    canv.setFont(decor.fonts.sans, 8.5)
    canv.setFillColor(INK_SOFT)
    width = canv.stringWidth(label, decor.fonts.sans, 8.5) + 14
    x = (PAGE_W - width) / 2
    y = MARGIN_B - 20
    canv.drawString(x, y, label)
    canv.saveState()
    canv.translate(x + canv.stringWidth(label, decor.fonts.sans, 8.5), y)
    canv.doForm(TOTAL_FORM)
    canv.restoreState()


class DossierDocument(BaseDocTemplate):  # type: ignore[misc]
    """One-pass document: bookmarks and outline from `Heading`s; contents and page total
    filled in as forms when the canvas is saved."""

    def __init__(
        self,
        target: Any,
        decor: PageDecor,
        creation_date: str,
        progress: Progress,
        total_flowables: int,
        **meta: Any,
    ) -> None:
        self.decor = decor
        self.contents_pages: dict[str, int] = {}
        self.progress = progress
        self.total_flowables = total_flowables
        self.flowables_done = 0
        self.creation_date = creation_date
        super().__init__(
            target,
            pagesize=A4,
            leftMargin=MARGIN_L,
            rightMargin=MARGIN_R,
            topMargin=MARGIN_T,
            bottomMargin=MARGIN_B,
            invariant=1,
            pageCompression=1,
            canvasmaker=_canvas_class(self, creation_date),
            **meta,
        )
        frame = Frame(
            MARGIN_L,
            MARGIN_B,
            FRAME_W,
            FRAME_H,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], onPage=self._on_cover),
                PageTemplate(id="body", frames=[frame], onPage=self._on_body),
            ]
        )

    def _on_cover(self, canv: Canvas, doc: Any) -> None:
        canv.setFont(self.decor.fonts.sans, 8.5)
        canv.setFillColor(colors.HexColor("#8b1a1a"))
        canv.drawRightString(PAGE_W - MARGIN_R, PAGE_H - MARGIN_T + 9, self.decor.confidential)
        _draw_footer(canv, self.decor, doc.page)

    def _on_body(self, canv: Canvas, doc: Any) -> None:
        _draw_header(canv, self.decor)
        _draw_footer(canv, self.decor, doc.page)

    def afterFlowable(self, flowable: Flowable) -> None:
        self.flowables_done += 1
        if self.flowables_done % 20 == 0:
            check_cancel(self.progress)
            self.progress.report(
                min(self.flowables_done, self.total_flowables), self.total_flowables
            )
        key = getattr(flowable, "outline_key", None)
        if key is None:
            return
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(
            flowable.outline_text, key, flowable.outline_level, closed=flowable.outline_level > 0
        )
        self.contents_pages[key] = self.page

    def build_story(self, story: list[Flowable]) -> None:
        self.build(story, canvasmaker=_canvas_class(self, self.creation_date))

    def finish(self, canv: Canvas) -> None:
        """Define the forms referenced on the pages: the page total and contents numbers."""
        fonts = self.decor.fonts
        canv.beginForm(TOTAL_FORM, lowerx=0, lowery=-3, upperx=60, uppery=12)
        canv.setFont(fonts.sans, 8.5)
        canv.setFillColor(INK_SOFT)
        canv.drawString(0, 0, str(self.page))
        canv.endForm()
        for key, page in self.contents_pages.items():
            canv.beginForm(contents_form(key), lowerx=-60, lowery=-3, upperx=0, uppery=12)
            canv.setFont(fonts.sans, 10)
            canv.drawRightString(0, 0, str(page))
            canv.endForm()


def _canvas_class(doc: DossierDocument, creation_date: str) -> type[Canvas]:
    class DossierCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: creation_date)

        def save(self) -> None:
            doc.finish(self)
            super().save()

    return DossierCanvas


def pdf_date(moment: datetime) -> str:
    """PDF date string of an aware instant, in UTC."""
    return ensure_utc(moment).strftime("D:%Y%m%d%H%M%S+00'00'")
