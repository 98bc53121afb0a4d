"""Plot rules of the extractor: who the aliens are, where ships land, who flies and stays.

Plot sentences lean on the story so far ("they land on Mars" is about the aliens only if
the sentences before were), so :class:`Story` keeps a little state per document: who the
last actors were (aliens or the human crew) and whether a second ship was just mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from questions.extract_rules import Found, Sentence
from questions.models import Relation
from questions.patterns import gated, has_any, needle_set, needles_of

_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_VESSEL = gated(r"\b(?:ship|craft|rocket|vessel)\b", "ship", "craft", "rocket", "vessel")
_NUM = r"(?P<n>two|three|four|five|six|\d)"
_PLACE = r"(?P<p>the Moon|[A-Z][a-z]+)"
_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"
_ASIDE = r"(?: \([^()]*\))?"  # "Andrei Sayenko (Boris Borisyonok) writes a song"
_NOT_NAMES = frozenset(
    {"It", "He", "She", "They", "One", "Someone", "Nobody", "Everyone", "The", "This", "Earth"}
)

# Who "they" are: aliens when an alien word opens the sentence (its subject), the human
# crew when a sentence is about cosmonauts or their ships.
_ALIEN_SUBJECT = gated(
    r"^(?:\S+ ){0,5}?(?:the |a |an )?(?:\w+ )?(?:aliens?|extraterrestrials?|humanoids?"
    r"|[A-Z][a-z]+ians|visitors)\b",
    "alien",
    "extraterrestrial",
    "humanoid",
    "ians",
    "visitors",
)
_HUMAN_WORDS = gated(
    r"\b(?:cosmonauts?|astronauts?|Earth sends|rescue (?:ship|mission)|expedition|crew"
    r"|(?:second|rescue|smaller|our) ship)\b",
    "cosmonaut",
    "astronaut",
    "Earth sends",
    "rescue ",
    "expedition",
    "crew",
    "second ship",
    "smaller ship",
    "our ship",
    anchor=0,  # every needle opens its phrasing
)
_HOMEWORLD = gated(
    r"\b(?i:race|aliens?|beings|people|civili[sz]ation|humanoids?|inhabitants|visitors)"
    r"(?: \w+){0,2}? (?:on|from|of) (?:the )?(?:(?:far[- ]off|distant|faraway|far away|remote) )*"
    r"planet (?:of |called |named )?(?P<p>[A-Z][\w-]+)"
    r"|\b(?:aliens?|visitors|beings) from (?P<q>[A-Z][\w-]+)",
    "planet",
    " from ",
)
_LANDS = gated(
    r"\b(?:land|lands|landed|crash-lands?|crash-landed|touch(?:es)? down|"
    rf"(?:make|makes|made) an emergency landing) (?:on|upon) (?:the planet )?{_PLACE}",
    "land",
    "touch",
)
_ALIEN_SHIP_LANDS = gated(
    rf"\balien (?:ship|spaceship|craft) (?:lands|landed|crashes|crashed|comes down) on {_PLACE}",
    "alien ",
    anchor=0,
)
_SECOND_SHIP_FOUND = gated(
    rf"\b[Oo]n {_PLACE},? (?:\w+ ){{0,3}}(?:find|finds|found|discover|discovers|discovered|locate"
    r"|locates)(?: \w+){0,2}? (?:second|other|missing) alien (?:ship|spaceship|craft|vessel)"
    r"|\b(?:find|finds|found|discover\w*|locate\w*) (?:the )?(?:second|other|missing) alien "
    r"(?:ship|spaceship|craft|vessel)s? on (?P<q>the Moon|[A-Z][a-z]+)",
    "alien ",
)
_CANNOT_CARRY = gated(
    r"\b(?:not able to|unable to|cannot|can't|can not|too small to) (?:carry|hold|take|fit|seat)"
    rf" (?:all )?{_NUM}\b",
    "able to",
    "cannot",
    "can't",
    "can not",
    "too small to",
)
_ONLY_CARRIES = gated(
    rf"\b(?:(?:carry|carries|hold|holds|take|takes|seat|seats) only|only (?:has )?room for"
    rf"|room for only) {_NUM}\b",
    "only",
)
_STAY_ON = gated(
    rf"\b(?:stay|stays|remain|remains|be left|is left|are left|left) (?:behind )?on {_PLACE}",
    "stay",
    "remain",
    "left",
)
_CHARACTER_STAYS = gated(
    rf"\b(?P<c>{_NAME}){_ASIDE} (?:stays|remains|is left|volunteers to stay"
    r"|decides to stay|chooses to stay|agrees to stay)\b",
    "stays",
    "remains",
    "is left",
    "to stay",
)
_TAKES_ALIEN = gated(
    rf"\b(?P<c>{_NAME}){_ASIDE} (?:takes|flies|carries|brings|gets|ferries) "
    r"(?:her|him|the alien|the (?:injured|wounded|surviving) alien)(?: back| safely)* to the "
    r"(?:main|mother|first|rescue) ship",
    *(f" to the {which} ship" for which in ("main", "mother", "first", "rescue")),
)
_FIRST_MISSION = gated(
    rf"\b(?P<c>{_NAME}){_ASIDE} (?:is|was) (?:sent|chosen|selected|assigned)"
    r" (?:on|for|to join) the (?:first |rescue )*(?:mission|expedition|flight)",
    *(
        f"{verb} {how} "
        for verb in ("is", "was")
        for how in ("sent", "chosen", "selected", "assigned")
    ),
)
_SECOND_SHIP = gated(
    r"\bsecond(?:,)? (?:\w+ )?(?:ship|spaceship|rocket|craft)\b", "second", anchor=0
)
_CREW_PAIR = gated(
    rf"\bOne is (?P<a>{_NAME}) and the other is (?P<b>{_NAME})"
    rf"|\b(?P<c>{_NAME}) and (?P<d>{_NAME}) (?:are|were) (?:on board|aboard|its crew|the crew)"
    rf"|\b(?:crewed|piloted|manned|flown) by (?P<e>{_NAME}) and (?P<f>{_NAME})",
    "One is ",
    *(
        f" {verb} {where}"
        for verb in ("are", "were")
        for where in ("on board", "aboard", "its crew", "the crew")
    ),
    *(f"{how} by " for how in ("crewed", "piloted", "manned", "flown")),
)
_SONG = gated(rf"\b(?P<c>{_NAME}){_ASIDE} (?:writes|wrote|composes|composed) a song", " a song")
_SETTING_WORDS = ("mission", "expedition", "journey", "voyage", "flight", "trip", "travel")
_SETTING = gated(
    rf"\b(?:mission|expedition|journey|voyage|flight|trip|travels?|sent) to {_PLACE}",
    *(f"{word} to " for word in _SETTING_WORDS),
    "travels to ",
    "sent to ",
    anchor=0,
)


_SHARED_SUBJECT = re.compile(r"[A-Z][a-z]+ and $")

# Each group of plot rules is tried only on sentences with one of its patterns' needles.
_ALIEN_NEEDLES = needle_set(needles_of(_HOMEWORLD, _ALIEN_SHIP_LANDS, _LANDS, _SECOND_SHIP_FOUND))
# A sentence without any of these changes nothing but the countdown after a second ship.
_STORY_NEEDLES = needle_set(
    needles_of(
        _ALIEN_SUBJECT,
        _HUMAN_WORDS,
        _HOMEWORLD,
        _SECOND_SHIP,
        _ALIEN_SHIP_LANDS,
        _LANDS,
        _SECOND_SHIP_FOUND,
        _CANNOT_CARRY,
        _ONLY_CARRIES,
        _STAY_ON,
        _CHARACTER_STAYS,
        _TAKES_ALIEN,
        _FIRST_MISSION,
        _SONG,
        _CREW_PAIR,
        _SETTING,
    )
)
_RESCUE_NEEDLES = needle_set(
    needles_of(
        _CANNOT_CARRY,
        _ONLY_CARRIES,
        _STAY_ON,
        _CHARACTER_STAYS,
        _TAKES_ALIEN,
        _FIRST_MISSION,
        _SONG,
    )
)


def _name(match: re.Match[str], group: str = "c") -> str | None:
    """The single name a plot rule matched; not one of "Andrei and Ivan" doing it together."""
    name = match[group]
    if name is None or name.split()[0] in _NOT_NAMES:
        return None
    return None if _SHARED_SUBJECT.search(match.string[: match.start(group)]) else name


class Story:
    """Reads plot sentences in order, remembering who acted last."""

    def __init__(self) -> None:
        self.actor: str | None = None
        self.second_ship = 0

    def read(self, sentence: Sentence) -> Iterator[Found]:
        """Plot statements of one sentence (all about the film in context)."""
        text = sentence.text
        if not has_any(_STORY_NEEDLES, text):
            self.second_ship = max(0, self.second_ship - 1)
            return
        if _ALIEN_SUBJECT.search(text) or ("planet" in text and _HOMEWORLD.search(text)):
            self.actor = "alien"
        elif _HUMAN_WORDS.search(text):
            self.actor = "human"
        self.second_ship = 3 if _SECOND_SHIP.search(text) else max(0, self.second_ship - 1)
        if has_any(_ALIEN_NEEDLES, text):
            yield from self._aliens(text)
        if has_any(_RESCUE_NEEDLES, text):
            yield from self._rescue(text)
        if self.second_ship:
            for match in _CREW_PAIR.finditer(text):
                for a, b in (("a", "b"), ("c", "d"), ("e", "f")):
                    if match[a]:
                        yield Found(Relation.SECOND_SHIP_CREW, match[a])
                        yield Found(Relation.SECOND_SHIP_CREW, match[b])
        for match in _SETTING.finditer(text):
            yield Found(Relation.SETTING, match["p"])

    def _aliens(self, text: str) -> Iterator[Found]:
        for match in _HOMEWORLD.finditer(text):
            yield Found(Relation.ALIEN_HOMEWORLD, match["p"] or match["q"])
        explicit = _ALIEN_SHIP_LANDS.search(text)
        lands = _LANDS.search(text)
        if explicit:
            yield Found(Relation.ALIEN_SHIP_LANDS_ON, explicit["p"])
        elif lands and self.actor == "alien":
            yield Found(Relation.ALIEN_SHIP_LANDS_ON, lands["p"])
        found = _SECOND_SHIP_FOUND.search(text)
        if found:
            yield Found(Relation.SECOND_ALIEN_SHIP_FOUND_ON, found["p"] or found["q"])

    def _rescue(self, text: str) -> Iterator[Found]:
        if _VESSEL.search(text):
            cannot = _CANNOT_CARRY.search(text)
            only = _ONLY_CARRIES.search(text)
            if cannot:
                yield Found(Relation.RESCUE_SHIP_CAPACITY, str(_number(cannot["n"]) - 1))
            elif only:
                yield Found(Relation.RESCUE_SHIP_CAPACITY, str(_number(only["n"])))
        for match in _STAY_ON.finditer(text):
            yield Found(Relation.LEFT_BEHIND_ON, match["p"])
        for pattern, relation in (
            (_CHARACTER_STAYS, Relation.LEFT_BEHIND),
            (_TAKES_ALIEN, Relation.ALIEN_TAKEN_TO_MAIN_SHIP_BY),
            (_FIRST_MISSION, Relation.FIRST_MISSION_CREW),
            (_SONG, Relation.SONG_WRITTEN_BY),
        ):
            for match in pattern.finditer(text):
                name = _name(match)
                if name:
                    yield Found(relation, name)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]
