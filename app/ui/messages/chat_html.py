"""A page of messages as chat HTML for `QTextBrowser`: bubbles by side (the export's owner on
the right), day separators in the case's zone, flagged words highlighted with their
category, attachments and the screenshot a message was read from. Every user string is
escaped; links are `msg:<id>`, `evidence:<id>` and `shot:<id>` for the tab to route."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from app.domain.timeutil import in_zone
from app.services.messages.dto import MessageView

CATEGORY_COLORS = {"obscene": "#ffb3b8", "insult": "#ffd59e", "threat": "#e1bee7"}
OWN_BUBBLE, OTHER_BUBBLE, CURRENT = "#dcf8c6", "#f1f3f4", "#fff59d"


def highlighted(text: str, flags: Sequence[tuple[str, int, int]]) -> str:
    """`text` escaped, with each flagged span marked in its category's colour."""
    out, at = [], 0
    for category, start, end in sorted(flags, key=lambda f: f[1]):
        if start < at or end > len(text):
            continue
        out.append(escape(text[at:start]))
        color = CATEGORY_COLORS.get(category, "#ffcdd2")
        out.append(
            f'<span style="background:{color}; font-weight:600">{escape(text[start:end])}</span>'
        )
        at = end
    out.append(escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


def render(
    messages: Sequence[MessageView],
    tz: str,
    current: int | None,
    words: dict[str, str],
    day_label: Callable[[str], str] = lambda d: d,
) -> str:
    """`words`: translated bits (`edited`, `deleted`, `media`, `screenshot`, `dossier`,
    category names under `cat:<code>`)."""
    parts = ['<html><body style="margin:6px">']
    day = ""
    for m in messages:
        local = in_zone(m.sent_utc, tz)
        this_day = local.strftime("%d.%m.%Y")
        if this_day != day:
            day = this_day
            label = escape(day_label(day))
            parts.append(f'<p align="center" style="color:#5f6368; margin:10px">— {label} —</p>')
        if m.kind == "system":
            parts.append(
                f'<p align="center" style="color:#80868b; font-style:italic">{escape(m.text)}'
                f" · {local:%H:%M}</p>"
            )
            continue
        own = m.direction == "out"
        color = CURRENT if m.id == current else (OWN_BUBBLE if own else OTHER_BUBBLE)
        align = "right" if own else "left"
        sender = escape(m.sender or "?")
        if m.sender_number and m.sender_number not in (m.sender or ""):
            sender += f' <span style="color:#5f6368">{escape(m.sender_number)}</span>'
        body = highlighted(m.text, [(f.category, f.start, f.end) for f in m.flags])
        if m.kind == "deleted":
            body = f"<i>{escape(words.get('deleted', 'deleted'))}</i>"
        elif m.kind == "media" and not m.text and not m.attachments:
            body = f"<i>{escape(words.get('media', 'media'))}</i>"
        extras = []
        clip = escape(words.get("attachment", "attachment")) + ":"
        for a in m.attachments:
            if a.evidence_id is not None:
                extras.append(f'{clip} <a href="evidence:{a.evidence_id}">{escape(a.name)}</a>')
            else:
                extras.append(f"{clip} {escape(a.name)}")
        if m.from_screenshot and m.screenshot_id is not None:
            label = escape(words.get("screenshot", "screenshot"))
            extras.append(f'<a href="shot:{m.id}">{label}</a>')
        cats = m.categories()
        if cats:
            names = ", ".join(escape(words.get(f"cat:{c}", c)) for c in cats)
            extras.append(f'<span style="color:#b71c1c">{names}</span>')
        meta = f"{local:%H:%M}"
        if m.edited:
            meta += f" · {escape(words.get('edited', 'edited'))}"
        if m.in_dossier:
            meta += f" · <b>{escape(words.get('dossier', 'dossier'))}</b>"
        clip_free = [body] if body else []
        lines = "<br>".join([*clip_free, *extras])
        parts.append(
            f'<table align="{align}" cellpadding="8" width="72%" '
            f'style="background:{color}; margin-top:3px; margin-bottom:3px">'
            f'<tr><td><a name="m{m.id}"></a><a href="msg:{m.id}" style="color:#1a237e; '
            f'text-decoration:none"><b>{sender}</b></a><br>{lines}'
            f'<br><span style="color:#5f6368; font-size:small">{meta}</span></td></tr></table>'
            '<br clear="all">'
        )
    parts.append("</body></html>")
    return "".join(parts)
