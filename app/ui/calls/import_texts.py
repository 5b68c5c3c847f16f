"""The import dialog's descriptions of a file: how it was read, what its columns rest on,
and what to fix. Translated in the dialog's context (`ImportDialog` in calls_ru.ts; every
string is a literal `QCoreApplication.translate` call so `pyside6-lupdate` finds it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication as Qc

from app.services.calls.dto import ImportPreview


def error_text(preview: ImportPreview) -> str:
    """What to fix before the file can be imported, in the investigator's words."""
    if not preview.error:
        return ""
    if preview.error_field == "tz":
        return Qc.translate(
            "ImportDialog",
            "The file does not say in which time zone its times are written. Choose the "
            "zone of the file above (the call platform's zone, often Moscow time).",
        )
    if preview.error_field == "map":
        text = Qc.translate("ImportDialog", "Check the column mapping: %1")
        return text.replace("%1", preview.error)
    if preview.error_field == "date_order":
        return Qc.translate(
            "ImportDialog",
            "The dates read day-first and month-first alike (such as 04/05/2020). Choose "
            "the order of the dates above.",
        )
    return preview.error


def describe_recognition(preview: ImportPreview, unsure: bool) -> str:
    """What the columns rest on and how sure the recognition is."""
    percent = str(round(preview.confidence * 100))
    sure = Qc.translate("ImportDialog", "%1% sure").replace("%1", percent)
    if preview.basis == "preset":
        return Qc.translate("ImportDialog", "Preset “%1”").replace("%1", preview.preset or "")
    if preview.basis == "mapping":
        return Qc.translate("ImportDialog", "As you mapped them")
    if preview.preset:
        if preview.basis == "shape":
            how = Qc.translate("ImportDialog", "Recognized by their layout as “%1”")
        elif preview.basis == "header":
            how = Qc.translate("ImportDialog", "Recognized by their names as “%1”")
        else:
            how = Qc.translate("ImportDialog", "Recognized as “%1”")
        return how.replace("%1", preview.preset) + f" ({sure})"
    if preview.basis == "header":
        how = Qc.translate("ImportDialog", "Found by their names")
    elif preview.basis == "header+content":
        how = Qc.translate("ImportDialog", "Found by their names and their content")
    else:
        how = Qc.translate("ImportDialog", "Guessed from what the columns hold")
    text = f"{how} ({sure})"
    if preview.unplaced:
        missing = Qc.translate("ImportDialog", "no column found for: %1")
        text += " — " + missing.replace("%1", ", ".join(preview.unplaced))
    elif unsure:
        text += " — " + Qc.translate("ImportDialog", "check the mapping before importing")
    return text
