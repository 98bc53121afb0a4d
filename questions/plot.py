"""Plot facts without per-film relations: a story sentence corroborated by a synopsis.

A document's plot sentence names a key entity (a planet or moon, a character, a number, or
a thing such as "an emergency ship"). It is corroborated when a sentence of a cited synopsis
of the same film names the same key and shares enough of the sentence's other content words
(compared by the first letters of their dictionary form, so "lands" meets "landing" and
"found" meets "find"). The verified sentence becomes a cloze question: the key is blanked
out and asked for.
"""

from __future__ import annotations

import collections
import difflib
import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TypeVar

import lemminflect
import simplemma

from questions.catalogue import Catalogue
from questions.discourse import ends_with_abbreviation
from questions.mentions import DEMONYMS, NUMBER_WORDS, TITLES
from questions.names import name_key, plain

T = TypeVar("T")

STEM = 5  # letters compared per word
MIN_SHARED = 2  # content words a synopsis sentence must share besides the key
LONG = 10  # a statement of this many content words must share one more
THING_NEAR = 3  # around a thing named by common words, this many words must all be told
RARE = 5  # a thing the synopses of more films than this tell is too common to ask about
NEAR = 5  # one of them within this many words of the key, in both sentences
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
_STOP = frozenset(
    [
        "the",
        "and",
        "but",
        "for",
        "with",
        "from",
        "that",
        "this",
        "these",
        "those",
        "they",
        "them",
        "their",
        "there",
        "then",
        "than",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "what",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "about",
        "after",
        "before",
        "again",
        "also",
        "just",
        "very",
        "more",
        "most",
        "some",
        "such",
        "other",
        "another",
        "each",
        "every",
        "either",
        "neither",
        "not",
        "nor",
        "can",
        "cannot",
        "could",
        "would",
        "should",
        "will",
        "shall",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "having",
        "was",
        "were",
        "are",
        "been",
        "being",
        "its",
        "it's",
        "his",
        "her",
        "hers",
        "him",
        "she",
        "he",
        "film",
        "movie",
        "story",
        "plot",
        "page",
        "calls",
        "called",
        "named",
        "name",
        "known",
        "does",
        "did",
        "done",
        "make",
        "made",
        "makes",
        "get",
        "gets",
        "got",
        "out",
        "off",
        "all",
        "any",
        "now",
        "how",
        "why",
        "our",
        "your",
        "you",
        "yet",
        "still",
        "even",
        "much",
        "many",
        "here",
        "however",
        "because",
        "since",
        "until",
        "though",
        "although",
        "soon",
        "later",
    ]
)
_WORDS_BY_NUMBER = {v: k for k, v in NUMBER_WORDS.items() if k not in {"both", "pair", "trio"}}


# Words a story is told with interchangeably: each dictionary form with the one word its
# group is compared as ("disappear" and "vanish" meet; "a cat" and "a dog" do not).
_SAME_MEANING = {
    word: group[0]
    for group in (
        ("vanish", "disappear"),  # ("disappear" cut short would meet "disappoint")
        ("find", "discover"),  # ("discover" cut short would meet "disconnect")
        ("starship", "spaceship", "spacecraft"),  # ("starship": not "space" cut short)
        ("alien", "extraterrestrial"),
        ("world", "planet"),  # ("planet" cut short would meet "plane")
        ("huge", "giant", "enormous", "gigantic", "vast", "big", "large"),
        ("small", "little", "tiny"),
        ("rescue", "save"),
        ("kill", "murder"),
        ("die", "perish"),
        ("begin", "start"),
        ("try", "attempt"),
        ("help", "aid", "assist"),
    )
    for word in group
}


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A word's dictionary form cut to :data:`STEM` letters ("found" and "finds" meet).

    Words of one meaning are one form (:data:`_SAME_MEANING`: "vanishes" meets "disappear").
    """
    lemma = str(simplemma.lemmatize(word, lang="en"))
    return _SAME_MEANING.get(lemma, lemma)[:STEM]


def stems(text: str, leave_out: Iterable[str] = ()) -> set[str]:
    """Content-word stems of ``text``, without the words of ``leave_out``."""
    skip = _words_of(tuple(leave_out))
    return {stem for word, stem in _content_words(text) if word not in skip}


@functools.lru_cache(maxsize=16384)
def story_grams(text: str) -> frozenset[tuple[str, ...]]:
    """Every run of one to three content words of ``text`` (within a clause), as stems."""
    found: set[tuple[str, ...]] = set()
    for part in _PUNCTUATION.split(text):
        run = [None if w in _STOP or len(w) < 3 else _stem(w) for w in plain(part).split()]
        for at in range(len(run)):
            for size in (1, 2, 3):
                gram = run[at : at + size]
                if len(gram) == size and None not in gram:
                    found.add(tuple(str(g) for g in gram))
    return frozenset(found)


_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^A-Za-z]*$")
# Words that open a noun phrase: after them a word that may be a verb is a noun ("a call").
_INTRODUCING = frozenset(
    [
        "a",
        "an",
        "the",
        "some",
        "any",
        "no",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "this",
        "that",
        "these",
        "those",
        "another",
        "each",
        "every",
        "several",
        "many",
        "few",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "of",
        "with",
        "in",
        "on",
        "at",
        "to",
        "from",
        "into",
        "onto",
        "by",
        "for",
        "under",
        "inside",
        "aboard",
        "about",
        "like",
        "without",
        "through",
    ]
)
# Nouns of time say when, mostly when the writer watched: "last night", "one evening".
# Nouns of the making and showing of a film, not of its story: "the cast", "the dubbing".
_MAKING = frozenset(
    [
        "cast",
        "casting",
        "director",
        "directors",
        "score",
        "music",
        "soundtrack",
        "footage",
        "version",
        "versions",
        "scene",
        "scenes",
        "screen",
        "screenplay",
        "script",
        "studio",
        "actor",
        "actors",
        "actress",
        "role",
        "roles",
        "sequel",
        "remake",
        "novel",
        "book",
        "title",
        "titles",
        "credits",
        "shot",
        "shots",
        "effects",
        "budget",
        "release",
        "audience",
        "audiences",
        "viewers",
        "print",
        "copy",
        "dub",
        "dubbing",
        "cut",
        "cuts",
        "edit",
        "re-edit",
        "festival",
        "programme",
        "cinema",
        "picture",
        "production",
        "producer",
        "series",
        "episode",
        "episodes",
        "serial",
        "trailer",
        "dvd",
        "review",
        "critics",
    ]
)
_WHEN = frozenset(
    [
        "night",
        "nights",
        "day",
        "days",
        "week",
        "weeks",
        "evening",
        "morning",
        "afternoon",
        "today",
        "tonight",
        "moment",
        "time",
        "times",
        "while",
    ]
)


class StoryIndex:
    """What the synopses of each film tell, and how many films tell each thing.

    Runs of content words, as stems: what makes a thing of a story specific enough to ask.
    """

    def __init__(self, synopses: Mapping[str, Sequence[str]]) -> None:
        self._texts = synopses
        self._grams: dict[str, frozenset[tuple[str, ...]]] = {}
        self._spread: collections.Counter[tuple[str, ...]] | None = None

    def grams(self, film: str) -> frozenset[tuple[str, ...]]:
        """The runs the synopses of ``film`` tell (as stems; empty without a synopsis)."""
        found = self._grams.get(film)
        if found is None:
            found = self._grams[film] = story_grams(" ".join(self._texts.get(film, ())))
        return found

    def spread(self, gram: tuple[str, ...]) -> int:
        """How many films' synopses tell ``gram``."""
        if self._spread is None:
            self._spread = collections.Counter(g for f in self._texts for g in self.grams(f))
        return self._spread[gram]

    def specific(self, film: str, thing: str) -> bool:
        """Whether ``thing`` (common words) is told of ``film`` and of few other films."""
        gram = tuple(_stem(w) for w in plain(thing).split() if w not in _STOP)
        return bool(gram) and gram in self.grams(film) and self.spread(gram) <= RARE


def story_index(catalogue: Catalogue) -> StoryIndex:
    """The catalogue's :class:`StoryIndex`, made once per catalogue."""
    return catalogue.derived(
        "story index",
        lambda c: StoryIndex({f: tuple(s.text for s in ss) for f, ss in c.synopses.items()}),
    )


_PUNCTUATION = re.compile(r"[.,;:!?()\[\]“”\"—–]|\s-\s")
_STORY_WORD = re.compile(r"(?<![A-Za-z])[a-z][a-z-]*[a-z](?![A-Za-z])")


@functools.lru_cache(maxsize=16384)
def _known_readings(word: str) -> frozenset[str]:
    """The parts of speech the dictionary knows ``word`` as (none for a word it lacks)."""
    return frozenset(lemminflect.getAllLemmas(word))


def adjective(word: str) -> bool:
    """Whether the dictionary knows lower-case ``word`` as an adjective ("martian")."""
    return "ADJ" in _known_readings(word)


def only_adjective(word: str) -> bool:
    """Whether lower-case ``word`` is an adjective and never a verb ("mysterious")."""
    readings = _known_readings(word)
    return "ADJ" in readings and "VERB" not in readings


def is_verb(word: str) -> bool:
    """Whether the dictionary knows lower-case ``word`` as a verb ("remains", "opens")."""
    return "VERB" in _known_readings(word)


_A_NOUN = frozenset(["NOUN"])


def _readings(word: str) -> frozenset[str]:
    """The parts of speech a word may be (its dictionary's readings: NOUN, VERB, ADJ ...).

    A word the dictionary lacks is read as a noun: "pepelats", "translocation".
    """
    return _known_readings(word) or _A_NOUN


def leading_word(word: str) -> bool:
    """Whether ``word`` is an adverb or a preposition, never a name ("Aboard", "Later")."""
    return bool(_readings(word.lower()) & {"ADV", "ADP", "SCONJ", "CCONJ", "DET", "PRON"})


def _head(word: str) -> bool:
    """Whether ``word`` may end a noun phrase.

    A noun that is never an adverb ("stays behind") nor an adjective ("knocks the crew
    unconscious").
    """
    readings = _readings(word)
    return "NOUN" in readings and not readings & {"ADV", "ADJ"}


def _modifier(word: str) -> bool:
    """Whether ``word`` may stand before a noun in its phrase.

    An adjective, or a noun that is no plural or third-person verb ("a time machine", not
    "stays behind").
    """
    readings = _readings(word)
    return len(word) >= 3 and ("ADJ" in readings or ("NOUN" in readings and not word.endswith("s")))


def describing_word(word: str) -> bool:
    """Whether lower-case ``word`` may describe a noun.

    An adjective, or a word the dictionary lacks ("two-part"); not a word that is only a verb
    or a noun ("released", "company").
    """
    if word in _STOP:
        return False  # "with", "of", "the": no describing word, though the dictionary lacks it
    readings = _readings(word)
    return "ADJ" in readings or not lemminflect.getAllLemmas(word)


def noun_phrase(words: Sequence[str]) -> bool:
    """Whether lower-case ``words`` may make one noun phrase.

    A noun at the end, nouns or adjectives before it, and no verb after a noun ("the ship
    drifts", "an avalanche cuts").
    """
    if not words or not _head(words[-1]) or not all(_modifier(w) for w in words[:-1]):
        return False
    last = words[-1]
    return not (
        len(words) > 1
        and last.endswith("s")
        and "VERB" in _readings(last)
        and "ADJ" not in _readings(words[-2])
    )


def story_things(
    quote: str,
    told: frozenset[tuple[str, ...]],
    spread: Callable[[tuple[str, ...]], int],
) -> list[tuple[int, int]]:
    """Spans of things a story sentence names in common words its film's synopses tell.

    "a dark star", "nuclear weapons", "the briefcase".

    A thing is a run of up to three lower-case words ending on a noun where its noun phrase
    ends, each word before it a noun or an adjective, the longest run the synopses tell
    (``told``: the runs of the film's synopses, as stems). Things the synopses of more than
    :data:`RARE` films tell (``spread``) are too common to ask about: "the crew", "a planet".
    """
    words = [
        (m.start(), m.end(), w) for m in _STORY_WORD.finditer(quote) if (w := m[0]) not in _STOP
    ]
    found: list[tuple[int, int]] = []
    for at, (_, end, word) in enumerate(words):
        if (
            len(word) < 3
            or (_stem(word),) not in told  # every run the synopses tell ends on a word
            or word in _WHEN
            or word in _MAKING
            or not _head(word)
        ):
            continue
        if at + 1 < len(words):
            following = words[at + 1]
            if (
                quote[end : following[0]].strip(" -") == ""
                and _modifier(word)
                and _head(following[2])
            ):
                continue  # the phrase goes on: "dark star" is asked, not "dark"
        start = at
        while (
            start > 0
            and at - start < 2
            and quote[words[start - 1][1] : words[start][0]].strip(" -") == ""
            and _modifier(words[start - 1][2])
        ):
            start -= 1
        verb = "VERB" in _readings(word)
        for first in range(start, at + 1):
            run = [w[2] for w in words[first : at + 1]]
            if verb:
                begins = words[first][0]
                before = _WORD_BEFORE.search(quote[max(0, begins - 40) : begins])
                if before is None or before[1].lower() not in _INTRODUCING:
                    continue  # "the ship drifts": a verb, unless a determiner makes it a noun
            gram = tuple(_stem(w) for w in run)
            if gram in told and spread(gram) <= RARE and noun_phrase(run):
                found.append((words[first][0], end))
                break
    return found


@functools.lru_cache(maxsize=16384)  # a synopsis sentence is read again for every claim
def _content_words(text: str) -> tuple[tuple[str, str], ...]:
    """(word, stem) of each content word of ``text``: a quote is asked about once per key."""
    return tuple((w, _stem(w)) for w in plain(text).split() if len(w) > 2 and w not in _STOP)


def _heads(text: str) -> frozenset[str]:
    """The stems of the nouns the two-noun words of ``text`` end on: a spaceship is a ship.

    Read in a synopsis only: a story sentence's "ship" is told by its "spaceship", but its
    "sandstorm" is not told by a "solar storm"; and only in words written in lower case (the
    ship "Homeland" tells no landing).
    """
    return frozenset(
        _stem(head)
        for w in re.findall(r"\b[a-z]+\b", text)
        if (head := _compound_head(w)) is not None
    )


@functools.lru_cache(maxsize=65536)
def _compound_head(word: str) -> str | None:
    """The noun a closed compound ends on ("ship" of "spaceship"), if it is one."""
    word = str(simplemma.lemmatize(word, lang="en"))  # ("messages": "message", no "ages")
    if len(word) < 8 or not word.isalpha() or "NOUN" not in _readings(word):
        return None
    for at in range(4, len(word) - 3):
        first, last = word[:at], word[at:]
        if (
            last not in _STOP
            and first not in _STOP
            and simplemma.is_known(first, lang="en")
            and simplemma.is_known(last, lang="en")
            and "NOUN" in _known_readings(first)
            and "NOUN" in _known_readings(last)
        ):
            return last
    return None


@functools.lru_cache(maxsize=4096)
def _words_of(names: tuple[str, ...]) -> frozenset[str]:
    """The plain words of ``names`` (a film's titles and related names, asked for per claim)."""
    return frozenset(w for name in names for w in plain(name).split())


def spellings(names: Sequence[str]) -> tuple[str, ...]:
    """Every way a key may be written: a number as digits and as a word."""
    return _spellings(tuple(names))


@functools.lru_cache(maxsize=4096)
def _spellings(names: tuple[str, ...]) -> tuple[str, ...]:
    found = list(names)
    for name in names:
        if name.isdigit() and int(name) in _WORDS_BY_NUMBER:
            found.append(_WORDS_BY_NUMBER[int(name)])
        elif name.lower() in NUMBER_WORDS:
            found.append(str(NUMBER_WORDS[name.lower()]))
    return tuple(dict.fromkeys(found))


_ENDING = re.compile(r"(?<=[aeiou])i\b")
# A mark between digits: "2,200" is one number, not the 2 and the 200 of another count;
# "1.5" is neither 1 nor 5
_DIGITS_JOINED = re.compile(r"(?<=\d)[,.](?=\d)")


def _one_number(mark: re.Match[str]) -> str:
    follows = mark.string[mark.end() : mark.end() + 4]
    return "" if mark[0] == "," and re.fullmatch(r"\d{3}\D?", follows) else "x"


def _numbers_joined(text: str) -> str:
    """``text`` with each number one word ("2,200" as "2200", "1.5" as "1x5")."""
    return _DIGITS_JOINED.sub(_one_number, text) if _DIGIT.search(text) else text


@functools.lru_cache(maxsize=16384)
def _folded(text: str) -> str:
    """The name key of ``text``, Russian endings folded ("Andrei", "Andrey"), padded.

    Padded with spaces for whole-word tests; remembered, since synopses are asked often.
    """
    return f" {_ENDING.sub('y', name_key(_numbers_joined(text)))} "


def _parts(names: Sequence[str]) -> tuple[str, ...]:
    """Every spelling of a key, and the first name and surname of a two-word name."""
    return _parts_of(tuple(names))


@functools.lru_cache(maxsize=4096)
def _parts_of(names: tuple[str, ...]) -> tuple[str, ...]:
    found = list(spellings(names))
    for name in spellings(names):
        words = name.split()
        if len(words) == 2 and name[:1].isupper() and not name.lower().startswith("the "):
            # (not a title: "Captain Buran" is not named by "the captain")
            found += [w for w in words if len(w) >= 4 and w.lower() not in TITLES]
    return tuple(dict.fromkeys(found))


def names_in(text: str, names: Sequence[str]) -> bool:
    """Whether ``text`` names one of ``names`` as whole words (any script or spelling).

    A person or character is also named by the first name or the surname alone.
    """
    return _names_in_folded(_folded(text), names)


def _names_in_folded(key: str, names: Sequence[str]) -> bool:
    return any(w in key for w in _wanted(tuple(names)))


@functools.lru_cache(maxsize=4096)
def _wanted(names: tuple[str, ...]) -> tuple[str, ...]:
    """The padded keys of every part of ``names`` (made once, looked for in many sentences)."""
    return tuple(dict.fromkeys(_folded(n) for n in _parts(names) if _folded(n) != "  "))


_LIST_CUT = re.compile(r",\s+|;\s+|:\s+|\s+[–—]\s+")


def key_clause(sentence: str, names: Sequence[str]) -> str:
    """The part of ``sentence`` that speaks of the key, up to the next comma or semicolon.

    "Olaf is found dead, Hinckus is tied to his bed": what is said of Hinckus is that he
    is tied to his bed. A part too short to say anything ("Hinckus, the alpinist, is ...")
    runs on into the next ones until it holds three words besides the key.
    """
    return _key_clause(sentence, tuple(names))


@functools.lru_cache(maxsize=16384)  # a synopsis sentence is asked about for many claims
def _key_clause(sentence: str, names: tuple[str, ...]) -> str:
    pieces = _LIST_CUT.split(sentence)
    for at, piece in enumerate(pieces):
        if names_in(piece, names):
            clause = piece
            for more in pieces[at + 1 :]:
                if len(stems(clause, names)) >= 3:
                    break
                clause = f"{clause}, {more}"
            if at > 0 and len(stems(clause, names)) < 3:
                clause = f"{pieces[at - 1]}, {clause}"  # "... find, on Phobos, ..."
            return clause
    return sentence


_BELONGED = re.compile(
    r"\b(?P<n>[a-z][\w-]+),?\s+(?:that|which|who)\s+(?:once\s+|had\s+)?(?:belonged|belongs)\s+to"
    r"\s+(?:the\s+|his\s+|her\s+)?(?:[a-z][\w-]*\s+){0,2}(?P<k>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)"
)


def _belonging(quote: str, keys: Sequence[str]) -> str:
    """The stem of the thing ``quote`` says belonged to the key, or "" when it says none.

    "A bird that once belonged to the missing Captain Kim": "bird".
    """
    for found in _BELONGED.finditer(quote):
        if names_in(found["k"], keys):
            return _stem(found["n"])
    return ""


# The auxiliary and modal verbs: "is", "has", "can" ...
AUXILIARIES = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
    }
)
# Verbs that say nothing of their own beside the key
_EMPTY_VERBS = AUXILIARIES | {"gets", "got", "get", "becomes", "became", "seems", "seemed"}
_ARTICLES = frozenset({"a", "an", "the", "his", "her", "their", "its"})
_MODAL = r"(?:(?:can|could|will|would|must|may|might|does|did)\s+)?"
_THEN_ADVERB = r"(?:(?:also|then|now|soon|finally|quickly|secretly|only|still|even|just|later)\s+)?"


def _done_by_another(
    quote: str, keys: Sequence[str], characters: Sequence[str], texts: tuple[str, ...]
) -> bool:
    """Whether the synopses tell what the key character does of someone else only.

    "Ivan stays behind" where a synopsis has "Andrei volunteers to stay behind" and none has
    Ivan staying behind: the sentence swapped who does it. The verb right after the key
    (perhaps after an adverb or "can"), with the word after it, is looked for in every
    synopsis sentence, and the characters named within the six words before it do it.
    """
    if not names_in(" ".join(keys), characters):
        return False
    acting = None
    for key in _parts(tuple(keys)):
        found = re.search(
            r"\b" + re.escape(key) + r"\s+" + _THEN_ADVERB + _MODAL + r"([a-z]+)\s+"
            r"(?:(?:a|an|the|his|her|their|its)\s+)?([a-z]+)\b",
            quote,
        )
        if (
            found is not None
            and found[1] not in _EMPTY_VERBS
            and "VERB" in lemminflect.getAllLemmas(found[1])
        ):
            acting = (_stem(found[1]), found[2])
            break
    if acting is None:
        return False
    key_stems = stems(" ".join(_parts(tuple(keys))))
    other_stems = {
        stem for name in characters if not names_in(name, keys) for stem in stems(name)
    } - key_stems
    of_key = of_other = False
    for _, sentence, _, _ in _prepared(texts)[1]:
        words = [w for w in plain(sentence).split() if w not in _ARTICLES]
        for at in range(len(words) - 1):
            if words[at + 1] != acting[1] or _stem(words[at]) != acting[0]:
                continue
            # ("Ren and captain Ola have to stay behind": each of them stays)
            before = {_stem(w) for w in words[max(0, at - 6) : at]}
            if before & key_stems:
                of_key = True
            elif before & other_stems:
                of_other = True
    return of_other and not of_key


def _done_by(quote: str, name: str) -> str | None:
    """The verb of a passive whose doer is ``name``: "created" in "were created by Turanchoks".

    A synopsis sentence that names the doer but not what they did tells another moment.
    """
    if not name[:1].isupper():
        return None
    found = re.search(r"\b([a-z]+(?:ed|en|wn|ght|lt))\s+by\s+(?:the\s+)?" + re.escape(name), quote)
    return found[1] if found is not None and found[1] not in _EMPTY_VERBS else None


def _key_piece(sentence: str, names: Sequence[str]) -> str:
    """The words of ``sentence`` around the key up to the nearest commas or semicolons."""
    return next((p for p in _LIST_CUT.split(sentence) if names_in(p, names)), "")


_TITLED = frozenset(["academician", "engineer", "uncle", "aunt", "comrade", "pilot"])


def names_another(sentence: str, names: Sequence[str]) -> bool:
    """Whether ``sentence`` names a key's first or last word only as part of another name.

    "Alpha Centauri" is not told by "the star Alpha Cassiopeia", nor "Andrei Sayenko" by
    "Andrei Rublev": the word beside the shared one is a different name.
    """
    folded = _folded(sentence)
    for name in spellings(names):
        words = name.split()
        if len(words) != 2 or _folded(name) in folded:
            continue
        first, last = map(re.escape, words)
        # a pattern is made for a word only when the sentence holds it (most do not)
        after = re.findall(rf"\b{first}\s+([A-Z]\w+)", sentence) if words[0] in sentence else []
        before = (
            re.findall(rf"\b([A-Z]\w+)\.?\s+{last}\b", sentence) if words[1] in sentence else []
        )
        before = [w for w in before if name_key(w) not in TITLES | _TITLED]  # "Inspector"
        if any(w != words[1] for w in after) or any(w != words[0] for w in before):
            return True
    return False


_CAPITALISED = re.compile(r"[A-Z][\w'’-]+")
# Words for a people or a language ("the Japanese doctor"): they describe, they name nothing.
_DESCRIBING = re.compile(
    r"\w+(?:ian|ians|ese|ish)$|(?:Soviet|American|Russian|German|Polish|Czech|Slovak|Martian"
    r"|Ukrainian|African|European|Asian|Korean|Mexican|Cuban|Indian|Chinese|Japanese)$"
)
_NUMBER_NAMES = tuple(k for k in NUMBER_WORDS if k not in {"both", "pair", "one"})
_NUMBERS = re.compile(
    r"\b(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+\.\d+|\d+(?:st|nd|rd|th)?|"
    + "|".join(_NUMBER_NAMES)
    + r")\b"
)
_DIGIT = re.compile(r"\d")


def named_things(quote: str, leave_out: Sequence[str] = (), numbers: bool = True) -> list[str]:
    """Names (and ``numbers``) a sentence states, but its first word and ``leave_out``'s."""
    skip = _words_of(tuple(leave_out))
    if numbers:
        return _named_but(quote, (skip, _NOTHING))
    return [word for word, key in _names_stated(quote) if key not in skip]


def _named_but(quote: str, skips: tuple[frozenset[str], frozenset[str]]) -> list[str]:
    """:func:`named_things` without the words of either of ``skips``.

    Words of two lists of names, each remembered on its own: a film's long list of related
    names is not read again with every key added to it.
    """
    first, second = skips
    found = [w for w, key in _names_stated(quote) if key not in first and key not in second]
    return found + [n for n in _numbers_stated(quote) if n not in first and n not in second]


_NEVER_NAMED = frozenset(["i", "earth"])
_OPENING_MARKS = frozenset(" “\"'‘*_")
_NOTHING: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=16384)
def _names_stated(quote: str) -> tuple[tuple[str, str], ...]:
    """(name, its plain form) of every name ``quote`` states but its first word.

    Remembered: a quote is asked about once for each of its keys and each of its clauses.
    """
    found = []
    for match in _CAPITALISED.finditer(quote):
        # the last mark before the word, quotes and emphasis aside (not a copy of the text
        # before it for each word: long sentences name many)
        at = match.start()
        while at and quote[at - 1] in _OPENING_MARKS:
            at -= 1
        if (not at or quote[at - 1] in ".!?:") and _english(match[0]):
            continue  # capitalised because it opens a sentence ("Simonet is ..." names him)
        if _DESCRIBING.match(match[0]) and re.match(r"\s+[a-z]", quote[match.end() :]):
            continue  # "the Japanese doctor", "Soviet spaceships": describes, names nothing
        if _FIRST_PERSON.fullmatch(match[0]):
            continue  # "as I've said": the writer, no name
        word = _POSSESSIVE_END.sub("", match[0])
        key = plain(word)
        if key in DEMONYMS or (key.endswith("s") and key[:-1] in DEMONYMS):
            continue  # "the cosmonauts become Americans": a people, not a name to tell
        if key not in _NEVER_NAMED and key not in _STOP and key not in TITLES:
            found.append((word, key))  # ("Mr", "Captain": a title names no one by itself)
    return tuple(found)


_POSSESSIVE_END = re.compile(r"['’]s?$")
_FIRST_PERSON = re.compile(r"I['’](?:m|d|ve|ll)")  # "I'm", "I'd", "I've", "I'll"


def _english(words: str) -> bool:
    """Whether a capitalised run opens on an English word.

    Else it is a name wherever it stands: "Olaf", "Simonet".
    """
    return not opens_on_name(_POSSESSIVE_END.sub("", words.split()[0]))


def opens_on_name(word: str) -> bool:
    """Whether ``word``, capitalised because it opens a sentence, is a name all the same.

    A word of three letters or more that is no English word: "Olaf is found dead."
    """
    return word.isalpha() and len(word) >= 3 and not simplemma.is_known(word.lower(), lang="en")


@functools.lru_cache(maxsize=16384)
def _numbers_stated(quote: str) -> tuple[str, ...]:
    lowered = quote.lower()
    # a number is a digit or one of the words: without either (most quotes), no scan
    if _DIGIT.search(lowered) is None and not any(w in lowered for w in _NUMBER_NAMES):
        return ()
    return tuple(
        n
        for m in _NUMBERS.finditer(lowered)
        if (n := m[0]) not in _NEVER_NAMED
        # ("the two of them": the people told before, not a count)
        and not (
            n in {"two", "2"}
            and _THE_N_OF_THEM.match(lowered, m.end())
            and lowered[: m.start()].endswith("the ")
        )
    )


_THE_N_OF_THEM = re.compile(r"\s+of\s+(?:them|us|you|those)\b")


def corroborate(
    quote: str,
    names: Sequence[str],
    synopses: Sequence[tuple[str, T]],
    known: Sequence[str] = (),
    characters: Sequence[str] = (),
    specific: bool = False,
    people: Sequence[Sequence[str]] = (),
) -> tuple[str, T] | None:
    """The synopsis sentence (and its source) that corroborates ``quote`` about ``names``.

    The sentence must name the key and share :data:`MIN_SHARED` content words with the
    quote besides it, one of them said near the key in both (so that three ships named in
    one breath do not confirm which one was destroyed); the one sharing most wins. Every
    other name or number the quote states must appear in the synopses as well (or in
    ``known``, the film's own titles): a sentence that adds a ship, a person or a count the
    synopses never mention is not corroborated, since its question would repeat it.
    ``people`` are the names of each of the film's characters: one the key's clause names
    ("the mathematician Anthony Hopkins") is told by any of them ("Anthony").
    """
    keys = spellings(names)
    texts = tuple(text for text, _ in synopses)
    everything, _ = _prepared(texts)
    for thing in _named_but(quote, (_words_of(tuple(known)), _words_of(_parts(keys)))):
        if name_key(thing) not in TITLES and not _told_in(everything, thing):
            return None  # (a title such as "Commander" may go untold)
    names_of_people = tuple(map(tuple, people))
    if described_as_another(quote, texts, names_of_people):
        return None  # "the Temer, the planet's original inhabitants" where those are the Turi
    identified = _identified(quote, keys, texts)
    if identified is not None:
        return identified[1], synopses[identified[0]][1]
    key_stems = stems(" ".join(_parts(keys)))
    wanted = stems(quote, keys)
    # Names say who, not what happens: one shared word at least must tell the event.
    events = stems(quote, (*keys, *named_things(quote, numbers=False)))
    # what the quote says of the key: the words near it and the rest of its clause (made
    # when a synopsis sentence first gets as far as asking: most claims stop before)
    around: set[str] | None = None
    own_piece: set[str] = set()  # the words of the key's own piece, made with ``around``
    belonging: str | None = None  # the stem of what the quote says is the key's ("" if none)
    timed = bool(_durations(_key_piece(quote, keys), spans=True))  # "is a full year away"
    # A key that is a thing ("a special nerve centre"), not a name, says little by itself,
    # unless few films' synopses tell it (``specific``: "a dark star", "the briefcase").
    common = all(n[:1].islower() for n in names) and not specific
    close: set[str] | None = None  # the words right around the key, made when asked
    # A long statement needs more of its words told than a short one.
    # (a long statement counted in its distinct words besides the key's)
    needed = MIN_SHARED + (len({w for w, _ in _content_words(quote)} - _words_of(keys)) >= LONG)
    # What the key's own clause names besides it must be said in the same synopsis
    # sentence: "leaving Masha in orbit aboard the Sirius" is not told by "leaving Masha
    # in orbit" in one sentence and "the Sirius" in another.
    clauses = _CLAUSE.split(quote)
    at = next((i for i, c in enumerate(clauses) if names_in(c, keys)), 0)
    own = clauses[at] if at == 0 else f"- {clauses[at]}"  # a later clause's first word counts
    opener = re.match(r"\W*([A-Z][\w-]*)(?!['’])", own)  # (not an owner: "Karin's rocket")
    if opener is not None and names_in(opener[1], characters):
        own = f"- {own}"  # ... and so does the first word that is one of the film's characters
    # ... the film's characters included: who does it is what a swap changes
    cast = _words_of(tuple(k for k in known if k not in characters))
    beside = [
        thing
        for thing in _named_but(own, (cast, _words_of(_parts(keys))))
        if name_key(thing) not in TITLES  # "Commander Brockman": the synopsis may say "Brockman"
    ]
    if at and _OWNED_BY_SOMEONE.search(own) and not any(names_in(t, characters) for t in beside):
        # "she hypnotises Tony, who is on guard, and drains his blood": whose it is, a
        # character an earlier clause names alone (the key's names none), is part of what
        # the key's clause tells
        earlier = _named_but(" ".join(clauses[:at]), (cast, _words_of(_parts(keys))))
        named = {t for t in earlier if names_in(t, characters) and not names_in(t, keys)}
        if len(named) == 1:
            beside += named
    # A sentence that ends on the object of a preposition ("laced with sand") ends on a
    # detail of its own: that word must be something the synopses tell, wherever they do.
    # ... and so is what kin its clause speaks of ("his small son")
    if _kin(own) and kin_otherwise(own, " ".join(texts)):  # (none told is otherwise too)
        return None
    # (what a verb does to, at the end of the key's own clause: "Moana leading women who
    # worship a giant lizard"; not another clause's credit, "and X wrote the score")
    ending = _detail_at_end(quote, objects=at == len(clauses) - 1)
    if ending is not None:
        named = {w for n in named_things(quote) for w in plain(n).split()}
        told = _told_stems(tuple(text for text, _ in synopses))
        if ending["w"] not in named and _stem(ending["w"]) not in told:
            return None
    best: tuple[int, str, T] | None = None
    others: list[str] | None = None  # the quote's other names, made when first asked
    beside_names = [_also_called(thing, names_of_people) for thing in beside]
    # who does something in the key's clause: its opening character, not only an owner there
    openers = {t for t in beside if _opens_clause(own, t)}
    doers = {t for t in openers if not _only_owner(own, t)}
    doing_keys = [
        k
        for k in _parts(keys)
        if k[:1].isupper() and _opens_clause(own, k) and not _only_owner(own, k)
    ]
    own_kin = _kin(own)
    if _done_by_another(quote, tuple(keys), tuple(characters), texts):
        return None  # "Ivan stays behind" where only Andrei stays behind in the synopses
    # "the clones were created by Turanchoks": who did it, and what, told together
    done_by = {
        _stem(verb)
        for thing in (*_parts(keys), *beside)
        if (verb := _done_by(own if thing in beside else quote, thing)) is not None
    }
    for index, sentence, folded, sentence_stems, previous in _naming(texts, keys):
        if not done_by <= sentence_stems:
            continue  # what was done by the key, or by someone its clause names, is not told
        # ... or, for a character, in the synopsis' sentence before, when this one speaks of
        # someone by a pronoun ("Kelvin arrives. He finds ...")
        # (one who does something is not told by the sentence naming them only as an owner:
        # "Laura's fiancé Allan flies the Meteor to Phobos" does not tell that Laura does)
        not_theirs = {t for t in doers if _only_owner(sentence, t)}
        if any(_only_owner(sentence, k) for k in doing_keys):
            continue  # the key itself: "Laura proposes ..." is not "Laura's fiance proposes"
        # (one the sentence names only as the doer of another clause is not told as the
        # key's: "fly the glider down with the robot John, and then the Sirius lands" does
        # not tell "down from the Sirius with their robot John")
        not_theirs |= {t for t in beside if _does_another_thing(sentence, keys, t)}
        untold = [t for t in beside if not _names_in_folded(folded, [t]) or t in not_theirs]
        if any(
            (not any(f" {name} " in folded for name in names_of_thing) or thing in not_theirs)
            and not (
                _names_in_folded(previous, [thing])
                and names_in(thing, characters)
                # (of one who does something, as one who does: "the foreman, thinking him
                # mad, presses a button" does not tell that "him" pressed it)
                and (_SUBJECT_PRONOUN if thing in openers else _PERSONAL).search(folded)
                # ... and names no other character the pronoun could stand for: in "Olaf
                # is found dead, Hinckus is tied to his bed", "his" is Hinckus
                and not any(_names_in_folded(folded, [c]) for c in characters if c not in keys)
            )
            for thing, names_of_thing in zip(beside, beside_names, strict=True)
            if thing in untold
        ):
            continue
        if untold and len(events & sentence_stems) < needed:
            continue  # someone told by another name: the event itself must be told more fully
        shared = len(wanted & (sentence_stems - key_stems))
        if shared < needed:
            # the other people, ships and places both name tell the same moment too, when
            # the synopsis sentence names no other character ("the crews of Sirius (Ilya,
            # Roman and Alyosha) and Vega (Ivan, Allan and Masha)" tells nothing of Masha on
            # the Sirius)
            skips = (_words_of(tuple(known)), _words_of(_parts(keys)))
            if others is None:
                others = _named_but(quote, skips)
            if not any(
                not names_in(quote, [n]) and any(names_in(c, [n]) for c in characters)
                for n in _named_but(sentence, (_NOTHING, skips[1]))
            ):
                shared += sum(1 for n in others if _names_in_folded(folded, [n]))
        if shared < needed or not events & sentence_stems:
            continue
        if around is None:
            around = _near(quote, keys) | stems(key_clause(quote, keys), keys)
            own_piece = stems(_key_piece(quote, keys), keys)
        if not around & _near(key_clause(sentence, keys), keys):
            continue  # the same words, but not said of the key
        if belonging is None:
            belonging = _belonging(quote, keys)
        if belonging and belonging not in sentence_stems:
            continue  # "a bird that belonged to KEY": the sentence must tell of the bird too
        if len(own_piece) >= 2 and not own_piece & sentence_stems:
            # "In a fight Akala is killed, Suko stays behind": what the key's own words up to
            # the comma say must be told too, not only what the next words say
            continue
        if (
            swapped(quote, sentence)
            or ends_otherwise(quote, sentence)
            or described_otherwise(quote, sentence, keys)
            # ... or someone else the key's clause names: "Agapit, the commander's daughter"
            # against "Agapit, the station commander's son"
            or any(
                described_otherwise(quote, sentence, spellings([thing]))
                for thing in beside
                if thing[:1].isupper() and not names_in(thing, keys)
            )
            or owned_otherwise(quote, sentence, keys)
            or turns_out_otherwise(quote, sentence, keys)
            or lasts_otherwise(quote, sentence)
            or object_swapped(quote, sentence, people)
        ):
            return None  # a synopsis tells it with another word in its place: not so
        if said_of_another(quote, sentence, keys, characters) or any(
            said_of_another(quote, sentence, spellings([thing]), characters)
            for thing in beside
            if thing[:1].isupper() and not names_in(thing, keys)
        ):
            # "Ivan leaves Andrei behind to die" does not tell "Ivan stays behind", nor "Olaf
            # is found dead, Hinckus is tied to his bed" that Olaf is tied to his bed
            continue
        if part_added(quote, sentence):
            continue  # "on the near side of the Moon" is more than "on the Moon" tells
        if _order_otherwise(quote, sentence):
            continue  # "Before the Oceano lands, ..." is not told by "After the Oceano lands"
        if own_kin and _kin(sentence) and kin_otherwise(own, sentence):
            continue  # "to look after his small son" is not told by "... his young daughter"
        if timed and not _durations(sentence):
            continue  # "the ship is a full year away": how long must be told too
        if counted_otherwise(quote, sentence):
            if counted_otherwise(quote, sentence, units_only=True):
                return None  # "two years" told as "two months": not so
            continue  # "two singers" and "two locals": perhaps the same, but not this sentence
        if common:
            if close is None:
                close = _near(quote, keys, THING_NEAR) - {
                    s for n in named_things(quote) for s in stems(n)
                }
            if not close <= sentence_stems:
                continue  # a thing, not a name: the words right around it must be told too
        if best is None or shared > best[0]:
            best = (shared, sentence, synopses[index][1])
    return None if best is None else (best[1], best[2])


_PREPOSITIONAL_END = re.compile(
    r"\b(?P<p>with|into|in|from|of|by|on|onto|at|to|for|under|through)\s+(?P<d>(?:the|a|an|his"
    r"|her|their|its|some)\s+)?(?P<m>\w+\s+)?(?P<w>[a-z]{3,})\W*$"
)

# ... or after a verb that does something to it, with its determiner: "women who worship a
# giant lizard" (not "is a fortune", "gets a laugh")
_LINKING = _EMPTY_VERBS | {"am", "become", "remains", "remained", "makes", "made", "make"}
_LINKING |= {"takes", "took", "smells", "plays", "played"}
_OBJECT_END = re.compile(
    r"\b(?P<p>[a-z]+)\s+(?P<d>(?:the|a|an|his|her|their|its|some)\s+)(?P<m>\w+\s+)?"
    r"(?P<w>[a-z]{3,})\W*$"
)


@functools.lru_cache(maxsize=4096)
def _also_called(thing: str, people: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The other names (folded) of the one character ``thing`` names, if one does.

    "Hopkins" is the character "Anthony Hopkins", whom a synopsis may call "Anthony": each
    of the character's names, and each word of them no other character's name has. A name
    that fits several characters, or none, has no other names.
    """
    found = [group for group in people if names_in(thing, group)]
    if len(found) != 1:
        return ()
    others = {w for group in people if group is not found[0] for n in group for w in n.split()}
    words = {
        w
        for n in found[0]
        for w in n.split()
        if len(w) >= 4
        and w[:1].isupper()
        and w not in others
        and w.rstrip(".").lower() not in TITLES | _TITLED  # not "Prof.", "Engineer", "Uncle"
    }
    return tuple(dict.fromkeys(_folded(n).strip() for n in (*found[0], *sorted(words))))


def _detail_at_end(quote: str, objects: bool = False) -> re.Match[str] | None:
    """The object a sentence ends on after a preposition ("laced with sand"), if a detail.

    With ``objects``, also a verb's object with its determiner ("worship a giant lizard").

    Not a word that need not be told ("again", "someone"), nor one that is no noun ("decide
    to land anyway", "robots built to look human"), nor a verb after a bare "to" ("sets
    out to trace"), nor a word of time ("at the same moment").
    """
    ending = _PREPOSITIONAL_END.search(plain(quote))
    if ending is None:
        ending = _OBJECT_END.search(plain(quote)) if objects else None
        if (
            ending is None
            or ending["p"] in _LINKING
            or ending["w"] in _MAKING  # ("lead the cast": the film's making, no story)
            or "VERB" not in _readings(ending["p"])
        ):
            return None
    word = ending["w"]
    if word in _ENDS_FREE | _ANYONE | _STOP | _SELF | _WHEN or not _head(word):
        return None
    if ending["p"] == "to" and ending["d"] is None:
        verb = (ending["m"] or word).strip()
        if "VERB" in _readings(verb):
            return None  # an infinitive: what someone means to do, not a thing
    return ending


_ORDER_WORDS = frozenset(["before", "after", "until", "till"])
_AFTER_LIKE = frozenset(["after", "when", "once", "as"])  # what may tell "after"


def _order_words(text: str) -> frozenset[str]:
    """The words of ``text`` that order what it tells: "before", "after", "until"."""
    return frozenset(w for w in plain(text).split() if w in _ORDER_WORDS)


def _order_otherwise(quote: str, sentence: str) -> bool:
    """Whether ``sentence`` orders the events otherwise than ``quote`` does.

    "Before" or "until" must be told so ("when the plasma runs out" tells neither); "after"
    may be told by "when" or "once", not by "before".
    """
    ours = _order_words(quote)
    if not ours:
        return False  # (the quote orders nothing: most do not, and need no reading of theirs)
    theirs = frozenset(plain(sentence).split())
    opening = re.match(r"\W*(before|until|till)\b", quote, re.IGNORECASE)
    if opening is not None and opening[1].lower() not in theirs:
        return True  # ("Before the Oceano lands, ...": when it happens is what it says)
    if ours & {"before", "until", "till"} and theirs & _ORDER_WORDS and not ours & theirs:
        return True
    return "after" in ours and not theirs & _AFTER_LIKE and bool(theirs & _ORDER_WORDS)


_KIN = {
    **dict.fromkeys(["wife", "ex-wife", "widow"], "wife"),
    **dict.fromkeys(["husband", "ex-husband", "widower"], "husband"),
    **dict.fromkeys(["son", "sons", "stepson"], "son"),
    **dict.fromkeys(["daughter", "daughters", "stepdaughter"], "daughter"),
    **dict.fromkeys(["brother", "brothers"], "brother"),
    **dict.fromkeys(["sister", "sisters"], "sister"),
    **dict.fromkeys(["father", "dad", "stepfather"], "father"),
    **dict.fromkeys(["mother", "mum", "mom", "stepmother"], "mother"),
    **dict.fromkeys(["girlfriend", "bride"], "girlfriend"),
    **dict.fromkeys(["lover", "beloved", "sweetheart"], "betrothed"),
    **dict.fromkeys(["boyfriend", "groom"], "boyfriend"),
    **dict.fromkeys(["fiance", "fiancee", "fiancé", "fiancée"], "betrothed"),
    **dict.fromkeys(["uncle"], "uncle"),
    **dict.fromkeys(["aunt"], "aunt"),
    **dict.fromkeys(["grandson"], "grandson"),
    **dict.fromkeys(["granddaughter"], "granddaughter"),
    **dict.fromkeys(["grandfather", "grandpa"], "grandfather"),
    **dict.fromkeys(["grandmother", "grandma"], "grandmother"),
    **dict.fromkeys(["nephew"], "nephew"),
    **dict.fromkeys(["niece"], "niece"),
}


# The kin a kind of kin is kin of ("her dad": she is his daughter).
_KIN_OTHER_SIDE: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(["father", "mother"], ("son", "daughter")),
    **dict.fromkeys(["son", "daughter"], ("father", "mother")),
    "wife": ("husband",),
    "husband": ("wife",),
    **dict.fromkeys(["brother", "sister"], ("brother", "sister")),
    **dict.fromkeys(["uncle", "aunt"], ("nephew", "niece")),
    **dict.fromkeys(["nephew", "niece"], ("uncle", "aunt")),
    **dict.fromkeys(["grandfather", "grandmother"], ("grandson", "granddaughter")),
    **dict.fromkeys(["grandson", "granddaughter"], ("grandfather", "grandmother")),
}


def _kin(text: str) -> set[str]:
    """The kinds of kin ``text`` speaks of: "his ex-wife" is a wife.

    Not "Uncle Vova", a name, nor "the mother ship".
    """
    return {kind for kind, _, _ in _kin_named(text)}


def _kin_named(text: str) -> list[tuple[str, str, str]]:
    """Each kind of kin ``text`` speaks of, with whose kin it is and who it is, if named.

    "Alisa, her dad Professor Seleznyov": a father, Alisa's, Seleznyov ("" where unnamed).
    """
    return [
        (_KIN[found["kin"]], found["before"] or "", found["after"] or "")
        for found in _KIN_WORD.finditer(text)
        if found["kin"] in _KIN
    ]


_KIN_WORD = re.compile(
    r"(?:(?P<before>[A-Z][\w'’-]+),?\s+(?:his|her|their)\s+)?"
    r"(?<![\w-])(?P<kin>[a-zé]+(?:-[a-z]+)?)(?![\w-])(?!\s+ship)"
    r"(?:,?\s+(?P<after>(?:[A-Z][\w'’-]+\s+)?[A-Z][\w'’-]+))?"
)


def kin_otherwise(quote: str, sentence: str) -> bool:
    """Whether ``sentence`` tells no kin of the kind ``quote`` names.

    "to look after his small son" against "to look after his young daughter". Kin told from
    the other side is the same when both people are named so ("Alisa, her dad Professor
    Seleznyov" and "Professor Seleznyov and his daughter Alisa"), and a fiancé may be told as
    a girlfriend or a boyfriend.
    """
    theirs = _kin_named(sentence)
    kinds = {kind for kind, _, _ in theirs}
    for kind, whose, who in _kin_named(quote):
        if kind in kinds or (
            kind in {"girlfriend", "boyfriend", "betrothed"}
            and kinds & {"girlfriend", "boyfriend", "betrothed"}
        ):
            continue
        other_side = set(_KIN_OTHER_SIDE.get(kind, ()))
        if (
            whose
            and who
            and all(re.search(rf"\b{re.escape(w)}\b", sentence) for w in who.split())
            and any(k in other_side and whose in their_who.split() for k, _, their_who in theirs)
        ):
            continue  # "Alisa, her dad Professor Seleznyov": "his daughter Alisa"
        return True
    return False


_OWNED_BY_SOMEONE = re.compile(r"\b(?:him|his)\b")
_WHERE = frozenset(["in", "on", "at", "into", "onto"])  # prepositions of a place
_PERSONAL = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their)\b")
_SUBJECT_PRONOUN = re.compile(r"\b(?:he|she|they)\b")


def _only_owner(sentence: str, thing: str) -> bool:
    """Whether ``sentence`` names ``thing`` only as another's kin or friend.

    "Laura's fiancé Allan ...": the sentence tells of Allan, not of Laura.
    """
    found = [m.end() for m in re.finditer(rf"\b{re.escape(thing)}\b", sentence)]
    return bool(found) and all(
        (owned := _OWNED_PERSON.match(sentence, at)) is not None
        and any(w and (w.lower() in _KIN or w.lower() in _COMPANIONS) for w in owned.groups())
        for at in found
    )


_OWNED_PERSON = re.compile(r"['’]s?\s+([\w-]+)(?:\s+([\w-]+))?")
_COMPANIONS = frozenset(
    ["friend", "colleague", "assistant", "companion", "partner", "comrade", "aide", "deputy"]
)


def _opens_clause(clause: str, thing: str) -> bool:
    """Whether ``thing`` is what ``clause`` is about: named first, past an opening phrase."""
    at = clause.find(thing)
    if at < 0:
        return False
    head = clause[:at].rsplit(",", 1)[-1]  # ("Before any of that, Berton shows Kelvin")
    # (no verb before it: "One night Kasimir sees", not "Berton shows Kelvin")
    return not any("VERB" in _readings(w.lower()) for w in re.findall(r"[^\W\d_]+", head))


_SELF = frozenset(["himself", "herself", "itself", "themselves", "oneself", "ourselves"])
_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|so|then|yet)\s+|;\s+|\s+(?:but|whereas)\s+")


def unconfirmed_clause(
    quote: str,
    names: Sequence[str],
    synopses: Sequence[tuple[str, T]],
    known: Sequence[str] = (),
    characters: Sequence[str] = (),
) -> str | None:
    """A clause of ``quote`` (other than the key's) that states something no synopsis tells.

    A story sentence often joins two statements ("three ships leave for Venus, and the
    Sirius is lost on the way"). The key's statement may be corroborated while the other
    is wrong; each other clause that names something (a ship, a person, a number, or the
    key again) must be corroborated on its own, about the first other thing it names, and
    one that names nothing but ends on where it happens ("crashes in a desert") must end on
    a thing the synopses tell.
    """
    keys = spellings(names)
    first = True
    statements = _statements(quote)
    for index, clause in enumerate(statements):
        if first and names_in(clause, keys):
            first = False
            continue  # the key's own statement: corroborated by the caller
        # a later clause's first word may be a name; the sentence's first word is not,
        # unless it is one of the film's characters
        opener = re.match(r"\W*([A-Z][\w-]*)(?!['’])", clause)
        named_first = index > 0 or (opener is not None and names_in(opener[1], characters))
        things = _named_but(
            f"- {clause}" if named_first else clause,
            # (a statement is about the film's character it names, however it is set off:
            # "In a fight Akala is killed, Suko stays behind", "..., and Farraday has them
            # burned"; the film's titles and people say nothing that must be told)
            (
                _words_of(tuple(k for k in known if k not in characters)),
                _words_of(_parts(keys)),
            ),
        )
        about = [things[0]] if things else (list(keys) if names_in(clause, keys) else [])
        if about and len(stems(clause, about)) < MIN_SHARED:
            # "After the Oceano lands": too short to share enough, told when a sentence naming
            # the same thing has every word of it
            texts = tuple(text for text, _ in synopses)
            words = stems(clause, about)
            if not any(
                words <= told and _order_words(clause) <= _order_words(told_as)
                for _, told_as, _, told, _ in _naming(texts, spellings(about))
            ):
                return clause
        elif about and corroborate(clause, about, synopses, known, characters) is None:
            return clause
        ending = None if about else _detail_at_end(clause)
        if (
            ending is not None
            and ending["p"] in _WHERE
            and ending["d"]
            and _stem(ending["w"]) not in _told_stems(tuple(text for text, _ in synopses))
        ):
            # "... crashes in a desert, and all contact is lost": a clause naming nothing
            # still ends on a detail of its own, which the synopses must tell somewhere
            return clause
    return None


def _statements(quote: str) -> list[str]:
    """The clauses of ``quote``, split further at commas into statements of their own.

    Only when each piece after a comma is one: "In a fight Akala is killed, Suko stays
    behind".
    """
    found = []
    opening = _SUBORDINATE_OPENING.match(quote)
    if opening is not None:
        # "When a meteor destroys the Vega, the survivors go on": what happened first is a
        # statement of its own
        found.append(opening["clause"])
        quote = quote[opening.end() :]
    for clause in _CLAUSE.split(quote):
        pieces = _LIST_CUT.split(clause)
        if len(pieces) > 1 and all(_STATEMENT.match(p) for p in pieces[1:]):
            found += pieces
        else:
            found.append(clause)
    return found


# A sentence's opening clause that says when or why the rest happens, up to its comma.
_SUBORDINATE_OPENING = re.compile(
    r"(?P<clause>(?:When|Whenever|After|Before|Once|While|Because|Although|Though|Until|As soon"
    r" as)\s[^,;:]{8,}?),\s+"
)
# A piece of a sentence that states something: a name, then a verb ("Suko stays behind",
# "Olaf is found dead", "the rest of the crew escape" is not one: no name opens it).
_STATEMENT = re.compile(
    r"(?:(?:then|and|later|soon)\s+)?(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+"
    r"(?:is|are|was|were|has|have|had|gets|got|[a-z]+s|[a-z]+ed)\b"
)


def _sequence(text: str) -> list[tuple[str, str]]:
    """Content words of ``text`` in order: (stem, word), numbers and ordinals kept whole."""
    return list(_sequence_of(text))


@functools.lru_cache(maxsize=16384)  # a synopsis sentence is compared with many quotes
def _sequence_of(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(
        (w if w[:1].isdigit() else _stem(w), w)
        for w in plain(text).split()
        if (len(w) > 2 or w.isdigit()) and w not in _STOP
    )


def said_of_another(
    quote: str, sentence: str, keys: Sequence[str], characters: Sequence[str]
) -> bool:
    """Whether the words ``quote`` says of its key character the synopsis says of another.

    "It is Ivan who stays behind to die" against "Ivan leaves Andrei behind to die": the
    sentence names a character the quote does not, and most of the words the quote's clause
    of the key shares with it lie nearer to that character than to the key. Only for a key
    that is a character or another name ("Olaf", whom the cast lists do not give).
    """
    if not names_in(" ".join(keys), characters) and not all(k[:1].isupper() for k in keys):
        return False  # (a name the cast lists do not give, "Olaf", is someone too)
    others = [
        c
        for c in characters
        if _names_in_folded(_folded(sentence), [c])
        and not names_in(quote, [c])
        and not names_in(c, keys)
    ]
    if not others:
        return False
    words = _sequence(sentence)
    key_stems = stems(" ".join(_parts(tuple(keys))))
    other_stems = stems(" ".join(_parts(tuple(others)))) - key_stems
    # (what the quote's clause of the key says of it)
    said = stems(key_clause(quote, keys), keys)
    shared = (said & {stem for stem, _ in words}) - key_stems - other_stems
    at_key = [i for i, (stem, _) in enumerate(words) if stem in key_stems]
    at_other = [i for i, (stem, _) in enumerate(words) if stem in other_stems]
    if not shared or not at_key or not at_other:
        return False
    nearer_key = nearer_other = 0
    for i, (stem, _) in enumerate(words):
        if stem in shared:
            to_key = min(abs(i - k) for k in at_key)
            to_other = min(abs(i - o) for o in at_other)
            if to_key <= to_other:
                nearer_key += 1
            else:
                nearer_other += 1
    # most of what the quote says of the key, the sentence says of the other: "Olaf is found
    # dead, Hinckus is tied to his bed" does not tell "Olaf is found tied to his bed"
    return nearer_other > nearer_key


@functools.lru_cache(maxsize=16384)  # a synopsis sentence is read again for every claim
def _does_another_thing(sentence: str, keys: tuple[str, ...], name: str) -> bool:
    """Whether ``sentence`` names ``name`` only as the doer of clauses that name no key.

    ("and then the Sirius lands"; not "Aliens on the planet Centuria hear the song", where
    the name is a preposition's object.)
    """
    clauses = [c for c in _CLAUSE.split(sentence) if names_in(c, [name])]
    return bool(clauses) and all(
        not names_in(c, keys)
        and _opens_clause(c, name)
        and not _PREPOSITION.search(c[: c.find(name)])
        for c in clauses
    )


_PREPOSITION = re.compile(
    r"\b(?:on|in|at|from|to|of|with|by|for|into|onto|aboard|near|under|over|about|towards?)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=16384)  # one quote is compared with a sentence for each of its keys
def swapped(quote: str, sentence: str) -> bool:
    """Whether ``quote`` tells ``sentence`` with one word exchanged for another.

    "launched towards the Moon with a dog aboard as the test subject" against "... with a
    cat aboard as the test subject": the same words before (and after, unless the sentence
    ends there) one different word is a changed detail, not a paraphrase ("ships" for
    "spaceships" is no change, nor are names, checked elsewhere).
    """
    ours, theirs = _sequence(quote), _sequence(sentence)
    names = {
        w
        for n in (*named_things(quote, numbers=False), *named_things(sentence, numbers=False))
        for w in plain(n).split()
    }
    matcher = difflib.SequenceMatcher(
        None, [s for s, _ in ours], [s for s, _ in theirs], autojunk=False
    )
    codes = matcher.get_opcodes()
    for at, (tag, i1, i2, j1, j2) in enumerate(codes):
        if tag != "replace" or i2 - i1 != 1 or j2 - j1 != 1 or at == 0:
            continue
        before = codes[at - 1]
        after = codes[at + 1] if at + 1 < len(codes) else None
        flanked = before[0] == "equal" and (
            (after is not None and after[0] == "equal")
            or (after is None and before[2] - before[1] >= 2)
        )
        mine, other = ours[i1][1], theirs[j1][1]
        if not flanked or {mine, other} & (_ANYONE | names):
            continue
        if mine not in other and other not in mine:
            return True
    return _slot_swapped(quote, sentence)


# A verb and the name right after it (its object), a title in the name allowed: "injures
# Captain Torrens", "rescues Dr. Martin".
_VERB_NAME = re.compile(
    r"(?:\b(?P<b>[a-z]+)\s+)?\b(?P<v>[a-z]{3,})"
    r"(?=\s+(?P<n>[A-Z][\w'’-]*\.?(?:(?:\s+|,\s+|\s+and\s+)[A-Z][\w'’-]*\.?){0,3}))"
)
# Words before a noun: after them a word that may be a verb or a noun is a noun ("the
# pirates Glot").
_DETERMINERS = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "two", "three", "some"]
)


@functools.lru_cache(maxsize=8192)
def _named_objects(text: str) -> Mapping[str, frozenset[str]]:
    """Each verb of ``text`` (by stem) with the name stems it has right after it.

    Remembered: a synopsis sentence is asked again for every claim of its film.
    """
    found: dict[str, set[str]] = {}
    for m in _VERB_NAME.finditer(text):
        verb, readings = m["v"], _readings(m["v"])
        if verb in _STOP or "VERB" not in readings:
            continue
        if "NOUN" in readings and (m["b"] is None or m["b"] in _DETERMINERS):
            continue  # "the pirates Glot" names them, they do nothing to Glot
        words = {_stem(w) for w in plain(m["n"]).split() if w not in TITLES}
        if words:
            found.setdefault(_stem(verb), set()).update(words)
    return {verb: frozenset(names) for verb, names in found.items()}


def object_swapped(quote: str, sentence: str, people: Sequence[Sequence[str]] = ()) -> bool:
    """Whether a verb has another name after it in ``sentence`` than in ``quote``.

    "the blast-off now injures Captain Torrens" against "their blast-off injures Paul
    Clinton": the same deed done to someone else is a changed detail, even when the synopsis
    names the quote's man elsewhere in the sentence. ``people`` are the names of each of the
    film's characters: any of them is the same person ("warns Kris", "warns Kelvin").
    """
    theirs = _named_objects(sentence)
    if not theirs:
        return False
    for verb, names in _named_objects(quote).items():
        if verb not in theirs:
            continue
        same = set(names)
        for spelt in people:
            words = {_stem(w) for n in spelt for w in plain(n).split() if w not in TITLES}
            if words & names:
                same |= words
        if not same & theirs[verb]:
            return True
    return False


_SLOT = re.compile(
    r"\b(?P<p>in|on|at|to|from|into|onto|with|by|for|inside|under)\s+"
    r"(?P<d>the|a|an|his|her|their|its|our|my)\s+(?P<w>[a-z]{3,})\b"
)
# A preposition's bare object that ends its clause, after the word it tells of: "switches
# the screens to ultraviolet." against "switches the screen to infrared and ...".
_BARE_SLOT = re.compile(
    r"\b(?P<h>[A-Za-z]{3,})\s+(?P<p>in|to|from|into|with|for)\s+(?P<w>[a-z]{3,})"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+and\b)"
)  # (a word, not a name: "in love with Gusev" may be told "in love with Gussev")


def _slot_swapped(quote: str, sentence: str) -> bool:
    """Whether a preposition's object differs between ``quote`` and ``sentence``.

    "a nerve centre in her heart" against "finds in her brain a nerve centre": the same
    preposition and determiner before another noun, each noun missing from the other text,
    wherever the phrase stands.
    """
    ours = _slots(quote)
    if not ours:
        return False
    theirs = _slots(sentence)
    quote_stems = {s for s, _ in _sequence(quote)}
    sentence_stems = {s for s, _ in _sequence(sentence)}
    return any(
        slot in theirs
        and theirs[slot] != word
        and word not in sentence_stems
        and theirs[slot] not in quote_stems
        and word not in _STOP
        for slot, word in ours.items()
    )


def _slots(text: str) -> dict[tuple[str, str], str]:
    """Each preposition and determiner of ``text`` before a noun, with the noun's stem.

    Only nouns that are no adjectives too: "on the far planet" says where, "in her brain"
    what. A bare object that ends its clause is keyed by the word before the preposition
    ("screens to ultraviolet").
    """
    slots = {
        (m["p"], m["d"]): _stem(m["w"])
        for m in _SLOT.finditer(text.lower())
        if "NOUN" in (readings := _readings(m["w"]))
        and "ADJ" not in readings
        and m["w"] not in _IDIOMS
    }
    for m in _BARE_SLOT.finditer(text):
        head = m["h"].lower()
        if head not in _STOP and m["w"] not in _STOP and m["w"] not in _IDIOMS:
            slots.setdefault((_stem(head), m["p"]), _stem(m["w"]))
    return slots


# Nouns of phrases that say when or how, not what: "in the end", "on the way", "at the time".
_IDIOMS = frozenset(
    [
        "end",
        "way",
        "time",
        "beginning",
        "start",
        "middle",
        "meantime",
        "course",
        "process",
        "past",
        "future",
        "moment",
        "meanwhile",
        "rest",
        "same",
        "first",
        "last",
        "least",
        "most",
    ]
)


_OF_THEM = re.compile(r"\b\w+\s+of\s+(?:them|us|you|these|those)\b", re.IGNORECASE)


def _counts(text: str) -> dict[str, list[tuple[str, str]]]:
    """Each small number of ``text`` (as digits) with the words that may be what it counts.

    The next two content words that are not names, as (stem, word): "three Soviet ships"
    counts ships. Years and other large numbers count nothing.
    """
    found: dict[str, list[tuple[str, str]]] = {}
    text = _OF_THEM.sub(" ", text)  # "the two of them": the people spoken of, counting nothing
    names = {w for n in named_things(text, numbers=False) for w in plain(n).split()}
    words = [
        (stem, word)
        for stem, word in _sequence(text)
        if word not in names and word not in _MULTIPLIERS
    ]
    for at, (_, word) in enumerate(words):
        number = word if word.isdigit() else str(NUMBER_WORDS.get(word, ""))
        if number and 1 < int(number) < 100 and at + 1 < len(words):
            found.setdefault(number, []).extend(words[at + 1 : at + 3])
    return found


def _same_word(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """The same stem, or one word inside the other ("ships", "spaceships")."""
    return a[0] == b[0] or a[1] in b[1] or b[1] in a[1]


@functools.lru_cache(maxsize=16384)  # one quote is compared with a sentence for each of its keys
def counted_otherwise(quote: str, sentence: str, units_only: bool = False) -> bool:
    """Whether ``sentence`` counts something else with the quote's number.

    "wait two years" against "cannot arrive for two months": the same number, another unit
    or thing counted, and what the quote counts is nowhere in the sentence. With
    ``units_only``, only when both count units of time or length (two other nouns may be
    two words for the same things: "two singers", "two locals").
    """
    theirs = _counts(sentence)
    told = _sequence(sentence)
    for number, counted in _counts(quote).items():
        other = theirs.get(number, [])
        if not other or any(_same_word(a, b) for a in counted for b in told):
            continue
        if units_only and not (
            any(w in _UNIT_WORDS for _, w in counted) and any(w in _UNIT_WORDS for _, w in other)
        ):
            continue
        if not {w for _, w in (*counted, *other)} & _ANYONE:
            return True
    return False


_UNIT_WORDS = frozenset(
    f"{unit}{plural}"
    for unit in (
        "year",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
        "century",
        "metre",
        "meter",
        "kilometre",
        "kilometer",
        "mile",
        "light-year",
        "parsec",
        # money: "37 million dollars" told as "37 million roubles" is another sum
        "dollar",
        "rouble",
        "ruble",
        "mark",
        "crown",
        "pound",
    )
    for plural in ("", "s")
) | {"centuries"}
# Words that multiply a number rather than say what it counts: "37 million dollars".
_MULTIPLIERS = frozenset(["hundred", "thousand", "million", "billion", "dozen"])


@functools.lru_cache(maxsize=16384)  # one quote is compared with a sentence for each of its keys
def ends_otherwise(quote: str, sentence: str) -> bool:
    """Whether ``sentence`` ends what ``quote`` ends with on another word.

    "... sent out by his wife to buy cigarettes." against "... when his wife sends him out
    for groceries.": two of the three words before the last are the same, the last differs
    and the quote's last word is nowhere in the sentence.
    """
    ours, theirs = _sequence(quote), _sequence(sentence)
    if len(ours) < 3 or len(theirs) < 3:
        return False
    (mine, word), (other, _) = ours[-1], theirs[-1]
    if mine == other or word in _ENDS_FREE or word.isdigit() or word in _ANYONE:
        return False
    if mine in {stem for stem, _ in theirs}:
        return False
    shared = {s for s, _ in ours[-4:-1]} & {s for s, _ in theirs[-4:-1]}
    if len(shared) < 2:
        return False
    # "... stay behind on Phobos and be left to die": a last clause of its own adds to the
    # story rather than telling its end otherwise
    said = next((stem, word) for stem, word in reversed(ours[-4:-1]) if stem in shared)
    tail = plain(quote).rsplit(f" {said[1]} ", 1)[-1]
    # ... and so does one of the sentence's: "... to help with the stranger, and the two
    # step in" does not end "... and the stranger shows them a gadget" otherwise
    their_word = next(word for stem, word in reversed(theirs[-4:-1]) if stem == said[0])
    their_tail = plain(sentence).rsplit(f" {their_word} ", 1)[-1]
    goes_on = re.search(r"\b(?:and|then|but|or|while)\b", their_tail) is not None
    # (only when the quote goes on with a statement of its own too: "the stranger shows them a
    # gadget", not "the stranger's dog", a last word told otherwise)
    own_statement = len(_sequence(tail)) >= 2
    return not re.search(r"\b(?:and|then|but|or|while)\b", tail) and not (goes_on and own_statement)


@functools.lru_cache(maxsize=16384)  # one quote is compared with a sentence for each of its keys
def part_added(quote: str, sentence: str) -> bool:
    """Whether ``quote`` puts its story on a part of a place that ``sentence`` does not name.

    "lands on the near side of the Moon" against "lands on the Moon": which side is a
    detail of the quote's own, not told by that sentence.
    """
    lowered = sentence.lower()
    for found in _PART_OF.finditer(quote.lower()):
        if f"{found['mod']} {found['part']}" not in lowered:
            return True
    return False


# A part of a place, with what tells which: "the near side of", "the north pole of".
_PART_OF = re.compile(
    r"\bthe\s+(?P<mod>[a-z][\w-]*)\s+(?P<part>side|pole|edge|end|rim|shore|bank|corner"
    r"|slope|face|hemisphere)\s+of\b"
)


def described_otherwise(quote: str, sentence: str, keys: Sequence[str]) -> bool:
    """Whether the key is set beside another description in ``sentence`` than in ``quote``.

    "Agapit, the commander's daughter" against "Agapit, the station commander's son": what
    the apposition after the key ends on differs, and neither word is in the other text.
    """
    return _said_otherwise(
        quote, sentence, _apposition(quote, tuple(keys)), _apposition(sentence, tuple(keys))
    )


def _said_otherwise(quote: str, sentence: str, ours: str | None, theirs: str | None) -> bool:
    """Whether the two texts say one thing of the key with two words neither text holds."""
    if ours is None or theirs is None or ours == theirs:
        return False
    return ours not in plain(sentence).split() and theirs not in plain(quote).split()


def lasts_otherwise(quote: str, sentence: str) -> bool:
    """Whether the one span of time ``sentence`` states differs from the one ``quote`` does.

    "the replacement ship is a full year away" against "cannot arrive for two months".
    """
    ours, theirs = _durations(quote, spans=True), _durations(sentence, spans=True)
    return len(ours) == 1 and len(theirs) == 1 and ours != theirs


_DURATION = re.compile(
    r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})\s+"
    r"(?:full\s+|whole\s+|long\s+)?(?P<u>year|month|week|day|hour|centur)(?:y|ies|s)?\b",
    re.IGNORECASE,
)


def _durations(text: str, spans: bool = False) -> set[tuple[int, str]]:
    """The spans of time ``text`` states, as (count, unit): "a full year" is (1, "year").

    With ``spans``, not those that only date a moment ("two years later").
    """
    found = set()
    for match in _DURATION.finditer(text):
        if spans and re.match(r"\s+(?:later|after|earlier|before|ago|on)\b", text[match.end() :]):
            continue
        word = match["n"].lower()
        count = 1 if word in {"a", "an"} else int(word) if word.isdigit() else NUMBER_WORDS[word]
        found.add((int(count), match["u"].lower()))
    return found


def turns_out_otherwise(quote: str, sentence: str, keys: Sequence[str]) -> bool:
    """Whether ``sentence`` says the key turns out to be something else than ``quote`` does.

    "Olaf and Mr. Moses turn out to be robots" against "Mr. Moses and Luarvik turn out to be
    aliens, and Mrs. Moses and Olaf their robots": what the key's own words end on differs,
    and neither word is in the other's.
    """
    ours, theirs = _turns_out(_key_piece(quote, keys)), _turns_out(_key_piece(sentence, keys))
    if ours is None or theirs is None or _stem(ours) == _stem(theirs):
        return False
    return (
        ours not in plain(_key_piece(sentence, keys)).split()
        and theirs not in plain(_key_piece(quote, keys)).split()
    )


_TURNS_OUT = re.compile(
    r"\b(?:turns?|turned|turning|prove|proves|proved)\s+(?:out\s+)?to\s+be\s+(?:an?\s+|the\s+)?"
    r"(?:[a-z][\w-]*\s+){0,2}?(?P<w>[a-z][\w-]*)\s*(?=[,.;!?]|$)"
)


def _turns_out(piece: str) -> str | None:
    """What ``piece`` says someone turns out to be ("robots"), if it says so."""
    found = _TURNS_OUT.search(piece)
    return None if found is None else found["w"]


# A name, then a description set beside it ("the Temer, the planet's original inhabitants,"),
# or a description, then the name ("the planet's original inhabitants, the Turi,")
_NAME = r"(?P<n>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
_DESCRIPTION = (
    r"(?:the|a|an|his|her|their|its)\s+(?P<d>(?:[\w'’-]+\s+){0,3}?[a-z][\w-]*)"
    # (closed as an aside is: "Phobos, the alien woman is Etinaya" sets none beside Phobos)
    r"(?=\s*[,.;)]|\s+(?:who|which|that)\b|\s*$)"
)
_NAME_DESCRIBED = re.compile(rf"\b{_NAME}(?:\s*\([^()]*\))?,\s+{_DESCRIPTION}")
# (the word before the article is kept, to leave out a phrase that opens the sentence: "On
# a second ship, Andrei flies", "Dreaming of a beautiful woman, Los")
_DESCRIPTION_NAMED = re.compile(
    r"(?:\b(?P<pre>\w+)\s+)?\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+"
    r"(?P<d>(?:[\w'’-]+\s+){0,3}?[a-z][\w-]*),\s+"
    rf"(?:the\s+)?{_NAME}\b"
)
_BEFORE_A_PHRASE = frozenset(
    [
        "on",
        "in",
        "at",
        "with",
        "of",
        "to",
        "from",
        "by",
        "for",
        "among",
        "aboard",
        "into",
        "onto",
        "under",
        "over",
        "after",
        "before",
        "during",
        "like",
        "unlike",
        "near",
        "inside",
        "outside",
        "through",
        "across",
    ]
)


@functools.lru_cache(maxsize=16384)  # a synopsis is read for every claim of its film
def _descriptions(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each name a text sets a description beside, with the description's words."""
    found = [(m["n"], frozenset(plain(m["d"]).split())) for m in _NAME_DESCRIBED.finditer(text)]
    found += [
        (m["n"], frozenset(plain(m["d"]).split()))
        for m in _DESCRIPTION_NAMED.finditer(text)
        if (m["pre"] or "").lower() not in _BEFORE_A_PHRASE
    ]
    return tuple((name, words) for name, words in found if len(words) >= 2)


@functools.lru_cache(maxsize=512)  # a film's synopses, read for every claim of the film
def _synopsis_descriptions(
    texts: tuple[str, ...],
) -> tuple[tuple[str, frozenset[str], str], ...]:
    """(name, description words, sentence) of each description the synopses set by a name."""
    return tuple(
        (name, words, sentence)
        for text in texts
        for sentence in _synopsis_sentences(text)
        for name, words in _descriptions(sentence)
    )


def _opens_a_sentence(name: str) -> bool:
    """Whether a capitalised "name" is a word that opens a sentence ("Later", "The", "Then").

    One word English knows is taken for such a word, not a name ("Later, the two travelling
    performers quarrel" sets no description beside anyone).
    """
    words = name.split()
    return len(words) == 1 and simplemma.is_known(name.lower(), lang="en")


def described_as_another(
    quote: str, texts: Sequence[str], people: tuple[tuple[str, ...], ...] = ()
) -> bool:
    """Whether a description the quote sets beside a name is the synopses' for another name.

    "the Temer, the planet's original inhabitants," against "the planet's original
    inhabitants, the Turi": the same description (two words at least) set beside another
    name in a synopsis sentence that does not name this one too (one character may go by
    two names in it: "Vladimir Mashkov, known as Uncle Vova, a gruff construction foreman"),
    and beside this name in none. ``people`` are each character's names: two of one
    character's are one name.
    """
    ours = [(n, w) for n, w in _descriptions(quote) if not _opens_a_sentence(n)]
    if not ours:
        return False
    theirs = _synopsis_descriptions(tuple(texts))
    for name, words in ours:
        said = [(n, sentence) for n, w, sentence in theirs if w == words]
        if any(_same_name(n, name, people) or names_in(sentence, [name]) for n, sentence in said):
            continue
        if said:
            return True
    return False


def _same_name(one: str, other: str, people: tuple[tuple[str, ...], ...]) -> bool:
    """Whether two names share a word ("Ivan Batalov" and "Batalov") or a character."""
    if set(plain(one).split()) & set(plain(other).split()):
        return True
    return any(names_in(one, names) and names_in(other, names) for names in people)


def owned_otherwise(quote: str, sentence: str, keys: Sequence[str]) -> bool:
    """Whether ``sentence`` gives the key another owner than ``quote`` does.

    "The captain's old robot, Patrick" against "Anthony's robot Patrick": whose it is
    differs, and neither owner is named in the other text. (The key by any part of its name:
    "Paul's fiance Allan" against "Laura's fiance Allan" for Allan Brenner.)
    """
    parts = _parts(tuple(keys))
    return _said_otherwise(quote, sentence, _owner_of(quote, parts), _owner_of(sentence, parts))


@functools.lru_cache(maxsize=16384)  # a synopsis sentence is asked about for many claims
def _owner_of(text: str, keys: tuple[str, ...]) -> str | None:
    """Whose the key is said to be: "X's robot, KEY", "X's KEY", "KEY, X's robot"."""
    lowered = text.lower()
    # Each pattern holds the key and a possessive (the second one right after "KEY,"): one
    # is made and run only for a text that holds what it needs (most sentences name no owner).
    possessive = "'s" in lowered or "’s" in lowered
    if not possessive:
        return None
    for key in keys:
        name = key.lower()
        if name not in lowered:
            continue
        found = _owner_before(name).search(lowered)
        if found is None and f"{name}," in lowered:
            found = _owner_after(name).search(lowered)
        if found is not None:
            return found["o"]
    return None


@functools.lru_cache(maxsize=4096)  # made once per key, not once per sentence it is sought in
def _owner_before(name: str) -> re.Pattern[str]:
    """The pattern of an owner named before the key: "X's robot, KEY", "X's KEY"."""
    return re.compile(
        rf"\b(?P<o>[a-z][\w-]*)['’]s\s+(?:[a-z][\w-]*\s+){{0,2}}?(?:[a-z][\w-]*,?\s+)?"
        rf"(?:the\s+)?{re.escape(name)}\b"
    )


@functools.lru_cache(maxsize=4096)  # made once per key
def _owner_after(name: str) -> re.Pattern[str]:
    """The pattern of an owner named after the key: "KEY, X's robot"."""
    return re.compile(rf"\b{re.escape(name)},\s+(?:the\s+)?(?P<o>[a-z][\w-]*)['’]s\b")


@functools.lru_cache(maxsize=16384)  # a synopsis sentence is asked about for many claims
def _apposition(text: str, keys: tuple[str, ...]) -> str | None:
    """The last word of the noun phrase set right after the key ("X, the ship's doctor,")."""
    lowered = text.lower()
    for key in keys:
        if key.lower() not in lowered:
            continue  # (else no pattern is made for it)
        found = _apposition_pattern(key.lower()).search(lowered)
        if found is not None:
            return found["h"]
    return None


@functools.lru_cache(maxsize=4096)  # made once per key
def _apposition_pattern(name: str) -> re.Pattern[str]:
    """The pattern of a noun phrase set right after the key, or said of it.

    "X, the ship's doctor,", "X is their leader", "Mrs Moses and X their robots who ...".
    """
    return re.compile(
        rf"\b{re.escape(name)}(?:,|\s+(?:is|was|are|were)|(?=\s+(?:their|his|her)\s))\s+"
        r"(?:the|a|an|his|her|their)\s+"
        r"(?:[\w'’-]+\s+){0,3}?(?P<h>[a-z][\w-]*)\s*(?=[,.;]|\s+(?:who|which|that)\b|$)"
    )


# Last words a paraphrase often changes without changing what happens.
_ENDS_FREE = frozenset(
    [
        *("again", "instead", "well", "together", "alone", "home", "away", "back"),
        # words that tie the sentence to what came before, not tell how it ends
        *("anyway", "anyhow", "though", "too", "either", "regardless", "nonetheless"),
        "nevertheless",
    ]
)
# Words that stand for whoever: "one of the cosmonauts" told as "someone" is no change.
_ANYONE = frozenset(
    [
        "someone",
        "somebody",
        "anyone",
        "anybody",
        "everyone",
        "everybody",
        "nobody",
        "none",
        "people",
        "person",
        "others",
        "something",
        "anything",
        "everything",
        "nothing",
    ]
)


@functools.lru_cache(maxsize=512)
def _prepared(
    texts: tuple[str, ...],
) -> tuple[str, tuple[tuple[int, str, str, frozenset[str]], ...]]:
    """A film's synopses made ready once (they are asked about for every claim).

    All of them folded, and each sentence with its index, text, folded text and stems; folded
    without possessive endings ("Karin's order" names Karin).
    """
    sentences = tuple(
        (
            index,
            sentence,
            _folded(_POSSESSIVE.sub("", sentence)),
            frozenset(stems(sentence)) | _heads(sentence),
        )
        for index, text in enumerate(texts)
        for sentence in _synopsis_sentences(text)
    )
    return _folded(_POSSESSIVE.sub("", " ".join(texts))), sentences


def _synopsis_sentences(text: str) -> list[str]:
    """A synopsis' sentences, not cut after "St." or an initial ("his St. Bernard, Lel")."""
    found: list[str] = []
    for piece in _SENTENCE.split(text):
        if found and ends_with_abbreviation(found[-1].rstrip('.!?”"’*')):
            found[-1] = f"{found[-1]} {piece}"
        else:
            found.append(piece)
    return found


@functools.lru_cache(maxsize=65536)  # a film's synopses are searched for the same names
def _told_in(everything: str, thing: str) -> bool:
    """Whether the folded synopses ``everything`` name ``thing``."""
    return _names_in_folded(everything, [thing])


@functools.lru_cache(maxsize=16384)  # asked for every claim about the same key
def _identified(
    quote: str, keys: tuple[str, ...], texts: tuple[str, ...]
) -> tuple[int, str] | None:
    """Where a synopsis tells what "The dog is Lel." says: the key beside the same noun.

    "The ship is called the Goliath." is told by "the ship Goliath". Only for a sentence
    that says nothing else; returns (synopsis index, sentence).
    """
    found = _IDENTIFIES.fullmatch(quote.strip())
    if found is None or not names_in(found["key"], keys):
        return None
    if plain(found["key"]).strip() not in {plain(k).strip() for k in _parts(keys)}:
        return None
    noun = stems(found["noun"])
    if not noun:
        return None
    for index, sentence, _folded, _stems, _previous in _naming(texts, keys):
        if noun & _near(sentence, keys, 2):
            return index, sentence
    return None


_IDENTIFIES = re.compile(
    r"(?:(?:[Aa]nd|[Ss]o|[Aa]lso),?\s+)?(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
    r"(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)\s+(?:is|was)\s+(?:(?:called|named)\s+)?"
    r"(?:the\s+)?(?P<key>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\W*"
)


@functools.lru_cache(maxsize=4096)  # every claim of a film about the same key asks again
def _naming(
    texts: tuple[str, ...], keys: tuple[str, ...]
) -> tuple[tuple[int, str, str, frozenset[str], str], ...]:
    """The prepared synopsis sentences that name a key, and not only inside another name.

    Each with the folded sentence before it in the same synopsis ("" for a first sentence).
    """
    sentences = _prepared(texts)[1]
    return tuple(
        (*prepared, sentences[at - 1][2] if at and sentences[at - 1][0] == prepared[0] else "")
        for at, prepared in enumerate(sentences)
        if _names_in_folded(prepared[2], keys) and not names_another(prepared[1], keys)
    )


@functools.lru_cache(maxsize=512)
def _told_stems(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(s for text in texts for s, _ in _sequence(text))


def _near(text: str, keys: Sequence[str], reach: int = NEAR) -> set[str]:
    """Stems of the words within ``reach`` words of the key in ``text``."""
    return set(_near_stems(text, tuple(keys), reach))


@functools.lru_cache(maxsize=16384)  # a synopsis sentence is read again for every claim
def _near_stems(text: str, keys: tuple[str, ...], reach: int) -> frozenset[str]:
    """:func:`_near`, remembered."""
    # "Kelvin's last day": Kelvin, last, day ("2,200" one word, as the key is folded)
    words = plain(_POSSESSIVE.sub("", _numbers_joined(text))).split()
    targets = [target for k in _parts(keys) if (target := _folded(k).split())]
    firsts = {target[0] for target in targets}  # a key can start only at one of its words
    folded = [_folded(w).strip() for w in words]
    found: set[str] = set()
    for index in range(len(words)):
        if folded[index] not in firsts:
            continue
        for target in targets:
            if folded[index : index + len(target)] == target:
                end = index + len(target)
                # "Uef and Bi are performers who travel": a name joined to the key by "and"
                # is one subject with it, so the reach is counted past it
                after = 2 if folded[end : end + 1] == ["and"] else 0
                before = 2 if index >= 2 and folded[index - 1] == "and" else 0
                window = words[max(0, index - reach - before) : end + reach + after]
                found |= stems(" ".join(window), keys)
    return frozenset(found)


_POSSESSIVE = re.compile(r"(?<=\w)['’]s?\b")
# Words before a place that say the story goes or happens there ("lands on Venus", "to Mars").
_LOCATIVE = ("on", "to", "at", "in", "towards", "toward", "reach", "reaches", "orbit", "around")


def told_at(place: Sequence[str], synopses: Sequence[tuple[str, T]]) -> tuple[str, T] | None:
    """The synopsis sentence (and its source) that takes the story to ``place``, if any.

    The place must follow a word of going or being there ("lands on Phobos", "a race to
    Mars"), not merely be named ("a Martian queen", "the first flight since Mars").
    """
    found = _told_at(spellings(place), tuple(text for text, _ in synopses))
    return None if found is None else (found[1], synopses[found[0]][1])


@functools.lru_cache(maxsize=4096)  # the same few places are asked about for every document
def _told_at(names: tuple[str, ...], texts: tuple[str, ...]) -> tuple[int, str] | None:
    """The index of the synopsis and the sentence that take the story to ``names``."""
    wanted = [_folded(n).strip() for n in names]
    _, sentences = _prepared(texts)
    for index, sentence, folded, _stems in sentences:
        words = folded.split()
        for at, word in enumerate(words):
            if word not in _LOCATIVE:
                continue
            rest = " ".join(words[at + 1 : at + 6])
            rest = re.sub(r"^(?:the )?(?:(?:planet|moon|red planet) )?", "", rest)
            if any(f"{rest} ".startswith(f"{w} ") for w in wanted if w):
                return index, sentence
    return None


def cloze(quote: str, names: Sequence[str]) -> str | None:
    """``quote`` with every spelling of the key blanked out, or None if it is not there.

    The whole name is blanked where the quote writes it whole; a first name or a surname
    alone only where it does not ("Andrei" in a story that names him so).
    """
    whole = [n for n in spellings(names) if n and _whole_name(n).search(quote)]
    chosen = whole or _parts(names)
    spelt = tuple(n for n in sorted(chosen, key=len, reverse=True) if n)
    if not spelt:
        return None
    blanked, count = _blanks(spelt).subn("_____", quote)
    return blanked if count else None


@functools.lru_cache(maxsize=4096)  # the same keys are blanked in many quotes
def _whole_name(name: str) -> re.Pattern[str]:
    """``name`` as whole words, in any case."""
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)


@functools.lru_cache(maxsize=4096)
def _blanks(spelt: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``spelt`` (longest first) as whole words, in any case."""
    return re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, spelt))})(?![\w])", re.IGNORECASE)
