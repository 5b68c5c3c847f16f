"""The abuse lexicon: obscene roots and lemmas, insults, threat patterns, in Russian and
English. Words are lower case with `ё` written `е` (the detector folds text the same way).

Russian obscenities are found by root (the four or five roots of mat and the prefixes they
take) and confirmed by morphology: a dictionary word whose lemma is not obscene ("себя",
"хлеба", "употреблять", "бляха", "застрахуй") is never flagged, however its letters look.
"""

from __future__ import annotations

import re

# Verbal prefixes that mat roots take: за-ебать, от-пиздить, на-хуй, долбо-еб, у-ебок ...
PREFIXES = (
    "", "а", "в", "вз", "взъ", "вы", "до", "за", "из", "изъ", "на", "наи", "недо", "о", "об",
    "объ", "от", "отъ", "па", "пере", "по", "под", "подъ", "при", "про", "раз", "разъ", "рас",
    "с", "съ", "у", "долбо", "мудо", "ни", "разо", "обо", "ото", "подо",
)  # fmt: skip

# Roots that are obscene wherever they start a word (after a prefix).
ROOTS = (
    r"ху[йяеюи]",
    r"пизд",
    r"пезд",
    r"пизж",
    r"еб(?!ол)",  # "еб..." but not the name "Еболд..."
    r"ебл",
    r"бляд",
    r"блят",
    r"бля$",
    r"залуп",
    r"пид[оа]р",
    r"пидр",
    r"муд[аои]к",
    r"манд[аеуыо]$",
    r"шлюх",
)
ROOT_RE = re.compile(
    "^(?:" + "|".join(sorted({p for p in PREFIXES if p}, key=len, reverse=True)) + ")?"
    "(?:" + "|".join(ROOTS) + ")"
)
ROOT_AT_START_RE = re.compile("^(?:" + "|".join(ROOTS) + ")")

# Lemmas the dictionary knows that are obscene though they do not start with a root.
OBSCENE_LEMMAS = frozenset(
    {
        "нахуй", "похуй", "охуеть", "охуенный", "охуевший", "заебать", "заебаться", "уебок",
        "уебище", "долбоеб", "наебать", "наебнуться", "ебать", "ебаный", "въебать", "отъебаться",
        "разъебай", "распиздяй", "спиздить", "пиздеть", "пиздец", "пизда", "пиздюк", "блядь",
        "блядство", "бля", "выблядок", "хуй", "хуйня", "хуевый", "хуесос", "мудак", "мудила",
        "мудозвон", "пидор", "пидорас", "пидарас", "залупа", "шлюха", "манда", "ебло",
        "ебальник", "уебать", "выебываться", "доебаться", "проебать", "ахуеть", "пох", "ахуй",
        "заебись", "охуение", "охуенно", "хули", "охуевать", "пиздабол", "пиздаболка",
        "распиздяйка", "долбоебка",
    }
)  # fmt: skip

# Insults by lemma. The second set are ordinary words that insult only when said of the
# addressee ("ты овца", "тупая корова"): they need a second person or an insulting adjective
# near them.
INSULT_LEMMAS = frozenset(
    {
        "дура", "дурак", "дурачок", "дурочка", "идиот", "идиотка", "кретин", "кретинка",
        "дебил", "дебилка", "имбецил", "урод", "уродина", "уродка", "мразь", "тварь",
        "сволочь", "скотина", "шлюха", "проститутка", "сука", "сучка", "падла", "гнида",
        "ублюдок", "выродок", "чмо", "лохушка", "гадина", "подонок",
        "ничтожество", "стерва", "быдло", "тупица", "мерзавец", "мерзавка", "негодяй",
        "подлец", "дегенерат", "дегенератка", "шалава", "потаскуха", "курва", "ушлепок", "ушлепка",
        "жирдяй", "жиробас", "придурок", "придурка", "олигофрен", "убожество",
        "тупорылый", "тупоголовый", "безмозглый",
    }
)  # fmt: skip
CONTEXT_INSULT_LEMMAS = frozenset(
    {"корова", "коза", "козел", "свинья", "курица", "обезьяна", "собака", "крыса", "животное",
     "клоун", "тупой", "больной", "ненормальный", "кобыла", "дятел", "овца", "лох", "гад",
     "дрянь", "даун", "чучело"}
)  # fmt: skip
ADDRESS_WORDS = frozenset({"ты", "тебя", "тебе", "тобой", "вы", "вас", "вам", "твой", "твоя"})
INSULTING_ADJECTIVES = frozenset(
    {"тупой", "жирный", "старый", "мерзкий", "вонючий", "драный", "тупорылый", "конченый",
     "конченный", "поганый", "паршивый", "грязный", "больной"}
)  # fmt: skip

# Threats: verbs of harm said in the first person (future), and whole phrases.
HARM_VERBS = frozenset(
    {
        "убить", "прибить", "зарезать", "закопать", "урыть", "замочить", "придушить",
        "задушить", "покалечить", "избить", "сжечь", "поджечь", "пристрелить", "застрелить",
        "прикончить", "изуродовать", "отомстить", "уничтожить", "порезать", "грохнуть",
        "закатать", "переломать", "сломать", "оторвать", "открутить", "разбить", "наказать",
        "достать",         "найти", "добраться", "подкараулить", "проучить",
    }
)  # fmt: skip
# Verbs that are threats only with "тебя/тебе/вас" or a body part near them ("я тебя найду",
# "ноги переломаю"); the rest are threats in the first person on their own ("убью").
HARM_VERBS_NEED_OBJECT = frozenset(
    {"достать", "найти", "добраться", "сломать", "оторвать", "открутить",
     "разбить", "переломать", "наказать", "проучить", "подкараулить"}
)  # fmt: skip
BODY_PARTS = frozenset({"нога", "рука", "голова", "шея", "морда", "лицо", "зуб", "башка"})
REGRET_LEMMAS = frozenset({"пожалеть", "поплатиться"})

# Phrases over folded words (`ё` as `е`); `\w*` tails take any ending.
THREAT_PHRASES = (
    r"знаю,? где ты жив[её]шь",
    r"знаю,? где (?:ты|вы) живете",
    r"знаю,? где тво[йяи] \w+",
    r"тебе (?:конец|хана|крышка|не жить|кранты|пиздец|конец пришел)",
    r"ты (?:труп|покойник|покойница|не жилец|не жилица)",
    r"(?:будь|ходи) осторожн(?:а|ой|ым|ы|ен)",
    r"смотри по сторонам",
    r"оглядывайся",
    r"(?:это )?(?:тебе|вам) (?:это )?(?:так )?не сойдет",
    r"ты еще узнаешь",
    r"мало не покажется",
    r"(?:я|мы) тебя (?:из-под земли )?(?:найду|достану|найдем|достанем)",
)
ENGLISH_THREATS = (
    r"i(?:'ll| will| am going to|'m going to|'m gonna| gonna) "
    r"(?:kill|hurt|find|beat|destroy) (?:you|u)\b",
    r"i know where (?:you|u) live",
    r"(?:you|u)(?:'ll| will) regret",
    r"(?:you're|you are|ur) (?:dead|done for)",
    r"watch your back",
    r"(?:you|u) (?:will|'ll) pay for",
)  # fmt: skip
ENGLISH_OBSCENE = (
    r"fuck\w*", r"motherfuck\w*", r"shit\w*", r"bullshit", r"cunt\w*", r"cock(?:sucker)?s?",
    r"dick(?:head)?s?", r"asshole\w*", r"arsehole\w*", r"pussy", r"wank\w*", r"twat\w*",
)  # fmt: skip
ENGLISH_INSULTS = (
    r"bitch\w*", r"whore\w*", r"slut\w*", r"bastard\w*", r"idiot\w*", r"moron\w*", r"retard\w*",
    r"stupid cow", r"loser", r"scumbag\w*", r"jerk", r"skank\w*", r"imbecile\w*",
)  # fmt: skip

# Latin and digit look-alikes of Cyrillic letters, as people type to dodge filters.
LOOKALIKES = str.maketrans(
    {
        "a": "а", "b": "в", "c": "с", "e": "е", "h": "н", "k": "к", "m": "м", "o": "о",
        "p": "р", "t": "т", "x": "х", "y": "у", "u": "и", "3": "з", "0": "о", "6": "б",
        "@": "а", "$": "с", "ё": "е", "4": "ч", "r": "г", "n": "п",
    }
)  # fmt: skip
# Plain transliteration of whole Latin words ("blyat", "suka", "nahuy", "pizdec").
TRANSLIT = (
    ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"),
    ("ya", "я"), ("yu", "ю"), ("yo", "е"), ("ye", "е"), ("ts", "ц"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"),
    ("i", "и"), ("j", "й"), ("y", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"),
    ("h", "х"), ("c", "ц"), ("w", "в"), ("x", "кс"), ("q", "к"),
)  # fmt: skip
