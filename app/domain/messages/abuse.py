"""Obscenities, insults and threats in a message, Russian and English (issue 13, item 3).

Each word is folded (lower case, `ё` → `е`), undisguised (Latin and digit look-alikes,
`х*й` masks, letters spaced apart) and read by pymorphy3 with its packaged dictionary: a
word counts when its lemma is in the lexicon, or when it is unknown to the dictionary and
starts with a mat root after a prefix. Threats are first-person verbs of harm aimed at the
addressee, "пожалеешь" (not "не пожалеете") and fixed phrases. A flag names the category,
the words as written and their span in the text, so the UI can highlight them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pymorphy3

from app.domain.messages import lexicon as lx
from app.domain.messages.records import AbuseFlag

OBSCENE = "obscene"
INSULT = "insult"
THREAT = "threat"
CATEGORIES = (OBSCENE, INSULT, THREAT)

_TOKEN = re.compile(r"[\w*@$#]+(?:[-.'’][\w*@$#]+)*", re.UNICODE)
_CYR = re.compile(r"[а-яё]")
_LAT = re.compile(r"[a-z]")
_MASK = re.compile(r"[*#_]+|\.{1,3}")
_SPACED_JOINERS = re.compile(r"^(?:[а-яa-z][.\-])+[а-яa-z]$")
_WINDOW = 3


@lru_cache(maxsize=1)
def _morph() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


def fold(text: str) -> str:
    return text.lower().replace("ё", "е")


@dataclass(frozen=True)
class _Word:
    lemmas: frozenset[str]
    known: bool
    first_person_future: bool
    second_person: bool


@lru_cache(maxsize=200_000)
def _analyse(word: str) -> _Word:
    parses = _morph().parse(word)
    lemmas = frozenset(fold(p.normal_form) for p in parses)
    known = any(p.is_known for p in parses)
    tags = [p.tag for p in parses]
    first = any("1per" in t and "VERB" in t for t in tags)
    second = any("2per" in t and "VERB" in t for t in tags)
    return _Word(lemmas, known, first, second)


@lru_cache(maxsize=200_000)
def _category(word: str) -> str | None:
    """`obscene`, `insult` (always insulting) or None for one folded Cyrillic word."""
    info = _analyse(word)
    if word in lx.OBSCENE_LEMMAS or info.lemmas & lx.OBSCENE_LEMMAS:
        return OBSCENE
    if info.known:
        if any(lx.ROOT_AT_START_RE.match(lemma) for lemma in info.lemmas):
            return OBSCENE
    elif lx.ROOT_RE.match(word):
        return OBSCENE
    if info.lemmas & lx.INSULT_LEMMAS:
        return INSULT
    return None


@lru_cache(maxsize=1)
def _masked_forms() -> tuple[tuple[str, str], ...]:
    """Every form of the lexicon's obscene and insulting lemmas, for `х*й`-style masks."""
    out: dict[str, str] = {}
    morph = _morph()
    for lemmas, category in ((lx.INSULT_LEMMAS, INSULT), (lx.OBSCENE_LEMMAS, OBSCENE)):
        for lemma in lemmas:
            for parse in morph.parse(lemma)[:2]:
                for form in parse.lexeme:
                    out[fold(form.word)] = category
    return tuple(sorted(out.items()))


def _unmask(token: str) -> str | None:
    """`х*й`, `п#зда`, `б..дь` → the lexicon form it hides, if exactly one kind fits."""
    letters = token.translate(lx.LOOKALIKES)
    parts = _MASK.split(letters)
    if len(parts) < 2 or not all(_CYR.fullmatch(p) or p == "" for p in parts[1:-1]):
        return None
    pattern = re.compile(
        "".join(
            re.escape(p) + ("[а-я]{1,3}" if i < len(parts) - 1 else "") for i, p in enumerate(parts)
        )
        + "$"
    )
    if not _CYR.search(letters.replace("*", "")) or sum(map(len, parts)) < 1:
        return None
    for form, _category_name in _masked_forms():
        if pattern.match(form):
            return form
    if len(parts) == 2 and parts[0] and parts[1]:
        # A mask over one vowel of a form the lexicon does not list ("п*здишь", "е*ал").
        for vowel in "иуеаяоы":
            filled = parts[0] + vowel + parts[1]
            if _category(filled) is not None:
                return filled
    return None


def _translit(word: str) -> str:
    out, i = [], 0
    while i < len(word):
        for latin, cyrillic in lx.TRANSLIT:
            if word.startswith(latin, i):
                out.append(cyrillic)
                i += len(latin)
                break
        else:
            out.append(word[i])
            i += 1
    return "".join(out)


_TRANSLIT_ROOTS = re.compile(r"^(?:на|по|о|а|)?(?:ху[йяеи]|пизд|бляд|блят|бля$)")


def _latin_category(word: str) -> str | None:
    """A whole Latin word that spells Russian mat ("blyat", "nahuy", "cyka")."""
    for candidate in (_translit(word), word.translate(lx.LOOKALIKES)):
        if not _CYR.fullmatch(candidate[:1] or "x") or _LAT.search(candidate):
            continue
        info = _analyse(candidate)
        if info.lemmas & lx.OBSCENE_LEMMAS or _TRANSLIT_ROOTS.match(candidate):
            return OBSCENE
        if info.lemmas & lx.INSULT_LEMMAS and len(candidate) >= 4:
            return INSULT
    return None


# A token: (folded and undisguised word, start, end) in the message text.
_Token = tuple[str, int, int]
_STRIP = "-.'’"


def _tokens(text: str) -> list[_Token]:
    folded = fold(text)
    if len(folded) != len(text):  # a rare letter whose lower case is longer: fold per token
        found = [(fold(m.group()), *m.span()) for m in _TOKEN.finditer(text)]
    else:
        found = [(m.group(), *m.span()) for m in _TOKEN.finditer(folded)]
    out: list[_Token] = []
    i, count = 0, len(found)
    while i < count:
        word, start, end = found[i]
        if len(word) == 1 and word.isalpha():
            # Letters spaced apart: "х у й", "b l y a t".
            j = i
            while j < count and len(found[j][0]) == 1 and found[j][0].isalpha():
                j += 1
            if j - i >= 3:
                out.append(("".join(f[0] for f in found[i:j]), start, found[j - 1][2]))
                i = j
                continue
        word = word.strip(_STRIP)
        if ("." in word or "-" in word) and _SPACED_JOINERS.match(word):
            word = word.replace(".", "").replace("-", "")
        out.append((word, start, end))
        i += 1
    return out


@lru_cache(maxsize=200_000)
def _word_category(word: str) -> tuple[str | None, str]:
    """(category, the Cyrillic word it was read as) for one token."""
    has_cyr, has_lat = bool(_CYR.search(word)), bool(_LAT.search(word))
    if any(ch in word for ch in "*#_@") or ("." in word and has_cyr):
        if "@" in word and not any(ch in word for ch in "*#_."):
            category = _category(word.translate(lx.LOOKALIKES))
            if category is not None:
                return category, word.translate(lx.LOOKALIKES)
        form = _unmask(word.replace("@", "*"))
        if form is not None:
            return _category(form), form
        return None, word
    if has_cyr and (has_lat or any(ch in word for ch in "0369@$")):
        word = word.translate(lx.LOOKALIKES)
    elif has_lat and not has_cyr:
        return _latin_category(word), word
    if _CYR.fullmatch(word[:1] or "x") and word.isalpha():
        return _category(word), word
    return None, word


def _near(tokens: list[_Token], index: int, words: Iterable[str]) -> bool:
    wanted = set(words)
    low, high = max(0, index - _WINDOW), min(len(tokens), index + _WINDOW + 1)
    return any(tokens[k][0] in wanted for k in range(low, high) if k != index)


def _near_lemma(tokens: list[_Token], index: int, lemmas: frozenset[str]) -> bool:
    low, high = max(0, index - _WINDOW), min(len(tokens), index + _WINDOW + 1)
    for k in range(low, high):
        word = tokens[k][0]
        if k != index and word.isalpha() and _CYR.match(word) and _analyse(word).lemmas & lemmas:
            return True
    return False


def _threat(tokens: list[_Token], index: int, word: str) -> bool:
    info = _analyse(word)
    if info.first_person_future and info.lemmas & lx.HARM_VERBS:
        if not info.lemmas & (lx.HARM_VERBS - lx.HARM_VERBS_NEED_OBJECT):
            return _near(tokens, index, lx.ADDRESS_WORDS) or _near_lemma(
                tokens, index, lx.BODY_PARTS
            )
        return not (index > 0 and tokens[index - 1][0] == "не")
    if info.second_person and info.lemmas & lx.REGRET_LEMMAS:
        return not (index > 0 and tokens[index - 1][0] == "не")
    return False


def _alternation(patterns: Iterable[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w])")


# One pass per category over the folded text (dozens of separate patterns cost 10x more).
_PHRASE_SETS = (
    (_alternation((*lx.THREAT_PHRASES, *lx.ENGLISH_THREATS)), THREAT),
    (_alternation(lx.ENGLISH_OBSCENE), OBSCENE),
    (_alternation(lx.ENGLISH_INSULTS), INSULT),
)


def _phrases(folded: str) -> list[AbuseFlag]:
    flags = []
    for pattern, category in _PHRASE_SETS:
        for match in pattern.finditer(folded):
            flags.append(AbuseFlag(category, match.group(), match.start(), match.end()))
    return flags


@lru_cache(maxsize=200_000)
def _word_kind(word: str) -> tuple[str | None, str, bool]:
    """(category on its own, the word as read, whether its neighbours may make it one: an
    ordinary word that insults said of the addressee, or a verb of harm or regret)."""
    category, read = _word_category(word)
    if category is not None or not (read[:1] and _CYR.match(read) and read.isalpha()):
        return category, read, False
    info = _analyse(read)
    maybe = bool(
        info.lemmas & lx.CONTEXT_INSULT_LEMMAS
        or (info.first_person_future and info.lemmas & lx.HARM_VERBS)
        or (info.second_person and info.lemmas & lx.REGRET_LEMMAS)
    )
    return None, read, maybe


def _in_context(tokens: list[_Token], index: int, word: str) -> str | None:
    info = _analyse(word)
    if info.lemmas & lx.CONTEXT_INSULT_LEMMAS and (
        _near(tokens, index, lx.ADDRESS_WORDS)
        or _near_lemma(tokens, index, lx.INSULTING_ADJECTIVES)
    ):
        return INSULT
    return THREAT if _threat(tokens, index, word) else None


def detect(text: str) -> tuple[AbuseFlag, ...]:
    """The abuse flags of one message text, sorted by position, one per span."""
    if not text:
        return ()
    tokens = _tokens(text)
    flags: list[AbuseFlag] = []
    for index, (word, start, end) in enumerate(tokens):
        category, read, maybe = _word_kind(word)
        if maybe:
            category = _in_context(tokens, index, read)
        if category is not None:
            flags.append(AbuseFlag(category, text[start:end], start, end))
    folded = fold(text)
    if len(folded) == len(text):  # phrase spans index the text itself
        flags += _phrases(folded)
    for n, flag in enumerate(flags):
        if flag.word != text[flag.start : flag.end]:
            flags[n] = AbuseFlag(flag.category, text[flag.start : flag.end], flag.start, flag.end)
    return _dedupe(flags) if flags else ()


def _dedupe(flags: list[AbuseFlag]) -> tuple[AbuseFlag, ...]:
    """One flag per span: a phrase swallows the words inside it of the same category."""
    flags.sort(key=lambda f: (f.start, -(f.end - f.start)))
    out: list[AbuseFlag] = []
    for flag in flags:
        if out and flag.start < out[-1].end and flag.category == out[-1].category:
            continue
        if any(f.start == flag.start and f.end == flag.end for f in out):
            continue
        out.append(flag)
    return tuple(out)


def categories(flags: Iterable[AbuseFlag]) -> list[str]:
    """The distinct categories of `flags`, in the order of `CATEGORIES`."""
    present = {f.category for f in flags}
    return [c for c in CATEGORIES if c in present]
