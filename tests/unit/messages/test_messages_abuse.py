"""Abuse and threat detection: the labelled set, disguises, and ordinary words that must
never be flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.messages.abuse import categories, detect

LABELLED = Path(__file__).resolve().parents[2] / "data" / "messages" / "abuse_labelled.tsv"


def labelled() -> list[tuple[str, str]]:
    rows = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, text = line.split("\t", 1)
            rows.append((label, text))
    return rows


def test_labelled_set_precision_and_recall() -> None:
    rows = labelled()
    assert len(rows) >= 200
    tp = fp = fn = 0
    for label, text in rows:
        got, want = bool(detect(text)), label != "none"
        tp += got and want
        fp += got and not want
        fn += want and not got
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


@pytest.mark.parametrize(
    "text",
    ["оскорблять", "Бляха-муха", "купи хлеба", "употреблять", "застрахуй машину", "себя",
     "мандарины", "команда", "сукно", "учеба", "Scunthorpe", "вы не пожалеете", "я найду ключи",
     "овца на лугу", "Хутор", "Рубля не хватило", "скипидар", "Хуже некуда"],
)  # fmt: skip
def test_ordinary_words_are_not_flagged(text: str) -> None:
    assert detect(text) == ()


@pytest.mark.parametrize(
    ("text", "category", "word"),
    [
        ("Иди нахуй", "obscene", "нахуй"),
        ("х*й тебе", "obscene", "х*й"),
        ("п@здец", "obscene", "п@здец"),
        ("xуйня", "obscene", "xуйня"),  # Latin x
        ("б л я д ь", "obscene", "б л я д ь"),
        ("заебала звонить", "obscene", "заебала"),
        ("blyat", "obscene", "blyat"),
        ("Ты сука", "insult", "сука"),
        ("ты овца", "insult", "овца"),
        ("Я знаю, где ты живёшь", "threat", "знаю, где ты живёшь"),
        ("Ты пожалеешь", "threat", "пожалеешь"),
        ("я тебя найду", "threat", "я тебя найду"),
        ("I know where you live", "threat", "I know where you live"),
        ("fuck off", "obscene", "fuck"),
        ("you stupid bitch", "insult", "bitch"),
    ],
)
def test_flags_name_category_and_word_with_span(text: str, category: str, word: str) -> None:
    flags = detect(text)
    match = [f for f in flags if f.category == category]
    assert match, flags
    assert match[0].word == word
    assert text[match[0].start : match[0].end] == word


def test_several_categories_in_one_message() -> None:
    flags = detect("Сука, я знаю где ты живешь, ты пожалеешь, блядь")
    assert categories(flags) == ["obscene", "insult", "threat"]
