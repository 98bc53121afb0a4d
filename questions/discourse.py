"""The shape of a document: sentences, paragraphs, headings and what each part is about.

A document has a topic (the film it names most, the first one on a tie); a heading or a
list entry that names a film makes that film the subject of what follows it, until the
next heading; a paragraph that opens with a film is about that film. Phrases such as "the
film", "it", "the latter", "the original" or "its American version" are resolved against
what the document has named so far (see :class:`Discourse`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import lemminflect

# A sentence ends at a line break, or at a run of stops (closing quotes may follow) and the
# gap before a capital or a digit.
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)|[.!?]*[”\"’)*]*(?P<gap>[ \t]+)(?=[“\"(‘*_]?[A-Z0-9]))")
# (a rank's or a professor's title before a name ends no sentence, as "Dr." does not: "the
# stern Cmdr. Brockman"; rarely, one that ends a sentence glues it to the next)
_ABBREVIATION = re.compile(
    r"[A-Z](?:\.[A-Z])*|Mr|Mrs|Ms|Dr|Prof|Capt|Cmdr|Lt|Sgt|St|Jr|Sr|No|vs|dir|Dir|prod|Prod"
    r"|approx"
)
_MONTH_SHORT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n")
# A post's number and its writer's handle ("#2 pavlik_k", "#4 kosmo77"): a handle with a
# digit or "_" ("#1 Solaris" and "#1 solaris" head a list's entries).
_NUMBERED_HANDLE = (
    r"#\d+[ \t]+[A-Za-z][\w.-]*[\d_][\w.-]*"
    r"(?=[ \t]*(?:[-–·•|]|\r?\n|$))"
)
# A post's header in a thread ("mila wrote:", "Posted by Gorky_fan:") or a rule ("---"):
# a post right under the one before, with no blank line between them, is a paragraph of its
# own.
_POST_HEADER = re.compile(
    r"(?<=[^\s\-=_*#~])[ \t\r]*\n(?=(?:[ \t]*\S{1,40}\s+(?:wrote|writes|replied)\s*:"
    r"|[ \t]*(?:(?:#|post\s*#?|reply\s*#?)\d+[ \t:.-]*)?posted by\b[^\n]{0,60}"
    # a handle and its points or time ("u/gravitsapa - 140 points", "ANSWER (7) - kosmo_dad")
    r"|[ \t]*(?:u/[\w-]{1,40}|(?:accepted\s+)?answer\s*\(\d+\)\s*[-–:]\s*[\w-]{1,40}"
    r"|" + _NUMBERED_HANDLE + r")(?:\s+[-–·•|]\s+[^\n]{0,40})?"
    r"|[ \t]*(?:-{3,}|\*{3,}|_{3,}|={3,}))[ \t\r]*\n)",  # or a rule between posts
    re.IGNORECASE,
)
# A speaker before a message on the same line, in a chat or under a post: "comment by lev:",
# "comment (lev):", "[21:07] lev:", "lev_k:" (a handle, see _speakers)
_SPEAKER = re.compile(
    r"^[ \t]*(?:(?:[Cc]omment|[Rr]eply)\s+(?:by\s+)?\(?[\w.-]{1,40}\)?"
    r"|\[[^\]\n]{0,30}\d:\d\d[^\]\n]{0,10}\]\s*[\w.-]{1,40}"  # (a time in the brackets)
    r"|(?P<handle>[A-Za-z][\w.-]{0,30}))\s*:(?=[ \t]+\S)",
    re.MULTILINE,
)
# A post's header line on its own ("#3 posted by ostrov", "mila wrote:"): no title.
_POST_LINE = re.compile(
    r"(?:(?:#|post\s*#?|reply\s*#?)\d+[ \t:.-]*)?posted by\b|u/[\w-]{1,40}(?:\s+[-–·•|]\s+[^\n]"
    r"{0,40})?$|(?:accepted\s+)?answer\s*\(\d+\)\s*[-–:]\s*[\w-]{1,40}\s*$"
    # a speaker cut from the message after it, or a dated one on a line of its own
    r"|" + _NUMBERED_HANDLE + r"(?:\s+[-–·•|]\s+[^\n]{0,40})?$"
    r"|(?:comment|reply)\s+(?:by\s+)?\(?[\w.-]{1,40}\)?\s*:$"
    r"|\[[^\]\n]{0,30}\d:\d\d[^\]\n]{0,10}\]\s*[\w.-]{1,40}\s*:?$"
    r"|\S{1,40}\s+(?:wrote|writes|replied)"
    r"\s*:\s*$|(?:from|author|posted|date|sent)\s*:\s*\S[^\n]{0,60}$",
    re.IGNORECASE,
)
# A line that is only a year ("1936", "(1936)."): the date of the title above it.
ONLY_A_YEAR = re.compile(r"[\W_]*\(?(?:1[89]\d\d|20\d\d)\)?[.,]?")
_YEAR_IN_BRACKETS = re.compile(r"\([^()\n]{0,60}\b(?:1[89]\d\d|20\d\d)\)")
_HEADING_MARK = re.compile(r"^(?:#+\s*|\d{1,3}[.)]\s+|\*\*)")
_CREDITS = re.compile(
    r"^(?:dir\.|directed|director|prod\.|producer|starring|cast|with|country|music|"
    r"written|screenplay|runtime|language|description|fact|note|studio|source|score"
    r"|composer|year|released|voices|based on|production company)\b",
    re.IGNORECASE,
)
# A clock time: "15:00", "6.15 pm", "8 pm" (an hour alone only with its "am" or "pm")
CLOCK = r"\d{1,2}(?:[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?|\s*[aApP]\.?[mM]\.?)(?![a-zA-Z])"
# A line of a programme opens on its day or its hour: "Saturday, 8 pm - ", "20:00 - "
_SCHEDULE_LEAD = re.compile(
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|{CLOCK})[^()]*?\s[–—-]\s", re.IGNORECASE
)
_YEAR_AT_END = re.compile(r"\((?:[^()]*?[,;]\s*)?(?:1[89]\d\d|20\d\d)\)[\s*:_\-–]*$")


class Sentence(NamedTuple):
    """A sentence or line of a document: its span, text and paragraph number."""

    start: int
    end: int
    text: str
    paragraph: int = 0
    line: bool = False  # the sentence is a whole line of the document
    speaker: bool = False  # the sentence is who speaks, cut from the message after it


# A lone capitalised word with "!" set off by a comma, the sentence going on after it in
# capitals: a title with "!" in it ("An animated remake, Ku! Kin-dza-dza, ...").
_TITLE_EXCLAIMED = re.compile(r",\s+[A-Z][\w'’-]*!$")
_SENTENCE_OPENER = re.compile(
    r"(?:I|It|He|She|They|We|You|The|This|That|These|Those|A|An|But|And|So|Then|There|What"
    r"|Who|How|Why|Yes|No|Oh)\b"
)


def _speakers(text: str) -> dict[int, int]:
    """Where each message of a chat or a comment under a post starts: its speaker's span.

    "comment by lev:" and "[21:07] lev:" (a time in the brackets) are speakers wherever they
    open a line; a bare "lev_k:" only in a conversation, where two handles at least open two
    lines each, and only a handle: in lower case or with a digit or "_" (not "Banionis:",
    "Solaris:", labels of a list), and no English word ("plot:", "verdict:").
    """
    found = list(_SPEAKER.finditer(text))
    handles = Counter(m["handle"] for m in found if m["handle"])
    talking = {
        h
        for h, n in handles.items()
        if n >= 2
        and (
            re.search(r"[\d_]", h) is not None
            or (h[0].islower() and not lemminflect.getAllLemmas(h.lower()))
        )
    }
    if len(talking) < 2:
        talking = set()
    return {
        m.start() + len(m[0]) - len(m[0].lstrip()): m.end()
        for m in found
        if not m["handle"] or m["handle"] in talking
    }


def split_sentences(text: str) -> list[Sentence]:
    """Sentences and lines, not split after initials such as "T." or "H.G.".

    A speaker before a message ("comment by lev: ...", "lev_k: ...") is a line of its own
    and its message a post of its own.
    """
    speakers = _speakers(text) if ":" in text else {}
    breaks = sorted(
        {m.start() for m in _PARAGRAPH_BREAK.finditer(text)}
        | {m.start() for m in _POST_HEADER.finditer(text)}
        | {line for at in speakers if (line := text.rfind("\n", 0, at)) > 0}
    )
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group("gap"):
            end = match.start("gap")
            if ends_with_abbreviation(text[start:end].rstrip('.!?”"’*')):
                continue
            if text[match.end() : match.end() + 1].isdigit() and _MONTH_SHORT.search(
                text, start, end
            ):
                continue  # "Sept. 12, 1959": a month cut short, then its day
            if text[end - 1] in "!?" and _YEAR_IN_BRACKETS.match(text, match.end()):
                continue  # "Kin-dza-dza! (Daneliya, 1986)": a title's own "!", then its credits
            if (
                text[end - 1] == "!"
                and _TITLE_EXCLAIMED.search(text, start, end)
                and not _SENTENCE_OPENER.match(text, match.end())
            ):
                continue  # "a remake, Ku! Kin-dza-dza, directed by ...": inside a title
        else:
            end = match.start()
        _add_trimmed(sentences, text, start, end, breaks)
        start = match.end()
    _add_trimmed(sentences, text, start, len(text), breaks)
    if "|" in text or "•" in text or "·" in text or _DASH_BREAK.search(text):
        sentences = [field for s in sentences for field in _fields(s)]
    if speakers:
        sentences = [part for s in sentences for part in _spoken(s, speakers, text)]
    return sentences


def _spoken(sentence: Sentence, speakers: dict[int, int], text: str) -> list[Sentence]:
    """A sentence opening on a speaker: the speaker, a line of its own, then the message."""
    end = speakers.get(sentence.start)
    if end is None or end >= sentence.end:
        return [sentence]
    begin = end + len(text[end : sentence.end]) - len(text[end : sentence.end].lstrip())
    line_end = len(text) if (nl := text.find("\n", sentence.end)) < 0 else nl
    whole = not text[sentence.end : line_end].strip()
    return [
        Sentence(sentence.start, end, text[sentence.start : end], sentence.paragraph, True, True),
        Sentence(begin, sentence.end, text[begin : sentence.end], sentence.paragraph, whole),
    ]


# Fields of a line set apart by bars or dots: "1936 | Director: X | Studio: Lenfilm".
_FIELD_BREAK = re.compile(r"[ \t]+[|•·][ \t]+")
_DASH_BREAK = re.compile(r"[ \t]+[-–—][ \t]+")


def _fields(sentence: Sentence) -> list[Sentence]:
    """A credits line's fields, each a line of its own; any other sentence as it is."""
    text = sentence.text
    if not sentence.line:
        return [sentence]
    breaks = _FIELD_BREAK
    if breaks.search(text) is None:
        # "USSR 1967 - Dovzhenko Film Studios - directed by ...": dashes, two at least, in
        # a line that ends like no sentence and has a credit among its pieces (not "Solaris
        # - 1972 - is the one everyone knows, but Eolomea - directed by Zschoche - is better.")
        if len(_DASH_BREAK.findall(text)) < 2 or text.rstrip().endswith((".", "!", "?")):
            return [sentence]
        if not any(_CREDITS.match(piece.strip()) for piece in _DASH_BREAK.split(text)):
            return [sentence]
        breaks = _DASH_BREAK
    spans, at = [], 0
    for found in breaks.finditer(text):
        spans.append((at, found.start()))
        at = found.end()
    spans.append((at, len(text)))
    spans = [(a, b) for a, b in spans if text[a:b].strip()]
    if not any(
        _CREDITS.match(piece) or ONLY_A_YEAR.fullmatch(piece)
        for piece in (text[a:b].strip() for a, b in spans)
    ):
        return [sentence]  # "#5  marsianka  |  13 Jan 2021": no credits
    begin = sentence.start
    return [
        # (a field in lower case that is no credit, "from the novel by X", is no heading)
        Sentence(begin + a, begin + b, text[a:b], sentence.paragraph, _line_field(text[a:b]))
        for a, b in spans
    ]


def _line_field(piece: str) -> bool:
    """Whether a credits line's field stands as a line of its own (see _fields)."""
    return not piece[:1].islower() or _CREDITS.match(piece) is not None


def ends_with_abbreviation(piece: str) -> bool:
    """Whether ``piece``, its final stop taken off, ends where a stop ends no sentence.

    On an initial, a title such as "Mr" or "St", or a list number.
    """
    if not piece or piece[-1].isspace():
        return False
    if re.fullmatch(r"(?:#+[ \t]*)?\d{1,3}", piece.strip()):
        return True  # "2. The Glass Comet", "## 3. Solaris": a list number
    word = piece.rsplit(None, 1)[-1].rpartition("(")[2]
    return _ABBREVIATION.fullmatch(word) is not None


def _add_trimmed(
    sentences: list[Sentence], text: str, start: int, end: int, breaks: list[int]
) -> None:
    raw = text[start:end]
    stripped = raw.strip()
    if stripped:
        begin = start + len(raw) - len(raw.lstrip())
        finish = begin + len(stripped)
        # (a line indented, as a reply in a thread often is, is a whole line too)
        line_start = max(text.rfind("\n", 0, begin), text.rfind("\r", 0, begin)) + 1
        line_end = len(text) if (nl := text.find("\n", finish)) < 0 else nl
        whole_line = not text[line_start:begin].strip() and not text[finish:line_end].strip()
        sentences.append(
            Sentence(begin, finish, stripped, bisect.bisect(breaks, begin), whole_line)
        )


# A verb of a statement: a line holding one is a sentence, whatever marks open it.
_SENTENCE_VERB = re.compile(
    r"\b(?:is|was|are|were|has|had|made|directed|wrote|plays|played|came|comes|became|becomes"
    r"|did|does|stars|starred|shot|filmed|produced|composed|scored)\b"
)


def is_heading(sentence: Sentence) -> bool:
    """Whether a sentence is a heading or a list entry's title line.

    A whole line, short, not ending like prose: a title with its year in parentheses, a
    numbered or marked line, or a short line without a final full stop.
    """
    if not sentence.line:
        return False
    text = sentence.text.strip()
    words = text.split()
    closing = _YEAR_AT_END.search(text)
    if closing is not None and _SCHEDULE_LEAD.match(text):
        # a programme's line ("Saturday, 8 pm - " a title, then its other title and year in
        # brackets): what it closes on counts for no words
        words = text[: closing.start()].split()
    if len(words) > 14 or ";" in text or _CREDITS.match(text) or is_post_header(sentence):
        return False
    if ONLY_A_YEAR.fullmatch(text):
        return False  # a year alone on its line: the date of the title above it
    if _HEADING_MARK.match(text) and text.endswith(".") and _SENTENCE_VERB.search(text):
        return False  # "4. Tarkovsky made Solaris at Lenfilm.": a numbered point, a sentence
    if closing is not None or _HEADING_MARK.match(text):
        return True
    if text.startswith(("-", "•", "* ", ">")):
        return False  # a bullet or a quoted line: content, not a heading
    if text.endswith(("!", "?")) and not any(c.islower() for c in text) and len(words) <= 10:
        return True  # a title in capitals that ends on its own "!" ("KIN-DZA-DZA!")
    return not text.endswith((".", "!", "?", ",", ";", ":")) and len(words) <= 10


def is_post_header(sentence: Sentence) -> bool:
    """Whether a sentence is a post's header line in a thread ("#3 posted by ostrov")."""
    return sentence.speaker or (
        sentence.line and _POST_LINE.match(sentence.text.strip()) is not None
    )


def _lead_in(sentence: Sentence) -> bool:
    """A line that opens a post without saying anything: a rule, a subject or header line."""
    text = sentence.text.strip()
    return sentence.line and (
        is_post_header(sentence)
        or _RULE.fullmatch(text) is not None
        or _THREAD_TITLE.match(text) is not None
    )


_RULE = re.compile(r"-{3,}|\*{3,}|_{3,}|={3,}")
_THREAD_TITLE = re.compile(r"\s*(?:Thread|Subject|Topic|Re|Title)\s*:", re.IGNORECASE)


class FilmRef(NamedTuple):
    """A film as the document names it: the catalogue id when known, and the name used."""

    key: str  # the catalogue id, or "?" + the name's key for a film the catalogue lacks
    name: str


@dataclass(slots=True)
class Discourse:
    """What the document is about at each point, as sentences are read in order."""

    topic: FilmRef | None
    section: FilmRef | None = None
    paragraph_film: FilmRef | None = None
    last_named: FilmRef | None = None
    paragraph: int = -1
    # Every film named so far, most recent last (distinct films).
    named: list[FilmRef] = field(default_factory=list)
    # The last film named in the current paragraph, wherever in its sentence.
    in_paragraph: FilmRef | None = None
    # Every known film the current section's heading names ("X + Y": a double bill).
    section_films: list[FilmRef] = field(default_factory=list)
    # The film the last sentence of this paragraph stated something about, by name, and
    # the last such film of the paragraphs before (a reply goes on about it).
    about: FilmRef | None = None
    before: FilmRef | None = None
    # The film of the line the current paragraph (a reply) quoted, when known.
    replied: FilmRef | None = None
    # The film whose story the current sentence tells, when it names no film and its
    # characters, ships and places belong to another film than the one it would default to.
    story: FilmRef | None = None
    # The film whose story an earlier sentence of this paragraph told (found as ``story``).
    paragraph_story: FilmRef | None = None
    # The paragraph began with a lead-in line (a rule, a subject or header line): the
    # first sentence after it opens the paragraph.
    waiting: bool = False
    # The document is a thread: a post's header or rule has been read.
    thread: bool = False
    # ``last_named`` is the film of the line a reply quoted: any film the reply names after
    # the quote is what "it" is then ("> Lem wrote Solaris in 1961" / "... the hill of Pilot
    # Pirx's Inquest. Piestrak directed it").
    quoted_it: bool = False

    def enter(self, sentence: Sentence, opening: FilmRef | None, heading: bool) -> None:
        """Move to ``sentence``; ``opening`` is a film it opens with, if any."""
        self.story = None
        if opening is not None or sentence.paragraph != self.paragraph:
            self.quoted_it = False  # "it" is no longer the quoted line's film
        if heading and opening is not None and _THREAD_TITLE.match(sentence.text):
            heading = False  # a thread's title names what it is about, not a section
        if heading and opening is not None:
            self.section = self.paragraph_film = self.last_named = opening
            self.in_paragraph = opening
            self.about = self.before = self.replied = None
            self.paragraph = sentence.paragraph
            return
        lead_in = _lead_in(sentence)
        self.thread = self.thread or lead_in  # (a rule; a post's header is noted by the reader)
        if sentence.paragraph != self.paragraph:
            self.paragraph = sentence.paragraph
            self.paragraph_story = None
            self.paragraph_film = opening
            self.last_named = opening
            # a post's rule, subject or header line: its first sentence opens it
            self.waiting = lead_in and opening is None
            # a post that stated nothing of a film by name still speaks of the last it named
            named = self.in_paragraph
            if named is not None and named.key.startswith("?"):
                named = None  # an unknown title is no film to go on about
            # a post goes on about what it stated something of by name, else what it quoted,
            # else the film it named last
            self.before = self.about or self.replied or named or self.before
            self.replied = None
            self.in_paragraph = None
            self.about = None
        elif self.waiting and not lead_in:
            self.waiting = False
            self.paragraph_film = opening
            if opening is not None:
                self.last_named = opening
        elif opening is not None:
            self.last_named = opening

    def leave_section(self) -> None:
        """End the section of the film before a heading that names a new part of the page.

        A date heading in a programme ("30 October") names no film: what follows it is not
        the film before it's.
        """
        self.section = self.paragraph_film = self.last_named = self.in_paragraph = None
        self.section_films = []

    def saw(self, film: FilmRef) -> None:
        """Note that the document named ``film``."""
        if self.quoted_it:
            self.quoted_it = False
            if self.last_named is not None and self.last_named.key != film.key:
                self.last_named = None
        if film in self.named:
            self.named.remove(film)
        self.named.append(film)
        self.in_paragraph = film

    def current(self) -> FilmRef | None:
        """The film "it" or "the film" refers to here: the last one named in this paragraph.

        A sentence's own subject ("X ... It was") wins over films it names in passing.
        """
        return (
            self.story
            or self.last_named
            or self.in_paragraph
            or self.paragraph_film
            or self.section
            or (self.topic)
        )

    def default(self) -> FilmRef | None:
        """The film a sentence that names none is about: its section's, else the topic."""
        return self.story or self.paragraph_film or self.section or self.topic

    def recent(self, skip: int = 0) -> FilmRef | None:
        """The most recently named film (``skip=1``: the one before it)."""
        return self.named[-1 - skip] if len(self.named) > skip else None


def document_topic(
    films: Sequence[FilmRef], first_paragraph: Callable[[FilmRef], bool]
) -> FilmRef | None:
    """The film a document is about: the one it names most, the first named on a tie.

    Films named in the first paragraph count double (a topic is introduced early).
    """
    if not films:
        return None
    counts: Counter[str] = Counter()
    first: dict[str, FilmRef] = {}
    for film in films:
        counts[film.key] += 2 if first_paragraph(film) else 1
        first.setdefault(film.key, film)
    order = list(first)
    best = max(order, key=lambda key: (counts[key], -order.index(key)))
    return first[best]
