"""Reduce chat messages and answers to comparable text: markup, Unicode, spelling, phrasing.

The pipeline has two stages. `clean` turns a raw Discord message into lower-case ASCII
that still carries punctuation (the phrasing rules need commas, question marks and
ellipses). `read_words` turns cleaned text into word tokens, and `fold_spelling` folds a
word so that the usual romanisations of one Russian word compare equal.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from itertools import groupby

from anyascii import anyascii

from bot.game.numbers import Date, date_readings, expand_short_years, read_numbers, write_dates

# Withdrawn text goes first, before its tildes could be read as anything else.
_STRUCK = re.compile(r"~~.+?~~", re.DOTALL)
# A fence's first line is a language tag only when code follows it.
_CODE_FENCE = re.compile(r"```(?:[\w+#.-]*\n(?=\s*[^\s`]))?(.*?)```", re.DOTALL)
_MASKED_LINK = re.compile(r"\[([^\[\]]*)\]\(\s*<?[a-z][\w+.-]*://[^()\s]*>?\s*\)", re.IGNORECASE)
_BARE_LINK = re.compile(r"<?\b[a-z][\w+.-]*://\S+", re.IGNORECASE)
# Mentions, channels, roles, custom emoji, timestamps and slash-command mentions.
_DISCORD_TOKEN = re.compile(r"<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:-?\d+(?::\w)?|/[\w -]+:\d+)>")
# Mass mentions are mentions too: "@everyone Venus" answers what "<@bob> Venus" does.
_MASS_MENTION = re.compile(r"(?<![\w@])@(?:everyone|here)\b", re.IGNORECASE)
_MARKERS = str.maketrans("", "", "*_|`~\\")
_LINE_BREAKS = re.compile(r"\s*\n\s*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_MIXED_WORD = re.compile(r"[^\W\d_]{2,}")
_WORD = re.compile(r"[a-z0-9]+")
_CYRILLIC_AND = re.compile(r"(?<!\w)[\u0418\u0438](?!\w)")

# Cyrillic letters that render like Latin ones, and the reverse for mostly-Cyrillic words.
_TO_LATIN = str.maketrans(
    "\u0410\u0412\u0415\u0406\u0408\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0423\u0425\u0405"
    "\u0430\u0435\u0456\u0458\u043e\u0440\u0441\u0443\u0445\u0455\u0501\u04bb\u051b\u051d\u04cf",
    "ABEIJKMHOPCTYXSaeijopcyxsdhqwl",
)
_TO_CYRILLIC = str.maketrans(
    "ABEKMHOPCTXaeopcyx",
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425"
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445",
)

# Any letter or digit twice: what the doubled-letter rule needs to find.
_DOUBLES = tuple(char * 2 for char in "abcdefghijklmnopqrstuvwxyz0123456789")
# Ordered rewrites that make BGN/PCGN, ISO 9-ish, German and informal spellings agree:
# Karyukov/Karjukov/Kariukov, zovyot/zovjot/zovet, Yuri/Yuriy/Iurii, Aleksandr/Alexandr.
# Each rule with the letters it needs: a rule whose letters are absent is not run.
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = (
    # French and German first: Youri, Strougatski, Tchaikovski, Tschaikowski.
    (re.compile(r"ou"), "u", ("ou",)),
    (re.compile(r"tsch|tch"), "ch", ("tch", "tsch")),
    (re.compile(r"shch|sch"), "sh", ("sch",)),
    (re.compile(r"x"), "ks", ("x",)),
    (re.compile(r"kh"), "h", ("kh",)),
    (re.compile(r"ph"), "f", ("ph",)),
    (re.compile(r"w"), "v", ("w",)),
    (re.compile(r"(?:i[yj]?|[yj])o"), "e", ("io", "yo", "jo")),
    (re.compile(r"(?:i[yj]?|[yj])(?=[aeu])"), "", ("i", "y", "j")),
    (re.compile(r"(?:iy|ii|yi|ij|y)$"), "i", ("y", "ii", "ij")),
    (re.compile(r"y|j(?![aeiou])"), "i", ("y", "j")),
    (re.compile(r"(.)\1"), r"\1", _DOUBLES),
    # French: Gagarine, Poutine.
    (re.compile(r"(?<=\w{3})ine$"), "in", ("ine",)),
)
# Each rule with one pattern that finds any of its letters (None: the rule is always run).
_GATED_SPELLING_RULES: tuple[tuple[re.Pattern[str], str, re.Pattern[str] | None], ...] = tuple(
    (pattern, replacement, re.compile("|".join(map(re.escape, needles))) if needles else None)
    for pattern, replacement, needles in _SPELLING_RULES
)
# Whether any rule's letters are in a word (each needle above has one of these in it):
# a word with none is folded as it is.
_ANY_SPELLING_RULE = re.compile(r"[xwijy]|ou|tch|sch|kh|ph|([a-z0-9])\1")
_ALWAYS_RUN = any(not needles for _, _, needles in _SPELLING_RULES)


def clean(text: str) -> str:
    """Strip Discord markup and fold Unicode, keeping ASCII punctuation.

    Args:
        text: A raw chat message or answer.

    Returns:
        Lower-case ASCII text with single spaces; see `fold_text`.
    """
    return fold_text(strip_markup(text))


def fold_text(text: str) -> str:
    """Fold markup-free text to lower-case ASCII with single spaces.

    Args:
        text: Output of `strip_markup`.

    Returns:
        The folded text; line breaks become ", " because a message split over lines
        names several things.
    """
    if not text.isascii():
        text = fold_unicode(text)
    if "\n" in text:
        text = _LINE_BREAKS.sub(", ", text.strip())
    return " ".join(text.split()).lower()


def drop_quoted_lines(text: str) -> str:
    """Drop Discord quote lines ("> Deimos") that another line of the message answers.

    Args:
        text: A raw chat message.

    Returns:
        The lines that are the player's own; all of them when every line is quoted.
    """
    lines = text.split("\n")
    own = [line for line in lines if not line.lstrip().startswith(">")]
    return "\n".join(own) if own and len(own) < len(lines) else text


def strip_markup(text: str) -> str:
    """Remove Discord markup, keeping the visible words; struck-through text is withdrawn.

    Args:
        text: A raw chat message.

    Returns:
        The text a reader sees, without mentions, custom emoji, bare links or markers.
    """
    if "~~" in text:
        text = _STRUCK.sub(" ", text)
    if "```" in text:
        text = _CODE_FENCE.sub(r" \1 ", text)
    if "](" in text:
        text = _MASKED_LINK.sub(r"\1", text)
    if "<" in text:
        text = _DISCORD_TOKEN.sub(" ", text)
    if "@" in text:
        text = _MASS_MENTION.sub(" ", text)
    if "://" in text:
        text = _BARE_LINK.sub(" ", text)
    return text.translate(_MARKERS)


def fold_unicode(text: str) -> str:
    """Fold compatibility forms, look-alike letters, diacritics and scripts to ASCII.

    Args:
        text: Text that may contain any Unicode.

    Returns:
        ASCII text: letters transliterated, zero-width and combining marks dropped,
        symbols and emoji turned into spaces.
    """
    text = unicodedata.normalize("NFKC", text)
    if _CYRILLIC.search(text):
        text = _MIXED_WORD.sub(_unmix_word, text)
        text = _CYRILLIC_AND.sub("and", text)
    return "".join(map(_fold_char, text))


def _unmix_word(match: re.Match[str]) -> str:
    """Rewrite a word mixing Latin and Cyrillic letters into its majority script."""
    word = match.group()
    latin = len(_LATIN.findall(word))
    cyrillic = len(_CYRILLIC.findall(word))
    if not latin or not cyrillic:
        return word
    return word.translate(_TO_LATIN if latin >= cyrillic else _TO_CYRILLIC)


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    """Fold one character; cached because chat reuses a small alphabet."""
    if char.isascii():
        return char
    category = unicodedata.category(char)
    if category[0] in "LN":
        return anyascii(char)
    if category[0] == "P":
        return anyascii(char) or " "
    if category[0] == "M" or category == "Cf":
        return ""
    return " "


def read_words(text: str) -> list[str]:
    """Split cleaned text into word tokens; apostrophes join (``it's`` is ``its``).

    Args:
        text: Output of `clean`.

    Returns:
        Runs of ASCII letters and digits.
    """
    return _WORD.findall(text.replace("'", ""))


@functools.lru_cache(maxsize=8192)
def fold_spelling(word: str) -> str:
    """Fold a word so that common romanisations of the same Russian word agree.

    Args:
        word: A lower-case ASCII token.

    Returns:
        The folded token; digits are returned unchanged.
    """
    if word.isdigit() or (not _ALWAYS_RUN and not _ANY_SPELLING_RULE.search(word)):
        return word
    for pattern, replacement, gate in _GATED_SPELLING_RULES:
        # a rule without needles is always tried; one with needles only where it can apply
        if gate is None or gate.search(word):
            word = pattern.sub(replacement, word)
    return word


# --- Names: the comparable form of an answer, an alias or a candidate. ---

_GIVEN_NAMES_TEXT = (
    "aleksandr aleksei aleksey alexei anatoli anatoly andrei andrey boris donatas dmitri "
    "evgeni gennadi georgi georgiy gleb grigori igor ilya ivan kir konstantin kyunna "
    "larisa lev mikhail natalya nikolai oleg otar pavel pyotr richard sergei stanislav "
    "taisia valentin valentina vasili vladimir vladislav viktor yakov yevgeni yuli yuliya "
    "yuri yelena olga irina tatyana lyudmila galina nina vera anna maria svetlana "
    "margarita arseny andrei aleksandra levan budimir nikita fyodor semyon leonid arkadi "
    "boris vyacheslav eduard albert arkady roman oles mykhailo stanislaw kurt grigory "
    "arthur francis roger curtis john george samuel basil dennis peter mamie derek andy edd "
    "james robert michael william david richard joseph thomas charles daniel paul mark "
    "steven brian kevin jack harry henry frank walter ralph fred edward jane mary anne "
    "elizabeth margaret helen ruth susan karen linda barbara nancy alice nadya nadezhda masha "
    "sasha natasha katya katerina ekaterina tanya dasha daria sonya polina marina zhenya kolya "
    "misha petya vanya volodya lena alyosha kostya tolya seryozha andrei arkady boris olesya "
    "oksana yulia alla inna zoya lidia lidiya raisa larisa larissa lara tamara valeria "
    "vera nadia sofia alina daria kira eva milena polina ulyana varvara alisa pasha dima "
    "vitya fedya tolik yura grisha styopa vasya gosha liza anya olya ira sveta galya zina "
    "klava nastya yulya"
)


ARTICLES = frozenset({"the", "a", "an"})
# A number glued to a word: "vostok1", "1963ad" (not "60s" or "3rd").
_GLUED_NUMBER = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=(?:ad|bc|ce|yrs?|years?|g)\b)")
_THOUSANDS_MARK = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
# `_GLUED_NUMBER` needs a digit: text with none is not searched.
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name reduced for comparison.

    Attributes:
        words: Folded words, numbers as digits, leading article dropped.
        compact: The words run together (spacing never matters).
        letters: ``compact`` without the numbers, which are compared exactly instead.
        numbers: The numbers, sorted.
        person: Whether it looks like a person's name (a known given name first).
        bare: ``letters`` without inner articles ("Queen of the Blood" is "Queen of Blood").
        dates: The readings of the date it gives as (year, month, day), if it gives one.
        spelt: Its words as written, unfolded, numbers left out ("union" folds to "unen").
    """

    words: tuple[str, ...]
    compact: str
    letters: str
    numbers: tuple[str, ...]
    person: bool
    bare: str = ""
    dates: frozenset[Date] = frozenset()
    spelt: tuple[str, ...] = ()


@functools.cache
def given_names() -> frozenset[str]:
    """Folded given names: a two-to-four-word name starting with one is a person."""
    return frozenset(map(fold_spelling, _GIVEN_NAMES_TEXT.split()))


def is_number(word: str) -> bool:
    """Whether a word of a name is a number or a decade ("1963", "1960s")."""
    return word.isdigit() or (word[-1:] == "s" and word[:-1].isdigit())


@functools.lru_cache(maxsize=8192)
def name_form(text: str) -> NameForm:
    """Reduce an answer, alias or candidate to its comparable form.

    Args:
        text: Raw or cleaned text.

    Returns:
        The comparable form.
    """
    cleaned = write_dates(expand_short_years(clean(text)))
    dates = date_readings(cleaned)
    if "," in cleaned or "." in cleaned:
        cleaned = _THOUSANDS_MARK.sub("", cleaned)  # "10,000", "1.000"
    if _DIGIT.search(cleaned):
        cleaned = _GLUED_NUMBER.sub(" ", cleaned)  # "vostok1", "1963ad"
    if "'s" in cleaned:
        cleaned = _POSSESSIVE.sub("", cleaned)  # "Lem's novel", "Mountaineer's Hotel"
    read = read_numbers(read_words(cleaned))
    words = [fold_spelling(word) for word in read]
    if len(words) > 1 and words[0] in ARTICLES and not cleaned.lstrip(" \"'(").startswith("a."):
        del words[0]  # the article, but not an initial ("A. Strugatsky")
        del read[0]
    # Decades ("1960s") are compared exactly, like numbers: the seventies are no typo.
    numbered: list[str] = []
    lettered: list[str] = []
    bare_words: list[str] = []
    for word in words:
        if is_number(word):
            numbered.append(word)
        else:
            lettered.append(word)
            if word not in ARTICLES:
                bare_words.append(word)
    numbers = tuple(sorted(numbered))
    initial = len(words) == 2 and len(words[0]) == 1 and len(words[1]) >= 3  # "T. Pochepa"
    person = 2 <= len(words) <= 4 and not numbers and (words[0] in given_names() or initial)
    letters = "".join(lettered)
    bare = "".join(bare_words) or letters
    spelt = tuple(word for word in read if not is_number(word))
    return NameForm(tuple(words), "".join(words), letters, numbers, person, bare, dates, spelt)


# --- Phrasing: what in a message is the answer, and whether it is one answer at all. ---

# A correction word counts after a space or punctuation, brackets and quotes included.
_CORRECTION = re.compile(
    r"(?:^|(?<=[\s,;:.!?()\"-]))\s*(?:no\s*,?\s*wait|wait\s*,?\s*no|wait|actually|i\s+mean|i\s+meant"
    r"|sorry|scratch\s+that|correction|oops|or\s+rather)\b[\s,;:.!?-]*"
)
# Each correction `_CORRECTION` knows has one of these in it.
_CORRECTION_WORDS = ("wait", "actually", "mean", "sorry", "scratch", "correction", "oops", "rather")


def _any_of(needles: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern found wherever any of the strings is (one search instead of a loop)."""
    return re.compile("|".join(map(re.escape, needles)))


def _led_by(first: str, pattern: str) -> re.Pattern[str]:
    """A pattern tried only where a match can begin: at one of the characters ``first``.

    The lookahead changes no match; it spares the matcher every alternative of the
    pattern at each position where none can start.
    """
    return re.compile(f"(?={first})(?:{pattern})")


_CORRECTION_GATE = _any_of(_CORRECTION_WORDS)
_LEADING_FILLER = re.compile(
    r"^(?:(?:i\s+)?know\s+this(?:\s+one)?|i\s+(?:think|believe|guess|reckon|bet|say|would\s+say"
    r"|suppose|know)|i'?d\s+(?:say|guess)"
    r"|(?:i'?m\s+)?(?:pretty|fairly|quite|very)?\s*(?:sure|certain)(?:\s+(?:that|it'?s))?"
    r"|it'?s|it\s+is|it\s+was|is\s+it|was\s+it|isn'?t\s+it|wasn'?t\s+it|that'?s|that\s+is"
    r"|(?:it\s+|that\s+)?(?:must|has\s+to|gotta|should|could|would|might)\s+be|could\s+it\s+be"
    r"|would\s+it\s+be|can\s+i\s+say|may\s+i\s+say|is\s+(?:the\s+)?answer|is\s+that"
    r"|(?:it|that|this)'?d\s+be"
    r"|(?:the\s+|my\s+|final\s+)?(?:answer|guess)(?:\s+is)?|maybe|perhaps|probably|possibly"
    r"|definitely|surely|certainly|obviously|clearly|easy|ez|hm+|um+|uh+|er+m?|well|so|o+h+|ah+"
    r"|ok(?:ay)?|yes|yeah|yep|hey|(?:option|choice)(?!\s*(?:[1-9]|one|two|three|four|five|six)\b)|letter|called|named|lol|lmao|ofc|of\s+course"
    r"|(?:i\s+)?know\s+this(?:\s+one)?|got\s+(?:it|this)|oh\s+easy)\b[\s,:;.!-]*"
)
_LEADING_TOPIC = re.compile(
    r"^(?:the|an?(?!\.)|planet|moon|film|movie|year|in|director|directors|directed\s+by|by)\b[\s,:;-]*"
)
_TRAILING_FILLER = re.compile(
    r"(?:[\s,:;.!?-]*\b(?:i\s+(?:think|believe|guess|reckon|suppose)|maybe|perhaps|probably"
    r"|right|surely|for\s+sure|i'?m\s+sure|lol|lmao|haha+|xd|final\s+answer|obviously"
    r"|definitely|innit|eh|ofc|of\s+course|got\s+it|ez|easy|no\s+cap"
    r"|(?:is|was|are|were|does|did)n'?t\s+(?:it|he|she|they|that|this)"
    r"|(?:directed|made|wrote|did|filmed|shot)\s+(?:it|that|this|the\s+(?:film|movie|book)))\b)?"
    r"[\s,:;.!?-]*$"
)
_TRAILING_REACH = 48
_SEPARATOR_MARKS = ",:;.!?-"
_FILLER_ENDINGS = (
    "think", "believe", "guess", "reckon", "suppose", "maybe", "perhaps", "probably", "right",
    "surely", "sure", "lol", "lmao", "ha", "aa", "xd", "answer", "obviously", "definitely",
    "innit", "eh", "ofc", "course", "it", "ez", "easy", "cap", "he", "she", "they", "that",
    "this", "film", "movie", "book",
)  # fmt: skip
_SEPARATORS_PATTERN = r"\s*(?:[,;/&+?!]|\.\.\.|\b(?:and|with|plus|maybe|perhaps)\b)\s*"
# A separator starts with a space, a mark or the first letter of its word.
_SEPARATORS = _led_by(r"[\s,;/&+?!.awpm]", _SEPARATORS_PATTERN)
# Punctuation that may wrap a statement without changing it; apostrophes matter ('63).
_WRAPPING = ' .,!?;:"()[]-'
_CHATTER_TEXT = (
    "lol lmao lmfao rofl haha hahaha xd next skip pass same +1 -1 idk dunno gg gj nice wow "
    "ok okay k hi hello hey what wat huh hm hmm ty thanks thx np brb afk pog this ^ ^^ ^^^"
)
_CHATTER = frozenset(_CHATTER_TEXT.split()) | {
    "same here",
    "no idea",
    "i don't know",
    "i dont know",
    "no clue",
    "same answer",
    "me too",
}
# Words that make a message a hedge, a doubt or a withdrawal rather than an answer.
_HEDGE_TEXT = (
    "or either nor vs versus between not isnt wasnt arent aint dont doesnt didnt cant wont "
    "never nah nope no doubt doubtful unlikely nvm nevermind jk kidding unsure wrong"
)
HEDGE_WORDS = frozenset(_HEDGE_TEXT.split())


def final_statement(text: str) -> str:
    """The part of a message after its last self-correction ("X... no wait, Y" is Y).

    Args:
        text: Output of `clean`.

    Returns:
        The last non-empty statement ("Phobos, sorry" is still "Phobos").
    """
    if not _CORRECTION_GATE.search(text):
        return text if _WORD.search(text) else ""  # no correction: one statement
    statements = [part for part in _CORRECTION.split(text) if _WORD.search(part)]
    return statements[-1] if statements else ""


def strip_filler(text: str, *, topic: bool = True) -> str:
    """Remove hedge-free filler around an answer ("I think it's the planet Venus?").

    Args:
        text: Cleaned text of one statement.
        topic: Also drop leading articles and topic nouns ("the planet"); off for
            multiple choice, where "a" is an option letter.

    Returns:
        The text without leading and trailing filler.
    """
    # Each pass strips the wrapping first, so it is stripped before the cache is asked:
    # a statement and its clause with other wrapping are one entry.
    return _strip_filler(text.strip(_WRAPPING), topic)


@functools.lru_cache(maxsize=4096)
def _strip_filler(text: str, topic: bool) -> str:
    """`strip_filler` of a text already stripped of its wrapping.

    Each pass strips the wrapping, then the filler; a pass whose filler patterns change
    nothing is the last, since the next would strip the same text the same way.
    """
    while True:
        text = unwrapped = text.strip(_WRAPPING)
        # The leading patterns are anchored: one match at the start, or none.
        if found := _LEADING_FILLER.match(text):
            text = text[found.end() :]
        if topic and (found := _LEADING_TOPIC.match(text)):
            text = text[found.end() :]
        # Trailing filler is short: look for it near the end only (the pattern is tried
        # at every position it is given), and only when the text ends as filler can.
        tail = max(0, len(text) - _TRAILING_REACH)
        if _may_end_in_filler(text) and (found := _TRAILING_FILLER.search(text, tail)):
            text = text[: found.start()]
        if text == unwrapped:
            return text


def _may_end_in_filler(text: str) -> bool:
    """Whether `_TRAILING_FILLER` may match more than nothing at the end of a text.

    It needs a separator last, or one of its phrases' last words ("haha+" ends in "ha" or
    "aa"); a text ending otherwise ends with no filler.
    """
    last = text[-1:]
    return bool(last) and (
        last.isspace() or last in _SEPARATOR_MARKS or text.endswith(_FILLER_ENDINGS)
    )


def split_candidates(text: str) -> list[str]:
    """Split a statement into the names it lists ("Koberidze & Karyukov").

    Args:
        text: Cleaned text of one statement.

    Returns:
        The non-empty candidates, each stripped of filler.
    """
    parts = (strip_filler(part, topic=False) for part in _SEPARATORS.split(text))
    return [part for part in parts if _WORD.search(part)]


def is_chatter(text: str) -> bool:
    """Whether a cleaned message is chatter ("lol", "+1", an emoji, a bare link).

    Args:
        text: Output of `clean`.

    Returns:
        True when the message cannot be an answer.
    """
    core = text.strip(" .,!?:;'\"")
    return not _WORD.search(core) or core in _CHATTER


# --- Whose claim: in a chat message, the player's own answer among ruled-out alternatives. ---

# Plain-text pings ("@alice it's Phobos"); Discord's own mention tokens are markup.
_PING = re.compile(r"(?<![\w@])@[\w.]+:?")
# Clause boundaries: commas, semicolons, brackets, sentence ends, "but", "which"/"who".
_CLAUSE_PATTERN = (
    r"(\s*(?:[,;()\[\]]|\.{2,}|[!?]+|(?<=\w\w)\.(?=\s|$)|\bbut\b|\s[-\u2013\u2014]+\s)\s*"
    r"|\s+(?=(?:which|who|whose|rather\s+than|instead\s+of)\s)"
    # "Phobos not Deimos", but not "Phobos is not right": that not governs the claim.
    r"|(?<!\bis)(?<!\bwas)(?<!'s)(?<!\bare)(?<!\bwere)\s+(?=not\s))"
)
# A boundary starts with a space, a mark or the "b" of "but".
_CLAUSE = _led_by(r"[\s,;()\[\].!?b]", _CLAUSE_PATTERN)
# Doubt about one's own answer is no second answer: it reads as a hedge, not a "not".
_UNSURE_PATTERN = (
    r"\b(?:i'?m\s+|im\s+)?not\s+(?:100\s*%?\s*|entirely\s+|totally\s+|completely\s+|too\s+|so\s+)?"
    r"(?:sure|certain|positive)\b|\bnot\s+100\s*%|\bi\s+(?:don'?t|dont)\s+know\b|\bidk\b"
    r"|\bno\s+idea\b|\bcould\s+be\s+wrong\b|\bmight\s+be\s+wrong\b|\bdon'?t\s+quote\s+me\b"
    r"|\bjust\s+(?:a\s+)?guess(?:ing)?\b|\bwild\s+guess\b|\bor\s+(?:something|smth|so|whatever"
    r"|similar|thereabouts)\b|\b(?:with(?:out)?\s+(?:a\s+)?|no\s+)doubt\b"
    r"|\bif\s+(?:i\s+)?(?:remember|recall)(?:\s+(?:right|correctly|rightly))?\b"
    r"|\bif\s+memory\s+serves\b|\biirc\b|(?<!\w)(?:like\s+)?\d{2,3}\s*(?:%|percent)(?:\s+sure)?"
)
# Each phrase starts with one of these letters ("i'm", "not", "could", ... "like") or a digit.
_UNSURE = _led_by(r"[icnmdjwol0-9]", _UNSURE_PATTERN)
# Each of `_UNSURE`'s phrases has one of these in it: a message with none is not searched.
_UNSURE_NEEDLES = (
    "not", "don", "idk", "idea", "wrong", "quote", "guess", "or", "doubt", "if", "iirc", "%",
    "percent",
)  # fmt: skip
_NEGATED = re.compile(
    r"^(?:(?:it|that|this|the\s+answer)\s+)?(?:is\s+not|was\s+not|isn'?t|wasn'?t|aren'?t|ain'?t)\b"
    r"|^(?:(?:it'?s|its|definitely|def|certainly|surely|obviously|probably|prob)\s+)*not\b"
    r"|^(?:never|no\s+way|i\s+doubt|doubt|rather\s+than|instead\s+of)\b"
    r"|^i\s+(?:don'?t|dont|do\s+not)\s+(?:think|believe|reckon)\b"
    r"|^.+?\s+(?:is|was|'s)\s+(?:wrong|incorrect|not\s+(?:it|right|correct))$"
)
_ATTRIBUTED = re.compile(
    r"^(?!i\b)(?:my\s+[\w']+|[\w'.]+)(?:\s+[\w']+)?\s+(?:says|said|thinks|thought|guessed|guesses"
    r"|answered|reckons|believes|claims|claimed|is\s+saying|was\s+saying)\b"
)
_DESCRIBING = re.compile(
    r"^(?:which|who|whose|that|the\s+one|one\s+of|because|since|cause|cuz|as\s+in|aka|i\.?e"
    r"|the|a|an)\b"
)
_YEAR_ASIDE = re.compile(r"(?:from|in|of|released\s+in|made\s+in|circa|c\.?)?\s*(?:19|20)\d\d")
_RELATIVE = re.compile(r"^(?:which|who|whose)\b")
_IS_A = re.compile(r"^(.+?)\s+(?:is|was|are|were)\s+(?:a|an|the|one|his|her|their|its)\b")
_NOT_A_SUBJECT = re.compile(
    r"^(?:it|that|this|the\s+answer|answer|my\s+answer|my\s+guess|the\s+film|the\s+movie|there)$"
)
_WITHDRAWN = re.compile(
    r"^(?:no+|nah+|nope|jk|j/k|nvm|never\s*mind|kidding|just\s+kidding|wrong|scratch\s+that)$"
)
# The letters `_WITHDRAWN`'s phrases begin with.
_WITHDRAWN_FIRST = frozenset("njkws")
# (whatever marks wrap it: "b b b", "b b b:" and "(b b b)" spell the same)
_SPELLED_OUT = re.compile(
    r"(?P<pre>[\s\"'(]*)(?P<letters>(?:[a-z][\s.\-]+){2,}[a-z])(?P<post>[\s.,!?;:\"')\-]*)"
)
_REPEATED_WORDS = re.compile(r"(.+?)(?:[\s,!.]+\1)+")


# What each clause boundary of `_CLAUSE` needs: a mark, a dash, or one of these words.
_CLAUSE_MARKS = ",;()[].!?-\u2013\u2014"
_CLAUSE_WORDS = ("but", "which", "who", "rather", "instead", "not")


def split_clauses(text: str) -> list[str]:
    """``_CLAUSE.split(text)``: clauses and the boundaries between them, alternately.

    Most messages are one clause, perhaps with "!" or "?" after it: a text with no
    boundary before its closing marks is not searched for one, only its closing marks.

    Args:
        text: Cleaned text of a statement.

    Returns:
        What ``_CLAUSE.split`` returns.
    """
    end = len(text)
    while end and (text[end - 1] in "!?" or text[end - 1].isspace()):
        end -= 1
    body, closing = text[:end], text[end:]
    if _CLAUSE_GATE.search(body):
        return _CLAUSE.split(text)
    if "!" not in closing and "?" not in closing:
        return [text]  # no mark at all, or only spaces after the clause: no boundary
    # The closing marks are a boundary of their own, spaces before them included.
    return [body, *_CLAUSE.split(closing)[1:]]


# A cheap test before the clause-by-clause reading: a word or mark that any rule needs.
_MAY_RULE_OUT = re.compile(
    r"[,;()\[\]!?@\"]|\.(?:\.|\s)|\s[-\u2013\u2014]+\s"
    r"|\b(?:but|which|who|whose|not|isn'?t|wasn'?t|aren'?t|ain'?t|rather|instead|don'?t|dont"
    r"|never|no|nah|nope|jk|nvm|never|kidding|wrong|doubt|says|said|thinks|thought|guessed"
    r"|wrote|answered|reckons|believes|claims|claimed|saying|is|was|are|were|idk|sure|certain"
    r"|positive|know|idea|quote|guess|guessing|or|remember|recall|iirc|memory|100)\b"
)


# Each of these patterns needs one of its words in a clause; a clause with none is not read.
_NEGATED_NEEDLES = (
    "not", "isn", "wasn", "aren", "ain", "never", "no", "doubt", "rather", "instead", "don",
    "wrong", "incorrect",
)  # fmt: skip
_ATTRIBUTED_NEEDLES = (
    "says", "said", "thinks", "thought", "guess", "answered", "reckons", "believes", "claim",
    "saying",
)  # fmt: skip
_IS_A_NEEDLES = ("is", "was", "are", "were")
_NEGATED_GATE = _any_of(_NEGATED_NEEDLES)
_ATTRIBUTED_GATE = _any_of(_ATTRIBUTED_NEEDLES)
_IS_A_GATE = _any_of(_IS_A_NEEDLES)
_UNSURE_GATE = _any_of(_UNSURE_NEEDLES)
_CLAUSE_GATE = _any_of((*_CLAUSE_MARKS, *_CLAUSE_WORDS))


def _is_ruled_out(core: str) -> bool:
    """Whether a clause rules its words out or reports what someone else says.

    See `_NEGATED` and `_ATTRIBUTED`; each is tried only where its words are.
    """
    return bool(
        (_NEGATED_GATE.search(core) and _NEGATED.match(core))
        or (_ATTRIBUTED_GATE.search(core) and _ATTRIBUTED.match(core))
    )


def _may_describe(core: str) -> bool:
    """Whether a clause may say what something is ("Venus is a planet"; see `_IS_A`)."""
    return _IS_A_GATE.search(core) is not None


def _names_a_title(core: str) -> bool:
    """Whether a clause is words a year may place: no digits, more than a letter."""
    return len(core) > 3 and not any(char.isdigit() for char in core)


def _is_aside(core: str) -> bool:
    """Whether a bracket after an answer only describes it: words, no hedge, no letter.

    A bracket that adds to the answer ("(and Borisyonok)", "(also Mars)") is no aside.
    """
    words = read_words(core)
    adds = core.lstrip().startswith("&") or words[:1] in (["and"], ["also"], ["plus"])
    return len(words) >= 2 and not adds and not HEDGE_WORDS.intersection(words)


# A clause is read stripped of these, then of filler: its core.
_CORE_WRAPPING = _WRAPPING + "'"


def own_claim(statement: str, *, truth: bool = False) -> str:
    """The player's own answer in a statement, without what it rules out or reports.

    Drops pings ("@alice"), negated alternatives ("not Deimos, it's Phobos", "Phobos
    (not Deimos)"), what others said ("my friend says Deimos but..."), a quoted guess
    followed by one's own, descriptions ("Phobos, which orbits Mars"), doubts about one's
    own answer ("not sure", "or something") and repetitions ("Phobos Phobos"). What is
    left keeps its separators, so "Phobos or Deimos" is still two alternatives.

    Args:
        statement: Cleaned text of the last statement of a message.
        truth: For true/false questions, where "no" is an answer, not a withdrawal.

    Returns:
        The claim; empty when the statement only rules things out or withdraws.
    """
    if not truth and _SPELLED_OUT.fullmatch(statement.strip()):
        # "P h o b o s!": spelled out letter by letter, whatever marks close it
        return _claim_by_clauses(statement, truth=truth)
    end = len(statement)
    while end and (statement[end - 1] in "!?" or statement[end - 1].isspace()):
        end -= 1
    closing = statement[end:]
    if "!" in closing or "?" in closing:
        # Closed by "!" or "?" (many messages): one clause is read without splitting.
        claim = _closed_clause_claim(statement, statement[:end], truth=truth)
        return claim if claim is not None else _claim_by_clauses(statement, truth=truth)
    if not _MAY_RULE_OUT.search(statement) and not _SPELLED_OUT.fullmatch(statement):
        return statement  # one plain clause: nothing to drop (most messages)
    return _claim_by_clauses(statement, truth=truth)


def _claim_by_clauses(statement: str, *, truth: bool) -> str:
    """`own_claim` read clause by clause (see there)."""
    text = statement
    if "@" in text:
        text = _PING.sub(" ", text)
    if _UNSURE_GATE.search(text):
        text = _UNSURE.sub(",", text)
    spelled = None if truth else _SPELLED_OUT.fullmatch(text.strip())
    if spelled is not None:
        text = spelled["pre"] + re.sub(r"[\s.\-]", "", spelled["letters"]) + spelled["post"]
    parts = split_clauses(text)
    segments, separators = parts[0::2], ["", *parts[1::2]]
    kept: list[tuple[str, str, str]] = []
    withdrawn = content = rewritten = False
    clauses = 0
    for index, (separator, segment) in enumerate(zip(separators, segments, strict=True)):
        # True/false keeps its words: "yes" is filler to a name but an answer here.
        if not segment or not _WORD.search(segment):
            continue  # (most segments between marks are empty)
        # Stripped of all wrapping, so the filler cache is asked without a second strip.
        core = segment.strip(_CORE_WRAPPING)
        if not truth:
            core = _strip_filler(core, False)
        clauses += 1
        if not _WORD.search(core):
            continue
        if not truth and core[:1] in _WITHDRAWN_FIRST and _WITHDRAWN.match(core):
            # "Mars? No, Venus": what came before is withdrawn, what follows stands.
            withdrawn = content
            kept.clear()
            continue
        # Each test below only drops the clause, so the cheap ones come first.
        if (
            content
            and _DESCRIBING.match(core)
            and (separator.strip() not in ("", "but") or _RELATIVE.match(core))
        ):
            continue
        stripped = segment.strip()
        if (
            stripped.startswith('"')
            and stripped.rstrip("?!").endswith('"')
            and any(_WORD.search(other) for other in (*segments[:index], *segments[index + 1 :]))
        ):
            continue  # a guess quoted from someone else, answered beside it
        if _is_ruled_out(core):
            continue
        if content and "(" in separator and _is_aside(core):
            continue  # "Andrei Sayenko (Boris Borisyonok)", "Corman (the B-movie guy)"
        if kept and _YEAR_ASIDE.fullmatch(core) and _names_a_title(kept[-1][2]):
            continue  # "Moscow-Cassiopeia, from 1973", never "1963, 1964" or "D) 1962"
        described = _IS_A.match(core) if _may_describe(core) else None
        if described and not _NOT_A_SUBJECT.match(described[1]):
            segment, core, rewritten = described[1], described[1], True
        kept.append((separator, segment, core))
        content, withdrawn = True, False
    if withdrawn:
        return ""
    if not kept:
        return text if truth else ""  # "not true" stays; "not sure" is nothing
    if len(kept) > 1 and len({name_form(core).compact for _, _, core in kept}) == 1:
        return kept[0][2]  # "Phobos, Phobos, Phobos!", "2 (two)"
    if text == statement and not rewritten and len(kept) == clauses:
        return statement
    return "".join(
        (separator if index else "") + segment for index, (separator, segment, _) in enumerate(kept)
    )


def _closed_clause_claim(statement: str, body: str, *, truth: bool) -> str | None:
    """`own_claim` of a statement closed by "!" or "?" that is one clause; else None.

    ``body`` is the statement before its closing marks. When it has no clause boundary,
    ping or doubt, the reading clause by clause has that one clause to read: it is kept
    whole, rewritten as what it describes, or dropped (ruled out, reported or withdrawn);
    quoted, it is still the player's own: no other answer stands beside it.
    """
    if "@" in statement:
        return None
    if _UNSURE_GATE.search(statement) or _CLAUSE_GATE.search(body):
        return None
    dropped = statement if truth else ""
    if not _WORD.search(body):
        return dropped
    core = body.strip(_CORE_WRAPPING)
    if not truth:
        core = _strip_filler(core, False)
    if not _WORD.search(core):
        return dropped
    if not truth and core[:1] in _WITHDRAWN_FIRST and _WITHDRAWN.match(core):
        return dropped
    if _is_ruled_out(core):
        return dropped
    described = _IS_A.match(core) if _may_describe(core) else None
    if described and not _NOT_A_SUBJECT.match(described[1]):
        return described[1]
    return statement


def clauses(statement: str) -> list[str]:
    """The clauses of a statement, as `own_claim` parts them, that have any word.

    Args:
        statement: Cleaned text of the player's claim.

    Returns:
        The clauses, stripped, in order.
    """
    parts = split_clauses(statement)[0::2]
    return [part.strip() for part in parts if _WORD.search(part)]


def without_restated(statement: str, given: frozenset[str]) -> str:
    """A statement without the clauses that only restate numbers the question gives.

    "two, but only one is alive" for "There are ___ aliens ... but only one is alive":
    "only one is alive" says again what the question says; it is no second number. A
    clause of numbers alone ("2, 1") is an alternative, never a restatement.

    Args:
        statement: Cleaned text of the player's claim.
        given: The numbers the question states, as digits.

    Returns:
        The statement's other clauses, joined as they were; the statement itself when
        nothing, or everything, would be dropped.
    """
    parts = split_clauses(statement)
    segments, separators = parts[0::2], ["", *parts[1::2]]
    kept: list[str] = []
    for separator, segment in zip(separators, segments, strict=True):
        form = name_form(segment)
        restated = form.numbers and form.letters and set(form.numbers) <= given
        if not restated:
            kept.append(separator + segment if kept else segment)
    if not kept or len(kept) == len(segments):
        return statement
    return "".join(kept)


def without_repeats(text: str) -> str:
    """Text said several times over, said once ("Phobos Phobos Phobos" is "Phobos").

    Args:
        text: Cleaned text of one candidate.

    Returns:
        The repeated part, or the text unchanged.
    """
    repeated = _REPEATED_WORDS.fullmatch(text)
    return repeated[1] if repeated else text


# Words that carry no answer of their own, wherever they stand around one ("omg venus
# fr", "going with C", "venus is my answer"). No number, name, negation or "or" is here.
_CHAT_WORDS_TEXT = (
    "lol lolol lool lmao lmfao rofl haha hahaha hah heh hehe xd xdd omg omfg wtf ffs oof ugh "
    "ty thx tysm thanks m mm all "
    "yay woo woohoo wow bro bruh dude man mate fam guys yall everyone team fr frfr tbh ngl "
    "imo imho idk cap pls plz please obv obvs obviously def defo definitely duh ez easy gg wp "
    "gj nice cool ok okay yes yeah yea yep yup ya sure yo hey hi hmm hm hmmm uh uhh um "
    "umm er erm well so ah ahh oh ooh aha alright right correct i im ive ill id me my mine "
    "its it is was be been being must has have had to gotta should would could might will "
    "shall can may that this thing the an answer answers answering guess guessing "
    "final go going gonna goin with say saying said think thinking thought believe bet "
    "reckon suppose pretty fairly really very quite so kinda sorta like just simply totally "
    "absolutely literally clearly surely certainly probably maybe perhaps of course ofc know "
    "knew remember recall got get try time lets let us we pick picking choose "
    "choosing vote voting for want wanna tell you u ya sure thats what whats wait hold on "
    "ready here there too hard tough question lucky hope hopefully fingers crossed "
    "smile heart star rocket fire eyes thinking face joy on in at from by set takes place "
    "located directed made written wrote played starring called named they theyre he she "
    "hes shes we go goes went travel travels traveled travelled fly flies flew land lands "
    "landed where based novel book books film movie story writer author director novelist "
    "polish russian soviet american german czech crew cosmonauts astronauts expedition "
    "heroes ship visit visits there guy money if remember correctly recall iirc planet moon "
    "year place country character actor actress role about around circa sometime his her "
    "their brother sister wife husband son daughter father mother reused reuse used use uses "
    "ended end up into out adapted adaptation adapts footage plays portrayed portrays starred "
    "stars co producer produced later earlier other another same original also did does do "
    "him who whom whose went gone came come released premiered came out version first next "
    "question clap kekw pog poggers xoxo brb afk welp meh peasy spam sorry lmaoo haha hahah "
    "confident convinced followed follows follow continued continues continuation sequel "
    "prequel after before ukrainian georgian hungarian bulgarian romanian british french "
    "italian japanese estonian latvian lithuanian armenian belarusian yugoslav scifi sci fi"
)
# Single letters are options of multiple choice; number words are answers.
CHAT_WORDS = frozenset(_CHAT_WORDS_TEXT.split()) - {"a", "b", "c", "d", "one", "first"}
# Chat too when the answer is no number and no option letter is at stake: "the first film
# was Moscow-Cassiopeia", "released a year later".
PLAIN_CHAT_WORDS = frozenset({"a", "first", "second", "third", "last", "next", "one"})
_EMOTICON = re.compile(r"<3+|(?<=!)1[!1]*")
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_TWICE_IN_A_ROW = re.compile(r"(.)\1", re.DOTALL)
MAX_CHAT_TOKENS = 24


def answer_spans(
    statement: str,
    context: frozenset[str] = frozenset(),
    keep: frozenset[str] = frozenset(),
    also: frozenset[str] = frozenset(),
) -> list[str]:
    """Stretches of a statement that could be its answer, all else being chat.

    The stretch must cover every word that is not chat ("omg venus fr" gives "venus";
    "venus express lol" gives "venus express"), so nothing else the player said is lost.
    Words of the question count as chat: a player may say the answer in a sentence that
    repeats it ("Planeta Bur is set on Venus").

    Args:
        statement: Cleaned text of the player's claim.
        context: Words of the question, as `read_words` gives them.
        keep: Words that are never chat here: the answer's own ("The Astronauts").
        also: More words that are chat here (see `PLAIN_CHAT_WORDS`).

    Returns:
        The stretches, shortest first; empty when every word is chat or there are too many.
    """
    said = statement
    if "<3" in statement or "!1" in statement:
        statement = _EMOTICON.sub(" ", statement).strip()  # "venus <3", "venus!!1!"
    tokens = list(_TOKEN.finditer(statement))
    if len(tokens) > MAX_CHAT_TOKENS:
        return []
    words = [token[0].removesuffix("'s").replace("'", "") for token in tokens]

    def is_chat(word: str) -> bool:
        return word not in keep and (word in CHAT_WORDS or word in context or word in also)

    # "lmaooo", "sooo", "hmmmm": a letter drawn out is said once (a word with no letter
    # twice in a row is said once already).
    content = [
        i
        for i, word in enumerate(words)
        if not is_chat(word)
        and (
            not _TWICE_IN_A_ROW.search(word)
            or not is_chat("".join(letter for letter, _ in groupby(word)))
        )
    ]
    if not content or (len(content) == len(tokens) and statement == said):
        return []
    first, last = content[0], content[-1]
    reach = last - first + 2
    # Each edge of a stretch is tested once, not once for every stretch it bounds.
    starts = [
        start
        for start in range(first, max(-1, last - reach - 1), -1)
        if not _after_given_name(statement, tokens, start)
    ]
    ends = range(last, min(len(tokens), first + reach + 1))
    ends_ok = {e for e in ends if not _before_surname(statement, tokens, e)}
    spans = [
        statement[tokens[start].start() : tokens[end].end()]
        for start in starts
        for end in ends
        if end - start <= reach and end in ends_ok
    ]
    return sorted(set(spans), key=len)


def _before_surname(statement: str, tokens: list[re.Match[str]], end: int) -> bool:
    """Whether a stretch and the word after it, with only a space between, name someone.

    A given name then a surname ("Tanya Gordeichik" is no Tanya the answer names, though
    the question names Larisa Gordeichik), or a surname then a given name ("Borisenko
    Andrei" is no Borisenko the answer names).
    """
    if end + 1 >= len(tokens):
        return False
    after = tokens[end + 1]
    joined = statement[tokens[end].end() : after.start()].isspace()
    if not joined or not after[0].isalpha() or after[0] in CHAT_WORDS:
        return False
    # "Tanya Gordeichik", or a surname first: "Borisenko Andrei".
    return fold_spelling(tokens[end][0].replace("'", "")) in given_names() or (
        fold_spelling(after[0]) in given_names()
    )


def _after_given_name(statement: str, tokens: list[re.Match[str]], start: int) -> bool:
    """Whether a stretch follows a given name with only a space between, or an initial.

    It is then the surname of whoever that names ("Mikhail Koberidze" is not "Koberidze").
    """
    if start == 0:
        return False
    before = tokens[start - 1]
    between = statement[before.end() : tokens[start].start()]
    if len(before[0]) == 1 and between.strip() == ".":
        return True  # an initial: "A. Leonov" is not any Leonov
    return between.isspace() and fold_spelling(before[0].replace("'", "")) in given_names()
