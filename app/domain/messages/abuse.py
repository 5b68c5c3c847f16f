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


@dataclass
class _Token:
    text: str  # as written
    word: str  # folded, undisguised (Cyrillic where it was Russian)
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    raw = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out: list[_Token] = []
    i = 0
    while i < len(raw):
        # Letters spaced apart: "х у й", "b l y a t".
        j = i
        while j < len(raw) and len(raw[j][0]) == 1 and raw[j][0].isalpha():
            j += 1
        if j - i >= 3:
            joined = fold("".join(t for t, _, _ in raw[i:j]))
            out.append(_Token(text[raw[i][1] : raw[j - 1][2]], joined, raw[i][1], raw[j - 1][2]))
            i = j
            continue
        token, start, end = raw[i]
        folded = fold(token).strip("-.'’")
        if _SPACED_JOINERS.match(folded):
            folded = re.sub(r"[.\-]", "", folded)
        out.append(_Token(token, folded, start, end))
        i += 1
    return out


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
    return any(tokens[k].word in wanted for k in range(low, high) if k != index)


def _near_lemma(tokens: list[_Token], index: int, lemmas: frozenset[str]) -> bool:
    low, high = max(0, index - _WINDOW), min(len(tokens), index + _WINDOW + 1)
    for k in range(low, high):
        word = tokens[k].word
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
        return not (index > 0 and tokens[index - 1].word == "не")
    if info.second_person and info.lemmas & lx.REGRET_LEMMAS:
        return not (index > 0 and tokens[index - 1].word == "не")
    return False


def _phrases(folded: str, patterns: Iterable[str], category: str) -> list[AbuseFlag]:
    flags = []
    for pattern in patterns:
        for match in re.finditer(r"(?<![\w])" + pattern + r"(?![\w])", folded):
            flags.append(AbuseFlag(category, match.group(), match.start(), match.end()))
    return flags


def detect(text: str) -> tuple[AbuseFlag, ...]:
    """The abuse flags of one message text, sorted by position, one per span."""
    if not text:
        return ()
    tokens = _tokens(text)
    flags: list[AbuseFlag] = []
    for index, token in enumerate(tokens):
        category, word = _word_category(token.word)
        if category is None and _CYR.match(word[:1] or "x") and word.isalpha():
            info = _analyse(word)
            if info.lemmas & lx.CONTEXT_INSULT_LEMMAS and (
                _near(tokens, index, lx.ADDRESS_WORDS)
                or _near_lemma(tokens, index, lx.INSULTING_ADJECTIVES)
            ):
                category = INSULT
            elif _threat(tokens, index, word):
                category = THREAT
        if category is not None:
            flags.append(AbuseFlag(category, token.text, token.start, token.end))
    folded = fold(text)  # same length as the text: spans stay valid
    flags += _phrases(folded, lx.THREAT_PHRASES, THREAT)
    flags += _phrases(folded, lx.ENGLISH_THREATS, THREAT)
    flags += _phrases(folded, lx.ENGLISH_OBSCENE, OBSCENE)
    flags += _phrases(folded, lx.ENGLISH_INSULTS, INSULT)
    for flag in flags:
        if flag.word != text[flag.start : flag.end]:
            flags[flags.index(flag)] = AbuseFlag(
                flag.category, text[flag.start : flag.end], flag.start, flag.end
            )
    return _dedupe(flags)


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
