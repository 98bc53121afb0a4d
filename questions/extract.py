"""Turn a document into atomic claims, each resting on an exact span of the text.

Extraction works from what a sentence names rather than from sentence templates:

1. :mod:`questions.mentions` finds the films, people, novels, studios, countries, places,
   characters and events the references know (by any name, in any script), years, numbers,
   and unknown titles or names (so invented films and people are still reported).
2. Films named side by side with only alias words between them ("A” AKA “B”", "A (Russian:
   Б, 1959)") form one title group: the same film, one subject, and alias claims.
3. For every other mention, the relation comes from the cue words written between it and
   its film (or just before it, or right after it) as :mod:`questions.relations` lists them
   per relation: "directed by", "helmed by", "starring", "X plays Y", "made at", "adapted
   from", "re-edited into", "sequel", "released in", "(1962)" ...
4. The subject is the film the clause names; otherwise "it", "the film", "the latter", "the
   original", "its American version" are resolved by :mod:`questions.discourse`; otherwise
   the section's or the document's film, with less confidence when the sentence names
   another film as well (such a claim is never reported as contradicted).
5. Sentences of the story (places, characters, numbers) become plot claims whose key
   entity a reference synopsis may corroborate.

Every claim keeps the span of the sentence it came from.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

import simplemma

from questions.catalogue import Catalogue
from questions.discourse import (
    CLOCK,
    ONLY_A_YEAR,
    Discourse,
    FilmRef,
    Sentence,
    document_topic,
    is_heading,
    is_post_header,
    split_sentences,
)
from questions.history_rules import history_statements
from questions.mentions import (
    AGAIN_AFTER,
    DEMONYMS,
    NAME_KIND,
    NUMBER_KIND,
    NUMBER_WORDS,
    STORY_KIND,
    TITLE_FOLLOWED,
    TITLE_KIND,
    TITLES,
    YEAR_KIND,
    Gazetteer,
    Mention,
    MentionFinder,
    capitalised_runs,
    date_of,
    studio_short_names,
)
from questions.models import Claim, Document, Evidence, Relation
from questions.names import lower_case_twin, lowers_plainly, name_key, plain, search_lowered
from questions.plot import (
    AUXILIARIES,
    adjective,
    describing_word,
    is_verb,
    leading_word,
    named_things,
    names_in,
    noun_phrase,
    only_adjective,
    opens_on_name,
    story_index,
    story_things,
)
from questions.relations import SPECS

# How sure an attribution is: the clause names the film; a pronoun or heading resolved it;
# the document's film by default; the default while the sentence names another film.
NAMED, RESOLVED, DEFAULT, DOUBTFUL = 1.0, 0.9, 0.75, 0.4
_NO_FILM = FilmRef("", "")  # no film: whose character a part is, among all named
# A sentence that opens on another work in another medium: "In the 1981 cartoon, ...", "In
# that radio play", "In the novel"
_IN_ANOTHER_MEDIUM = re.compile(
    r"\W*(?:in|on|for)\s+(?:the|a|an|that|this|its)\s+(?:(?:\d{4}s?|[\w-]+)\s+){0,2}?"
    r"(?:cartoon|animated\s+(?:film|version)|television\s+(?:version|play|film)|tv\s+(?:version"
    r"|play|film)|radio\s+(?:play|version)|stage\s+(?:play|version)|play|opera|novel|book)\b",
    re.IGNORECASE,
)
# Another work or version a sentence may speak of, whose part a character may be
_ANOTHER_WORK = re.compile(
    r"\b(?:version|versions|television|tv|cartoon|play|radio|remake|stage|opera|novel|book"
    r"|series|adaptation|adapted)\b",
    re.IGNORECASE,
)
# A sentence naming more than this (a run-on list of thousands of names) is read only so far:
# reading it is quadratic in its mentions, and no prose sentence comes near.
MAX_MENTIONS = 120
CONFIDENT = 0.7
# Words that say a statement is not meant literally ("a Soviet film in disguise", "a sequel
# in all but name"): what such a sentence states may be verified, never blamed.
_FIGURATIVE = re.compile(  # a first letter looked ahead for before the phrases are tried
    r"\b(?=[iaoskmvpe])(?:in disguise|in spirit|at heart|in all but name|of sorts|sort of|kind of|"
    r"more or less|in effect|so to speak|as it were|virtually|practically|essentially)\b",
    re.IGNORECASE,
)
_FIGURATIVE_LOWER = lower_case_twin(_FIGURATIVE)

_FILM_KINDS = frozenset({"film", TITLE_KIND})
_PERSON_KINDS = frozenset({"person", NAME_KIND})
# What may stand between two names of one film: alias words, brackets, quotes, commas.
# Words that may stand between two names of one film, and those that say they are one film.
_ALIAS_WORDS = frozenset(
    [
        "aka",
        "a.k.a",
        "a.k.a.",
        "also",
        "known",
        "as",
        "in",
        "english",
        "the",
        "us",
        "america",
        "west",
        "english-speaking",
        "countries",
        "released",
        "or",
        "russian",
        "german",
        "polish",
        "ukrainian",
        "czech",
        "original",
        "title",
        "literally",
        "translated",
        "translates",
        "lit",
        "lit.",
        "better",
        "widely",
        "distributed",
        "shown",
    ]
)
_ALIAS_MARKS = frozenset(
    [
        "aka",
        "a.k.a",
        "a.k.a.",
        "known",
        "released",
        "or",
        "russian",
        "german",
        "polish",
        "ukrainian",
        "czech",
        "title",
        "literally",
        "translated",
        "translates",
        "lit",
        "lit.",
        "distributed",
        "shown",
        "english",
        "original",
    ]
)
_GAP_SEPARATORS = re.compile(r"[\s,;:()\[\]“”\"'*_/–-]+|(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)")


_DATED_LIST_GAP = re.compile(r"\s*\(\s*(?:1[89]|20)\d\d\s*\)\s*(?:,|and)\s*")


def _alias_gap(gap: str) -> bool:
    """Whether the text between two titles says they are names of one film.

    Brackets, slashes, quotes or alias words ("aka", "also known as", "Russian:") must be
    there; a comma alone separates two films ("Solaris, Planeta Bur and Aelita").
    """
    if len(gap) > 80 or _DATED_LIST_GAP.fullmatch(gap):
        return False  # "Der schweigende Stern (1960), Eolomea": a film's year, then the next
    words = _GAP_SEPARATORS.sub(" ", gap.lower()).split()
    if any(word not in _ALIAS_WORDS for word in words):
        return False
    return bool(set(words) & _ALIAS_MARKS) or bool(re.search(r"[(\[/]", gap))


_CLAUSE_BREAK = re.compile(
    r";|\s[–—]\s|\bbut\b|\bwhereas\b|\bwhile\b|\balthough\b|\bthough\b|\bhowever\b"
    r"|, which\b|, whose\b"
)
# Every break above contains one of these (a plain test before the pattern is tried).
_CLAUSE_WORDS = (
    ";",
    "–",
    "—",
    "but",
    "whereas",
    "while",
    "though",
    "however",
    ", which",
    ", whose",
)
# What a verb's object may be to name a film the document named before ("Kromanov made it").
# Phrases that pick the film of their kind the document named last ("the cartoon").
_OF_A_KIND = frozenset({"the cartoon", "this cartoon", "the animated film", "the animation"})
_ANOTHER_MADE = re.compile(r"\b(?:remake|version|adaptation|re-?edit|sequel)s?\b", re.I)
_OBJECT_ANAPHOR = re.compile(
    r"^\s*(?:it|this|that|the film|this film|the movie|this movie|the picture|this picture"
    r"|the (?:american|us|soviet|russian) (?:version|cut|original|film)|its (?:american|us)"
    r" (?:version|cut)|the original|the re-edit|the sequel|its sequel|the cartoon"
    r"|the animated film)\b",
    re.IGNORECASE,
)
# Headings that name a part of a page rather than a film.
_SECTION_NAMES = frozenset(
    [
        "plot",
        "synopsis",
        "story",
        "summary",
        "cast",
        "crew",
        "credits",
        "production",
        "reception",
        "release",
        "legacy",
        "background",
        "music",
        "soundtrack",
        "history",
        "notes",
        "references",
        "sources",
        "trivia",
        "reviews",
        "review",
        "overview",
        "introduction",
        "conclusion",
        "themes",
        "analysis",
        "versions",
        "sequel",
        "sequels",
        "remakes",
        "see",
        "also",
        "further",
        "reading",
        "external",
        "links",
        "contents",
        "verdict",
        "the",
        "films",
        "films",
    ]
) | {"american version", "soviet version", "us version", "see also", "further reading"}
# Words that make a heading a programme's or a page's part wherever they stand in it
_PROGRAMME_WORDS = frozenset(
    {
        *("cinema", "bill", "sidebar", "retrospective", "programme", "program", "season"),
        *("festival", "answer", "answers", "question", "questions", "thread", "screenings"),
    }
)
# Words a heading for a part of a page is made of, and nothing else: "Plot of the novel and
# film", "Film adaptation", "American versions", "Home media".
_SECTION_WORDS = frozenset(w for name in _SECTION_NAMES for w in name.split()) | frozenset(
    [
        *("film", "films", "adaptation", "adaptations", "novel", "book", "and", "of", "in"),
        *("american", "soviet", "russian", "english", "german", "version", "original"),
        *("re-edits", "re-edit", "home", "media", "dvd", "cinema", "television", "tv"),
        *("a", "its", "their", "other", "later", "early", "first", "second", "life", "career"),
    ]
)


def _names_a_part(title: str) -> bool:
    """Whether a heading's words all name a part of a page ("Film adaptation")."""
    words = plain(title).split()
    return bool(words) and all(w in _SECTION_WORDS for w in words)


_THIS_FILM = re.compile(
    r"\bthis (?:[\w'’-]+ ){0,3}?(?:production|film|movie|picture|version|adaptation|feature"
    r"|cut|re-edit|one)\b",
    re.IGNORECASE,
)
_EACH = re.compile(
    r"\b(?P<w>both|all three|all four)\b(?! of (?:you|us)\b)[^,;.!?()]{0,40}$", re.IGNORECASE
)
_EACH_COUNT = {"both": 2, "three": 3, "four": 4}
# Verbs of taking a film's footage for another; the plain ones need a word for footage.
_GOING_BACK_TO = r"(?:went|goes|go|returned|came|comes)\s+back\s+to"
_FOOTAGE_VERB = re.compile(
    r"\b(?:mined|plundered|raided|recycled|reused|re-used|lifted|borrowed|cannibali[sz]ed|used"
    r"|reworked|turn(?:s|ed)?\s+up|resurface[sd]?|reappear(?:s|ed)?|handed|gave"
    r"|" + _GOING_BACK_TO + r")\b",
    re.IGNORECASE,
)
_FOOTAGE_VERB_LOWER = lower_case_twin(_FOOTAGE_VERB)
# Footage named as the subject of a passive verb of taking, right before it: "its effects were"
_FOOTAGE_PASSIVE = re.compile(
    r"\b(?:footage|reels?|shots|scenes|sequences|effects|material)\s+(?:(?:was|were|is|are|has"
    r"|have|had)\s+)?(?:(?:been|later|also|then|all|largely|mostly)\s+){0,2}$",
    re.IGNORECASE,
)
# A bare "into" ending a clause's head, before a place or a state rather than a film
_INTO_ELSEWHERE = re.compile(r"(?<![\w-])into\W?$")
_INTO_A_PLACE = re.compile(
    r"\s*(?:the\s+)?(?:space|orbit|cosmos|stars|sky|story|stories|future|past|genre|unknown"
    r"|void|night|darkness|history|oblivion|legend)\b"
    r"(?!\s+(?:movies?|films?|pictures?|operas?|adventures?|epics?|features?|westerns?)\b)"
)
# (the verbs of showing up again say footage only of footage named before them: "Its
# space-station shots turn up again in X", not "Kaidanovsky turns up in X")
_PLAIN_USE = frozenset(["used", "reused", "re-used", "borrowed", "handed", "gave"])
# ... handing over, only of footage, the verb's object, after whom it went to if named:
# "handed its effects footage (to)", "gave it", "handed over the Nebo Zovyot reels", "handed
# Coppola the reels" (not "gave the money from", "gave Planeta Bur's effects a realism")
_HANDED_OVER = frozenset(["handed", "gave"])
# ... and not taken by the one it was handed to: "who passed them over for X"
_PASSED_OVER = re.compile(
    r"(?i)\b(?:passed\s+(?:(?:it|them)\s+)?over|turned\s+(?:it|them)\s+down|rejected|refused"
    r"|declined|(?:did\s+not|didn['’]t|never)\s+use)\b"
)
_HANDED_FOOTAGE = re.compile(
    r"(?i)(?:handed|gave)\s+(?:over\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s+)?"
    r"(?:(?:it|them)\b|(?:(?:the|its|his|her|their|this|that"
    r"|those|these|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}['’]s)\s+)(?:[\w-]+\s+){0,3}?"
    r"(?:footage|reels|shots|scenes|sequences|material)\b)"
)
# ... and going back to something, which must be footage: "went back to the same reels for X"
_BACK_TO_FOOTAGE = re.compile("(?i)" + _GOING_BACK_TO)
# (not where it is doubted: "It is a myth that", "hardly"; hearsay, see _HEARSAY)
_MYTH = re.compile(r"(?i)\b(?:myth|doubt|whether|unclear|hardly)\b")
_SHOWS_UP = re.compile(r"(?i)turn|resurface|reappear")
# The film's own footage, as what turns up again: "its space-station shots", "the same
# reels" (not "similar shots", "newly shot scenes", "Rathbone's scenes")
_OLD_FOOTAGE = re.compile(
    r"(?i)\b(?:its|their|the|those|these|(?P<owner>[\w-]+)['’]s)\s+"
    r"(?!(?:[\w-]+\s+){0,2}?(?:new|newly|similar|own|fresh|added|extra|[\w-]+-shot)\b)"
    r"(?:[\w-]+\s+){0,2}?(?:footage|reels?|shots|scenes|sequences|effects|material)\s+"
    r"(?:(?:was|were|is|are|has|have|had|been|later|also|then|all|first|again)\s+){0,2}$"
)
_FOOTAGE_WORD = re.compile(
    r"\b(?:footage|reels?|shots|scenes|sequences|effects|material|stock)\b", re.IGNORECASE
)
# "... for Queen of Blood", "... for Curtis Harrington's Voyage ...": the film it went into.
_FOR_TARGET = re.compile(
    r"\b(?:for|in|into)\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}['’]s\s+)?"
    # "in the American Queen of Blood": a word for a people before the title
    r"(?:(?:"
    + "|".join(re.escape(d.upper() if len(d) <= 4 else d.title()) for d in DEMONYMS)
    + r")\s+)?"
    # "in the American films X and Y", "into a cheap monster movie, X"
    r"(?:(?:[\w-]+\s+){0,3}?(?:films?|pictures?|movies?|versions?|re-?edits?|features?)\s*,?\s+)?"
    r"[*_“\"]*$"
)
# Who bought a film: "Roger Corman (later) bought it", "... bought the Soviet picture".
_BOUGHT = re.compile(
    r"(?<=\S)\s+(?:(?:later|then|had|also)\s+)*(?:bought|acquired|picked up)\s+"
    r"(?:(?:it|the\s+(?:[\w-]+\s+){0,3}?(?:film|picture|movie|rights|footage)))?"
)
_BOUGHT_DOUBT = "relation uncertain: who bought a film made one of its re-edits, in a part"
# A re-edit of someone's film: "this first American re-edit of Klushantsev's footage".
_RE_EDIT_OF_MAKER = re.compile(
    r"(?P<np>\b(?:this|the|that)\s+(?:[\w-]+\s+){0,2}?(?:re-?edit|re-?cut|version))\s+of\s+"
    r"(?P<who>[A-Z][\w-]+)['’]s?\s+(?:[\w-]+\s+)?(?:film|footage|picture|movie|material)\b"
)
# Between a person and the verb they did: an aside or an adverb ("X, credited as Y, later").
_TAKER_GAP = re.compile(
    r"(?:\s*,[^,.;]{1,60},)?\s+(?:(?:later|also|then|again|himself|herself|simply|just)\s+)*"
)
_TAKER_DOUBT = "relation uncertain: who took the footage for a film usually, not always, made it"
# An actor, or an actor's part in common words, renamed: "X became", "X's professor became".
_BECAME = re.compile(
    r"(?:['’]s?\s+(?:part|role|character|hero|heroine|" + "|".join(sorted(TITLES)) + r"))?"
    r"\s+(?:became|becomes|was renamed|is renamed|turned into|turns into)\s+(?:the\s+)?"
)
# A participle that is the cue of the name before it: "Kurt Maetzig directing, from ..."
_PARTICIPLE_OWNED = re.compile(r"\s*,?\s+(?:co-)?(?:directing|producing|scoring|narrating)\s*[,;]")
# Actors of an original billed under other names in a re-edit, said of the sentence's actors
# as a whole: "the Soviet leads were re-credited under made-up American names", "every name
# was Americanised", "the actors were renamed in the credits" ...
_RENAMED_ALL = re.compile(
    r"\b(?:re-?credited|renamed|re-?named|rechristened|Americani[sz]ed|anglici[sz]ed|pseudonyms?"
    r"|(?:American|English|Anglo|new|made-up|fake|invented)[\w\s-]{0,20}?\bnames)\b",
    re.IGNORECASE,
)
# ... the words that may say it of one actor (a cheap test before the sentence is read)
_RENAMED = re.compile(
    _RENAMED_ALL.pattern
    + r"|\b(?:credited|billed|listed|appears?|turns?\s+up|shows?\s+up|becomes?|became)\b",
    re.IGNORECASE,
)
# ... or of one actor, right after the name or its part: "Pereverzev appears as "Edd Perry"",
# "is credited as", "X's stern Vershinin becomes Commander Lockhart"
_RENAMED_ONE = re.compile(
    r"(?:['’]s?(?:\s+[\w-]+){1,4}?)?\s+(?:(?:is|was)\s+)?(?:(?:billed|credited|listed)\s+as"
    r"|(?:appears|turns\s+up|shows\s+up)\s+as|(?:becomes|became|turns\s+into|is\s+now)"
    r"(?=\s+[\"“‘'A-Z]))\b"
)
# A few words describing what is named next, never one that relates it to something else
# ("the earthmen beside", "the earthmen who meet", "the brother of").
_DESCRIBING = (
    r"(?:(?!(?:who|whom|that|which|beside|besides|meet|meets|met|of|with|and|or|to|in|on|for"
    r"|from|by|near|against|than|like|as)\b)[a-z][\w-]*\s+){0,3}"
)
# Between a part (or a list of parts) and its actor: "Kelvin, played by", "Paul is played by
# a very young", "Uef and Bi are played by".
_PLAYED_BY_GAP = re.compile(
    r",?\s+(?:(?:is|was|are|were)\s+)?(?:played|portrayed)\s+by\s+"
    r"(?:(?:a|an|the)\s+" + _DESCRIBING + r")?"
)
# After "by", the names before the last one of a shared credit: "by A and ", "by A together
# with " (the last name follows)
_CO_CREDITED = r"(?:[^.;,]{0,40}?\s+(?:and|with|together with)\s+)?"
# "The screenplay was written by", "The screenplay, written by", "script by", "the script, by",
# "the script was by", "X co-wrote the screenplay".
_SCREENPLAY_BY = re.compile(
    r"\b(?:screenplay|script|scenario)s?\b,?(?:\s+(?:was|is|were))?(?:\s+(?:co-)?written)?"
    r"\s+by\s+" + _CO_CREDITED + "$",
    re.IGNORECASE,
)
_SCREENPLAY_WHICH = re.compile(
    r"\b(?:screenplay|script|scenario)s?\b,?\s+(?:which|that)\s+$", re.IGNORECASE
)
_WROTE = re.compile(r"\s+(?:also\s+)?(?:co-)?(?:wrote|penned|co-wrote)\b")
_WROTE_SCREENPLAY = re.compile(
    r"\s+(?:also\s+)?(?:co-)?(?:wrote|writes|penned|co-wrote)\s+(?:the|its|a|his|her|that|this)\s+"
    r"(?:[\w-]+\s+)?(?:screenplay|script|scenario)",
    re.IGNORECASE,
)
# A credit shared "with" the next name: "co-wrote the music with", "directed it with".
_SHARED_WITH = re.compile(
    r"\b(?P<co>co-)?(?P<verb>wrote|composed|scored|directed|produced)\b(?P<obj>[^.;,]{0,30}?)"
    r"\s+(?P<together>together\s+)?with\s+$",
    re.IGNORECASE,
)
# "The source is X", "the main donor was X", "a few effects shots come from X": where the
# footage of the film under discussion came from (the film named right after).
_SOURCE_OF_FOOTAGE = re.compile(
    r"\b(?:(?:the|its|their|main|chief|real)\s+)*(?:source|donor|quarry)\s+(?:film\s+)?"
    r"(?:is|was)\s+(?:the\s+)?[*_“\"]*(?=[A-Z])"
    r"|\b(?:shots|footage|scenes|effects|sequences|material|stuff|model work|spectacle"
    r"|visuals|imagery)"
    # a film named after the footage may come between: "the space station stuff in QoB is ...
    r"(?:\s+in\s+(?:it|[A-Z][\w.'’-]*))?\s+(?:also\s+)?"
    r"(?:come|came|comes|were taken|are taken|(?:is|are|was|were)(?:\s+(?:mostly|largely"
    r"|mainly|partly|all|actually|really|also))?)\s+from\s+"
    r"(?:(?:[A-Z][\w'’-]*\s+(?:and\s+)?){0,4}[A-Z][\w'’-]*['’]s\s+"  # "Karyukov and A. Kozyr's"
    r"(?:earlier\s+|later\s+|own\s+)?)?[*_“\"]*(?=[A-Z])"
)
# A person's film spoken of by its maker: "Harrington's version", "Bogdanovich's cut", when
# it opens its clause.
_CLAUSE_OPENING = re.compile(r"[\W\d]*(?:(?:and|but|while|so|then|meanwhile|yet)\s+)?")
_MAKERS_VERSION = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+)?(?:version|cut|re-edit|re-cut|edit|film|picture)\b"
)
# A maker's film of a work: "Piestrak's film of the story", "Maetzig's film of Lem's".
# "Sherstobitov's film of Yefremov's novel", "the adaptation of Lem's": the film adapts
# the work its author is named for
_FILM_OF_WORK = re.compile(r"\b(?:film|adaptation|version|picture|movie)\s+of\s+$", re.I)
# A name that a verb follows is the subject of a clause of its own ("Mosfilm having turned
# the script down", "and Gorky Film Studio made X"), not the next item of a list.
_OWN_CLAUSE_VERB = re.compile(
    r"\s+(?:having|had|has|have|was|were|is|are|made|make|makes|turned|rejected|refused"
    r"|passed|declined|wanted|would|did|didn['’]t|never|then|later|went|gave|produced|shot)\b"
)
# ... and a verb that says the name did something else than make the film
_OTHER_DOING = re.compile(
    r"\s+(?:(?:having|had|has)\s+(?!(?:already\s+)?(?:made|shot|filmed|produced|released)\b)\w+"
    r"|turned|rejected|refused|passed|declined|wanted|would|didn['’]t"
    r"|never|went\s+bankrupt|closed|was\s+(?:busy|closed|not)|did\s+not)\b"
)
# What a studio makes: "a Mosfilm production", "Mosfilm's 1972 film"
_FILM_WORDS = (
    r"(?:production|studio|film|picture|release|version|adaptation|feature|epic|classic|noir"
    r"|puzzle|drama|comedy|thriller|fantasy|cartoon|coproduction|co-production|job|movie|flick"
    r"|serial|oddity|oddities|venture)s?\b"
)
# What after a studio's name says it made the film: "a Mosfilm production", "Mosfilm's
# Solaris", "Mezhrabpom-Rus made it" (see _TOOLS_OF for a possessive that does not)
_STUDIO_MADE = re.compile(
    r"(?:['’]s?\s"
    rf"|\s+(?:[\w-]+\s+){{0,2}}?{_FILM_WORDS}"
    r"|\s+(?:also\s+)?(?:made|shot|filmed|produced)\s+(?:it|them|both)\b)"
)
# After a possessive, the words for the work, then its title: "(Mosfilm's) biggest
# production, ", "(the studio's) best-known venture into the genre is "
_NAMED_AFTER_WORK = re.compile(
    rf"(?:[\w-]+\s+){{0,3}}?{_FILM_WORDS}(?:\s+(?:[a-z][\w-]*)){{0,4}}?"
    r"(?:\s*,\s*|\s+(?:is|was)\s+)(?:the\s+)?[*_“\"]*"
)
# Before a studio's possessive, words that make what follows its things, not its film:
# "with Mosfilm's old cameras", "from Mosfilm's archive", "using Lenfilm's sets"
_TOOLS_OF = re.compile(r"\b(?:with|using|from|borrowed|borrowing|rented|renting)\s+(?:the\s+)?$")
# After a studio named as one of a film's makers: the end of its phrase
_STUDIO_PHRASE_ENDS = re.compile(
    r"\s*(?:[,;.:)!?(—–-]|$)|\s+(?:and|&|in(?!\s+mind)|at|for|to|from|together|with|of|on"
    r"|under|by|during|who|which|that|as|alone|credited|listed|involved|too|also)\b"
)
# Words that say a thing is wished, guessed or heard, not that it is so
_HEDGED = re.compile(
    r"\b(?:could|would|might|may|should|wanted|want|planned|hoped|meant|intended|almost|tried"
    r"|try|trying|attempt\w*|maybe|perhaps|probably|possibly|apparently|seems?|doubt|legend"
    r"|supposedly|reportedly|allegedly|rumou?r|unlike|if|whether)\b|\bsome\s+say\b"
    r"|\b(?:was|were|is)\s+to\s+be\b|\bsaid\s+to\b",
    re.IGNORECASE,
)
# An aside of a relative clause ("Pilot Pirx's Inquest, which nobody remembers now, ..."):
# what it says is not what the clause around it says
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whom|whose)\b[^,;]*,")
# A clause's verb of making, playing or releasing denied before a value ("did not come out
# in", "is not based on", "never played"), or the whole statement ("it is not true that")
_DENIED_VERB = re.compile(
    r"(?:\b(?:not|never|neither|failed\s+to)\b|n['’]t\b)"
    # (a denial that affirms: "only", "long after", "until", "surprisingly")
    r"(?!\s+(?:only|just|merely|long|until|surprisingly|unlike)\b)"
    # (past an aside and two words, but not the start of a noun phrase: "not a big hit")
    r"(?:\s*,[^,]{1,30},)?\s+(?:(?!(?:a|an|the|any|many|much|it|them|one|anyone)\b)[a-z]+\s+){0,2}?"
    r"(?:directed|direct|co-directed|made|make|shot|shoot|filmed|produced|produce|written"
    r"|write|wrote|scored|score|composed|compose|based|adapted|come|came|release|released"
    r"|premiere|premiered|opened|played|plays|play|starred|stars|star|set|appear|appeared"
    r"|voiced|voice|hit|completed|complete|cast|remade|remake|cut|turned|turn|built|reused"
    r"|reuse|recycled|recycle|re-edited|assembled|stitched|pieced|used|use)\b",
    re.IGNORECASE,
)
# The whole statement denied, wherever its clause starts: "It is not true, as Lem said,
# that", "I don't think"
_DENIED_STATEMENT = re.compile(
    r"\b(?:(?:not|n['’]t)\s+true|untrue)\b[^.;]{0,80}?\bthat\b|\bfalse\s+that\b"
    r"|\b(?:don['’]t|do\s+not|can['’]t|cannot)\s+(?:think|say|believe)\b",
    re.IGNORECASE,
)
# After a denial, what starts a statement of its own: "..., it was Mosfilm", "but", "; ",
# "when it came out in 1972", ", and Tarkovsky directed it", "so he directed it"
_DENIAL_ENDS = re.compile(
    r"\bbut\b|[;:]|\b(?:it|he|she|they|this|that)\s+(?:is|was|were|are)\b|\b(?:it|that)['’]s\b"
    r"|\b(?:when|because|though|although|while|whereas|after|before|since|until)\b"
    r"|\band\s+(?:still|then|yet|so|later|was|were|is|are)\b|,\s*(?:and|so|yet)\b"
    r"|\bso\s+(?:he|she|it|they|the)\b",
    re.IGNORECASE,
)


# An aside that denies something of its own: "Solaris (not made cheaply) was", "Solaris, never
# released uncut, was", "Solaris, the film Lenfilm did not make, came out"
_DENIAL_ASIDE = re.compile(r"\s*\([^()]*\)|,\s*(?:not|never|the|a|an)\b[^,;]{1,60},")


# Every word a denial below opens on, as one cheap scan
_MAY_DENY = re.compile(r"not|never|n['’]t|neither|failed|untrue|false|cannot", re.IGNORECASE)


def denied_before(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` denies what comes at ``end``: "Solaris wasn't directed by".

    A verb of making, playing, releasing or re-using denied in the clause from ``start``,
    or the whole statement from the sentence's start ("it is not true that", "I don't
    think"), and nothing after it that starts a statement of its own.
    """
    if _MAY_DENY.search(text, 0, end) is None:
        return False  # (most sentences deny nothing: spare them the patterns below)
    head = _DENIAL_ASIDE.sub(",", _RELATIVE_ASIDE.sub(",", text[start:end]))
    last = max((m.end() for m in _DENIED_VERB.finditer(head)), default=None)
    if last is not None and not _DENIAL_ENDS.search(head, last):
        return True
    whole = _RELATIVE_ASIDE.sub(",", text[:end])
    said = max((m.end() for m in _DENIED_STATEMENT.finditer(whole)), default=None)
    return said is not None and not _DENIAL_ENDS.search(whole, said)


# Words that make a studio's work another's, or one it never made
_NOT_ITS_OWN = re.compile(
    r"\b(?:foreign|rival|favourite|favorite|admired|answer|planned|proposed|unmade|abandoned"
    r"|imported|bought|dubbed|archive|library)\b",
    re.IGNORECASE,
)
# What may stand right before a studio's name: "the Polish company", "Poland's", "the
# Estonian studio"
_STUDIO_DESCRIBED = (
    r"(?:the\s+)?(?:(?:[a-z]+(?:ish|ian|an|ese|ch)|[a-z]+['’]s)\s+)?"
    r"(?:(?:film\s+)?(?:company|studio|unit|group|outfit)\s+)?"
)
# Between two studios of one list: "Tallinnfilm and the Dovzhenko studio", "Tallinnfilm in
# Estonia and the Polish company Zespoły Filmowe", "Tallinnfilm together with Dovzhenko"
_STUDIO_JOINT = re.compile(
    r"(?:\s+in\s+[A-Z][\w-]+|\s*\([^()]{1,30}\))?"  # ("Tallinnfilm in Estonia", "(Estonia)")
    r"\s*(?:,\s*(?:and\s+)?(?:with\s+)?|and\s+(?:with\s+)?|&\s*"
    r"|(?:,\s*)?(?:together\s+)?with\s+)"
    # ... past a people's or a country's word and a word for a company: "the Polish",
    # "Poland's", "the Soviet", "the Estonian studio"
    r"(?:[Tt]he\s+)?(?:(?:[A-Z][\w-]+(?:['’]s)?|[a-z]+(?:ish|ian|an|ese|ch)|[a-z]+['’]s)\s+)?"
    r"(?:(?:film\s+)?(?:company|studio|unit|group|outfit)\s+)?"
)
# Several studios made it together: "made it in 1979 with", "co-produced with", "a joint
# production of", "made jointly by", "a co-production between", "together with", "shot
# partly with", "a three-studio co-production (" (the end of the words before the studio)
_JOINTLY = re.compile(
    r"(?:\b(?:co-?produc\w*|joint(?:ly)?(?:\s+[\w-]+)?|together)\s+(?:with|by|between|of)"
    r"|\b(?:made|shot|filmed|produced)\s+(?:(?:it|them|both|partly|mainly|largely|jointly"
    r"|in\s+\d{4})\s+){0,3}with"
    r"|\bco-?production\s*[(,:])\s*" + _STUDIO_DESCRIBED + "$"
)
# "Cosmic Voyage (1936, ": a title's bracket that opens on its year, before a name
_BRACKET_YEAR_FIRST = re.compile(r"\s*\(\s*(?:1[89]|20)\d\d\s*[,;]\s*")
# A title and its maker named again after it: "the second part, Teens in the Universe, also
# Viktorov", "Guest from the Future (1985), again Arsenov"
# "X is Grigoryev's character": whose part X is.
_THEIR_CHARACTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+)?(?:character|part|role)\b", re.I)
_PART_IS_HERE = re.compile(r"\s+(?:is|was)\s+(?:(?:also|actually|really)\s+)?")
# A writer named before their book, as a word describing it: "the Bulychev book X".
_AUTHORS_BOOK = re.compile(r"\s+(?:book|novel|novella|story|short story|tale)\s+[*_“\"]*")
# A title named as a book: "Lem's best-known novel, Solaris (1959)".
_BOOK_NAMED = re.compile(
    r"(?:(?:['’]s|\b(?:his|her|their))\s+(?:[\w-]+\s+){0,2}?(?:novel|novella|book|story)\s*,"
    r"|(?:['’]s|\b(?:his|her|their))\s+(?:[\w-]+\s+){0,2}?(?:novel|novella|book)"
    r"|\b(?:[Tt]he|[Aa])\s+(?:[\w-]+\s+){0,2}?(?:novel|novella|book))\s*[*_“\"]*$"
)  # someone's book, then its title: not "Based on the Strugatsky novel, X (1979) was shot"
_BOOK_NAMED_COMMA = re.compile(
    r"(?:['’]s|\b(?:his|her|their))\s+(?:[\w-]+\s+){0,2}?(?:novel|novella|book|story)\s*,"
    r"\s*[*_“\"]*$"
)
_BOOK_YEAR_DOUBT = "relation uncertain: a year after a title the novel and the film share"
# ... unless a film of the book is what the words before speak of: "Tarkovsky's adaptation of
# the Lem novel Solaris (1972)", "the film of the novel Aelita (1924)"
_FILM_OF_BOOK = re.compile(
    r"\b(?:adaptation|version|film|take|filming|treatment|reading)\s+(?:of|on)\s+"
    r"(?:(?:the|a|an)\s+|[\w-]+['’]s\s+)?(?:[\w-]+\s+){0,2}?(?:novel|novella|book)\s*[*_“\"]*$"
)
# A credits line led by a title: "Preceded by: Planet of the Bells (Planeta kolokolov) · ".
_CREDITS_LEAD = re.compile(
    r"\s*(?:[A-Z][\w ]{0,30}:\s*)?"
    r"(?P<t>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|and|in|on|a|to))*)"
    r"\s*(?:\([^()]{1,60}\)\s*)?[·•|]"
)
_LIST_ITEM_START = re.compile(r"(?:^|;)[\s*•-]*$")  # a line's or a ';'-list item's start
# Between an actor and a part in a cast list: a dash, a colon or the word "as".
_DASHED_PART = re.compile(r"\s+[–—]\s+|\s*:\s+|\s+as\s+")
# ... then perhaps a title in capitals (the words that are no first name, and a few more
# for a part) and the part's first name (see _dashed_part_at)
_TITLED = re.compile(
    "(?:"
    + "|".join(
        re.escape(t.title())
        for t in sorted(TITLES | {"engineer", "academician", "navigator"}, key=len, reverse=True)
    )
    + r")\.?[ \t]+(?=[A-ZА-ЯЁ])"
)
_FIRST_NAME = re.compile(r"[A-ZА-ЯЁ][\w'’-]+[ \t]+(?=[A-ZА-ЯЁ])")
# Words that make a description before a name someone else's: a relation, kin, a small word
_ANOTHERS_WORD = (
    r"(?:of|for|to|from|with|after|by|who|whom|that|which|elder|older|younger|senior|junior"
    r"|father|mother|son|daughter|brother|sister|uncle|aunt|nephew|niece|cousin|grand\w*"
    r"|friend|partner|colleague|rival|double|stand-in|in|on|at|as|under|over|behind|beside|besides"
    r"|near|against|than|like|alongside|opposite|into|upon|about|around|among|between|without"
    r"|\w+ing)\b"
)
# ... or a few words that describe the part first, the part's name ending the line or its
# item: "as the pilot Erik Svenson" (not "as the father of Kelvin", "as the man Uncle Vova
# meets", "as the elder Kelvin": another's kin or someone else)
_PART_DESCRIBED_FIRST = re.compile(
    r"(?:the|a|an)[ \t]+(?:(?!" + _ANOTHERS_WORD + r")[a-z][\w'’-]*[ \t]+){1,3}(?=[A-ZА-ЯЁ])"
)
_PART_NAME_ENDS = re.compile(r"[ \t]*(?:$|[,;:(\[\n!/]|[ \t]+[–—-][ \t]|[ \t]+(?:and|who)\b)")


def _described_part(text: str, at: int, part: Mention) -> bool:
    """Whether ``part`` is a cast line's part set after a few words describing it.

    "X as the pilot Erik Svenson": the words after the dash or "as" at ``at`` describe it,
    and its name ends the line or its item (not "the widower Kelvin Senior").
    """
    dash = _DASHED_PART.match(text, at)
    described = _PART_DESCRIBED_FIRST.match(text, dash.end()) if dash is not None else None
    return (
        described is not None
        and part.start == described.end()
        and _PART_NAME_ENDS.match(text, part.end) is not None
    )


def _dashed_part_at(text: str, at: int) -> set[int]:
    """Where a part's name may start after a cast list's dash or "as" at ``at``.

    Right after it, or past a title and perhaps the part's first name ("as Professor
    Hawling", "as Dr. Raimund Brinkmann": the references may know the part by its surname).
    """
    dash = _DASHED_PART.match(text, at)
    if dash is None:
        return set()
    starts = {dash.end()}
    title = _TITLED.match(text, dash.end())
    if title is not None:
        starts.add(title.end())
        first = _FIRST_NAME.match(text, title.end())
        if first is not None:
            starts.add(first.end())
    return starts


# A question that asks whether something is so: "Was Solaris made at Lenfilm?".
_YES_NO_QUESTION = re.compile(
    r"\s*(?:[\w'’-]+\s*[,:]\s*)?(?:(?:[Aa]nd|[Bb]ut|[Ss]o|[Aa]lso|[Oo]h)\s+)?"
    r"(?:(?i:was|were|is|are|did|does|do|has|have|had|wasn['’]t|isn['’]t|didn['’]t|weren['’]t"
    r"|aren['’]t|doesn['’]t)|I\s+thought|I['’]d\s+thought)\b"
    r"(?:[^.!]|(?<=\b[A-Z])\.)*\?\s*$"  # (an initial's dot: "played by T. Pochepa?")
)  # ... or asks whether what one believed is so: "Wait, I thought X was Kozelkov?"
_MUSIC_TALK = re.compile(r"\b(?:score|scores|scored|music|composer|soundtrack)\b", re.I)
# "The music of X is by" (A and B): what a list of names after it is credited with
_MUSIC_IS_BY = re.compile(
    r"\b(?:score|music|soundtrack)(?:\s+(?:of|for|to)\s+[^.;,]{1,50}?)?\s+(?:is|was|are|were)"
    r"\s+by\s*$",
    re.I,
)
_ALSO_BY_DOUBT = "relation uncertain: a name after a title is usually, not always, its maker"
_ALSO_BY = re.compile(r"[\s”\"*_]*(?:\(\s*(?:1[89]|20)\d\d\s*\))?\s*,\s*(?:also|again)\s+")
_MAKERS_FILM_OF = re.compile(
    r"['’]s\s+(?:[\w-]+\s+)?(?:film|adaptation|version|picture|movie)\s+of\s+"
    r"(?:(?:the|his|her|their)\s+(?:[\w-]+\s+)?(?:story|novel|book|novella)\s+)?"
    r"(?:[\w-]+['’]s\s+)?[*_“\"]*$"  # (read lower-cased)
)
# A person's few words, then "in" and the film: "plays Kelvin in Solaris".
_IN_FILM = re.compile(
    r"(?:,\s+who)?\s+(?:(?:[\w-]+\s+){0,2}?(?:plays?|played|is|was|as|voices?|voiced)"
    # "turns up again seven years later as the hotel owner in X"
    r"|(?:(?:turns?|turned|shows?|showed|pops?|popped)\s+up|appears?|appeared)"
    r"(?:\s+[\w-]+){0,4}?\s+as)\s+"
    r"[^,;.()]{0,45}?\bin\s+(?:the\s+)?[*_“\"]*"
)
# What someone did for a film named right after: "wrote the music for X", "did the score of X".
_WORK_FOR_FILM = re.compile(
    r"\s+(?:(?:also|again|once\s+more)\s+)?(?:wrote|writes|composed|composes|did|does|scored"
    r"|arranged|provided|provides)\s+"
    r"(?:the|its|a|an)\s+(?:[\w-]+\s+){0,2}?(?:music|score|soundtrack|songs?|themes?)\s+"
    r"(?:for|to|of)\s+(?:the\s+)?[*_“\"]*"
)
# After a source of footage: another one, "(1963), with a few further shots lifted from B"
_MORE_FOOTAGE_FROM = re.compile(
    r"[\s”\"*_]*(?:\([^()]{0,60}\)|[^()]{0,30}\))?\s*,?\s+(?:and\s+)?with\s+(?:[\w-]+\s+){0,3}?"
    r"(?:shots|footage|scenes|effects|sequences|material)\s+(?:(?:lifted|taken|borrowed|drawn)\s+)?"
    r"from\s+[*_“\"]*"
)
_ALONG_WITH = re.compile(r"\b(?:along with|together with|as well as)\W*$")
# Between two films footage was taken from: "X's shots, together with scenes from Y".
_ALSO_TAKEN = re.compile(
    r"^(?:(?!\bnot\b|\bnor\b|rather than)[^;])*?\b(?:along with|together with|as well as|plus)\b"
)
# "chunks of it", "its effects footage", "the film's footage": the film being discussed
_OF_IT = re.compile(
    r"\b(?:of|from)\s+it\b|\b(?:its|the\s+(?:film|picture|movie)['’]s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:footage|reels|shots|scenes|sequences|effects|material)\b"
)
# A relative clause closed by a comma: "X, who had made Y, made it at Z".
_CLOSED_ASIDE = re.compile(r",\s+(?:who|which|whose)\b[^,;()]*,")
# A relative clause set off by commas, and what follows it: the clause it broke goes on.
_ASIDE = re.compile(r",\s+(?:which|whose)\b[^,;()]*,\s+(?P<rest>[a-z][^,;()]*)$")
# "The score, built around Bach and electronic textures, is by X": an aside on the cue
_PARTICIPLE_ASIDE = re.compile(
    r",\s+[a-z][\w-]*\s[^,;()]{1,60},\s+(?=(?:is|was|are|were)\s+(?:[a-z]+\s+)?by\s*$)"
)
_RELATIVE_OPENING = re.compile(r"\W*(?:which|that)\b")
# Between a title and the "which" that opens its clause: "Queen of Blood (1966), which",
# "Queen of Blood in 1966, which" (the year the film came in).
_BEFORE_WHICH = re.compile(
    r"[\s,*_”\")]*(?:\(\s*\d{4}\s*\))?(?P<year>\s+in\s+(?:1[89]|20)\d\d)?[\s,]*"
)
_JOINED_VALUES = re.compile(r"\s*(?:[-/–]|,|and|&)\s*")
# "Five, not seven, if I remember the film right.", "Saturn, surely.", "It's 32 minutes, not
# 45.": a value, the one it replaces, hedges.
_STORY_CORRECTION = re.compile(
    r"(?:(?:And|No|Nope|Actually),?\s+)?(?:(?:it|It)(?:['’]s| is| was)\s+(?:the\s+)?)?"
    r"(?P<new>[\w,'’-]+?)(?:\s+[a-z]+)??"
    r"(?:,?\s+not\s+(?P<old>[\w'’-]+)(?:\s+[a-z]+)?)?"
    r"(?:,?\s+(?:surely|I think|I believe|actually|of course|come on|if I remember[^.!]*))*[.!]"
)
# "Ikarie is Jindřich Polák.", "Per Aspera is actually Alexey Rybnikov."
_EQUATED = re.compile(
    r"(?P<film>\S.*?)\s+(?:is|was)\s+(?:(?:really|actually|in fact)\s+)?(?P<value>\S.*?)\W*"
)
# "..., and so was his Per Aspera Ad Astra": the film after it shares what was said before.
_SO_WAS = re.compile(r",?\s+and so (?:was|were|did|is|are)\s+")
# A sentence opening on a likeness or a contrast: "Like X, it was made at Y", "Unlike X, ..."
_LIKE_OPENING = re.compile(r"\W*(?:(?:And|But|Just|Much)\s+)*(?:Like|Unlike|As\s+with)\s+")
# An aside setting a film against another after its name: "Solaris, unlike Stalker, was";
# the aside closes with a comma (after the compared title's year, if any).
_ASIDE_CLOSED = re.compile(r"[*_”\"]*\s*(?:\(\s*\d{4}\s*\)\s*)?,")
# ... and the sentence goes on with the first film's own verb: "Solaris, unlike X, was made"
# (not ", unlike X, which was made", ", unlike X, a 1986 comedy, is").
_MAIN_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|still|actually|really|certainly|never|only)\s+)?"
    r"(?:was|is|were|are|came|comes|has|had|have|does|did|remains|remained|stays|stayed"
    r"|seems|seemed|looks|looked|feels|felt|got|gets|became|becomes|won|wins|opens|opened"
    r"|premiered|runs|ran|stars|starred)\b"
)
_LIKE_ASIDE = re.compile(
    r",\s+(?:(?:just|much)\s+)?(?:like|unlike|as\s+with|in\s+contrast\s+to|compared\s+(?:to|with)"
    r"|similar\s+to|as\s+opposed\s+to)\s+[*_“\"]*(?:the\s+)?"
)
_LIKE_CLOSED = re.compile(
    r"[*_”\"]*\s*(?:\([^()]*\)\s*)?(?:(?:before|earlier|too)(?:\s+it)?\s*)?"
    # ("Unlike X, which Daneliya made at Mosfilm, it ...": past what is said of X)
    r"(?:,\s+(?:which|that|whose)\b[^,;]{1,80}(?=,))?,?\s+"
)
# A director's film after another, "this time with" a second: "Karyukov again, this time
# teaming up with Otar Koberidze", "X directed again, this time with Y"
_THIS_TIME_WITH = re.compile(
    r"(?:\b(?:(?:co-)?directed|directs|directing)\b[^.;:]{0,30}?|\b[A-Z][\w-]+\s+again)"
    r",?\s+this\s+time\s+"
    r"(?:(?:teaming|teamed|joining|joined)\s+up\s+)?with\s+$"
)
# ... not one who acts in it: "this time with X in the lead", "X starring", "X, who starred"
_STARRING_AFTER = re.compile(
    r"(?i)\s*(?:,\s*who\s+(?:also\s+)?star|\s+in\s+the\s+(?:lead|cast)|\s+starring|\s+as\s)"
)
_THIS_TIME_DOUBT = "relation uncertain: the one a director worked with 'this time' co-directed"
_IN_PASSING = re.compile(
    r"\b(?:it|its|it['’]s)\b"
    r"|\b(?:like|unlike|than|after|before|beats?|compared\s+(?:to|with))\s+[*_“\"]*$",
    re.IGNORECASE,
)
_NO_PREQUEL = "attribution uncertain: a film before this one that the document never names"
_FIRST_OF_TWO = re.compile(
    r"\b(?:the\s+first\s+(?:film|one|part|half|movie|picture)|predecessor|prequel"
    r"|previous\s+film|earlier\s+film|original)\b",
    re.IGNORECASE,
)
_SET_BESIDE = re.compile(
    r"(?i)\b(?:than|to|after|before|of|with)\s+(?:the|its)\s+(?:previous|earlier|first)"
    r"|\b(?:predecessor|previous\s+film|first\s+(?:film|one|part))\b[^.;]*,\s+(?:it|the\s+film)\b"
)
_PREQUEL_WORDS = re.compile(r"\b(?:predecessor|prequel|previous film|earlier film)\b")
_LIKE_KIN = re.compile(
    r"(?:its|the)\s+(?:predecessor|first film|first one|first part|original|sequel|prequel"
    r"|previous film|earlier film)\b",
    re.IGNORECASE,
)
_LIKE_SUBJECT = re.compile(
    r"(?:it|the film|the sequel|the picture|the movie|this one|this film)\b", re.IGNORECASE
)
_SHARED_BY_SO = frozenset(
    {
        Relation.STUDIO,
        Relation.COUNTRY,
        Relation.DIRECTED_BY,
        Relation.MUSIC_BY,
        Relation.PRODUCED_BY,
    }
)
# "put it out as", "released it in the States as": the title a film went out under.
# "The English video release was called X", "its American version was titled X"
_RELEASE_CALLED = (
    r"\b(?:release|version|print|dub|title|cut|video|videotape|dvd)s?\s+(?:was|were|is|got)\s+"
    r"(?:called|titled|named|retitled)\s+[*_“\"]*$"
)
_OF_THE_FILM = re.compile(_RELEASE_CALLED + r"|\b(?:a|an)\s+[^.;]*\b(?:version|cut|edit|print)\b")
_RELEASED_AS = re.compile(
    r"\b(?:put|brought|sent)\s+(?:it|them)\s+out\s+(?:[\w-]+\s+){0,3}?as\s+[*_“\"]*$"
    r"|\b(?:released|distributed|sold|shown|retitled)\s+(?:(?:it|them)\s+)?(?:[\w-]+\s+){0,6}?"
    r"as\s+[*_“\"]*$"
    # "released a cut-down, dubbed version in the United States as X"
    r"|\b(?:released|distributed|sold|put out)\s+(?:a|an|its|the)\s+(?:[\w-]+,?\s+){0,3}?"
    r"(?:version|cut|edit|re-edit|print)\s+(?:[\w-]+\s+){0,4}?as\s+[*_“\"]*$"
    r"|\b(?:(?:it|they)\s+)?(?:went|came)\s+out\s+(?:[\w-]+\s+){0,6}?as\s+[*_“\"]*$"
    # "in the States it turned up as X", "it was issued on video as X"
    r"|\b(?:it|they)\s+(?:turned|showed)\s+up\s+(?:[\w-]+\s+){0,3}?as\s+[*_“\"]*$"
    r"|\b(?:issued|marketed|reissued)\s+(?:(?:it|them)\s+)?(?:[\w-]+\s+){0,3}?as\s+[*_“\"]*$"
    r"|" + _RELEASE_CALLED
)
# "the same year as", "as late as": a comparison, not a release under a title
_COMPARED_AS = re.compile(r"\b(?:same|such)\s+(?:[\w-]+\s+){0,3}?as\b|\bas\s+[\w-]+\s+as\b")
# Between a film and a verb: another statement, whose verb is not said of that film.
_OTHER_STATEMENT = re.compile(r";|\s[–—]\s|\b(?:but|whereas|while|although|though)\b")
# What a reply's opening value may correct in the line it quotes, by the value's kind.
_CORRECTED = {
    YEAR_KIND: frozenset({Relation.RELEASE_YEAR, Relation.PUBLISHED_YEAR}),
    "person": frozenset(
        {Relation.DIRECTED_BY, Relation.MUSIC_BY, Relation.PRODUCED_BY, Relation.WRITTEN_BY}
    ),
    "studio": frozenset({Relation.STUDIO}),
    "country": frozenset({Relation.COUNTRY}),
}
_CORRECTABLE = frozenset(r for kinds in _CORRECTED.values() for r in kinds)
# A value right before words that say it corrects: "Arvo Pärt, actually!", "Mosfilm, surely?"
_MARKED_AS_CORRECTION = re.compile(r"\s*,\s*(?:actually|surely|not quite)\b", re.IGNORECASE)
# Those words, and any like them, after the value that opens a reply
_CORRECTION_MARKERS = re.compile(
    r"\W*(?:,?\s*(?:actually|surely|I think|I believe|no|not quite"
    r"|as [\w-]+ (?:said|says|wrote))(?![\w'’-])[^\w,]*)*"
)
# ... then, at most, a description of the value that names nothing else
_DESCRIBING_THE_VALUE = re.compile(
    r",\s*(?:one|a|an|the|his|her|their)\b[^,;:.!?()–—]*[.!]*$", re.IGNORECASE
)
# "A, not B": a value and the one it corrects.
_NOT_B = re.compile(r",\s+(?:and\s+|but\s+)?not\s+(?:the\s+)?(?=[A-Z0-9]|['’]\d)")
# What may come before a year that corrects the film's: "1981, not 84", "No, it came out in
# 1981, not 1984" (not "Lem's novel appeared in 1961, not 72", nor "shot it in 1971")
# Words a reply opens on before it corrects: "No, ...", "Sorry, ..."
_INTERJECTIONS = frozenset(
    {
        "no",
        "nope",
        "yes",
        "yeah",
        "actually",
        "well",
        "sorry",
        "nah",
        "ah",
        "oh",
        "wrong",
        "incorrect",
    }
)
_REPLY_OPENING = rf"(?:(?:{'|'.join(sorted(_INTERJECTIONS))})\b\W*)*"
_YEAR_CORRECTION_LEAD = re.compile(
    _REPLY_OPENING
    + r"(?:(?:it|that|this|that one|this one|the film|the cartoon|the movie|the serial)\s*"
    r"(?:is|was|['’]s|came out|premiered|was released|opened)?\s*)?"
    r"(?:(?:released|premiered|out|from)\s+)?(?:in\s+)?",
    re.IGNORECASE,
)
# "1981, not 84": the year 1984 (not "84 minutes", nor "the 80s")
_SHORT_YEAR = re.compile(r"['’]?(?P<yy>\d\d)\b(?!['’]?s\b|\s*(?:min|%|years?\b|episodes?\b))")


def _said_otherwise(text: str) -> bool:
    """Whether ``text`` asks, reports what others say, or imagines what it says."""
    return (
        text.rstrip(" ”\"')*_").endswith("?")
        or _HEARSAY.search(text) is not None
        or _REPORTED.search(text) is not None
        or _IMAGINED.search(text) is not None
    )


def _asked_or_would(text: str) -> bool:
    """Whether ``text`` asks, reports what others say, or has a "would", "could", "if".

    Wider than :func:`_said_otherwise` in what it takes for imagined ("if I remember"
    too): for readings that pick a film other than the one spoken of.
    """
    return (
        text.rstrip(" ”\"')*_").endswith("?")
        or _HEARSAY.search(text) is not None
        or _REPORTED.search(text) is not None
        or _WOULD.search(text) is not None
    )


# After a film that "and" adds, its value with the verb left out: "and Y in 1985", "by Z"
_GAPPED_AFTER = re.compile(r"[*_”\"]*\s+(?:in|by|at|from|for)\s+[A-Z0-9]")
# What others say: "supposedly", "they say", "I heard" (a correction must be the writer's own)
_HEARD_SAY = re.compile(
    r"(?i)\b(?:apparently|seemingly|supposedly|reportedly|allegedly|rumou?r|heard"
    r"|(?:they|people|some|many)\s+(?:say|said|claim))\b"
)
# What is only imagined: "would have been", "if it had been", "could be" (not "if I remember")
_IMAGINED = re.compile(
    r"(?i)\b(?:would|could|might)\s+(?:have|be|not)\b|\bif\b[^.;]*?\b(?:had|were|would)\b"
)
# "same director", "the same composer as X": a credit shared with another film
_SAME_CREDIT = re.compile(
    r"\b(?:the\s+)?same\s+(?P<kind>director|composer|studio)\b"
    r"(?P<as>\s+as\s+(?:the\s+)?[*_“\"]*)?",
    re.IGNORECASE,
)
_SAME_CREDIT_RELATIONS = {
    "director": Relation.DIRECTED_BY,
    "composer": Relation.MUSIC_BY,
    "studio": Relation.STUDIO,
}
# "1981, (the) same year as X", "Gorky studio, same as X": X's value, said before
_SAME_AS = re.compile(
    r"\b(?:the\s+)?same(?:\s+(?P<kind>year|studio))?\s+as\s+(?:the\s+)?[*_“\"]*", re.IGNORECASE
)
# ... the film, then the end of what is said of it (not "the same year as X was shown")
_SAME_AS_END = re.compile(r"[*_”\"]*\s*(?:\([^()]*\))?\s*(?:[,.;:!?)—–]|$|\s+(?:and|but|too)\b)")
_KIND_RELATION = {
    "studio": Relation.STUDIO,
    "country": Relation.COUNTRY,
    YEAR_KIND: Relation.RELEASE_YEAR,
}
_SAME_KINDS = {"year": Relation.RELEASE_YEAR, "studio": Relation.STUDIO}


# "it wasn't Mosfilm but Lennauchfilm": the value after "but" corrects the one after "not"
_NOT_X_BUT = re.compile(
    r"\b(?:not|wasn['’]t|isn['’]t|(?:was|is)\s+not)\s+(?:the\s+)?(?=[A-Z])", re.IGNORECASE
)
_BUT_Y = re.compile(r"\s*,?\s+but\s+(?:the\s+)?(?=[A-Z])")
# What may come before "not X but Y" that corrects a value said before: "Sorry, it wasn't"
_CORRECTION_LEAD = re.compile(
    r"\s*(?:[\w ]{1,25}:\s*)?(?:(?:and|but)\b\W*)?"
    + _REPLY_OPENING
    + r"(?:(?:it|that|this|that one|this one)\s*(?:is|was|['’]s)?\s*)?",
    re.IGNORECASE,
)
# (a comma ends it too, but not one before what the value is of: ", for the dubbing")
_VALUE_ENDS = re.compile(
    r"\s*(?:[.;:!)]|$|,(?!\s*(?:for|to|in|at|with|by|from|on|as|according|which|who)\b))"
)
_CLEFT_AFTER = re.compile(r"[\w\s,]{0,20}?\b(?:who|that|which)\b")
# Words that leave a correction in doubt wherever they are: "..., I think", "?"
_UNSURE = re.compile(
    r"\?|\b(?:I\s+think|I\s+guess|I\s+believe|maybe|perhaps|probably|according\s+to|rumou?r)\b",
    re.IGNORECASE,
)
_HEARSAY = re.compile(
    r"\b(?:some|they|people|many)\s+(?:say|said|claim|claimed|think|thought)\b"
    r"|\b(?:supposedly|reportedly|allegedly|rumou?r)"
    r"|\b(?:heard|insists?|claims|according\s+to|says|I\s+believe|I\s+think)\b",
    re.IGNORECASE,
)


def _corrections(
    text: str, mentions: list[Mention]
) -> list[tuple[int, tuple[str, str | None], tuple[str, str | None]]]:
    """Where a sentence corrects a value, with the new value and the old one (and kinds).

    "Tallinnfilm, not Lenfilm": the name before ", not" corrects the one after it (a year
    only after a lead such as "No, it came out in"); "it wasn't Mosfilm but Lennauchfilm":
    the name after "but" corrects the one after "not" (no year: "not 1961 but" may be of
    anything).
    """
    found: list[tuple[int, tuple[str, str | None], tuple[str, str | None]]] = []
    for said in _NOT_B.finditer(text):
        right = _named_at(text, said.end(), mentions, after=True)
        left = _named_at(text, said.start(), mentions, after=False)
        short = _SHORT_YEAR.match(text, said.end())
        if left is not None and left[1] == YEAR_KIND and short is not None:
            right = (left[0][:2] + short["yy"], YEAR_KIND)  # the corrected year's century
        if right is None or left is None or left[0].lower() in _INTERJECTIONS:
            continue
        lead = re.sub(r"['’]?\d{2,4}\s*$", "", text[: said.start()])
        if left[1] == YEAR_KIND and not _YEAR_CORRECTION_LEAD.fullmatch(lead.strip()):
            continue  # "Lem's novel appeared in 1961, not 72": another thing's year
        found.append((said.start(), left, right))
    films = any(m.kind == "film" for m in mentions)
    for said in _NOT_X_BUT.finditer(text) if " but " in text and not films else ():
        if not _CORRECTION_LEAD.fullmatch(text, 0, said.start()):
            continue  # "The music is not X but Y": of another thing than the value corrected
        old = _named_at(text, said.end(), mentions, after=True)
        but = None if old is None else _BUT_Y.match(text, said.end() + len(old[0]))
        new = None if but is None else _named_at(text, but.end(), mentions, after=True)
        if (
            old is None
            or new is None
            or but is None
            # the same kind of thing, known: not "not Mosfilm, but Kiev", nor a year
            or old[1] is None
            or old[1] != new[1]
            or old[1] == YEAR_KIND
            # not "It wasn't Klushantsev but Kazantsev who wrote the novel": a cleft, whose
            # verb says what the name did; not "Some say it wasn't ...": hearsay
            or _CLEFT_AFTER.match(text, but.end() + len(new[0]))
            or not _VALUE_ENDS.match(text, but.end() + len(new[0]))  # ("... but Y owned it")
            or _HEARSAY.search(text, 0, said.start())
            or _UNSURE.search(text)
        ):
            continue
        found.append((said.start(), new, old))
    return found


# Words that point back at the film of the one a reply answers: "your film", "back to it"
def _stands_for_character(text: str, mention: Mention) -> bool:
    """Whether a character's name in a sentence stands for the character.

    Not a part of a longer name ("Terry Gilliam", "Joseph Konrad"), nor someone the writer
    knows ("Masha and I", "Alyosha, my son").
    """
    if re.match(r"\s+[A-Z]|\s*,\s*(?:my|our)\b|\s+and\s+(?:I|me)\b", text[mention.end :]):
        return False
    if _OWNED_NAME.search(text, 0, mention.start):
        return False  # "my brother Alyosha", "our dog Kelvin", "a band called Sumiko"
    before = re.search(r"(?:^|\s)([A-Z][\w'’-]*)\s+$", text[: mention.start])
    return (
        before is None
        or before.start(1) == len(text) - len(text.lstrip())
        or (before[1].lower().rstrip(".") in TITLES)
    )


_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Ww]e|[Oo]ur|[Uu]s)\b")
# Before a name: someone's ("my brother", "our dog") or what something is called
_OWNED_NAME = re.compile(
    r"(?i)(?:\b(?:my|our|your|his|her|their)\s+(?:[\w-]+\s+)?|\b(?:called|named|nicknamed)\s+)$"
)
# Words of what is not so but might be: "Sedikh would have solved it", "if Kelvin ..."
_WOULD = re.compile(r"(?i)\b(?:would|could|might|if)\b")
# Words that set someone beside another: "no Queen Aelita", "like Sedikh", "than Kelvin"
_COMPARED = re.compile(r"\b(?:no|like|unlike|than|as\s+\w+\s+as)\s+(?:the\s+)?[A-Z]")
# Words that point at the film spoken of: "here", "it", "this one", "the film".
_POINTS_AT_FILM = re.compile(
    r"\b(?:here|its?|(?:this|that)\s+(?:one|film|movie|picture)|the\s+(?:film|picture|movie))\b",
    re.IGNORECASE,
)
_BACK_TO = re.compile(
    r"\b(?:your|back\s+to\s+(?:your|the|that))\s+(?:film|pick|choice|movie|one)\b", re.IGNORECASE
)


def _studio_head(text: str) -> str:
    """The words of a sentence up to its "the studio" (all of it, if it has none)."""
    found = _THE_STUDIO.search(text)
    return text if found is None else text[: found.start()]


# A sentence that opens on a condition: "If it had been made ...", "Had it been made ..."
_IF_CLAUSE = re.compile(r"\W*(?:if|had|were|unless|suppose|imagine)\b", re.IGNORECASE)
# "the studio", "the studio's" (not "the studio Tallinnfilm", "the studio named after ...",
# nor "the studios")
_THE_STUDIO = re.compile(r"\b[Tt]he studio\b(?!s|\s+(?:[A-Z]|named|of)\b|-)")


def _same_name(said: str, short: str) -> bool:
    """Whether ``short`` names what ``said`` names: the same, or some of its words."""
    words, part = name_key(said).split(), name_key(short).split()
    return bool(part) and (words == part or all(w in words for w in part))


def _named_at(
    text: str, at: int, mentions: list[Mention], after: bool
) -> tuple[str, str | None] | None:
    """The name (and its mention's kind) right after or right before ``at`` in ``text``."""
    for mention in mentions:
        if (after and mention.start == at) or (not after and mention.end == at):
            return _value_of(mention), mention.kind
    if after:
        found = re.match(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", text[at:])
    else:
        found = re.search(r"(?<![\w'’-])[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*$", text[:at])
    return (found[0], None) if found else None


def _same_value(a: Mention, b: Mention) -> bool:
    return (a.value or name_key(a.text)) == (b.value or name_key(b.text))


def _value_of(mention: Mention) -> str:
    return (
        mention.value if mention.value and mention.kind in {"country", YEAR_KIND} else mention.text
    )


# What "both" may count: "both films", "both halves", "both Cassiopeia films", "both parts"
_BOTH_WORKS = (
    r"(?:[\w-]+\s+)?(?:films|movies|pictures|halves|parts|instalments|installments|episodes"
    r"|versions)"
)
# Of a two-part story: its film and its sequel
_HALVES = re.compile(r"\b(?:halves|parts|instalments|installments|episodes)\b", re.I)
# ... of something else than a story told in two films: "both halves of the crew"
_NEITHER = re.compile(r"\b(?:neither|none)\b", re.IGNORECASE)
_HALVES_OF_ELSE = re.compile(
    r"\b(?:halves|parts)\s+of\s+(?:the|a|an|his|her|its|their|this|that)\s+"
    r"(?!(?:[\w-]+\s+)?(?:film|story|diptych|series|saga|adventure|serial|duology|pair|tale)\b)",
    re.I,
)
_FOR_BOTH = re.compile(
    r"\s+(?:[\w'’.“”\"()-]+,?\s+){0,12}?(?:(?:for|in|on|of|across|shot|made|did|directed|scored)\s+)"
    # ("the two singers" are no films)
    r"(?P<both>both(?:\s+" + _BOTH_WORKS + r"|\s+of them)?|the two\s+films|the two(?!\s+[a-z]))"
    r"\b"
    r"(?!\s+(?:of\s+)?(?:you|us)\b)"
)
# "Sasse scored both.": a verb of making, then "both" ending its clause
_BOTH_OBJECT = re.compile(
    r"\s+(?:also\s+)?(?:scored|directed|produced|shot|made|did|wrote\s+the\s+music\s+for)"
    r"\s+(?:them\s+)?both(?:\s+of\s+them|\s+" + _BOTH_WORKS + r")?(?=\s*(?:[,.;!?]|$))",
    re.I,
)
# "Gorky again, both of them.": said of each of the last two films, closing its clause
_BOTH_AFTER = re.compile(
    r"(?:\s+(?:again|too))?,\s*(?P<both>both(?:\s+of\s+them|\s+" + _BOTH_WORKS + r")?)"
    r"(?=\s*(?:[,.;!?]|$))",
    re.I,
)
_PLURAL = re.compile(
    r"^(?:[\w'’]+,? ){0,2}?(?:both(?: films| movies| pictures| of them)?|the two(?: films| movies)?"
    r"|these two(?: films)?|each of them)\b(?! of (?:you|us)\b)"  # "both of you": people
    # ("the two pirates in the serial", "both kids": two people or things, not the films)
    r"(?!\s+(?:pirates|kids|children|boys|girls|men|women|actors|actresses|leads|heroes"
    r"|heroines|aliens|robots|ships|cosmonauts|astronauts|brothers|sisters|parents|scientists"
    r"|crews|pilots|villains|twins|friends|locals|stars|novels|books|planets|songs"
    r"|[a-z]+(?:ers|ors|ists|ians|ants|ents))\b)"
)
_ORDINAL_FILM = (
    r"the (?:first|second) (?:film|one|movie|picture)"
    r"(?=\s*[.,;:!?]|\s+(?:is|was|has|had|tells|opens|starts|ends|shows|follows|goes|takes)\b)"
)
_ANAPHORA = re.compile(
    r"^(?:[\w'’]+,? ){0,3}?(?P<np>(?:this|the) (?:[\w-]+ ){0,2}?(?:production|adaptation|"
    r"feature|picture|film|movie|epic|adventure|version|re-edit|re-cut)|the film|this film"
    r"|the movie|this movie"
    r"|the picture|this picture|the feature|this one|that one|that film|that movie"
    rf"|the latter|the former|the original|{_ORDINAL_FILM}"
    r"|the soviet original|the soviet film|the soviet version|the cartoon|this cartoon"
    r"|the animated film|the animation"
    r"|the russian film|the russian original|the source film|its"
    r" (?:american|us|u\.s\.|english-language) (?:version|cut|re-edit|release)|the (?:american|us"
    r"|u\.s\.) (?:version|cut|re-edit|release|film)|the re-edit|the remake|the sequel"
    r"|its sequel|its predecessor|the predecessor|its prequel|the prequel|the previous film"
    r"|the earlier film|it|its)\b",
    re.IGNORECASE,
)
_ANAPHORA_LOWER = lower_case_twin(_ANAPHORA)  # for lower-cased texts
# A film pointed at by a name that belongs to it: "the Bogdanovich one", "this DEFA film",
# "the Pirx picture" (the name: a word or two, capitalised, before a word for a film).
_NAMED_FILM_PHRASE = re.compile(
    r"(?:(?:[Aa]nd|[Bb]ut|[Aa]lso|[Ss]o|[Yy]es|[Nn]o|[Ww]ell|[Aa]nyway|[Nn]ow|[Tt]hen|[Ss]till)"
    r"\W+){0,2}(?P<np>(?:[Tt]he|[Tt]his|[Tt]hat) (?P<name>[A-Z][\w'’-]+"
    r"(?: [A-Z][\w'’-]+)?) (?:one|film|movie|picture|version|cut|re-edit|re-cut|original"
    r"|serial|cartoon|adaptation|production|feature|epic|adventure))\b"
)
# After a part: the film it is in, said otherwise ("plays Aelita in it", "in this one").
_IN_ANOTHER = re.compile(r"\s+in\s+(?:it|this|that|the\s+(?:film|movie|picture)|[A-Z])\b")
# Words that leave what a sentence says open: "may have", "probably", "should have"
_LEFT_OPEN = re.compile(
    r"(?i)\b(?:may|might|probably|perhaps|maybe|possibly|seems?|seemed|apparently|hardly"
    r"|should|supposed|likely|going\s+to)\b"
)
# Who the references credit on a film, for a name that points at it (and its studio).
_CREDIT_RELATIONS = (
    Relation.DIRECTED_BY,
    Relation.PRODUCED_BY,
    Relation.WRITTEN_BY,
    Relation.MUSIC_BY,
    Relation.CAST,
    Relation.NARRATED_BY,
    Relation.STUDIO,
)
# Words of a phrase that points at a film's re-edit ("the American cut", "the new version").
_RE_EDIT_WORDS = (
    "american",
    "us",
    "u.s.",
    "re-edit",
    "remake",
    "english",
    "new version",
    "re-cut",
    "recut",
)
_LIST_GAP = re.compile(r"^\s*(?:,|and|, and|&|with|as well as|together with)?\s*$")
# ... with words that describe the next name: "A and a very young B", "A and the veteran B",
# where that name ends its phrase (not "and the great Leonov steals every scene")
_DESCRIBED_LIST_GAP = re.compile(
    r"^\s*(?:,|and|, and|&)\s+(?:a|an|the)\s+"
    r"(?:(?:very|still|then|yet)\s+)?(?:young|old|unknown|little-known|veteran|great|late"
    r"|legendary|prolific)\s+$"
)
_NAME_ENDS_PHRASE = re.compile(r"\s*(?:[.;:)!?]|$|,(?!\s+in\s+his|\s+in\s+her))")
_HYPHENED = re.compile(r"-\w")  # a word joined on after a hyphen
_AS_PART_NEXT = re.compile(r"\s+as\s+(?:the\s+)?[A-Z]")
_SENTENCE_PART_ENDS = re.compile(r"\s*(?:[.;!?)]|$)")


def _in_list(text: str, gap: tuple[int, int], name_end: int) -> bool:
    """Whether the gap before a name (ending at ``name_end``) joins it to a list of names."""
    between = text[gap[0] : gap[1]]
    return _LIST_GAP.match(between) is not None or (
        _DESCRIBED_LIST_GAP.match(between) is not None
        # (or its part follows it: "and a very young B as Paul Grant")
        and (_NAME_ENDS_PHRASE.match(text, name_end) or _AS_PART_NEXT.match(text, name_end))
        is not None
    )


# Two names joined by ", and" where the second has a verb of its own in the singular (or in
# the past, after a first name that ends a phrase with "by"): two clauses ("for A, and B also
# stars", "a story by A, and B composed"), not a list ("directed by A, and B", "A, and B star")
_CLAUSES_JOINED = re.compile(r"\s*,\s*and\s*")
_OWN_SINGULAR_VERB = re.compile(
    r"\s+(?:also\s+|too\s+|even\s+)?(?:is|was|has|does|[a-z]{2,}[^s\W]s)\b(?!['’])"
)
# A verb in the past after the second name ("and B composed the score"): its own only where
# the first name is the end of a phrase with "by" ("a story by A, and B composed ...")
_OWN_PAST_VERB = re.compile(
    r"\s+(?:also\s+|too\s+|then\s+|later\s+)?(?:[a-z]{2,}ed|wrote|made|shot|did|sang|gave|took)\b"
)
# (perhaps with a description between: "a story by the Bulgarian writer A, and B's score")
_ENDS_ON_BY = re.compile(r"\bby\s+(?:(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){1,3})?$")
# ... or a possessive before a thing of theirs ("a book by A, and B's score is ...", "directed
# by A, and B's editing": B's own clause; not "and B's co-direction", "B's credit", "B's name",
# "B's share", "B's role as", "B's as well": the same credit)
_OWNER_OF_A_THING = re.compile(
    r"['’]s?\s+(?!(?:co-\w+|credit|name|share|role\s+as|as\s+well)\b)[a-z]"
)


def _two_joined_as_clauses(
    text: str, first: Mention, last: Mention, mentions: list[Mention]
) -> bool:
    """Whether a list from ``first`` to ``last`` is two names that ", and" joins as clauses."""
    if first is last or mentions.index(last) - mentions.index(first) != 1:
        return False
    if _CLAUSES_JOINED.fullmatch(text, first.end, last.start) is None:
        return False
    return _OWN_SINGULAR_VERB.match(text, last.end) is not None or (
        _ENDS_ON_BY.search(text[max(0, first.start - 40) : first.start]) is not None
        and (
            _OWN_PAST_VERB.match(text, last.end) is not None
            or _OWNER_OF_A_THING.match(text, last.end) is not None
        )
    )


# A clause that says when or where a story happens, up to the year it ends on
_STORY_TIME_CLAUSE = re.compile(
    r"[,;]\s+(?:and\s+)?(?:it\s+)?(?:opens|begins|starts|is\s+set|takes\s+place|unfolds)"
    # (not where the book's own verb follows: "it begins in Petrograd and was published in")
    r"\b(?:(?!published|written|wrote|appeared|printed|came\s+out)[^,;.])*$"
)
_YEAR_AFTER_TITLE = re.compile(r"^[\s”\"*_)]*(?:\(|,|\s)\s*(?:[^()]{0,40}?[,;]\s*)?$")
# A title's description set after it, saying who made it ("Nebo Zovyot, the 1959 space
# picture that A and B directed at ..."): what it says is of that title
_DESCRIBED_AFTER = re.compile(
    r"[\s”\"*_)]*(?:\([^()]{1,60}\)\s*)?,\s+(?:the|a|an|its)\s+[^,;.()!?:]{0,60}?"
    r"\b(?:film|picture|movie|feature|adventure|epic|drama|cartoon|serial|production|original)"
    r"\s+(?:that|which)\s+[^,;.()!?:]{0,60}"
)
_MAKING = re.compile(r"\b(?:directed|co-directed|made|shot|filmed|produced|scored)\b")


def _described_after(text: str, start: int, at: int) -> bool:
    """Whether the text from a title's end to a value is that title's description.

    Saying who made it: ", the 1959 space picture that A and B directed at".
    """
    if _DESCRIBED_AFTER.fullmatch(text, start, at) is None:
        return False
    rest = re.match(r"[^,;.()!?:]*", text[at:])
    return _MAKING.search(text[start:at] + (rest[0] if rest else "")) is not None


# "Guest from the Future, the 1985 serial": a year in a noun phrase set beside the title.
# ... past its other title in brackets and a word or two ("Nebo Zovyot (...), a handsome 1959")
# (what may follow a title before its verb or its aside: quotes, its other title in brackets)
_AFTER_TITLE = r"[\s”\"*_)]*(?:\([^()]{1,60}\)\s*)?"
_TOO = r"\s+(?:too|again|also|as\s+well)"  # "Nebo Zovyot too, the 1959 one"
_APPOSED_YEAR = re.compile(
    "^" + _AFTER_TITLE + "(?:" + _TOO + r")?,\s+(?:the|its|a|an)\s+(?:[a-z][\w-]*\s+){0,2}$"
)
_DEED_MADE_IT = re.compile(r"\s+(?:it|them|the\s+(?:film|picture|movie))\b(?!\s+to\b)")
_TOO_APPOSED = re.compile(r"[\s”\"*_)]*" + _TOO + ",")
_TOO_DOUBT = "relation uncertain: 'X too, the 2002 one' may be another work of the same title"
_YEAR_BEFORE_TITLE = re.compile(
    r"\s*|\s+(?:[\w-]+\s+){0,2}?(?:film|serial|series|cartoon|adaptation|version|picture|movie"
    r"|feature|epic|classic|re-edit|remake|sequel)\s+[*_“\"]*"
)
# A work named after its kind, the name not one the references know: "the short X (1981)"
_UNKNOWN_WORK_BEFORE = re.compile(
    r"\b(?:documentary|short|cartoon|serial|series|novel|book|novella|story|play)\s+[*_“\"]*"
    r"[A-ZА-ЯЁ][^\s()]*(?:\s+[^\s()]+){0,4}\s*\(\s*$"
)
_APPOSED_NOUN = re.compile(
    r"^\s+(?:[\w-]+\s+){0,2}?(?:film|serial|series|version|feature|movie|picture|cartoon"
    r"|adaptation|original|re-edit|production|one)\b(?!-)",
    re.IGNORECASE,
)
# A preposition and a determiner before "1966 comedy", inside a clause: a film brought in.
_BROUGHT_IN_FILM = re.compile(
    r"\w\W+(?:for|in|into|with|to|from|after|before|like|than|on|by)\s+"
    r"(?P<d>a|an|the|his|her|their)\s*$",
    re.IGNORECASE,
)
_BROUGHT_IN_DOUBT = (
    "attribution uncertain: the year of a film a preposition brings in, perhaps another one"
)
_FILM_WORD_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:film|movie|picture|feature|production|co-production"
    r"|coproduction|job|adaptation"
    r"|science[- ]fiction|sci-fi|space opera|drama|fantasy|comedy|animated|cartoon|classic"
    r"|silent|epic|version)\b(?!-)",  # not "film-makers"
    re.IGNORECASE,
)
# A clause whose subject is a book ("Bulychev's book came out in 1978", "the story appeared
# in 1959"): its year is the book's.
_WORK_SUBJECT = re.compile(
    r"\W*(?:(?:and|but|while|whereas|though)\s+)?"
    r"(?:(?:the|his|her|their|[\w.-]+['’]s?)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:book|novella|short story|story|stories)\s+(?:was\s+|were\s+|had\s+)?"
    r"(?:first\s+)?(?:came out|appeared|published|printed|out)\b",
    re.I,
)
# What a person "wrote", right before "written by": "A narration written by the veteran "
_WRITTEN_THING = re.compile(
    r"\b(?P<thing>[a-z]+)[”\"*_]*,?\s+(?:(?:was|were|is|are|also|first|originally)\s+)*"
    r"(?:written|penned)\s+by\s+(?:[\w'’.-]+\s+){0,4}$"
)
# ... that is no book: the script, a narration, the lyrics
_NO_BOOK = re.compile(
    r"narrations?|screenplays?|scripts?|scenarios?|dialogues?|lyrics|songs?|commentary"
    r"|prologue|epilogue|voice-?over|subtitles|intertitles|foreword|introduction|teleplay"
    r"|films?|movies?|pictures?|adaptations?|remakes?|sequels?|episodes?|serial"
    r"|score|music|soundtrack|review|essay|article|post|blog|role|scenes?|footage"
)
_PART_MARK = re.compile(r"[,:;–—]")
# A verb of the film's making or coming out, then only where and by whom, then "in": "was
# made at X by Y in ", "came out of the X studio in Kyiv in "; or, the year of its making
# rather than of its release ("doubt"), "was directed by Y in ", ", directed by Y in ",
# "which Y and Z directed at the X studio in " (these last, and "came out of", only right
# after the film: see _FILM_JUST_BEFORE)
_MADE_AT_BY_IN = re.compile(
    r"(?:\b(?:was|were)\s+(?:made|shot|filmed|produced|completed)\b"
    r"|(?P<out>\bcame\s+out\s+(?:of|from)\b)|(?P<doubt>\b(?:was|were)\s+directed\b|(?:^|[,(;:]|\band)\s*directed\s+by\b"
    r"|\b(?:which|that)\s+(?:(?:[A-ZÀ-Ž][\w.'’-]*|and)\s+){1,6}?"
    r"(?:made|shot|filmed|directed|produced)\b))"
    r"(?P<rest>(?:\s+(?:at|by|in|for|with|and|of|from|the|a|an|studios?|[A-ZÀ-Ž][\w.'’-]*)\b)*)"
    r"\s+in\s*$"
)
# Between a film's title (or "it", "the film") and what the clause says it did: an aside in
# brackets; a comma before "which" ("Mechte navstrechu (A Dream Come True), which ..."),
# none before "was" ("Järvet, Snaut in Solaris, was directed by" is Järvet's). A bracket
# that closes right after the title only where the title is another of the one before it
# ("X (A Dream Come True), which", not "Banionis (Solaris) was directed by").
_FILM_JUST_BEFORE = re.compile(
    r"(?P<closed>[\s”\"*_]*\))?[\s”\"*_]*(?:\([^()]{0,80}\)[\s”\"*_]*)?"
    # (an aside set beside the title: "Eolomea, Herrmann Zschoche's film, was made")
    r"(?:,\s+(?:the\s+|an?\s+)?[\w'’ -]{1,50}?\b(?:film|picture|movie|adaptation),)?"
    r"(?P<comma>,)?\s*"
)
# "it", "the film" right before the verb (not "the next film", "the American film", "the
# original": another film, or the book)
_FILM_WORD_JUST_BEFORE = re.compile(
    r"(?:^|[^\w\s]\s*|\b(?:and|but|so)\s+)(?:[Ii]t|(?:[Tt]he|[Tt]his)\s+(?:film|picture|movie))"
    r"\s*,?\s*$"
)


def _film_right_before(text: str, at: int, groups: Sequence[_Group], comma: bool = False) -> bool:
    """Whether the film itself (its title, "it", "the film") is said right before ``at``.

    ``comma``: a comma must come between ("X, which ..."); else none may ("X was ...").
    """
    if _FILM_WORD_JUST_BEFORE.search(text, 0, at):
        return True
    for group in groups:
        if group.end > at:
            continue
        between = _FILM_JUST_BEFORE.fullmatch(text, group.end, at)
        if (
            between is not None
            and (between["comma"] is not None) == comma
            and (between["closed"] is None or len(group.members) > 1)
        ):
            return True
    return False


# "dates from", "dating back from" right before a year: the year of what the words before name
_WHICH_BEFORE = re.compile(r"\b(?:which|that)\s+$")
_DATED_THING_DOUBT = "relation uncertain: the film that 'dates from' a year may be another"
# A film's kind right before "dates from": "Daneliya's comedy", "the Soviet film" (not "the
# American adaptation", "the print", "the idea": a version or a thing)
_FILM_KIND_BEFORE = re.compile(
    r"(?:\b(?:the|this|that|his|her|their|its|an?)|['’]s)\s+(?:[\w-]+\s+){0,2}?(?:film|picture"
    r"|movie|comedy|drama|cartoon|feature|classic|epic|serial|flick|thriller|production)\s*,?\s*$",
    re.IGNORECASE,
)
_DATES_FROM = re.compile(r"\b(?:dates?|dating)\s+(?:back\s+)?from\s*$", re.IGNORECASE)
_FILM_OR_YEAR = re.compile(r"\b(?:film|movie|picture|adaptation|version|serial)\b|\d{4}")
_COMPARED_TO = re.compile(
    r"\b(?:compared?\s+(?:it\s+|them\s+)?(?:to|with)|than|unlike|versus|vs\.?|beside"
    r"|(?:just|much|rather|more)\s+like)\s+(?:the\s+)?[*_“\"]*$",
    re.IGNORECASE,
)
_ANOTHER_MADE_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:remake|version|adaptation|re-?edit|sequel|restoration|re-?release)"
    r"s?\b",
    re.I,
)
_NOT_A_RELEASE = re.compile(
    r"\b(?:born|died|founded|published|wrote|written|novel|book|story|launch|launched|flight|flew"
    r"|mission|orbit|landed|sputnik|vostok|luna|since|until|before|restor\w*|re-?releas\w*"
    r"|reissu\w*|dvd|blu-ray|video|vhs"
    r"|tv|television|broadcast|festival|screened|anniversary|retrospective)\b",
    re.IGNORECASE,
)
# Words that deny what a sentence says of a part: "did not feature", "never had", "wrongly"
_DENIED = re.compile(r"(?i)\b(?:not|never|no|n['’]t|wrongly|mistakes?|instead of|rather than)\b")
# The closing quote of a part written in quotes, right before its actor's bracket
_QUOTE_CLOSED = re.compile(r"[”\"’']+(?=\s*\()")
# "Kelvin (Banionis", "Paul Grant (a very young Dennis Hopper": a part, then its actor
_ROLE_PAIR = re.compile(
    r"^\s*\(\s*(?:as\s+|played by\s+|(?:(?:an?|the)\s+)?(?:(?!(?:of|for|to|with|by|from|in|on"
    r"|at|like|unlike|than|and|or|aka|also|later|formerly|now|opposite|alongside|beside|besides"
    r"|versus|vs|after|before|then|replacing|replaced|dubbed|voiced|not|without|instead)\b)"
    r"[a-z][\w-]*\s+){0,3}?)?"
    r"(?:(?i:" + "|".join(sorted(TITLES)) + r")\.?\s+)?$"
)  # ... a description or a title, no relation: not "(a drinking buddy of X"
# The end of the brackets around an actor: ")", or a short aside first (", slumming it)")
_PAIR_CLOSED = re.compile(r"\s*(?:\)|,[^()]{1,60}\))")
# A people's word after a preposition describes what the preposition points to, not the
# film: "closer to a Polish satire", "the reply to an American masterpiece"
_DESCRIBES_ANOTHER = re.compile(
    r"\b(?:to|than|like|unlike|from|over|against|versus|vs\.?)\s+"
    r"(?:(?:a|an|the|any|some|every|its|his|her|their)\s+)?(?:[\w-]+\s+)?$"
)
# A country named as where a clause happens: "In Poland audiences saw ...", "..., in East
# Germany critics ..."
_IN_A_PLACE_OPENING = re.compile(r"(?:^|[,;:(]\s*)[\W_]*[Ii]n\s+(?:the\s+)?$")
_MAKING_VERB = re.compile(r"(?i)\b(?:made|produced|co-produced|shot|filmed|directed)\b")
_COUNTRY_CUE_AFTER = re.compile(
    r"^\s*(?:[/,–-]\s*[\w.]+\s*)*,?\s*(?:1[89]\d\d|20\d\d)\b|^\s*/"
    # (not an article right after the name: "In the United States the film was cut" opens
    # another phrase)
    r"|^[\s–-]*(?!(?:the|a|an|this|that|its|his|her|their)\s)"
    r"(?:(?!(?:in|of|for|from|with|by|on|at|to|about|than|like)\s)[\w–-]+\s+){0,3}?"
    r"(?:film|movie|picture|feature|production|co-production|coproduction|(?<!hack\s)job|venture"
    r"|adaptation|classic|cartoon|epic|drama|cinema|adventure|fantasy|thriller|spectacle"
    r"|comedy|musical|documentary|release|partners|co-producers|masterpiece|satire|serial"
    r"|whodunnit|oddity|curiosity)\b(?!s)",
    re.IGNORECASE,
)
# Directors in the story rather than of the film.
_STORY_DIRECTOR = re.compile(
    r"\b(?:flight|mission|art|music|musical|casting|managing|technical|scientific|research|"
    r"program|programme|station|institute|observatory|project|launch|space agency|museum|"
    r"school|factory|plant|laboratory|lab|zoo|hotel)\s+directors?\b",
    re.IGNORECASE,
)
# Before "a Soviet film": a preposition or a verb done to a film makes it another film
# than the subject ("a remake of a Soviet film", "buy a Soviet film cheaply").
_ANOTHER_FILM = re.compile(
    r"\b(?:of|from|into|like|than|for|with|about|on|buy\w*|bought|took|tak\w+|dub\w*|"
    r"re-?cut\w*|remak\w+|remade|adapt\w*|import\w*|acquir\w+|watch\w*|saw|see\w*|"
    r"found|find\w*|rent\w*|screen\w*|show\w*|borrow\w*|plunder\w*|raid\w*|make|makes|making)\s+"
    r"(?:a|an|another|any|some)\s+$",
    re.IGNORECASE,
)
_JOINT = re.compile(r"(?i)co-?produc|joint produc|jointly")
_COUNTRY_AND_THE = re.compile(r"\s*(?:,|,?\s+and)\s+the\s+")
# A thing said to be made somewhere or by someone: "the ship was made in", "his camera was
# built by" (the film only when the noun is one for a film: "the film was made jointly by")
_THING_MADE = re.compile(
    r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Aa]n?)\s+(?P<m>(?:[\w-]+\s+){0,2}?)"
    r"(?P<n>[a-z][\w-]*)(?:\s+itself)?\s+"
    r"(?:was|were|is|are|had\s+been|has\s+been|would\s+have\s+been)\s+(?:[\w-]+\s+)?"
    r"(?:made|produced|shot|filmed|built)\b"
)
# What the film may be called in a sentence that says where it was made: its own nouns and
# its kinds ("the flick", "the miniseries", "the Czech classic"); any other noun is a thing
# in it or another version ("the ship", "the trailer", "the American version")
_FILM_NOUN = re.compile(
    r"film|movie|picture|feature|flick|production|co-?production|adaptation|serial|miniseries"
    r"|series|one|story|thriller|drama|comedy|fantasy|epic|adventure|cartoon|animation|classic"
    r"|masterpiece|opera|saga|tale|spectacle|allegory|parable|fable|musical|western|mystery"
    r"|horror|melodrama|satire|odyssey|favourite|favorite|gem|curiosity|oddity|rarity|thing"
)
# ... "the spaceship in the film", "the models for the film": a thing of the film
_THING_OF_THE_FILM = re.compile(
    r"\b(?:in|of|for|from|on)\s+(?:the|this|that)\s+(?:film|movie|picture)\b"
)
# A country as a maker, of the film itself: the clause opens on the verb ("Made jointly by A
# and B, it ..."), or its subject is the film ("it was produced jointly by")
# (the countries named before this one: "by East Germany, the Soviet Union and ")
_COUNTRIES_BEFORE = (
    r"(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*(?:,|,?\s+and)\s+)*(?:the\s+)?$"
)
_MADE_BY_OPENS = re.compile(
    r"\W*(?:[Mm]ade|[Pp]roduced|[Cc]o-produced)(?:\s+jointly)?\s+by\s+" + _COUNTRIES_BEFORE
)
_FILM_MADE_BY = re.compile(
    r"(?:\b(?:[Ii]t|film|picture|movie|production)|\s{3})\s+(?:was|is|had\s+been)\s+"
    r"(?:jointly\s+)?(?:made|produced|co-produced)(?:\s+jointly)?\s+by\s+" + _COUNTRIES_BEFORE
)
# ... and not another film: "the next Lem film was made in"
_ANOTHER_FILMS_WORD = re.compile(
    r"(?i)\b(?:next|later|earlier|previous|other|another|second|third|following|new|last|first)\b"
)
_MADE_IF = re.compile(r"\b(?:would|could|might|if|planned|was\s+to|were\s+to|wanted)\b")
# Words that report what someone else said or believed: "my teacher told us", "often said",
# "I read that", "people assume", "the myth that"
_REPORTED = re.compile(
    r"(?i)\b(?:told|said|claimed|assumes?|assumed|read\s+(?:somewhere|that)|myth|believed?"
    r"|thought|think|supposed)\b"  # (and the hearsay of _HEARSAY, asked with it)
)
_TITLE_TO_VERB = re.compile(_AFTER_TITLE)
# After a word for a people ("the Soviet", "the GDR"), the noun it describes: a word, not a
# list's mark or conjunction ("the GDR, the Soviet Union", "the USSR and Poland").
_PEOPLE_WORD_BEFORE_NOUN = re.compile(
    r"[\s-]+(?!(?:and|or|nor|in|with|to|at|for|from|of|as|but|by|on)\b)[\w“\"*_]"
)
# Right before a title, words that compare with it: "sounds so much like", "slower than".
# A planet's adjective before what it describes: "the Martian queen", "Venusian women"
_PLACE_ADJECTIVE = re.compile(
    r"\b(?P<adjective>Martian|Venusian|[Ll]unar|Jovian|Saturnian)\s+(?P<thing>[a-z][\w-]*)"
)
_PLACE_OF_ADJECTIVE = {
    "martian": "Mars",
    "venusian": "Venus",
    "lunar": "the Moon",
    "jovian": "Jupiter",
    "saturnian": "Saturn",
}
# ... not a thing of history: "the first lunar probe", "the lunar programme"
_NOT_A_STORY_THING = re.compile(
    r"probes?|program(?:me)?s?|missions?|landings?|modules?|rovers?|orbiters?|exploration|race"
    r"|calendar|eclipses?|months?|years?|new|base|orbit"
    # ... nor of the making: "the lunar sets", "Martian footage"
    r"|sets?|footage|models?|props|shots?|scenes?|sequences?|effects"
)
# ... nor where the sentence denies or likens it: "nothing Martian about it", "as barren as any
# Martian plain", "recalls a lunar landscape", "far from any Martian soil"
_PLACE_WORD_DOUBTED = re.compile(
    r"(?i)\b(?:no|nothing|not|never|without|far\s+from|like|unlike|than|as(?=\s+an?\b)"
    r"|as\s+[\w-]+\s+as(?:\s+any)?"
    r"|(?:compar|recall|resembl|evok|echo)\w*(?:\s+[\w'’-]+){0,4}?(?:\s+(?:to|with))?)"
    r"(?:\s+(?:a|an|the|any|its))?\s+$"
)
_APPOSITION_OPENS = re.compile(r"(?:a|an|the|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s)\s")
_QUOTES_ONLY = re.compile(r"[\s*_“\"]*")
_COUNTED_FROM = re.compile(r"\b(?:after|before|following)\s+(?:the\s+)?[*_“\"]*$", re.IGNORECASE)
# ... the film the whole of what the time is counted from, a clause of another's after it:
# not a film with its own verb ("Six years after Solaris came out in 1972") or with an
# aside of its own ("Six years after Aelita, directed by Protazanov in 1924, X was made")
_COUNTED_FILM_ENDS = re.compile(
    r"[*_”\"]*\s*,\s+(?!(?:which|who|whose|that|directed|made|released|shot|produced|written"
    r"|based|adapted|its|his|her)\b)"
)
_COMPARED_WITH = re.compile(
    r"\b(?:like|unlike|than|similar\s+to|compared\s+(?:to|with)|reminiscent\s+of)\s+"
    r"(?:the\s+|a\s+)?[*_“\"]?$",
    re.IGNORECASE,
)
# ", a co-production of A, B and ": the countries of what stands before the comma
_APPOSED_JOINT = re.compile(
    r",\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:[Cc]o-?|[Jj]oint\s+)production\s+(?:of|between)\s+"
    r"(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*(?:,|,?\s+and)\s+)*(?:the\s+)?$"
)
# Between a title and a comma after it: marks, a bracketed year.
_TITLE_BESIDE = re.compile(r"[\s”\"*_]*(?:\(\s*(?:1[89]|20)\d\d\s*\))?\s*")
# A phrase for the film spoken of, ending right there: "this haunting DEFA picture".
_FILM_PHRASE_ENDS = re.compile(
    r"\b(?:[Tt]his|[Tt]he)\s+(?:[\w-]+,?\s+){0,4}?(?:film|picture|movie|feature|production"
    r"|adaptation)\s*$"
)
_JOINT_IT_DOUBT = "attribution uncertain: 'it was a co-production of' may speak of another film"
_JOINT_OF = re.compile(
    r"(?:^[\W_]*|\b(?:is|was|as)\s+)(?:[Aa]|[Aa]n)\s+(?:[Cc]o-?|[Jj]oint\s+)production\s+"
    r"(?:of|between)\s+"  # "a co-production between Poland and the Soviet Union"
    # (the countries named before this one: "of East Germany, the Soviet Union and ")
    r"(?:(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*(?:,|,?\s+and)\s+)*(?:the\s+)?$"
)
_NOTHING_TO_DO = re.compile(
    r"(?i)\bnothing\s+to\s+do\s+with\b"
    r"|\b(?:listed|described|billed|sold)\s+(?:[\w-]+\s+){0,3}?as\b"
)
_COUNTRY_CUE_BEFORE = re.compile(
    r"(?:(?:co-?|joint )produc\w* (?:with|by|between)"
    r"|(?:made|produced|shot|filmed|directed)(?: it)? in|from"
    r"|(?:made|produced|shot|filmed)(?: jointly)? with"
    # "made by DEFA with partners in the Soviet Union and Bulgaria" (only after the film's
    # making verb: see _MADE_WITH_PARTNERS)
    r"|(?P<partners>\b(?:together\s+)?with\s+partners\s+in)"
    # a country as a maker: "made jointly by the Soviet Union and Poland"
    r"|(?:made|produced)(?: jointly)? by"
    r"|[Uu][Ss][Ss][Rr])\s*(?:the\s+)?$",
    re.IGNORECASE,
)
# A making verb, then the partners, in one plain clause: "was made by DEFA with partners in"
# (not "made by DEFA, not with partners in", "like films with partners in"); whose making
# it is, the film's, is asked of the words before it (see _film_right_before)
_MADE_WITH_PARTNERS = re.compile(
    # (or its participle, set after the film: "Eolomea (1973), made by DEFA together with")
    # (or a relative clause of the film's maker: "Eolomea, which DEFA made in 1974 with")
    r"(?:\b(?:was|were)\s+|(?P<participle>,\s+)|(?P<which>,\s+)which\s+(?P<maker>[A-Z][\w-]*)\s+)"
    r"(?:made|produced|shot|filmed)\b"
    r"(?:(?!\b(?:not|no|never|unlike|like|than|other|another|next)\b)[^.;:,?]){0,40}"
    r"\b(?:together\s+)?with\s+partners\s+in\b[^.;:?]*$",
    re.IGNORECASE,
)
# Between a film and a value: words that make the value about something else than that film.
_ABOUT_ANOTHER = re.compile(
    r"\b(?:footage|effects|scenes|shots|sequences|material)\b[^.;]*\b(?:from|of)\b"
    r"|\b(?:than|like|unlike|after|before|of)\b"
    # "X's sister film", not "X's score is by", "X's director was"
    r"|^['’]s\b(?!\s+(?:[\w-]+\s+)?(?:score|music|soundtrack|directors?|producers?|composers?"
    r"|cast|studio)\s+(?:is|was|were|are|by)\b)"
)
# "based on a novel by X": the film's source, when a cue says the film adapts it
_AUTHORS_WORK = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:novel|book|story|novella)\b")
# What follows a title when the film of the book is meant: "Lem's Solaris followed in 1972,
# filmed by Tarkovsky" (not "Lem's Solaris (1961), filmed by ...": a book's year, nor "Lem's
# Solaris, filmed by Tarkovsky, came out in 1961": an aside on the book)
_FILMED_AFTER = re.compile(
    r"(?![\s”\"*_]*[(,])[^.;:()]{0,40}?\b(?:filmed|directed|shot)\s+(?:by|at|for)\b"
)
# Between a book and the film made of it: "reached the screen in 1960 as", "was filmed as",
# "became the film", "was turned into"
_SCREENED_AS = re.compile(
    r"[\s”\"*_,]*(?:\([^()]{0,40}\)\s*)?(?:had\s+|has\s+|was\s+|were\s+)?(?:been\s+)?"
    r"(?:already\s+|first\s+|later\s+|finally\s+|soon\s+)?"
    r"(?:(?:reached|came\s+to|brought\s+to)\s+the\s+screen|filmed|adapted|released"
    r"|turned|made)"
    r"(?:\s+in\s+(?:1[89]|20)\d\d|\s+by\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}){0,2},?"
    r"\s+(?:as|into)\s+(?:the\s+(?:film|movie|picture)\s+)?[*_“\"]*"
    r"|[\s”\"*_,]*(?:had\s+|has\s+)?became\s+(?:the\s+(?:film|movie|picture)\s+)?[*_“\"]*"
)
# A writer's name used as a word describing their book: "the Lem story", "the Bulychev book"
_ATTRIBUTIVE_WORK = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:novel|book|novella|story|tale)\b")
# A name before a kind of film it describes: "the Lem adaptation", "a Kromanov picture"
_ATTRIBUTIVE_FILM = re.compile(
    r"\s+(?:[a-z][\w-]*\s+)?(?:film|picture|movie|feature|adaptation|classic|epic)s?\b"
)
# A title set beside "the X picture": "X picture, Title" and "Title (1959), the X picture"
_APPOSED_AFTER = re.compile(r"\s*,?\s*[*_“\"]*")
_APPOSED_BEFORE = re.compile(
    r"[*_”\"]*\s*(?:\([^()]*\))?\s*,\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}"
)
# Another film than the one spoken of: "another Tarkovsky film", "unlike the Maetzig film"
_ANOTHER = re.compile(
    r"\b(?:another|other|others|unlike|like|than|after|before)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_DETERMINED = re.compile(
    r"\b(?:the|a|an|another|this|that|his|her|their|its)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
_A_NOVEL_BY = re.compile(r"\ban?\s+(?:[\w-]+\s+){0,2}?(?:novel|book|novella)\s+by\b", re.I)
_THE_NOVEL = re.compile(
    r"\b(?:the|his|her|their|its)\s+(?:\d{4}\s+)?(?:novel|book|story|novella)\b"
    r"|['’]s?\s+(?:\d{4}\s+)?(?:novel|book|novella)\b",
    re.IGNORECASE,
)
# "the Alexei Tolstoy novel", "the Bulychev book": its author's name before it (read so for
# the author's name only, not for a year: "the Dostoevsky novel, published in 1866")
_NAMED_NOVEL = re.compile(r"\bthe\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:novel|book|novella)\b")
# "X plays the captain", "X is the youngest crew member", "X, in one of his last roles":
# an actor and a part that is described, not named.
# Words for a part in a story (the captain, the pirates, the stowaway) ...
_PART_NOUNS = (
    r"crew ?members?|crew|astronauts?|cosmonauts?|captain|commander|pilot|navigator"
    r"|scientist|engineer|geologist|alien|hero|heroine|villain|robot|radio operator|pirates?"
    r"|stowaway|mathematician|doctor|professor|inspector|detective"
)
# ... and for one of an age, which "as a teenager" may say of anyone
_ROLE_NOUNS = rf"(?:{_PART_NOUNS}|schoolboy|schoolgirl|teenager)\b"
# "X is superb as the pirate", "X and Y are clearly having fun as the pirates": how an actor
# is in a part (not "as good as the pilot", "known as the captain", "my favourite as a
# teenager", "was considered as the pirate", "famous as the detective in another series")
_GOOD_AS_PART = re.compile(
    r"\s+(?:is|was|are|were)\s+(?:(?!(?:as|known|billed|credited|my|our|your|considered"
    r"|rejected|cast|auditioned|tested|wanted|chosen|picked|approached|offered|famous|remembered"
    r"|seen|imagined|described|dressed|disguised|posing|mistaken|replaced|hired|signed|first"
    r"|originally|almost|nearly|once|never|not|later|previously|earlier|best)\b)[\w-]+\s+){1,6}?"
    r"as\s+(?:the|a|an|one of the)\s+(?:[\w-]+\s+){0,2}?"
    + rf"(?:{_PART_NOUNS})\b(?=\s*(?:[,.;:!?)]|$)|\s+(?:who|here|there|too)\b)",
    re.IGNORECASE,
)
_PLAYS_A_PART = re.compile(
    r"^(?:\s*,\s*in\s+(?:one of\s+)?(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?roles?\b"
    r"|(?:\s*,[^,.;]{1,60},)?\s+(?:also\s+)?(?:(?:plays|play|played|portrays|portray|portrayed)\s+"
    r"(?:the|a|an|one of the)\s"
    r"|(?:is|was|are|were)\s+(?:the|a|an|one of the|among the)\s+(?:[\w-]+\s+){0,2}?"
    + _ROLE_NOUNS
    # "X does a voice in it", "X voices the robot"
    + r"|(?:does|did|provides|provided|lends|lent)\s+(?:a|the|his|her)\s+voice"
    r"|voices\s+(?:the|a|an)\s)"
    # "X and Y lead the cast", "X heads the new cast", "X is in the cast", "X also stars"
    r"|\s+(?:also\s+)?(?:leads?|led|heads?|headed|joins?|joined|tops?|topped|rounds? out"
    r"|completes?|anchors?)\s+(?:the|its|a)\s+(?:[\w-]+\s+){0,2}?cast\b"
    r"|\s+(?:is|are|was|were)\s+(?:also\s+)?(?:in|among)\s+the\s+(?:[\w-]+\s+)?cast\b"
    r"|\s+(?:is|are|was|were)\s+(?:also\s+)?in\s+it\b|\s+in\s+it\s*[.!?]?$"
    r"|\s+(?:also\s+)?(?:co-?)?(?:stars?|starred)\b(?!\s+(?:as|in)\b))",
    re.IGNORECASE,
)
# "X wrote the eerie score", "X did the music", "X's synthesisers": the film's composer.
# The makers of a re-edit's source film: "the Soviet directors", "its Russian cast" (not "its
# original director": the re-edit's own first one).
_SOURCE_MAKER = re.compile(
    r"\b(?:the|its|their)\s+(?:soviet|russian)\s+(?:directors?|producers?|composers?"
    r"|cast|actors|crew|writers?|makers|film-?makers)\b",
    re.IGNORECASE,
)
_MAKERS_LISTED = re.compile(r"[\s,:]*(?:(?:were|was|are|is|and|both)\b[\s,:]*)*")
_SCORED = re.compile(
    r"^(?:\s+(?:(?:also|again|once\s+more)\s+)?(?:co-)?(?:wr(?:ite|ote|ites|iting)"
    r"|do|did|does|doing"
    r"|provid(?:e|ed|es|ing)|compos(?:e|ed|es|ing)|creat(?:e|ed|es|ing)|suppl(?:y|ied|ies|ying)"
    r"|handl(?:e|ed|es|ing))\s+(?:the|its|a|an|that|this|his|her|their)\s+"
    r"|['’]s?\s+)(?:[\w-]+\s+){0,2}?(?:score|music|soundtrack|synthesi[sz]ers?|songs?|themes"
    r"|electronics|soundscape)\b"
    # "wrote the theme", "composed the main theme": a tune, not a book
    r"|^\s+(?:also\s+)?(?:co-)?(?:wr(?:ote|ites)|compos(?:ed|es))\s+(?:the|its|a)\s+(?:[\w-]+\s+)?"
    r"theme\b"
    # "that lovely Günther Fischer score", "an Arvo Pärt score": the name before it
    r"|^\s+(?:[\w-]+\s+)?(?:score|soundtrack|theme\s+(?:song|tune|music)|songs?|tunes?)\b",
    re.IGNORECASE,
)
_ACTED_IN = re.compile(
    r"^\s+(?:(?:was|is|also|later|then)\s+)*(?:in|appears in|appeared in|starred in|stars in|"
    r"features in|featured in|turns up in|shows up in|pops up in|acted in|played in)\s+",
    re.IGNORECASE,
)
_IN_THE_CAST = re.compile(
    r"^\s+(?:is|was|are|were)\s+(?:also\s+)?(?:in|among)\s+(?:the|its)\s+(?:voice\s+)?cast\b",
    re.IGNORECASE,
)
# ... and, said plainly (see _cast_said_plainly), past an aside in brackets: "X (yes, Sherlock
# Holmes himself) is in the voice cast"
_IN_THE_CAST_PAST_ASIDE = re.compile(
    r"^\s*\((?![^()]*\b(?:film|films|version|remake|movie)\b)(?![^()]*['’]s\b)[^()]{1,60}\)\s+"
    r"(?:is|was|are|were)\s+(?:also\s+)?(?:in|among)\s+(?:the|its)\s+(?:voice\s+)?cast\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)
# What keeps a sentence from saying plainly that someone is in the cast: besides what says
# nothing plainly (see _NOT_PLAINLY), a choice not made, one instead of another, a likeness;
# a name after a preposition (the object of something else: "the novel by X", "a photo of
# X"); or a film other than the one spoken of ("in the sequel", "the Soviet original")
_CAST_DOUBTED = re.compile(
    r"(?i)\b(?:considered|candidates?|cast\s+list|first\s+choice|instead|rather|actually|like"
    r"|unlike)\b"
)
_OTHER_FILM_SAID = re.compile(
    r"(?i)\b(?:the|its|their|an?)\s+(?:(?:1[89]|20)\d\d\s+)?(?:(?:first|second|other|earlier"
    r"|later|soviet|american|us|english|german|russian|tv|television)\s+)?(?:sequel|original"
    r"|remake|re-?edits?|versions?|cut|cartoon|serial|dub|dvd|film|one)s?\b(?<!\bthe film)"
    r"(?<!\bthis film)"
    r"|['’]s\s+(?:previous|next|earlier|later|other|first|second|last)\s+(?:film|picture|movie)"
)
_NAME_AS_OBJECT = re.compile(
    r"(?i)\b(?:by|of|from|to|with|for|about|between)\s+(?:(?:the|a|an|young|late)\s+)?$"
)
# Where a list that gives a cast opens: its clause's start, or after "lineup is", "cast:",
# "It has", "with", "starring"
_CAST_LIST_OPENS = re.compile(
    r"(?:^|[.;:]|,\s+and)\s*$|\b(?:line-?up|cast)\s+(?:is|was|includes?|included)\s+$"
    r"|\b(?:where|in\s+which)\s+$"
    r"|\b(?:has|had|with|starring|stars)\s+(?:(?:a|the)\s+(?:very\s+)?(?:young|veteran)\s+)?$",
    re.IGNORECASE,
)
_PROBABLY = re.compile(r"(?i)\b(?:probably|possibly|presumably|i\s+think|i\s+guess)\b")
# A capitalised word no mention covers, past a sentence's first: a title or a name unknown
_UNKNOWN_NAME = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][a-z][\w'’-]*")
_CAST_CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:and|but|while|whereas|so)\b|\.\s")
# "X plays her with huge eyes", "X plays him.": a part named by a pronoun that no name
# before it tells (the pronoun, not an owner: "plays her mother" names another part)
_PLAYS_UNNAMED = re.compile(
    r"\s+(?:plays|played|voices|voiced)\s+(?:her|him)"
    r"(?=\s*(?:$|[.,;:!?)\u2014\u2013]|(?:and|but|with|so|throughout|well)\b|\w+ly\b))"
)
# "She is played by X", "..., and he is voiced by X"
_PRONOUN_PLAYED_BY = re.compile(
    r"(?:^|[.;:]\s+|,\s+and\s+)(?:[Ss]he|[Hh]e)\s+(?:is|was)\s+(?:played|voiced)\s+by\s+$"
)
# Verbs after a name that make it the film's maker: the relation table's, and three that
# name a director or a producer alike.
_DOUBTFUL_MAKING = "relation uncertain: 'shot' or 'made' names a director or a producer"
_RECUT_DOUBT = "relation uncertain: who re-cut or adapted it may not direct"
# (what "X wrote and directed" names may be another work of theirs: "wrote and directed
# Dementia 13", a title the references do not know)
_WROTE_AND_DIRECTED_DOUBT = (
    "relation uncertain: what someone wrote and directed may be another work"
)
_RECUT_VERBS = (
    "re-cut",
    "recut",
    "re-edited",
    "put together",
    "assembled",
    "turned",
    "adapted",
    "recycled",
    "reused",
    "re-used",
)
# ... and one handed a film's reels, who made another film of them (its re-edit)
_REELS_DOUBT = "relation uncertain: who was handed a film's footage made a re-edit of it"
_HANDED_REELS = re.compile(
    r"\bhand(?:ed|s)\s+(?:it|them|(?:(?:the|its|this|that)\s+)?(?:[\w-]+\s+){0,2}?(?:footage"
    r"|material|reels|film|picture))\s+(?:over\s+)?to\s+(?:(?:a|the)\s+(?:young\s+)?)?$",
    re.IGNORECASE,
)
# What a maker made, described, then named: " the studio's two best-known space films, "
_DESCRIBED_FILMS = re.compile(
    # (not "the American versions of two Soviet films, A and B": what was made is not A)
    r"\s+(?:(?!(?:of|versions?|source|sources|remakes?|re-?edits?|cuts?|dubs?|footage)\b)"
    r"[\w'’-]+\s+){1,6}?"
    r"(?:films?|pictures?|movies?|adventures?|features?)(?:\s+(?:for|of|at|in)\s+[\w'’-]+)?"
    # (the titles right after, perhaps after a comma: "the children's space films A and B")
    r"(?:\s*(?:,|:|-|–)\s*|\s+)[*_“\"]*"
)
# "six years later", "three years earlier", "a year before", "the year after"
_YEARS_APART = re.compile(
    r"(?<![\w-])(?:(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+years?|the\s+(?:following\s+)?year)\s+(?P<dir>later|earlier|before|after|on)\b",
    re.IGNORECASE,
)
_A_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_SHOT_BY = re.compile(r"\b(?:shot|filmed|photographed)\s+by\s+(?:[\w'’.-]+\s+){0,4}$")
_SHOT_BY_DOUBT = "relation uncertain: who 'shot' a film may be its director or its cameraman"
_MADE_BY = re.compile(r"\bmade\s+by\s+(?:[\w'’.-]+\s+){0,4}$")
_MADE_BY_DOUBT = "relation uncertain: 'made by' names a director or a producer"
# The year a film was made, not said to be the year it came out.
_MADE_IN = re.compile(
    r"\b(?:made|shot|filmed|produced|completed|finished)\b[^.;]{0,25}$", re.IGNORECASE
)
_RELEASED_IN = re.compile(
    r"\b(?:released|premiered|premiere|came out|opened|debuted|first shown|release)\b",
    re.IGNORECASE,
)
_MADE_IN_DOUBT = "relation uncertain: the year a film was made may not be the year it came out"
# What was released again: a restoration, a restored print or a re-release that came out,
# or a film that came out again (not one a viewer watched again before saying its year)
_RE_RELEASE = re.compile(
    r"(?i)\b(?:restor\w*|re-?releas\w*|reissu\w*|remaster\w*)\b[^.;:,]{0,40}"
    r"\b(?:released|came\s+out|out|shown|opened|appeared|issued|premiered)\b"
    r"|\b(?:came\s+out|released|shown|issued|appeared)\s+again\b"
)
_RE_RELEASE_DOUBT = "relation uncertain: a year a film was released again is not its first"
_CAME_FROM_DOUBT = "relation uncertain: what a film came out of may say where it came from"
_SHOWING_DOUBT = "relation uncertain: a showing on a day may not be the day the film came out"
# A maker coming back with a film: "went bigger with", "returned to space six years later
# with", "went back into space with"
_BACK_WITH = re.compile(
    r"\s+(?:(?:then|later|soon|finally)\s+)?(?:(?:went|came|was|got)\s+(?:back|bigger|further)"
    r"|returned)(?:\s+(?:in)?to\s+(?:space|the\s+genre|science[- ]fiction|the\s+stars))?"
    r"(?:\s+(?:[\w-]+\s+){0,3}?(?:later|after))?\s+with\s+(?:(?:his|her|their|the)\s+)?[*_“\"]*"
)
_BACK_WITH_DOUBT = "relation uncertain: who came back with a film may have directed or produced it"
# An aside after a maker's name crediting them with other films: ", who had already made
# X and Y,", ", who before did the two X films", ", who went on to direct X"
_MAKERS_ASIDE = re.compile(
    # (an aside of its own may come first: "who (fun fact) also co-scored")
    r",\s+who\s+(?:\([^()]{1,30}\)\s+)?(?:had\s+|has\s+|would\s+|later\s+|then\s+)?"
    r"(?:(?:already|before|earlier|previously|also|just|later|go\s+on\s+to|went\s+on\s+to)\s+)?"
    r"(?P<verb>made|make|directed|direct|did|done|shot"
    # ... or the music: "who also scored X"
    r"|(?P<scored>(?:co-)?scored|(?:wrote|composed)\s+the\s+(?:music|score)\s+for))\s+"
    r"(?:(?:the|his|her|both)\s+)?(?:(?:two|three|first|earlier)\s+)?"
)
_MAKERS_ASIDE_HOW = "named in an aside crediting its maker"
# ... the film itself, not its footage, its re-edit or what was made of it: after the title
# (and its year) the aside ends, lists another, or says when, where or for whom
_MADE_FILM_ENDS = re.compile(
    r"[\s”\"*_]*(?:\(\s*(?:1[89]|20)\d\d\s*\))?"
    r"(?=\s*(?:[,;:.)!]|$|at\s+(?:the\s+)?[A-Z]|out\s+of\s+[*_“\"]*[A-Z]"
    r"|(?:and|&|in\s+(?:1[89]|20)\d\d|for|films?|pictures?|a\s+(?:few|couple)"
    r"|(?:some|two|three|a|a\s+few)\s+years|years|earlier|before|already|back|first)\b))"
)
# ... besides what is not said plainly (see _NOT_PLAINLY), a credit only in a sense
_HEARSAY_ASIDE = re.compile(r"(?i)\bin\s+a\s+sense\b")
_ASIDE_CLOSES = re.compile(r"[,;:.!?()]|\s+(?:but|while|whereas)\s")
_ASIDE_FILMS_JOINED = re.compile(r"[\s”\"*_]*(?:and|&)\s+(?:(?:its|his|the)\s+(?:sequel\s+)?)?")
# A person's sequel to a film: "('s) sequel to his own ", "('s) long-awaited sequel to "
_UNMADE = re.compile(
    r"(?i)\b(?:planned|shelved|abandoned|cancel\w*|unmade|dropped|dream|remained|idea|hoped)\b"
)
_MAKERS_SEQUEL = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?sequel\s+to\s+(?:(?:his|her|their|the)\s+)?(?:own\s+)?"
    r"(?:film\s+)?[*_“\"]*"
)
_DIRECTS_DOUBT = "relation uncertain: who 'directs' in a story's present may be a character"
_MAKER_VERBS: dict[str, tuple[Relation, str | None]] = {
    # (first, as the longest: "which X wrote and directed" is the film's director, who wrote
    # its script, not its source)
    **dict.fromkeys(
        (
            "wrote and directed",
            "co-wrote and directed",
            "wrote and co-directed",
            "scripted and directed",
        ),
        (Relation.DIRECTED_BY, _WROTE_AND_DIRECTED_DOUBT),
    ),
    **{
        verb: (relation, None)
        for relation in (
            Relation.DIRECTED_BY,
            Relation.PRODUCED_BY,
            Relation.NARRATED_BY,
            Relation.MUSIC_BY,
            Relation.WRITTEN_BY,
        )
        for verb in SPECS[relation].after_cues
    },
    **dict.fromkeys(("shot", "made", "filmed"), (Relation.DIRECTED_BY, _DOUBTFUL_MAKING)),
    "did direct": (Relation.DIRECTED_BY, None),
    # a synopsis's present: "Zschoche directs Cox Habbema as Maria Scholl" (but an actor may
    # stand for a character who directs the others across a swamp)
    **dict.fromkeys(("directs", "co-directs"), (Relation.DIRECTED_BY, _DIRECTS_DOUBT)),
    "did produce": (Relation.PRODUCED_BY, None),
    # Who re-cuts footage into a film, or turns a novel into one, is usually its director.
    **dict.fromkeys(_RECUT_VERBS, (Relation.DIRECTED_BY, _RECUT_DOUBT)),
}
_PART_OF_FILM_DOUBT = (
    "relation uncertain: who made a part or a version of a film may not have made it"
)
# After a title, words that make it a part or a version of that film: "X's new scenes"
_PART_OF_FILM_AFTER = re.compile(
    r"[”\"*_]*(?:['’]s\b|\s+(?:re-?edits?|versions?|dub\w*|cut|remake|new\s+scenes|scenes"
    r"|footage|effects|shots|sequences)\b)"
)
# What keeps a sentence from stating plainly what the readings below take from it: a
# question, a denial, a condition, a belief, hearsay or a report of what someone called it,
# a myth, a mistake, a hope (for "went on to", "who had made", "Mosfilm made X", "the Soviet
# film X", studios "involved", casts without a named part)
_NOT_PLAINLY = re.compile(
    r"(?i)\?|\b(?:not|never|no|nor|n['’]t|if|unless|whether|wonder\w*|thought|think|assum\w*"
    r"|believ\w*|thinks|say|says|said|claim\w*|call(?:s|ed|ing)?|billed|wrote|list(?:s|ed)?|rumou?r\w*"
    r"|myth|false|wrong\w*|mistak\w*|error|according|supposedly|reportedly|allegedly"
    r"|apparently|maybe|perhaps|doubt\w*|could|might|should"
    r"|would(?!\s+(?:later|go\s+on\s+to)\b)|hoped?|planned|wanted)\b"
)
# ... and, for a film someone "went on to" make, one only announced, expected or asked for
_NOT_YET_SO = re.compile(r"(?i)\b(?:announced|expected|asked)\b")
_WHICH_AFTER_TITLE = re.compile(r"[\s”\"*_)]*(?:\(\s*(?:1[89]|20)\d\d\s*\))?\s*,?\s*")
# After "went on to" or "would later", the bare verb: "which Viktorov went on to shoot"
_LATER_MAKER_VERBS: dict[str, tuple[Relation, str | None]] = {
    **dict.fromkeys(("direct", "co-direct"), (Relation.DIRECTED_BY, None)),
    **dict.fromkeys(("shoot", "make", "film"), (Relation.DIRECTED_BY, _DOUBTFUL_MAKING)),
    **dict.fromkeys(("produce", "co-produce"), (Relation.PRODUCED_BY, None)),
    **dict.fromkeys(("score", "compose"), (Relation.MUSIC_BY, None)),
}
# Another work or event than the film, which studios may have taken part in
_OTHER_WORK_SPOKEN_OF = re.compile(
    r"(?i)\b(?:sequel|remake|restor\w*|documentar\w*|festival|retrospective|dvd|disc|blu-ray"
    r"|vhs|release|premiere|project|next|later|previous|dub\w*|distribut\w*|version|print"
    r"|screening|season|programme|program)\b"
)
_FILM_SPOKEN_OF = re.compile(
    r"(?i)\b(?:it|it['’]s|film|picture|movie|co-?production|production|adaptation|this\s+one)\b"
)
# What a list of studios did together, said after its last name: "(A and B) both involved"
_STUDIOS_INVOLVED = re.compile(
    r"\s+(?:(?:both|all|all three|each|were|was)\s+){0,2}(?:involved|on board"
    r"|sharing\s+the\s+(?:bill|credit|work|production)|taking\s+part|co-producing"
    r"|doing\s+the\s+[\w-]+\s+(?:side|part|half))\b"
    # (in the film, not in something else: "involved in the dubbing")
    r"(?=\s*(?:[,.;:)!?\u2014\u2013]|$|and\b|in\s+(?:it|the\s+(?:film|production|making)\b)))"
)
_PEOPLE_VERSION_DOUBT = (
    "relation uncertain: a word for a people before a title may tell one work of the title "
    "from another (the remake, a version)"
)
# ... the title ending its phrase or opening its own predicate: not "the American films X
# inspired", "the American film X became"
_PEOPLE_TITLE_ENDS = re.compile(
    r"[\s”\"*_]*(?:\(\s*(?:1[89]|20)\d\d\s*\))?(?=\s*(?:[,;:.)!]|$|(?:is|was|are|were|has"
    r"|had|and|or|in|into|from|to|for|with|by|on|at|as|which|that|who|directed|made|shot)\b))"
)
# Between a word for a people and the title it describes: "the Soviet (space) film X"
_PEOPLE_BEFORE_TITLE = re.compile(
    r"\s+(?:(?:[\w-]+\s+)?(?:film|picture|movie|production|feature|classic|adaptation|epic)"
    r"s?\s+)?[*_“\"]*"
)
# A studio's own verb of making, its object the film: "Mosfilm made X", ", which produced X"
_STUDIO_MAKES = re.compile(
    r"(?:\s*,\s*(?:which|that)|\s+(?:also|later|then|itself|first))?\s+"
    r"(?:made|produced|shot|filmed|co-produced)\s+"
)
# A work other than the title, with its maker: "a short directed by", "another film made by"
_OTHER_WORK_BY = re.compile(
    r"\b(?:a|an|another)\s+(?:[\w-]+\s+){0,2}?(?:short|film|cartoon|documentary|picture|movie"
    r"|feature|serial)\s+(?:directed|co-directed|made|produced|shot)\s+by\s+$"
)
# ... unless it is said of the title: "Solaris, a film directed by", "Solaris is a film"
_THAT_IS_A = re.compile(
    # (perhaps past the rest of a bracket the title's other name is in)
    r"(?:[^()]{0,40}\))?[\s”\"*_)]*(?:\([^()]{1,60}\))?\s*(?:,\s*|(?:is|was)\s+)"
)
# ... or past the comma that closes an aside giving the film's other title: "X, also known as
# Y, is a film directed by" (only of the title the sentence opens on)
_THAT_IS_A_AFTER_ASIDE = re.compile(r"[\s”\"*_)]*,\s*(?:is|was)\s+")
# Passive re-editing and handing over: "was cut together by", "handed the job to"
_RECUT_BY = re.compile(
    r"\b(?:(?:re-?edited|re-?cut|cut\s+(?:together|up|down)|reworked|re-?assembled)"
    r"(?:\s+again)?\s+by|hand(?:ed|s)\s+(?:it|(?:the|its|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:job|footage|film|material|reels|task|picture))\s+(?:over\s+)?to)"
    r"\s+(?:(?:a|the)\s+(?:young\s+)?)?$",
    re.IGNORECASE,
)
# "the footage as", "its effects shots into": what a maker made another film of
_FOOTAGE_AS = re.compile(
    r"\s+(?:the|its|their|that|this)\s+(?:same\s+)?(?:footage|effects|shots|scenes|material)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:as|into|for)\s+"
)
_REUSED = frozenset({"recycled", "reused", "re-used"})
_ALSO = re.compile(r"\balso\b", re.IGNORECASE)
_INDEFINITE = re.compile(r"\s+(?:a|an)\s")
# What a maker's verb made, when it names no film, that is not the film spoken of: nothing
# ("directed nothing", "composed no music"), or another work or several ("a third space film",
# "a follow-up", "two documentaries", "plays"); but two themes or a score composed for the film
# are its music
_ANOTHER_WORK_MADE = re.compile(
    r"\s+(?:(?:nothing|none|no)\b"
    r"|(?:(?:a|an)\s+(?:second|third|fourth|fifth|later|next|new|further|follow-up|companion"
    r"|sequel|(?:[\w-]+\s+){0,3}?(?:short|piece|sequel|follow-up|documentary|episode|play|opera"
    r"|musical))|another|several|two|three|four|five|many|plays?|operas?|musicals?|documentar\w+"
    r"|episodes?|shorts?|westerns?|television|tv)\b"
    r"(?![^.;]{0,40}?\b(?:scores?|music|soundtracks?|themes?|songs?|pieces|screenplays?|scripts?)\b))",
    re.IGNORECASE,
)
# "into" a kind of film, named by no title: "into a cold-war monster show"
_INTO_A_KIND = re.compile(
    r"(?P<into>\binto\s+)(?:a|an|the|his|her|their)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:film|movie|picture|show|feature|flick|thriller|shocker|programmer|potboiler|quickie"
    r"|adventure|melodrama|spectacle|opera|horror)s?\b"
)
# A film or its footage, then "into": "(turned) X into", "(re-cut) X's effects shots into"
_FOOTAGE_INTO = re.compile(
    r"[”\"*_]*(?:['’]s)?(?:\s+(?:[\w-]+\s+){0,2}?(?:footage|effects|shots|scenes|sequences"
    r"|material|reels))?\s+into\s+"
)
# Another work made of a film's story: "the 1968 television version of", "a stage play of"
_OTHER_VERSION_OF = re.compile(
    r"\b(?P<kind>television|tv|stage|radio|theatre|theater|opera|ballet|play|comic)\s+"
    r"(?:version|adaptation|production|staging|play)?\s*of\s+(?:the\s+)?[*_“\"]*$",
    re.IGNORECASE,
)
_FROM_OWN_BOOK = re.compile(
    r"\s+(?:it|them|this|the film)?\s*(?:for the screen\s+)?from\s+(?:his|her|their)\s+own\s+"
    r"(?:[\w-]+\s+)?(?:novel|book|story|novella|tale)\b",
    re.IGNORECASE,
)
# A verb of making (perhaps with its object), then the maker's own book: "drew from his
# own novel", "wrote the script from his own novel"
_FROM_OWN_WORK = re.compile(
    r"\s+(?:drew|drawn|adapted|wrote|written|made|built|developed|took|taken|based|scripted"
    r"|fashioned|created|shaped)\s+(?:(?:it|them|the|a|an|his|her|its|their|film|script"
    r"|screenplay|story|scenario)\s+){0,2}from\s+(?:his|her|their)\s+own\s+(?:[\w-]+\s+)?"
    r"(?:novel|book|story|novella|tale)\b"
)
_STUDIO_IS = re.compile(
    r"(?:^\W*(?:it|that(?: one)?)(?:['’]s| is| was)|\bsame)\s+(?:the\s+)?$", re.IGNORECASE
)
# "Solaris is Mosfilm.", "Both films are Gorky Film Studio.": the film is its studio's
_FILM_ARE = re.compile(r"\b(?:is|was|are|were)\s+(?:both\s+|all\s+|also\s+)?(?:the\s+)?$")
_CONTAINED = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:film|movie|picture|feature|original|story)\s+"
    r"(?:(?:buried|hidden|lurking|lying|trapped|somewhere)\s+)*"
    r"(?:inside|within|beneath|underneath|under|behind|in)\s+(?:the\s+)?"
)
_A_RELEASE = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:release|distribution|market|audiences?|viewers|dub|dubbing"
    r"|television|tv|video|premiere)s?\b",
    re.IGNORECASE,
)
_SEEN_AS_DOUBT = "attribution uncertain: a film seen as one of a country's, perhaps a version"
_CONTAINED_DOUBT = "attribution uncertain: a film said to lie inside another is not that one"
_PRONOUN_ARE = re.compile(
    r"\b(?:it|that(?:\s+one)?|this(?:\s+one)?|they|both(?:\s+films)?)\s+(?:is|was|are|were)\s+"
    r"(?:both\s+|all\s+|also\s+)?"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_THE_YEAR_ONE_DOUBT = (
    "relation uncertain: 'the year's one' may be a version's or a book's of the same title"
)
_AND_ITS_DOUBT = "relation uncertain: ', and it's' a year after a clause may not be the film's"
_IT_IS = re.compile(
    r"(?:^\W*(?:(?:no|yes|actually)\W+)?|,\s*(?:and|but)\s+)it(?:['’]s| is| was)\s+$",
    re.IGNORECASE,
)
_BRACKETED_DOUBT = (
    "relation uncertain: a name in a title's brackets is usually, not always, its director"
)
_BRACKET_YEAR_AFTER = re.compile(r"\s*,\s*(?:1[89]\d\d|20\d\d)\s*\)")
# A name said to be the film's maker: "X was the producer", "a Roger Corman production".
_MAKER_NOUNS = {
    "producer": Relation.PRODUCED_BY,
    "production": Relation.PRODUCED_BY,
    "director": Relation.DIRECTED_BY,
    "composer": Relation.MUSIC_BY,
}
# "X and Y as directors", "X as its producer": the job a list of names is named as
# "X on the synths", "X on music duties": the film's music
_NOT_THIS_FILMS_MUSIC = re.compile(
    r"(?i)\b(?:without|(?:was|were|is|are|got)\s+cut|another\s+film|other\s+films"
    r"|electronics\s+studio|reminded|reminds)\b"
)
_ON_THE_MUSIC = re.compile(
    r"\s+(?:is\s+|was\s+)?on\s+(?:the\s+)?(?:music|score|soundtrack|synths?|synthesi[sz]ers?"
    r"|keyboards)(?:\s+duties)?\b"
    # ... ending its clause: not "Tarkovsky on the music of Solaris: ...", nor a question
    r"(?:\s+(?:again|once\s+more|too))?(?=\s*(?:[,.;!)]|$|\s+and\b))"
)
# "X was Tarkovsky's composer on Solaris", "X is the producer of Y"
_MAKER_ON = re.compile(
    r"\s+(?:was|is)\s+(?:(?:the|its|[A-Z][\w-]+['’]s?)\s+)?(?P<noun>composer|director|producer)"
    r"\s+(?:on|of|for)\s+",
    re.IGNORECASE,
)
_NAMED_AFTER = re.compile(
    r"\b(?:named|renamed|called)\s+(?:after|for)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
_LISTED_AS_MAKER = re.compile(
    r"\s+as\s+(?:(?:the|its|their|his|her)\s+)?(?:co-?)?(?P<noun>director|producer|composer)s?"
    r"\b(?!\s+of\b)"
)
# A word before "director" or "producer" that makes it another job ("music director").
_MAKERS_KIND = (
    r"(?:(?!(?:assistant|art|music|musical|casting|second-unit|unit|technical|animation|dubbing"
    r"|sound|dialogue|voice|photography|stunt)\b)[\w-]+\s+)?"
)
# A job said right after a name whose verb an earlier clause gave: "X was the director and Y
# the composer", "X is the producer, Y the director".
_GAPPED_JOB = re.compile(
    r",?\s+(?:the|its)\s+(?:[\w-]+\s+){0,2}?(?P<noun>[a-z][\w-]*?)"
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:and|while|but|of|on|for)\b|['’]s\b)",
    re.IGNORECASE,
)
_GAP_BEFORE = re.compile(
    r"\b(?:is|was|are|were)\s+(?:also\s+)?(?:the|its)\s+[^.;:?!]{0,60}?"
    r"(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)$",
    re.IGNORECASE,
)
# ", the director of Moscow-Cassiopeia": what the person before it made
_THE_MAKER_OF = re.compile(
    r"^\s*,\s+(?:also\s+)?the\s+(?P<noun>director|producer|composer)\s+of\s+", re.IGNORECASE
)
_NAMED_AS_MAKER = re.compile(
    r"^(?:\s+(?:was|is|were|are)\s+(?:also\s+)?(?:(?:the|its)\s+|credited\s+as\s+(?:the\s+)?)"
    rf"{_MAKERS_KIND}(?P<noun>producer|director|composer)s?\b|\s+(?P<noun2>production)\b"
    # "X and Y share the producer credit", "X got a director's credit"
    r"|\s+(?:also\s+)?(?:share[sd]?|gets?|got|takes?|took|receive[sd]?)\s+(?:the|a|an)\s+"
    rf"{_MAKERS_KIND}(?P<noun3>producer|director|composer)(?:['’]s)?\s+credits?\b)",
    re.IGNORECASE,
)
# "X plays the pilot Burton": a part described, then named.
_PLAYS_VERB = (
    r"(?:,\s+who)?(?:\s+(?:himself|herself)(?=\s+(?:plays|played|portrays|portrayed)\b))?"
    # "still" or "again" before the verb or after "is": "X still plays Y", "X is again Y"
    r"\s+(?:(?:still|again)\s+(?=plays|played|portrays|portrayed))?"
    r"(?:plays|played|portrays|portrayed|(?:is|was)(?:\s+(?:still|again|also))?|as)\s+"
)
# "the ship's captain,", "the American," (a word for a people, in capitals, describes too)
# (any word for a people by its ending: "the Georgian student", "the Estonian physicist",
# "the Mexican", or one of the few that end otherwise: "the German pilot")
_PEOPLE_WORD = (
    r"(?:[A-Z][a-z]+(?:ian|ean|ese|ish|ite|can)|German|French|Czech|Dutch|Greek|Swiss|Slovak"
    r"|Serb|Croat|Thai)"
)
# ... or one word before the name without an article that describes a person: "plays young
# Terry", "is commander Akala", "is old Sedikh" (only such words: "was almost Kelvin", "is
# unlike Lagny", "was first Uncle Vova" give no part)
_BARE_DESCRIBING = (
    r"(?:young|old|little|elderly|aged|teenage|tiny|poor|brave|kindly|gruff|gloomy|stern|grim"
    r"|mad|wise|evil|cheerful|mysterious|beautiful|pretty|handsome|cruel|shy|lonely|sinister"
    r"|silent|dour|grumpy|sly|kind|clever|cunning|loyal|noble|proud|wicked|sad|tough|timid"
    r"|commander|captain|professor|doctor|inspector|pilot|engineer|academician|navigator"
    r"|lieutenant|comrade|uncle|aunt|cosmonaut|astronaut|queen|king|princess|prince)"
    r"\s+(?=[A-ZА-ЯЁ])"
)
_ARTICLED_PART = (
    # (no preposition among the words: "the wife of Kelvin" is not the part Kelvin; nor a
    # conjunction before a name: "plays the planet's ruler and Silvia Popovici is Ronk")
    r"(?:the|a|an|his|her|its)\s+(?:(?:(?!(?:not|never|of|to|for|from|with|in|on|at|by)\b"
    r"|(?:and|or|but)\s+(?:[A-ZА-ЯЁ]|$))"
    r"[a-z][\w'’-]*|"
    + _PEOPLE_WORD
    + "|"
    + "|".join(sorted((re.escape(d.title()) for d in DEMONYMS if " " not in d), key=len))
    + r"),?\s+){0,3}"
)
# ... or someone's kin or companion: "plays Los's wife Natasha", "Lebedev's adopted son Stepan"
# (only a word for a person someone has, perhaps described: not "Kelvin's grief over Hari")
_OWNED_PART = (
    r"(?:[A-ZА-ЯЁ][\w-]*['’]s?\s+(?:[a-z][\w-]*\s+)?"
    r"(?:wife|husband|son|daughter|father|mother|brother|sister|fianc[ée]e?|friend|colleague"
    r"|companion|assistant|pupil|student|teacher|lover|sweetheart|girlfriend|boyfriend|partner"
    r"|rival|deputy|aide|mentor|niece|nephew|uncle|aunt|grandson|granddaughter|grandfather"
    r"|grandmother|child|boy|girl|servant|bodyguard|secretary|navigator|pilot|engineer|doctor"
    r"|sidekick|henchman|double|clone"
    r"|captain|commander)\s+(?=[A-ZА-ЯЁ]))"
)
_DESCRIBED_PART = f"(?:{_ARTICLED_PART}|{_BARE_DESCRIBING}|{_OWNED_PART})"

_ROLE_NAMED = re.compile(
    rf"{_PLAYS_VERB}(?:{_DESCRIBED_PART})?"
    # (a title's abbreviation is part of the name: "as Dr. Raimund Brinkmann")
    r"(?P<r>(?:(?:Dr|Prof|Mr|Mrs|Ms|Capt|Cmdr|Lt|Sgt)\.\s+)?"
    r"[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*){0,2})(?![\w'’-])"
)
_PLAYS_DESCRIBED = re.compile(_PLAYS_VERB + _DESCRIBED_PART)
_PLAYS_BARE = re.compile(_PLAYS_VERB)
# "X is superb as", "X commands the ship as the": a few words of what the actor does, then
# "as" before the part ("billed as", "known as" give other names, not parts).
_AS_PART = re.compile(
    # (not a relative clause: ", who also stars as"; an aside may close before "as": "X
    # alone is worth it, as the mysterious I.O.O.", "X is back, too, as Y")
    r"(?:,(?!\s+wh))?\s+(?:[\w'’-]+,?\s+){1,7}?"
    r"(?<!billed )(?<!known )(?<!credited )(?<!such )(?<!same )"
    r"as\s+(?:" + _DESCRIBED_PART + r")?(?:[A-Z][\w'’-]+\s+)?"  # "as Viktor Sereda": a first name
)
# A part's name ending its phrase: what follows is punctuation, a relative clause or a film
_PART_ENDS = re.compile(r"\s*(?:[.;:!?)”\"]|$)|\s*,\s+(?:the|a|an)\s|\s+who\b")
# A verb right after the name that follows "as": the "as" of "while", not of a part.
_AS_WHILE = re.compile(
    r"\s+(?:(?:is|was|are|were|has|had|does|did|can|could|will|would|then|finally|slowly)\b"
    r"|[a-z]+(?:s|ed)\b(?!\s+(?:of|in)\b))"
)
# "X lends her voice to the kindly giant Gromozeka": the part an actor voices (not "X gives
# Kelvin a reason to stay", a story)
_VOICES_PART = re.compile(
    r"\s+(?:(?:also|again)\s+)?(?:gives|gave|lends|lent)\s+"
    r"(?:his|her|their)\s+(?:[a-z]+\s+)?voice\s+to\s+(?:" + _DESCRIBED_PART + r")?"
)
# ... perhaps with a few words describing the part: "Larisa Gordeichik's radio astronomer Tanya"
_OWNS_PART = re.compile(
    r"['’]s?\s+(?:(?!(?:and|or|of|in|on|at|for|with|to|by|from|the|a|an)\b)[a-z][\w-]*\s+){0,3}"
)
_OWNS_PART_BARE = re.compile(r"['’]s?\s+")
_TITLE_BEFORE_PART = re.compile(r"(?:(?i:" + "|".join(sorted(TITLES)) + r")\.?\s+)?")
# Actors a re-edit took on, named before the verb: "John Saxon and Basil Rathbone were brought
# in" (not "was brought in to direct": a maker, see _NEW_SCENES_BY).
_BROUGHT_IN = re.compile(
    r"^(?:\s*,[^,.;()]{1,40},)?\s+(?:was|were|are|is|got)\s+(?:also\s+)?"
    r"(?:brought|drafted|added|written|flown)\s+in\b(?!\s+to\b)",
    re.IGNORECASE,
)
# An actor who "turns up as" someone: in the cast, whoever the part is
_TURNS_UP_AS = re.compile(
    r"(?:,[^,.;()]{1,30},)?\s+(?:turns up|turned up|shows up|showed up|pops up|popped up"
    r"|appears|appeared|cameos|has a cameo)(?:\s+(?!and\b|but\b|while\b)[\w-]+){0,4}?\s+as\b"
)
# An aside after an actor's name, then a verb of playing: ", the Snout of Solaris, plays".
_ASIDE_AFTER = re.compile(
    r",\s+(?:the|a|an|who|once|still|now|besides|also|like|aged|then|apart\s+from|as\s+well\s+as"
    r"|in\s+addition\s+to)\b[^,.;()]{1,50},(?=\s+(?:plays|played|is|was)\s)"
)
# A part described in lower-case words alone, ending its item: " the smiling ruler,"
_DESCRIBED_ONLY = re.compile(
    r"\s+(?:the|his|her|their|a|an)\s+(?:[a-z][\w'’-]*\s+){0,3}[a-z][\w'’-]*\"?"
    r"(?=\s*(?:[,.;]|\band\b|$))"
)
# Words for a person a part may be described by, in a list of parts said with one verb.
_PERSON_NOUNS = frozenset(
    {
        "wife",
        "husband",
        "son",
        "daughter",
        "father",
        "mother",
        "brother",
        "sister",
        "friend",
        "girl",
        "boy",
        "man",
        "woman",
        "student",
        "queen",
        "king",
        "captain",
        "commander",
        "pilot",
        "doctor",
        "robot",
        "alien",
        "ruler",
        "foreman",
        "hero",
        "heroine",
        "villain",
        "navigator",
        "engineer",
        "scientist",
        "inspector",
        "owner",
        "child",
        "kid",
        "lover",
        "fiance",
        "fiancé",
        "fiancee",
        "fiancée",
        "uncle",
        "aunt",
        "guide",
        "stranger",
        "survivor",
        "leader",
        "chief",
        "officer",
        "astronaut",
        "cosmonaut",
        "professor",
        "academician",
        "tyrant",
        "ambassador",
        "nurse",
        "guard",
        "priestess",
        "twin",
        "physicist",
        "astronomer",
        "operator",
        "mechanic",
        "geologist",
        "biologist",
        "mathematician",
        "stowaway",
        "pirate",
        "musician",
        "violinist",
        "singer",
        "assistant",
        "colleague",
        "detective",
        "local",
        "native",
        "prisoner",
        "clone",
        "android",
        "grandfather",
        "grandmother",
        "boss",
        "guest",
        "inventor",
        "sleuth",
        "thief",
        "spy",
        "agent",
        "villager",
        "worker",
        "farmer",
        "teacher",
        "soldier",
        "gangster",
        "hotelier",
        "innkeeper",
        "nephew",
        "niece",
        "actress",
        "princess",
        "hostess",
        "stewardess",
        "empress",
        "goddess",
        "heiress",
    }
)
_PLAYING_WORD = re.compile(r"\b(?:plays|played|portrays|portrayed|voices|voiced)\b")
# Words for someone who made a film, not a part in it
_MAKERS_WORDS = (
    r"author|source|writer|composer|director|producer|creator|screenwriter|novelist"
    r"|cameraman|cinematographer|editor|designer"
)
_MAKER_WORD = re.compile(rf"\b(?:{_MAKERS_WORDS})s?\b")
# ... or by its ending: "the journalist", "the crewman", "the hotelier", "the mountaineer"
_PERSON_ENDING = re.compile(r"(?:\w{5,}ist|\w{2,}man|\w{3,}ier|neer|teer|ster|keeper|girl|boy)$")
# ... and for a film's making, which no part is described by ("Tarkovsky the director")
_CREW_WORD = re.compile(
    rf"\b(?:{_MAKERS_WORDS}|score|music|novel|book|script|screenplay|film|studio)s?\b"
)
# After a part in one film, the next with its verb left out: " and then the bizarre "
_AND_THEN_PART = re.compile(
    r"(?:\s*\([^()]{0,30}\))?,?\s+and\s+(?:then\s+|later\s+|also\s+)?"
    # ("and the pilot Eugene Kornev in": words describing the part only after an article)
    r"(?:(?:the|a|an)\s+(?P<words>(?:[a-z][\w-]*\s+){0,2}))?"
)
_NOT_A_PART_WORD = frozenset({"not", "never", "no", "only", "even"})
# The second film ends its item: nothing of the part is said after it
_PART_LIST_ENDS = re.compile(
    r"\s*(?:\(\s*\d{4}\s*\))?(?:\s+in\s+\d{4})?\s*(?:[,.;:!?)]|$|and\b|too\b|as\s+well\b)"
)
_IN_CINEMAS = re.compile(
    r"\b(?:was|were)\s+in\s+(?:cinemas|theaters|theatres)\s+(?:on|in|from|since)\s+$"
)
_IN_CINEMAS_DOUBT = "relation uncertain: a film in cinemas then may have been on a re-run"
_SOURCE_RIGHT_BEFORE = re.compile(
    r"\b(?:footage|shots|scenes|effects|sequences|material)\s+(?:from|of)\s+"
    r"(?:(?:the|a|an|its|this|that)\s+)?(?:[\w-]+\s+){0,2}?"  # "footage of the Soviet film"
    r"(?<!\bto )(?<!\binto )(?<!\bfor )(?<!\bin )\W*$"
    # "took its footage of the Mars landing from Y", "owes its footage of the launch to Y"
    r"|\b(?:footage|shots|scenes|effects|sequences|material)\b[^.;]*\bfrom\s+(?:the\s+)?\W*$"
    r"|\bowe[sd]?\b[^.;]*\bto\s+(?:the\s+)?\W*$"
)
_NEGATED_AFTER = re.compile(
    r"\s+(?:\w+\s+)?(?:never|not|did\s+not|didn['’]t|wasn['’]t|was\s+not|had\s+no(?:thing)?)\b"
)
_SHORT_STUDIO_DOUBT = "attribution uncertain: a studio named by its city or namesake alone"
_AS_ASIDE = re.compile(r",\s+as\s")
_AS_ASIDE_DOUBT = "attribution uncertain: a part given in an aside may be one in another film"
# "X, playing Hartman, ...", "X, as Marsha Evans aboard the Vega, ...": a part in an aside,
# closed by a comma or the sentence's end, or going on to where the part is (not "X, as
# Kelvin arrives, ...": the "as" of "while")
_PART_ASIDE = re.compile(r",\s+(?:playing|portraying|as)\s+(?:the\s+)?")
_PART_ASIDE_END = re.compile(r"\s*(?:[,;)]|[.!?]?$)|\s+(?:on|in|aboard)\s+(?:the\s+)?[A-Z0-9]")
# What may open a reply before the value it gives: "No, ", "Yes, ", "Nope, ", "Actually, "
_REPLY_LEAD = re.compile(r"(?i)\W*(?:(?:no|nope|yes|yep|yeah|actually|well)\W+)?")
# A studio opening a sentence, then a credit phrase with no verb of its own, as in
# "Soyuzmultfilm, directed by Roman Kachanov.": the film's credits
_STUDIO_THEN_CREDIT = re.compile(
    r"(?:\s+(?:again|too))?,\s+(?:(?:directed|produced|scored|written|shot|animated)\s+by"
    r"|(?:music|score|script)\s+by)\s"
)
# Between a place a film opened in and its date: "in Czechoslovakia on", "in Soviet cinemas on"
_PAST_THE_PLACE = re.compile(
    r"\s*,?\s*(?:(?:cinemas|cinema|screens|theatres|theaters|television)\s+)?(?:on|in)?\s*"
)
# A sentence that opens on a credit with no subject: "Directed by X.", "Music by Y."
_CREDIT_OPENING = re.compile(
    r"(?:Directed|Co-directed|Produced|Written|Scored|Shot|Filmed|Adapted|Based|Starring"
    r"|Music|Screenplay|Script|Photography|Camera)\b"
)
_BRACKETED_YEAR = re.compile(r"^\s*\(\s*(?:1[89]|20)\d\d\s*\)")
# "He's Sartorius.", "No, she's in the 1968 one, as Moana": someone just named, and a part
_PRONOUN_PLAYS = re.compile(
    r"(?:(?:No|Yes|Well|Oh|And)\s*,?\s+)?(?P<p>[Hh]e|[Ss]he)(?:['’]s(?=\s)|(?=\s+(?:is|was|plays"
    r"|played|voices|voiced)\s))"
)
_PRONOUN_IS = re.compile(r"(?:[Hh]e|[Ss]he)['’]s")
# A reply that opens by saying the line it quotes is wrong
_DISPUTING = re.compile(
    r"\W*(?:no|nope|not quite|not really|wrong|incorrect|actually,? no)\b(?!\s+(?:doubt|wonder)\b)",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "he's", "she's", "he’s", "she’s", "him", "her"})
_PRONOUN_DOUBT = "attribution uncertain: a 'he', 'she' or 'her' read as the one named just before"
# "X plays her.", "X voices him": a part named by a pronoun, nothing after it
_PLAYS_PRONOUN = re.compile(
    r"\b(?:plays|played|voices|voiced)\s+(?P<p>her|him)\s*[.!]?\s*$"
    # "X gives him a quiet stubbornness": an actor's way with the part (see _GIVES_PART)
    r"|\b(?:gives|gave|lends|lent|brings|brought)\s+(?P<q>her|him)\s+(?=(?:a|an|real|great)\s)"
)
# "Uncle Vova, the foreman, is Lyubshin": a part, perhaps described in an aside, is an actor
_PART_IS_ACTOR = re.compile(r"(?:,\s+(?:the|a|an)\s[^,.;()]{1,80},)?\s+(?:is|was)\s+")
_OWNER_DOUBT = "relation uncertain: a name's possessive before a part names its actor or maker"
_ROLE_ELLIPTIC = re.compile(  # (an article: "Y young Hopkins" leaves out too much)
    rf"\s+{_ARTICLED_PART}(?P<r>[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*){{0,2}})(?![\w'’-])"
)
_ROLE_BARE = re.compile(r"\s+(?P<r>[A-ZА-ЯЁ][\w-]*(?:\s+[A-ZА-ЯЁ][\w-]*){0,2})(?![\w'’-])")
_DUB = re.compile(r"(?i)\b(?:dub|dubbed|dubbing|voice|voices|voiced)\b")
# An actor's way with a part: "gives Niya an eerie stillness", "lends Masha real warmth",
# "makes a wonderfully gruff Vershinin" (a quality after the part, or before it)
_GIVES_PART = re.compile(
    r"\s+(?:(?:gives|gave|lends|lent|brings|brought)\s+(?:the\s+[a-z][\w-]*\s+)?"
    r"|(?:makes|made)\s+(?:a|an)\s+(?:(?:very|truly|wonderfully|suitably|splendidly|"
    r"marvellously|properly)\s+)?[a-z][\w-]*\s+)"
)
# ... a quality it is given: a describing word and a noun ("an eerie stillness", "real
# warmth"; not "a reason to stay", a deed of the story)
_GIVEN_QUALITY = re.compile(
    r"\s+(?:(?:a|an|her|his|its)\s+)?(?:(?!(?:a|an|her|his|its|the)\b)[a-z][\w-]*,?\s+){0,2}"
    r"(?P<q>stillness|warmth|calm|dignity|menace|gravity|gravitas|charm|intensity|depth|humanity"
    r"|presence|weight|conviction|sadness|melancholy|edge|life|energy|soul|heart|tenderness|grace"
    r"|wit|humou?r|innocence|mystery|strangeness|fragility|authority|vulnerability|stubbornness"
    r"|sincerity|poignancy|pathos|radiance|sparkle|swagger|pride|nobility)"
    r"\b\s*(?:[,.;!]|and\b|while\b|$)"
)
# What comes between an actor and the part, as in "Koberidze himself plays Ivan Batalov"
_PLAYS = re.compile(
    r"(?:\s+(?:himself|herself)(?=\s+(?:plays|played|portrays|portrayed|voices|voiced)\b))?\s+(?:"
    + "|".join(map(re.escape, SPECS[Relation.CAST].after_cues))
    + r")\s+"
)
# "wrote the sparse, clanking music": the music, described
_WROTE_DESCRIBED_MUSIC = (
    r"wrote\s+the\s+(?:(?!(?:novel|story|book|original|lyrics|words|whose|that|which|of|behind"
    r"|to|for|with|about)\b)[a-z][\w'’-]*,?\s+){1,3}?(?:music|score|soundtrack|songs?|theme)"
    r"(?![\w-])"
)
_MAKER_VERB = re.compile(
    r"^(?:\s*,\s+(?:who|whose)\b[^,.;]{1,160},|\s*,[^,.;]{1,60},"
    r"|\s+(?:is|was)\s+the\s+(?:one|man|woman)\s+who"  # "X is the one who scored Y"
    # "Corman had the rights and produced it": a deed of the same person before
    r"|(?P<deed>\s+(?:had|has|bought|owned|held|got|took|kept)\s+(?:[a-z][\w'’-]*\s+){1,3}?and"
    r"(?=\s+(?:co-)?(?:produced|directed)\b)))?"
    r"\s+(?:(?:also|later|then|again|jointly|himself|herself|together|only|just|merely|first"
    r"|already|earlier|once|had|has|have|went on to|would later|would go on to)\s+)*"
    r"(?P<verb>"
    + _WROTE_DESCRIBED_MUSIC
    + "|"
    + "|".join(map(re.escape, _MAKER_VERBS))
    # "X went on to shoot", "X would later direct"
    + r"|(?:(?<=\bwent on to\s)|(?<=\bgo on to\s)|(?<=\bwould later\s))(?:"
    + "|".join(map(re.escape, _LATER_MAKER_VERBS))
    + r"))\b(?!\s+by\b)"
    # (not "turned it down", "turned up", "turned away": no film made)
    r"(?!(?<=turned)\s+(?:[\w'’-]+\s+){0,3}?(?:down|up|away)\b)"
    r"(?!(?<!co-directed)(?<!co-produced)\s+with\b)",  # "which X co-directed with Y": both
    re.IGNORECASE,
)
# "X did Y": the person's part in the film, whatever it was.
# "Kolditz did Signals", "Bulychev also gave us X": whose film it is, in film talk
_DID = re.compile(
    r"^\s+(?:also\s+|later\s+|then\s+)?(?:did|(?:gave|gives|brought|brings)\s+us)\s+"
    r"(?:(?:1[89]|20)\d\d['’]s\s+|(?P<the>the\s+))?(?=[A-Z*_“\"])"
)
# What "did the X ..." names after the film: its new scenes, or its music ("Coppola did the
# Battle Beyond the Sun bits", "Artemyev did the Solaris score")
_DID_THE_PART = re.compile(
    r"[\s”\"*_]*(?:(?P<scenes>bits|scenes|sequences|footage|additions|new\s+scenes)"
    r"|(?P<music>music|score|soundtrack))\b"
)
_DID_RELATIONS = (
    Relation.DIRECTED_BY,
    Relation.MUSIC_BY,
    Relation.PRODUCED_BY,
    Relation.NARRATED_BY,
    Relation.CAST,
)
# What a name in a title's brackets may be, as the references credit it on that film
_BRACKETED_RELATIONS = (*_DID_RELATIONS, Relation.SOURCE_AUTHOR)
_FOOTAGE = Relation.FOOTAGE_USED_IN
_MAKERS = (Relation.DIRECTED_BY, Relation.PRODUCED_BY)  # who a possessive may name
_HIS_CREDITS = (*_MAKERS, Relation.CAST, Relation.MUSIC_BY)  # whose film "his film" may be
_HIS_FILM_DOUBT = "relation uncertain: someone's film may be one they made, played in or scored"
# A film's next part named after the cue: "the second part, X", "Part two is X".
_NEXT_PART = re.compile(r"\b(?:the\s+)?(?:second part|part two)(?:\s*,|\s+(?:is|was))\s*$", re.I)
# A description of the title before it, up to its year: ", the East German film of 1958".
_DESCRIBED_AS = re.compile(
    r"\s*,\s*(?:the|an?)\s+(?:(?!(?:of|a|an|the|from|by)\b)[\w-]+\s+){0,3}?"
    r"(?:film|movie|picture|feature|cartoon)\s+(?:of|from)\s+"
)  # (not "the re-edit of a film from 1962": another film's year)
# A heading that names a part of a film: "Part Two: ...", "Episode 3 - ...", "Chapter one.".
_PART_HEADING = re.compile(
    r"\s*(?:part|episode|chapter)\s+(?:\d+|one|two|three|four|five|six|[ivx]+)\b\s*[:.,–—-]",
    re.IGNORECASE,
)
# A sentence whose subject is its music, written by the name: "The score, which mixes
# electronic sounds with dance music, was written by X", "The score, which leans on voices and
# electronic effects, was written by X", "The music, which critics and the public disliked, was
# written by X", "The music is electronic and it was written by X"; "Its songs were written by
# X"; "The song Prekrasnoye Dalyoko is by X".
_MUSIC_WRITTEN = re.compile(
    r"\s*(?:(?:The|Its|His|Her|Their|This|That)\s+)(?:[\w-]+\s+){0,2}?(?:score|music|soundtrack"
    # (an aside between commas is the music's, whatever its words: ", praised by critics,")
    r"|songs?|theme)\b(?:,[^,;:]*,"
    r"|(?!,\s*and\b|\band\s+(?:the|its|this|that|he|she|they)\b"
    r"|\b(?:but|while|whereas|though|although|by)\b)[^;:])*?"
    r"\b(?:was|were|is|are)\s+(?:also\s+)?"
    # (the next name of a list too: "was written by A and B")
    r"(?:(?:written|composed)\s+)?by\s+(?P<listed>(?:[A-ZÀ-Þ][\w.'’-]*\s+){1,4}?(?:and|&)\s+)?$"
)  # (within its clause: not "The songs are lovely, and the film was written by X", nor
# "The songs are lovely and the film was written by X", "The music is eerie, while the novel was
# written by X")
# A film "by" a person: "Solaris, by Tarkovsky", "Both are by Viktorov", "It's by Daneliya",
# "X (1981), the Soyuzmultfilm cartoon by Y", "X, the five-part series by Y".
_FILM_BY = re.compile(
    r"(?:\b(?P<np>(?:both|all|it|the film|this film|the two)(?:['’]s|\s+(?:is|are|was|were))"
    r"(?:\s+(?:both|all))?|(?<![\w,]\s)both)|,(?:\s*(?:both|all\s+(?:three|four)|also|again))?|\("
    r"|\s(?:is|are|was|were)(?:\s+(?:both|all))?"
    r"|\bthe\s+(?:\d{4}\s+)?one"
    r"|,\s*(?:the|an?)\s+(?:[\w'’-]+\s+){0,4}?(?:film|series|serial|cartoon|picture|movie"
    r"|feature|epic|drama|comedy|classic|short|two-parter))\s*by\s+$",
    re.IGNORECASE,
)
# Between a title and what follows it: nothing, or its year in brackets ("X (1970), by Y"),
# or its other title and year ("Gostya iz budushchego (Guest from the Future, 1985), by Y")
_YEAR_OR_NOTHING = re.compile(
    r"\s*(?:\((?:\s*(?:1[89]|20)\d\d|[^()]{1,60},\s*(?:1[89]|20)\d\d)\s*\)\s*"
    r"|,\s*(?:1[89]|20)\d\d\s*\)\s*)?"  # (a group ending on the bracketed other title)
)
_FILM_BY_DOUBT = "relation uncertain: a film 'by' a person is mostly, not always, by its director"
_THIS_PEOPLE_DOUBT = (
    "relation uncertain: 'this Soviet film' may be another film than the one spoken of"
)
_IS_PEOPLE_DOUBT = "relation uncertain: 'X is Polish' may be said in passing, or of a version"
_ABROAD_DOUBT = "relation uncertain: a release in a named country may be an opening abroad"
_IN_YEAR_DOUBT = "relation uncertain: 'X in 1966' is mostly, not always, the film's year"
_LIFE_YEARS = re.compile(
    r"\s*[,(]\s*(?:b\.\s*|born\s+)?(?:1[89]|20)\d\d\s*[–—-]\s*(?:(?:1[89]|20)\d\d)?"
)
_ADAPTATION_YEAR_DOUBT = "relation uncertain: the year a book was adapted, perhaps not as this film"
_VERSION_YEAR_DOUBT = "relation uncertain: a year before a title may tell another version apart"
# A book's adaptation, not its publication, dated after these: "adapted for television in"
_ADAPTED_IN = re.compile(
    r"\b(?:adapted|filmed|staged|televised|dramatised|dramatized|made into|turned into"
    r"|for (?:television|tv|the screen|the stage|radio))\b[^.;]{0,40}\b(?:in|by)\s+$",
    re.IGNORECASE,
)
# A verb of coming out, then the venue (not when), then "on" and the day: "opened at the X
# cinema in Berlin on ", "was first shown at the Sommerfilmtage on"
_SHOWN_ON = re.compile(
    r"\b(?:opened|premiered|released|first\s+shown|debuted)\b"
    r"(?P<rest>\s+at\b[^.;:]{0,60}?)\s+on\s*$",
    re.IGNORECASE,
)
# What opens or is shown at a venue that is not the film: "A stage version opened at"
_NOT_THE_FILM_SHOWN = re.compile(
    r"(?i)\b(?:play|stage|opera|ballet|exhibition|museum|concert|album|game|book"
    r"|channel|netflix|laserdisc|home\s+media|restor\w*|retrospective|remake|sequel"
    r"|documentar\w*|cartoon|animated|digital|version)\b"
    # (a cinema's own opening: "The Kosmos cinema opened at Karl-Marx-Allee on")
    r"|\b(?:cinema|theatre|theater|hall|palace)\s+(?:itself\s+)?opened\b"
)
# A year on television: a serial's release, but for a film made for cinemas a later showing
_ON_TV = re.compile(
    r"\bon\s+(?:[\w-]+\s+){0,2}?(?:tv|television)\b|\b(?:broadcast|aired|televised)\b",
    re.IGNORECASE,
)
_BROADCAST_DOUBT = "relation uncertain: a year on television is the release only of a TV work"
# A year alone among credits ("Kolditz again, 1976."): mostly the film's, perhaps another date
_BARE_YEAR_DOUBT = "relation uncertain: a year alone among credits is mostly the film's year"
# Words that may stand beside a bare year without saying what it is the year of
_HEDGES = frozenset(
    {
        *("surely", "i", "think", "guess", "believe", "probably", "maybe", "perhaps", "right"),
        *("yes", "yeah", "no", "nope", "again", "also", "actually", "though", "anyway", "so"),
        *("and", "or", "well", "oh", "ah", "hmm", "circa", "c", "around", "about"),
    }
)
# ... and the words of a sentence of credits besides its names: "Daneliya's masterpiece,
# 1986, Lyubshin as Uncle Vova and Leonov as Bi."
_FRAGMENT_WORDS = _HEDGES | {
    *("as", "with", "by", "the", "a", "s", "film", "movie", "picture", "cartoon", "serial"),
    *("masterpiece", "classic", "one", "version", "original"),
}
# Who a re-edit added ("dropped in Basil Rathbone", "adding Mamie Van Doren").
_ADDED_ACTOR = re.compile(
    r"\b(?:added|adding|adds|inserted|inserting|inserts|dropped in|dropping in|drops in"
    r"|brought in|bringing in|brings in)\s+(?:(?:the\s+)?(?:actors?|actress(?:es)?|stars?)\s+)?$",
    re.IGNORECASE,
)
# New scenes shot with an actor: "with new scenes of Basil Rathbone".
_NEW_SCENES_OF = re.compile(
    r"\bnew (?:scenes|footage|sequences|material|shots) (?:of|with|featuring|starring)\s+$",
    re.IGNORECASE,
)
_SCENES_FOR = re.compile(
    r"[\s”\"*_]*(?:\(\s*(?:1[89]|20)\d\d\s*\))?\s*,?\s*(?:with|adding|and)?\s*"
)
# Who a film was made for: "the movie Harrington made for Roger Corman".
_MADE_FOR = re.compile(r"\b(?:made|shot|directed|cut|assembled) (?:it |this |them )?for\s+$")
_FILM_FOR = re.compile(r"[\s”\"*_]*(?:\(\s*(?:1[89]|20)\d\d\s*\))?\s+for\s+")
_MADE_THE = re.compile(r"\b(?:made|shot|directed|assembled)\s+[*_“\"]*$")
_EARLIER_DONE = re.compile(r"\b(?:had|has|have|once|already|earlier|first)\b", re.IGNORECASE)
# A name (or two) whose verb makes what a relative "that" or "which" stands for
_MADE_WHAT_WAS_NAMED = re.compile(r"\b(?:that|which)\s+(?:(?:[A-Z][\w.'’-]*\s+){1,4}and\s+)?$")
# Between a title and that relative: its year, a comma, and perhaps what it is ("a drama",
# "the earlier film", "another film")
_TITLE_BEFORE_RELATIVE = re.compile(
    r"[\s”\"*_)]*(?:\(\s*(?:1[89]|20)\d\d\s*\))?\s*,\s*(?:(?:a|an|the|another)\s+"
    # (not what is of another thing: "the re-cut of a Soviet epic that X had directed")
    r"(?:(?!(?:of|from|by|for|with|to|about|than|like)\b)[\w'’-]+\s+){1,5}?)?"
)
_MADE_FOR_DOUBT = "relation uncertain: whom a film is made for is mostly, not always, its producer"
_ADDED_DOUBT = "relation uncertain: who new scenes added is mostly, not always, in the cast"
# An actor's name, then what they "are": "is the queen", "is the green-skinned survivor", "is
# the ruler of TEM 4"
# (in the present, as a review tells a film: "was the head of a theatre" is a life)
_IS_DESCRIBED = re.compile(
    r"\s+is\s+(?:also\s+)?the\s+(?:(?!(?:of|in|on|at|for|to|a|an|the)\b)[\w-]+\s+){0,3}?"
    r"[a-z][\w-]*"
    # (perhaps of a place, a ship or a group: "the ruler of TEM 4", "the captain of the ship",
    # "the chief on Tem")
    r"(?:\s+(?:of|on|aboard|at)\s+(?:(?:the|his|her|its|their)\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|\d+))?"
    r"|[a-z][\w-]*))?"
    r"(?=\s*(?:[,.;:!)]|$|\s+(?:who|that|from|aboard|with|and)\b))"
)
# What an actor "is" that is no part: "the star", "the best thing", "the reason to watch"
_NO_PART_DESCRIBED = re.compile(
    r"\b(?:star|lead|actor|actress|reason|thing|one|best|worst|highlight|standout|voice"
    r"|name|face|draw|favourite|favorite|man\s+behind|link|connection|subject|focus"
    r"|husband|wife|(?:grand|step)?(?:son|daughter|father|mother|child)|brother|sister"
    r"|youngest|oldest|first|last|only|recipient|winner|member)\b"
)
_CREW_RELATIONS = (
    Relation.DIRECTED_BY,
    Relation.MUSIC_BY,
    Relation.PRODUCED_BY,
    Relation.SOURCE_AUTHOR,
)
_IS_DESCRIBED_DOUBT = "relation uncertain: what an actor is in a film is mostly, not always, a part"
_IT_IS_DOUBT = "relation uncertain: 'it's X' may speak of a version, a dub or a language"
# between films of one list: "A, made at Mosfilm, and its sequel B", "A (1980), a.k.a. B"
_FILMS_LIST_GAP = re.compile(
    r"[\s,]*(?:(?:and|then|also|later|earlier|its|the|sequel|follow-up|second|next|made|at|in"
    r"|a\.?k\.?a\.?|[A-Z][\w-]*|\(\d{4}\))[\s,]+)*"
)
_LISTED_DOUBT = "relation uncertain: films listed after a name are mostly, not surely, its"
_CREDITS_NAME = re.compile(
    r"\b(?:credits?|titles)\s+(?:still\s+)?(?:name|names|list|lists|give|gives)\s+"
    r"(?:[^.;:]{0,40}?(?:,|\band)\s+)?$",
    re.IGNORECASE,
)
_DID_DOUBT = "relation uncertain: 'X did Y' or 'Y is X' says only that X worked on Y"
_POINTED_DOUBT = "relation uncertain: 'that is X' or 'X again' says only that X worked on it"
# "The composer of Solaris is X": the noun before the film says what X did.
_MAKER_OF = re.compile(
    r"\b(?:director|composer|producer|writer|author|screenwriter|star|lead|narrator"
    r"|cinematographer|designer|editor)s?\s+of\s+(?:the\s+(?:film\s+)?)?\W*$",
    re.IGNORECASE,
)
_THAT_ONE_IS = re.compile(
    r"\W*(?:(?:[Nn]o|[Yy]es|[Yy]eah|[Aa]ctually|[Aa]nd),?\s+)?"
    r"(?P<it>[Tt]hat one|[Tt]his one|[Tt]hat|[Ii]t|[Tt]he film|[Tt]he original)"
    r"(?:\s+(?:is|was)|['’]s)\s+(?:(?:really|actually)\s+)?"
)
_BY_RELATIONS = (Relation.DIRECTED_BY, Relation.PRODUCED_BY, Relation.MUSIC_BY)
# "an essay on Solaris by X", "I reread Solaris by Lem": the film is what a work is about
_ABOUT_A_FILM = re.compile(r"\b(?:on|about|from|of|to|read|reread|reading)\s+$", re.IGNORECASE)
# "Nebo Zovyot's American version", "Planeta Bur's re-edit": a film owning another
_OWNS_A_VERSION = re.compile(
    r"['’]s\b|\s+(?:version|cut|re-?edit|remake|dub|sequel|prequel)s?\b", re.IGNORECASE
)
_TITLE_BY = re.compile(r"\s*(?:\(\s*(?:1[89]|20)\d\d\s*\))?\s*,?\s+by\s+")  # "X (1986) by Y"
_BOTH_ARE = re.compile(
    r"\W*(?:(?:[Nn]o|[Nn]ope|[Yy]es|[Yy]eah|[Aa]ctually|[Aa]nd),?\s+)?(?P<it>[Bb]oth|[Tt]hey)"
    r"(?:\s+(?:are|were)|['’]re)\s+(?:(?:both|really|actually)\s+)?"
)
_FILM_IS = re.compile(
    r"(?:\s*\(\s*(?:1[89]|20)\d\d\s*\))?,?\s+(?:is|was)\s+(?:(?:really|actually|definitely|all)\s+)?"
)  # "Eolomea is Zschoche's", "Ikarie XB-1 (1964) is Polák's"
# A person who made a re-edit's new scenes, or is credited as one of its directors.
_SCENE_VERB = (
    r"(?:(?:(?:co-)?wrote|scripted)\s+and\s+)?"  # ("wrote and directed the new scenes")
    r"(?:direct(?:ing|ed|s)?|shoot(?:ing|s)?|shot|add(?:ing|ed|s)?|film(?:ing|ed|s)?)\s+"
)
# A short aside after a name: ", credited as Derek Thomas,".
_SHORT_ASIDE = r"(?:\s*,[^,.;]{1,40},)?"
# What a re-edit added, made by someone: "the new beach scenes", "the English version", "the
# monster inserts" (an insert or an addition is new by itself; a version only in a language).
_ADDED_MATERIAL = (
    r"(?:(?:the|some|its|his|a\s+few|the\s+notorious)\s+)?"
    r"(?:(?:new|additional|added|extra)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:scenes?|footage|material|sequences?|shots|prologue|bits|inserts)"
    r"|(?:[\w-]+\s+)?(?:inserts|additions)"
    r"|(?:American|English|English-language|US|U\.S\.)\s+(?:version|cut|re-?edit))\b"
)
_NEW_SCENES_BY = re.compile(
    r"^" + _SHORT_ASIDE + r"\s+(?:(?:is|was|gets|got)\s+)?"
    rf"(?:credited\s+(?:for|with)\s+(?:{_SCENE_VERB})?|{_SCENE_VERB}"
    # "did the new beach scenes", "handled the new material", "was brought in to direct ..."
    r"|(?:did|does|doing|handled|handles|handling|prepared|prepares|delivered|made)\s+"
    r"|(?:was|were|is|got)\s+(?:brought\s+in|hired|called\s+in|asked|taken\s+on)\s+to\s+"
    rf"(?:{_SCENE_VERB}|do\s+|make\s+|prepare\s+|handle\s+))" + _ADDED_MATERIAL,
    re.IGNORECASE,
)
# The same, named before its maker: "with extra monster scenes from a young Francis Ford Coppola"
_MATERIAL_BY = re.compile(
    _ADDED_MATERIAL + r"\s+(?:(?:shot|directed|filmed|added|made)\s+)?(?:by|from)\s+"
    r"(?:(?:a|an|the)\s+(?:(?:very|then)\s+)?(?:young\s+)?)?$",
    re.IGNORECASE,
)
_DIRECTOR_CREDIT = re.compile(
    r"^,?\s+who\s+(?:[\w-]+\s+){0,3}?(?:credited\s+as|gets?|got|given|receives?|received)\s+"
    r"(?:a\s+|the\s+|one\s+of\s+(?:the\s+)?(?:film['’]s\s+)?)?(?:co-?)?director",
    re.IGNORECASE,
)
_RE_EDIT_PHRASE = re.compile(
    r"\b(?:the|its) (?:american|us|u\.s\.|english-language) (?:version|cut|re-edit|release)\b"
    r"|\bthe re-edit\b",
    re.IGNORECASE,
)
_NEW_SCENES_DOUBT = (
    "relation uncertain: who made a re-edit's new scenes is usually, not always, credited as"
    " its director"
)
# After a name: a job off the screen that no relation stands for (not a part it plays).
_AS_A_JOB = re.compile(
    r"\s+(?:(?:himself|herself)\s+)?(?:as\s+(?:(?:its|their)\s+)?"
    r"(?:(?:scientific|technical|chief)\s+)?(?:consultant|adviser|advisor)\b(?!\s+[A-Z])"
    r"|(?:co-)?(?:writing|scripting)\s+(?:the\s+)?(?:script|screenplay)\b)",
    re.IGNORECASE,
)
# "with X directing the new scenes", "X producing": a person named with what they did.
_DOING_VERBS = {
    "directing": Relation.DIRECTED_BY,
    "co-directing": Relation.DIRECTED_BY,
    "producing": Relation.PRODUCED_BY,
    "co-producing": Relation.PRODUCED_BY,
    "composing": Relation.MUSIC_BY,
    "scoring": Relation.MUSIC_BY,
    "narrating": Relation.NARRATED_BY,
}
_DOING = re.compile(
    r"^"
    + _SHORT_ASIDE
    + r"\s+(?:also\s+|now\s+|again\s+)?(?P<verb>"
    + "|".join(_DOING_VERBS)
    + r")\b",
    re.IGNORECASE,
)
# "The Moses couple are X and Y", "the young actor in it is X": a part described, then who.
_PART_IS = re.compile(
    r"(?:^|\W)(?:the|its)\s+(?:[\w-]+\s+){0,5}?(?:is|are|was|were)\s+$", re.IGNORECASE
)
# ... but what a film is made from or of is no part: "the source is", "the score is" (nor
# is whose it is: "the source is Lem's novel")
_NO_PART_IS = re.compile(
    r"\b(?:source|book|novel|story|score|music|script|screenplay|director|studio|producer"
    r"|composer|writer|author|original|film|picture|movie)s?\s+(?:is|are|was|were)\s+$",
    re.IGNORECASE,
)
# Between a year or country and the title it describes: "a 1963 Soviet picture, Title".
_APPOSED = re.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:film|picture|movie|production|feature|original|epic|adventure"
    r"|classic|fantasy|drama|release|version|cut|edit|re-edit)s?,?\s+"
    r"(?:called\s+|titled\s+|named\s+)?[*_“\"]*"
)
# A title the references do not know, then its year: "Zvyozdny desant (", "Storm over Venus (".
_A_VERSION = re.compile(r"\b(?:release|version|cut|edit|re-edit|dub)s?\b")
_VERSION_DOUBT = "relation uncertain: a version's country may not be its film's"
_UNKNOWN_TITLE_YEAR = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’-]*\s+(?:[a-z][\w'’-]*\s+){0,3}[\w'’-]+\s*\(\s*$"
)
_POSSESSIVE_DOUBT = "relation uncertain: a possessive names a director or a producer"
_WRITERS_DOUBT = "relation uncertain: a possessive names the film's maker or its source's writer"
# Between a title and a possessive that describes it: "Title (1963), ", "Title – ".
_APPOSED_TO = re.compile(r"[\s”\"*_]*(?:\(\s*(?:1[89]|20)\d\d\s*\))?\s*(?:,|\s[–—-])\s*")
_POSSESSIVE_SOURCE = re.compile(
    r"^['’]s?\s+(?:[\w-]+\s+){0,2}?(?:novel|book|story|novella|tale|short story)\b", re.I
)
_POSSESSIVE_WORK = re.compile(
    r"^['’]s?\s+(?:(?:[\w'’-]+),?\s+){0,3}?(?:(?P<noun>film|movie|picture|feature|epic|adventure|"
    r"extravaganza|expedition|classic|adaptation|version|re-edit|re-cut|cut|drama|fantasy|"
    r"comedy|opera|masterpiece|debut|thriller|space race|cartoon|spectacle|production|one|noir|"
    r"mystery|parody|satire|allegory|melodrama|western|romance|silent|two-parter|serial"
    r"|documentary|musical|odyssey|saga|parable|fable|psychedelia|curio|oddity|take|effort|flick"
    r"|co-production|coproduction|job|tragicomedy|tragedy|farce|spoof"
    r")s?\b)",
    re.IGNORECASE,
)
_OBJECT_GAP = re.compile(
    r"[\s,*_“\"]*(?:(?:the|his|her|their|own|first|last|next|later|earlier|new|it|again|into|as|both|"
    r"(?:1[89]|20)\d\d|film|movie|picture|feature|(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+['’]s?)"
    r"[\s,*_“\"]+){0,4}"
)  # (a possessive may be of a whole name: "scored Richard Viktorov's X")
_ANIMATED = re.compile(
    r"\banimat(?:ed|ion)\b(?=(?:\s+[\w-]+){0,2}\s+(?:film|feature|movie|picture|short|adventure"
    r"|classic|cartoon|fantasy|comedy|version)\b)|\b(?:a|the|this) (?:[\w-]+ )?cartoon\b"
    r"|['’]s (?:[\w-]+ )?cartoon\b"
    r"|;\s*animation\b"
    # "X, which is animated,", "X is animated"
    r"|\b(?:which|that|it)\s+(?:is|was)\s+(?:fully\s+|all\s+)?animated\b(?!\s+by\b)",
    re.IGNORECASE,
)
# What denies a statement or makes it hearsay: "Nobody in America knew it as", "Some sources
# claim it was called", "It was perhaps known as", "Nobody believes it was directed by"
# (narrower than _NOT_PLAINLY, whose "called", "billed", "wrote" are how titles and credits
# are given)
_HEARSAY_WORDS = (
    r"claim\w*|doubt\w*|perhaps|maybe|supposedly|reportedly|allegedly|apparently|might|could"
    r"|rumou?r\w*|myth|legend|if|whether|think|thought|believ\w*|said|say|says"
)
_DENIED_OR_HEDGED = re.compile(
    rf"(?i)\b(?:not|never|no|nobody|none|nor|n['’]t|wrongly|mistakenly|{_HEARSAY_WORDS})\b"
)
# ... hearsay only, before what a clause states: "Some sources claim it was made with
# partners in" (not "No, it was made with partners in ...": a correction that states it)
_HEARSAY_BEFORE = re.compile(rf"(?i)\b(?:{_HEARSAY_WORDS})\b")
# Words that may say a film goes by another title (asked before anything slower)
_TITLE_WORDS = re.compile(
    r"(?i)known|knew|\bknow\b|released|distributed|shown|sold|billed|marketed|\bs[ae]e[ne]?\b"
    r"|\bsaw\b|dubbed|\bcut\b|put\s+out|titled|named|called|title|a\.?k\.?a"
)
# Right before a film's other title: "known in the West as", "released in America as",
# "Americans know it as", "retitled", "under the full title", "its subtitle is"
_TITLE_CUE_BEFORE = re.compile(
    r"(?:\b(?:known|released|distributed|shown|sold|billed|retitled|renamed|marketed|seen)"
    r"(?:\s+(?:in|on|to|abroad|later|widely|first|there|the|a|an|[A-Z][\w-]*|\w+ly)){0,4}?"
    r"\s+as"
    r"|\b(?:know|knew|saw|see|released|dubbed|cut|put\s+out|sold|retitled|renamed|called)"
    r"\s+it\s+(?:[\w-]+\s+){0,2}?as"
    r"|\b(?:retitled|renamed|called|titled|subtitled|a\.?k\.?a\.?)"
    r"|\b(?:title|subtitle|name)(?:\s+(?:is|was))?)"
    r"[\s,:“\"'‘*_]*$",
    re.IGNORECASE,
)
# What stands for the film spoken of before its other title: "it", "the film", "the English
# title", "the American video" (a version's title is one of the film's, if the references
# say so)
_IT_OR_THE_FILM = re.compile(
    r"(?i)\b(?:it|(?:the|this|its)\s+(?:[\w-]+\s+){0,2}?(?:film|picture|movie|title|video"
    r"|version|cut|dub|release))\b"
)
# Every word a re-edit or sequel statement has one of: sentences without any skip the pairing.
_PAIR_WORDS = re.compile(
    r"edit|cut|turn|made|make|became|become|footage|effects|scenes|shots|sequences|sequel"
    r"|follow|continu|version|reus|re-us|recycl|borrow|lift|assembl|built|creat|into|from"
    r"|plunder|raid|mined|cannibal|pillag|second part|part two"
)
_REWORKED = re.compile(
    r"\b(?:re-?edit\w*|re-?cut\w*|rework\w*|recycl\w*|became|become)\b"
    r"[^.;]{0,30}?\b(?:into|as)?\W*$|\bbecame\W*$"
    # "made it into", "turned into": not "Viktorov also made X"
    r"|\b(?:turn\w*|made|cut)\b[^.;]{0,30}?\b(?:into|as)\W*$"
    r"|\b(?:plunder\w*|raid\w*|mined|cannibali[sz]\w*|pillag\w*|strip-?mined)\b[^.;]{0,30}?"
    r"\b(?:for|into|in)\W*(?:[\w.]+(?:['’]s?)?\s+){0,3}$"
)
# "X got its spaceships from Y", "took most of its effects from": Y's footage went into X.
_TAKEN_FROM = re.compile(
    r"(?<!never )(?<!not )\b(?:got|gets|took|takes|drew|draws|borrowed|borrows|lifted|lifts"
    r"|stole|steals)\s+(?:(?:most|all|some|many|much)\s+of\s+)?(?:its|their|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:footage|shots|scenes|effects|spaceships|ships|rockets|models|sets"
    r"|visuals|images|sequences|material|landscapes|miniatures)\s+from\W*$"
)
# Nothing said after a film but its year: "..., and later C (1966)."
_ENDS_CLAUSE = re.compile(r"\s*(?:\(\s*\d{4}\s*\))?\s*(?:[,.;:!?)]|$|and\b|but\b)")
# "..., and then B", "and later B": the next film the same footage went into.
_AND_THEN = re.compile(r"(?:,\s*|\band\s+)(?:then|later|again|afterwards)\s+(?:into\s+|as\s+)?\W*$")
_WHICH_BECAME = re.compile(
    r"\s*(?:\([^()]{0,30}\))?\s*,\s+which\s+"
    # the words before the verb do not report or deny it: "which people wrongly say he made
    # out of", "which many assume"
    r"(?:(?!(?:say|says|said|assume|assumes|assumed|think|thinks|claim|claims|wrongly|supposedly"
    r"|allegedly|never|not|reportedly)\b)[\w-]+\s+){0,4}?(?:(?:turned|made|re-?cut"
    r"|re-?edited|reworked|cut)\s+(?:it\s+)?(?:into|as)|became"
    # "Y, which he made out of X": what Y was made from
    r"|(?:made|built|cut|assembled|pieced|stitched|put)\s+(?:together\s+)?(?:out\s+of|from))"
    r"\s*[*_“\"]*$"
)
_FROM_BEFORE = re.compile(r"\bfrom\W*$")  # (searched up to where the film starts)
# ... and both went where the cue says: "from A and from B both went into C"
_BOTH_WENT = re.compile(
    r"[\s”\"*_]*(?:\(\s*(?:1[89]|20)\d\d\s*\)\s*)?,?\s*(?:both\s+|all\s+)?"
    r"(?:went|were\s+(?:both\s+|all\s+)?(?:cut|put)|(?:both\s+)?found\s+their\s+way)\s"
)
# Between a cue and the next film, words that compare or join that film, not make it the
# target: "went into the same DVD box as Y", "a double bill with Y", "as well as Y", "like
# Y", "as silly as Y" (not "a film known as Y", "in the same year", "no less than Y")
_COMPARED_AFTER_CUE = re.compile(
    r"\bsame\b[^,.;]{0,40}\bas\b|\bas\s+(?:well\s+as|[a-z]+\s+as)\b|\blike\b|\bjust\s+as\b"
    r"|(?<!no less )(?<!nothing less )(?<!none other )\bthan\b|\balongside\b|\bbesides?\b"
    r"|\b(?:together|along|paired|bundled|coupled|bill|feature|package|set)\s+with\b"
    r"|\bnext\s+to\b|\bso\s+did\b"
)
_AND_FROM = re.compile(
    # (perhaps with a word set apart: "and, mostly, from")
    r"^[\W_]*(?:,\s*)?(?:and\s*(?:,\s*[a-z]+\s*,\s*)?)?(?:also\s+)?from\W*"
    r"(?:[\w.]+(?:['’]s?)?\s+){0,3}$"
)
# "it used effects footage from X": the film spoken of took X's footage
_FOOTAGE_FROM = re.compile(
    r"(?<!never )(?<!not )\b(?:used|uses|reused|reuses|recycled|recycles|borrowed|borrows"
    r"|lifted|lifts|took|takes|incorporated|incorporates|spliced\s+in|splices\s+in)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:footage|shots|scenes|effects|sequences|material|visuals|images"
    r"|reels)\s+from\s+(?:the\s+)?[*_“\"]*$"
)
# "it cannibalised A Dream Come True": the film said before took the one named after
_TOOK_FROM = re.compile(
    r"(?<!was )(?<!were )(?<!been )\b(?:cannibali[sz]e[sd]|plundered|raided|pillaged)\s+\W*$"
)
_FROM_ORIGINAL = re.compile(
    r"\b(?:footage|effects|scenes|shots|sequences|them|these|those|a few more|the rest)\b"
    r"[^.;]{0,30}\b(?:comes?|came|taken|lifted|borrowed)\s+from\W*"
    r"(?:[\w-]+(?:\s+[\w-]+)?['’]s\s+(?:[a-z]+\s+)?"  # "from Karyukov's earlier X"
    # "from the Soviet films X and Y", "from two Soviet pictures, X and Y"
    r"|(?:the|two|three)\s+(?:[\w-]+\s+){0,2}?(?:films?|pictures?|movies?|features?),?\s+)?$"
    # a credits line of a re-edit: "Source footage: Planeta Bur (USSR, 1962)"
    r"|^\W*(?:source|original)\s+(?:footage|film|material)\s*:\s*$"
)
# "re-cut into two US features", "turned into two separate American films": a re-edit the
# paragraph announces without naming; the films it names next are those re-edits.
_INTO_MANY = re.compile(
    r"\b(?:re-?cut|re-?edit\w*|turn\w*|made|rework\w*|recycl\w*|cut up|fashion\w*|"
    r"re-?assembl\w*|chopped up)\b[^.;]{0,40}?\binto\s+(?P<n>two|three|four|a pair of|several)"
    r"\s+(?:[\w.-]+\s+){0,2}(?:films|features|pictures|movies|versions|releases)\b"
    # "used its footage twice", "recycled the film three times"
    r"|\b(?:used|re-?used|recycl\w*|mined|plundered|raided|cannibali[sz]\w*)\s+"
    r"(?:its|the|this)\s+(?:[\w-]+\s+)?(?:footage|film|picture|material|effects)\s+"
    r"(?P<m>twice|two times|three times)\b"
    # "its footage was used in two films", "Planeta Bur was plundered twice"
    r"|\b(?:used|re-?used|recycl\w*)\s+(?:again\s+)?in\s+(?P<n2>two|three|four|a pair of)"
    r"\s+(?:[\w.-]+\s+){0,2}(?:films|features|pictures|movies|versions|releases)\b"
    # (what others do to a film's footage: not "re-cut it twice", which its makers may do)
    r"|\b(?:(?:cut|chopped)\s+(?:it\s+)?up|plundered|mined|raided|recycled|re-?used"
    r"|cannibali[sz]ed)\s+(?:it\s+)?(?P<m2>twice|two times|three times)\b",
    re.IGNORECASE,
)
_INTO_MANY_LOWER = lower_case_twin(_INTO_MANY)
# Words that deny the value right after them (but "not only", "not just" affirm it).
_NEGATED = re.compile(
    r"(?:(?:\b(?:not(?! only| just| merely)|never|rather than|instead of|no longer|far from|"
    r"neither|nor)|n['’]t)\s+(?:(?:directed|co-directed|made|shot|filmed|produced|written"
    r"|scored)\s+)?"
    r"(?:(?:a|an|the|another|by|at|in|from|with|of)\s+)?|\bno\s+)[\W_]*$",
    re.IGNORECASE,
)
_NEGATED_LOWER = lower_case_twin(_NEGATED)  # the same, for lower-cased texts
_NEXT_ENTRY = re.compile(r"[;:]|\b(?:then|later|next|and)\b")
_COUNTS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "a pair of": 2,
    "several": 4,
    "twice": 2,
    "two times": 2,
    "three times": 3,
}
_CREDITS_LINE = re.compile(r"^(?:dir\.|directed by|director)|\b\d{2,3}\s*min\b", re.IGNORECASE)
_GOING = (
    r"set|takes? place|taking place|land\w*|travel\w*|journey\w*|mission|expedition|"
    r"voyage|trip|flight|flying|fl(?:y|ies|ew)|race|head\w*|sen(?:t|ds?|ding)|bound|stranded|"
    r"crash\w*|explor\w*|arriv\w*|reach\w*|visit\w*|orbit\w*|surface|en route|way|go|goes|went"
    r"|going|leav\w*|left|takes?|took|taking|mov\w*|return\w*|launch\w*|descend\w*"
)
_SETTING_BEFORE = re.compile(
    rf"\b(?:{_GOING})\b"
    r"(?:\s+[\w-]+){0,3}\s+"
    r"(?:on|to|in|for|towards?|of|around)\s+(?:the\s+)?(?:planet\s+|moon\s+|star\s+)?$"
    # "Queen of Blood keeps Mars": a re-edit keeps its source's setting
    r"|\b(?:keeps?|kept|keeping|retains?|retained)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... further from any word of going, coming down or staying (up to six words of the same
# clause, none of which starts another or goes elsewhere first: not "set off for Venus from
# a base on Mars"), or right where the story starts or ends ("begins on Pluke")
_SETTING_FURTHER = re.compile(
    rf"\b(?:{_GOING}"
    r"|sets? (?:out|off)|setting (?:out|off)|(?:comes?|came|coming) down|approach\w*|stay\w*"
    r"|escap\w*|fle(?:e|es|eing|d)|trek\w*|drift\w*|maroon\w*|rescue\w*|stuck|trapped"
    r"|carr(?:y|ies|ied)|makes? for|made for|diverted|rocket\w*|blast\w*|touch\w* down)\b"
    r"(?:\s+(?!(?:and|but|or|while|where|which|who|whom|when|because|after|before|until|for|to"
    r"|towards?|into|onto)\b)[\w'’-]+){0,6}\s+"
    r"(?:on|onto|to|in|for|towards?|of|around)\s+(?:(?:the|a|an)\s+)?"
    r"(?:planet\s+|moon\s+|star\s+)?$"
    r"|\b(?:starts?|started|begins?|began|opens?|opened|ends?|ended)\s+(?:up\s+)?(?:on|in|at)\s+"
    r"(?:(?:the|a|an)\s+)?$",
    re.IGNORECASE,
)
# ... where the clause does not say the story never goes there or only meant to ("never
# stays on the Moon", "instead of Mars", "the planned flight"), nor speaks of the world the
# film came out in ("came out in 1966, weeks after Luna 9 touched down on the Moon")
_NEGATION = r"\b(?:never|not|nobody)\b|n['’]t\b"
_NEVER = re.compile(_NEGATION, re.IGNORECASE)
# A clause that does not say a thing is so: denied, wished, heard, or said of another film
_NOT_SO = re.compile(f"{_NEGATION}|{_HEDGED.pattern}", re.IGNORECASE)
# "on" a place where the story is: after a deed of the story there, or opening a clause
_STORY_ON = re.compile(
    r"(?P<opening>(?:^|[.;:]\s*|,\s*)[*_“\"]*on\s+(?:the\s+)?$)"
    r"|\b(?:stay(?:s|ed|ing)?|behind|land(?:s|ed|ing)?|crash(?:es|ed|ing)?|strand"
    r"(?:s|ed)?|marooned|trapped|alone|found|finds?|discover(?:s|ed)?|wait(?:s|ed|ing)?|rescue[sd]?"
    r"|survivors?|life|lives|lived|living|arrive[sd]?|arriving|down|adventures?|expedition|is|are"
    r"|was|were|up|desert|party|shadows|crew)"
    r"\s+on\s+(?:the\s+)?$"
    # "lands her ship, the Cynro, on TEM 4"
    r"|\b(?:lands?|landed|landing|sets?\s+down)\b[^.;]{0,50}\bon\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# ... a place that ends its phrase there: not "Mars films", "Venus Day", "Mars-themed"
_PLACE_ENDS = re.compile(
    r"(?=\s*(?:[,.;:!?)]|$)|\s+(?:to|for|where|when|while|and|with|in|at|by|after|before|until"
    r"|as|so|but|who|which|that)\b)"
)
_ASSUMED = re.compile(r"(?i)\b(?:assume[sd]?|claims?|claimed)\b")
_FROM_A_BASE_ON = re.compile(
    r"\bfrom\s+(?:a|an|the|their|its)\s+(?:[\w-]+\s+)?(?:base|station|port|spaceport|cosmodrome"
    r"|launch\w*|pad|camp|colony|outpost)\s+on\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A release dated by history ("came out weeks after Luna 9 touched down on the Moon")
_RELEASED_WHEN = re.compile(
    r"\b(?:came out|released|premiered)\b[^.;:]*\b(?:after|before|when|while|as)\b",
    re.IGNORECASE,
)
_NO_SETTING = re.compile(
    # (a plan, planned, planning: not a planet)
    rf"{_NEGATION}|\b(?:instead|rather|plan(?:s|ned|ning)?|cancel\w*|dropped|abandon\w*)\b"
    rf"|{_RELEASED_WHEN.pattern}",
    re.IGNORECASE,
)
_SETTING_AFTER = re.compile(
    r"^(?:\s+|-)(?:picture|film|movie|adventure|expedition|epic|mission|voyage|landing|odyssey"
    r"|setting|backdrop)\b",
    re.IGNORECASE,
)
# A day, a date or an hour after a heading's name: the name is an event's or a venue's.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WHEN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}:\d\d"
    rf"|\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}})\b",
    re.IGNORECASE,
)

_HEADING_TITLE = re.compile(
    r"^(?:#+\s*(?:\d{1,3}[.):]?\s+)?)?(?:\d{1,3}[.)]\s+|[-*•]\s+|(?:1[89]|20)\d\d\s*[–—:-]\s+)?"
    r"[*_“\"]*"  # ("#1 Solaris": a ranked entry's number, then its title)
    r"(?P<t>[^()*_“”\"\n]{2,80}?)[*_”\"]*\s*"
    r"(?:\((?:[^()]*?[,;]\s*)?(?:1[89]\d\d|20\d\d)\)|\([^()]*\)\W*$|[:.]|\s[–—-]\s|$)"
)
# Time said of the film or the viewer, not of its story: "20 years ago", "it runs 78 minutes".
_NOT_STORY_TIME = re.compile(r"\s+(?:ago|later|earlier|old|on)\b", re.IGNORECASE)
_RUNNING_TIME = re.compile(r"\b(?:runs?|running time|lasts?|long|cut to|at)\s+(?:just\s+)?$")
# A unit after a number in a story: "dead for ten years", "a child four metres tall".
_UNIT = re.compile(
    r"\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|met(?:re|er)s?"
    r"|kilomet(?:re|er)s?|miles?|light-years?|parsecs?)\b"
)
# A credit's phrase right before a name: "screenplay by", "written by A together with"
_CREDITED_BY = re.compile(
    r"\b(?:(?:co-)?written|(?:co-)?directed|(?:co-)?produced|composed|scored|photographed|edited"
    r"|designed|screenplay|script|scenario|music|score|camera\w*|cinematography)\s+by\s+"
    + _CO_CREDITED
    + "$",
    re.IGNORECASE,
)
# (nor a clock's hour: "Friday, 8 pm", "at 2 A.M.")
_PLOT_SKIP_NUMBER = re.compile(
    r"^(?:\s*(?:of|is|was|st|nd|rd|th|minutes?|min|years?|%|out of|(?i:[ap]\.?m)\b\.?))"
)
_SETTING_SKIP = re.compile(r"\b(?:earth)\b", re.IGNORECASE)


_PART_KINDS = frozenset({"character", NAME_KIND})
# Between a list of actors and the list of their parts, or the parts and their actors.
_PLAY_THEM = re.compile(
    r",?\s+(?:(?:[\w-]+\s+){0,4}?(?:play|played|portray|portrayed|as)|are|were)\s+"
    r"(?:the\s+)?" + _DESCRIBING  # "are wonderful as the wandering singers"
)


_PAIR_GAP = re.compile(r"\s*(?:,|,?\s+and)\s+|\s+and\s+")
_OWN_VERB_AFTER = re.compile(
    r"\s+(?:plays|played|is|was|appears|appeared|voices|voiced|portrays|portrayed|stars"
    r"|starred|takes|took|turns|turned|gets|got|has|had)\b"
)


def _listed(text: str, mentions: list[Mention], at: int, kinds: frozenset[str]) -> list[int]:
    """The indexes of the list of names of ``kinds`` that the mention at ``at`` is in."""
    first = last = at
    while first > 0 and mentions[first - 1].kind in kinds:
        gap = text[mentions[first - 1].end : mentions[first].start]
        if not _PAIR_GAP.fullmatch(gap):
            break
        first -= 1
    while last + 1 < len(mentions) and mentions[last + 1].kind in kinds:
        if not _PAIR_GAP.fullmatch(text[mentions[last].end : mentions[last + 1].start]):
            break
        last += 1
    return list(range(first, last + 1))


def _respective_part(text: str, mention: Mention, mentions: list[Mention]) -> str | None:
    """The part of an actor named in a list beside a list of parts: "" when unpaired.

    "Uef and Bi, played by Yakovlev and Leonov", "Yakovlev and Leonov play Uef and Bi":
    each actor plays the part at the same place in the other list; lists of unequal length
    pair nobody (""), and None says the actor is in no such pair of lists.
    """
    if mention.kind not in _PERSON_KINDS:
        return None
    at = mentions.index(mention)
    actors = _listed(text, mentions, at, _PERSON_KINDS)
    if len(actors) < 2:
        return None
    parts: list[int] = []
    after = actors[-1] + 1
    if (
        after < len(mentions)
        and mentions[after].kind in _PART_KINDS
        and _PLAY_THEM.fullmatch(text[mentions[actors[-1]].end : mentions[after].start])
    ):
        parts = _listed(text, mentions, after, _PART_KINDS)
    before = actors[0] - 1
    if (
        not parts
        and before >= 0
        and mentions[before].kind in _PART_KINDS
        and _PLAYED_BY_GAP.fullmatch(text[mentions[before].end : mentions[actors[0]].start])
    ):
        parts = _listed(text, mentions, before, _PART_KINDS)
    # a name with a verb of its own opens the next clause, not the list of parts: "A and B
    # appear as the pilots C and D, and E plays F"
    # (unless the whole list pairs with the actors and the cut one does not: "A, B and C
    # appear as X, Y and Z has the radio")
    ends = [i for i, p in enumerate(parts) if i and _OWN_VERB_AFTER.match(text, mentions[p].end)]
    if ends and (ends[0] == len(actors) or len(parts) != len(actors)):
        parts = parts[: ends[0]]
    if len(parts) < 2:
        return None
    if len(parts) != len(actors):
        return ""
    return mentions[parts[actors.index(at)]].text


_AMBIGUOUS = FilmRef("?ambiguous", "")
_QUOTE_MARKS = frozenset("\"“‘'")
# Words before a name in quotes that make it a title: "a 1967 cut called "X"", "the film "X"".
_TITLE_BEFORE = re.compile(
    r"\b(?:film|movie|picture|feature|cut|version|edit|re-edit|dub|release|sequel|remake|"
    r"title|titled|retitled|released as|known as|renamed)\W+(?:\w+\W+){0,1}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Group:
    """Names of one film side by side: the first known one stands for the group."""

    members: tuple[Mention, ...]
    film: FilmRef

    @property
    def start(self) -> int:
        return self.members[0].start

    @property
    def end(self) -> int:
        return self.members[-1].end


# How a subject was read from a phrase ("'the soviet film' read as Planeta Bur"), and the
# phrases that may stand for any film of a double bill's heading
_READ_AS = re.compile(r"'(?P<p>[^']+)' read as ")
_PLAIN_ANAPHORS = frozenset(
    {"it", "this", "this one", "that one", "the film", "this film", "the movie"}
)


# A relative clause of a book's coming out, up to its year: "which had only come out the year
# before, in"
_PUBLISHED_WHICH = re.compile(
    r"\W*(?:which|that)\s+(?:(?:had|has|was|had\s+been|has\s+been)\s+)?"
    r"(?:(?:only|first|originally|just)\s+)?(?:come\s+out|came\s+out|appeared|published)"
    # ... right before "in", perhaps after when ("the year before, in"): not "published in
    # Moscow in", "came out eleven years before the 1972 premiere", "appeared in Czech in"
    r"(?:\s+(?:the\s+year|(?:a|an|\w+)\s+(?:few\s+)?years?)\s+(?:before|earlier),)?"
    r"\s+in\s+$"
)
# A preposition right before a name no reference knows, after the cue: the name is its
# object, as in "with stock footage of New York City" or "with the voice of X"
_OBJECT_OF_ANOTHER = re.compile(r"\s(?:of|about|into|over|towards?)\s+(?:the\s+)?$")
# "The story is by", "the novel was by": a source named as the subject of its own sentence
_SOURCE_IS_BY = re.compile(r"\b(?:story|novel|book)\s+(?:is|was)\s+by$")
_WHOSE_STORY_DOUBT = "attribution uncertain: 'the story' read as the source of the film spoken of"


class _Found(NamedTuple):
    """What a value's cue says: its relation, and the film it ties the value to, if any.

    ``obj`` is a phrase naming the film when it follows the value ("Kromanov made it");
    ``doubt`` says why the relation itself is uncertain ("X's film": director or producer).
    """

    relation: Relation
    tied: _Group | None = None
    role: str | None = None
    obj: str | None = None
    doubt: str | None = None


@dataclass(frozen=True, slots=True)
class _Subject:
    film: FilmRef
    confidence: float
    how: str


class Extractor:
    """Extracts claims from documents, with the catalogue as its gazetteer."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.finder = MentionFinder(Gazetteer(catalogue))
        self._mention_memo: dict[str, list[Mention]] = {}
        self._short_memo: dict[str, tuple[str, ...]] = {}
        self._told: dict[str, str] = {}
        self._tells: dict[tuple[str, str], bool] = {}
        self._films_of: dict[str, list[FilmRef]] | None = None
        self._kin: dict[tuple[str, Relation], set[str]] = {}
        self.story = story_index(catalogue)

    def told(self, film: str) -> str:
        """Everything the references tell of ``film``'s story and characters, as one text."""
        found = self._told.get(film)
        if found is None:
            synopses = " ".join(s.text for s in self.catalogue.synopses.get(film, ()))
            characters = " ".join(n for c in self.catalogue.characters_of(film) for n in c.names)
            found = f"{synopses} {characters}"
            self._told[film] = found
        return found

    def films_of_characters(self, mentions: list[Mention]) -> list[FilmRef]:
        """The films whose story holds every character the mentions name (catalogue order)."""
        if self._films_of is None:
            by_character: dict[str, list[FilmRef]] = defaultdict(list)
            for film in self.catalogue.of_kind("film"):
                for character in self.catalogue.characters_of(film.id):
                    by_character[character.id].append(FilmRef(film.id, film.name))
            self._films_of = dict(by_character)
        # (only the films every character named is of: "Snaut in the first and Snewahr in
        # the second" speaks of two films, and of neither alone)
        common: list[FilmRef] | None = None
        for m in mentions:
            if m.kind == "character" and m.entity is not None:
                films = self._films_of.get(m.entity, [])
                common = films if common is None else [f for f in common if f in films]
        return common or []

    def footage_kin(self, film: str, relation: Relation = Relation.FOOTAGE_USED_IN) -> set[str]:
        """The films the references tie to ``film`` as its original or its re-edits.

        With another ``relation`` (a sequel), the films it ties to ``film`` either way.
        """
        kin = self._kin.get((film, relation))
        if kin is None:
            kin = {str(f.value) for f in self.catalogue.facts_about(film, relation)}
            kin |= {f.subject for f in self.catalogue.facts_with_value(relation, film)}
            self._kin[(film, relation)] = kin
        return kin

    def tells(self, film: str, name: str) -> bool:
        """Whether the references' story of ``film`` names ``name``.

        Remembered: a search of every synopsis of the film, asked for each sentence again.
        """
        key = (film, name)
        found = self._tells.get(key)
        if found is None:
            if len(self._tells) > 65536:
                self._tells.clear()
            found = self._tells[key] = names_in(self.told(film), [name])
        return found

    def mentions(self, text: str) -> list[Mention]:
        """Mentions of a sentence (remembered: documents repeat sentences)."""
        found = self._mention_memo.get(text)
        if found is None:
            if len(self._mention_memo) > 8192:
                self._mention_memo.clear()
            found = self._mention_memo[text] = self.finder.find(text)
        return found

    def short_titles(self, film: str) -> tuple[str, ...]:
        """Short forms of a film's titles that may stand for it once it is named in full.

        A title's first word of five letters or more that is no English word and names
        nothing itself ("Ikarie" for Ikarie XB-1), its first two words when the second is
        no English word ("Per Aspera"), a title's initials ("BBtS", "BBTS" for Battle
        Beyond the Sun), and the main title before its subtitle when it names nothing
        itself ("Signals" for Signals: An Adventure in Space).
        """
        found = self._short_memo.get(film)
        if found is None:
            entity = self.catalogue.entity(film)
            firsts = {
                words[0]
                for name in (entity.names if entity else ())
                if len(words := name.split()) >= 2
            }
            found = self._short_memo[film] = tuple(
                sorted(
                    {
                        *(
                            first
                            for first in firsts
                            if len(first) >= 5
                            and first.isalpha()
                            and first[0].isupper()
                            and self.catalogue.resolve(first) is None
                            and not simplemma.is_known(first.lower(), lang="en")
                        ),
                        *_initialisms(entity.names if entity else ()),
                        *_two_word_shorts(entity.names if entity else ()),
                        *(
                            head
                            for head in _main_titles(entity.names if entity else ())
                            if self.catalogue.resolve(head) is None
                        ),
                    }
                )
            )
        return found

    def film_ref(self, mention: Mention) -> FilmRef:
        """The film a film or title mention names."""
        if mention.entity is not None:
            # a title's first word ("Ikarie") stands for the title (its value)
            return FilmRef(mention.entity, mention.value or mention.text)
        return FilmRef("?" + name_key(mention.text), mention.text)

    def extract(self, document: Document) -> list[Claim]:
        """Every claim of ``document``, in document order, without duplicates."""
        return _Reading(self, document).run()


class _Reading:
    """One pass over one document."""

    def __init__(self, extractor: Extractor, document: Document) -> None:
        self.x = extractor
        self.catalogue = extractor.catalogue
        self.document = document
        self.claims: dict[tuple[str, Relation, str, str | None, int], Claim] = {}
        self._sentence_mentions: list[Mention] = []
        self._sentence_text = ""  # the text of the sentence those mentions are of
        # the sentence before in the same paragraph, its text and mentions (see _film_before)
        self._before: tuple[str, list[Mention]] | None = None
        self._people_before: list[Mention] = []  # the people the sentence before named
        # the person the document's heading names alone ("Kolditz, Gottfried"), if any
        self._person_topic: Mention | None = None
        # Two films named together ("X and its sequel Y"): what "the first film" and "the
        # second film" point at, until a sentence names other films
        self._pair: tuple[FilmRef, FilmRef] | None = None
        self._ordinal_opening = False  # whether the sentence opens on "The first film is"
        # A sentence that is only a title ("Kin-dza-dza!"), and the one before this sentence
        self._title_line: FilmRef | None = None
        self._heading_before = -1  # the paragraph of the sentence before, if a heading
        self._answered: set[int] = set()  # the starts of questions read with their answers
        self._several_named = False  # the last sentence naming films named several
        self._after_several = False
        self._book_said = -1  # the paragraph whose sentence said something is a book
        self._after_book = False
        self._dated_line = False  # the sentence is only a year, under a heading
        self._titled: FilmRef | None = None
        self._paragraph = -1
        self._story: FilmRef | None = None  # the film the sentence's story points to
        self._quoted: list[Claim] = []
        # the line a reply quoted, and the film of the sentence it was said in (if known)
        self._quoted_story: tuple[str, int, int, FilmRef | None] | None = None
        self._quoted_start: int | None = None  # where the sentence a reply quoted starts
        # what the reply being read quoted, with the reply's paragraph
        self._replied: tuple[int, list[Claim]] | None = None
        self._quoted_film: FilmRef | None = None  # the film of the sentence a reply quoted
        self._read: list[tuple[Sentence, FilmRef]] = []  # each sentence read, and its film
        self.years: dict[str, str] = {}
        self.nearby: dict[int, tuple[str, ...]] = {}  # known films each paragraph names
        # A re-edit announced without names: (original, paragraph, re-edits still to name).
        self._announced: tuple[FilmRef, int, int] | None = None
        # The claims a reply may correct (years, credits, studios, countries) of the last
        # sentence that stated any, with its paragraph.
        self._last_years: tuple[int, list[Claim]] | None = None
        # the film a sentence's story tells, against the paragraph before's (see _story_of)
        self._stories_against: dict[tuple[str, str], FilmRef | None] = {}
        self._figurative_at: tuple[int, bool] = (-1, False)
        self._about: FilmRef | None = None  # the film this sentence names and states about
        self._credits = False  # the sentence is a bare credits list ("X, Mosfilm, 1984.")
        self._unknown_credits = False  # ... of a title no reference knows, leading the line
        # the mentions of a credits list inside a sentence ("Now Solaris: Tarkovsky, 1972,
        # Mosfilm, and that score ..."), read as a credits line is
        self._credit_run: tuple[int, int] | None = None
        self._evidence: Evidence | None = None  # the last sentence's, shared by its claims
        # the sentences whose "he" or "she" stands for someone the sentence before named:
        # their start, and the start of the sentence before
        self._by_pronoun: dict[int, int] = {}
        # the sentences whose "the studio" stands for the studio the document is about
        self._studio_anaphors: dict[int, str] = {}
        self._studio_page: int | None = None  # where the title line of a studio's page is

    def run(self) -> list[Claim]:
        sentences, self._answered = _answered_questions(split_sentences(self.document.text))
        mentions = [self.x.mentions(s.text) for s in sentences]
        mentions = self._short_titles(sentences, mentions)
        mentions = self._people_by_pronoun(sentences, mentions)
        mentions = self._the_studio(sentences, mentions)
        films = [
            (s, self.x.film_ref(m))
            for s, found in zip(sentences, mentions, strict=True)
            for m in found
            if self._is_film(m, s.text)
        ]
        first_paragraph = {f for s, f in films if s.paragraph == 0}
        by_paragraph: dict[int, dict[str, None]] = {}
        for s, f in films:
            if not f.key.startswith("?"):
                by_paragraph.setdefault(s.paragraph, {})[f.key] = None
        self.nearby = {p: tuple(keys) for p, keys in by_paragraph.items()}
        topic = document_topic([f for _, f in films], lambda f: f in first_paragraph)
        discourse = Discourse(topic)
        text = self.document.text
        for sentence, found in zip(sentences, mentions, strict=True):
            line_start = text.rfind("\n", 0, sentence.start) + 1
            # the line's first mark, found without copying the rest of the document
            first = _SPACES.match(text, line_start)
            quoted = first is not None and text.startswith(">", first.end())
            discourse.thread = discourse.thread or quoted or is_post_header(sentence)
            self._sentence(sentence, found, discourse, quoted)
        claims = list(self.claims.values())
        return [
            c if c.relation not in _TIMELINE else _with_year(c, self.years.get(c.subject))
            for c in claims
        ]

    def _short_titles(
        self, sentences: list[Sentence], mentions: list[list[Mention]]
    ) -> list[list[Mention]]:
        """A film the document names in full may then go by a short form of its title.

        "Ikarie XB-1 ... Ikarie only came out in 1966": a short form (see
        :meth:`Extractor.short_titles`) of a title the document has named, when no other
        named film shares it.
        """
        shorts: dict[str, set[str]] = {}
        for found in mentions:
            for mention in found:
                if mention.kind == "film" and mention.entity:
                    for short in self.x.short_titles(mention.entity):
                        shorts.setdefault(short, set()).add(mention.entity)
        usable = {
            short: self.catalogue.entities[next(iter(ids))]
            for short, ids in shorts.items()
            if len(ids) == 1
        }
        if not usable:
            return mentions
        words = tuple(sorted(usable))
        result = []
        for sentence, found in zip(sentences, mentions, strict=True):
            # only the words the sentence holds can match: a pattern of those alone is one of
            # a few, made once, where one of every document's words was made per document
            present = tuple(word for word in words if word in sentence.text)
            if not present:
                result.append(found)
                continue
            pattern = _any_of(present)
            added = []
            for m in pattern.finditer(sentence.text):
                if m[0] in _main_titles(usable[m[0]].names) and not _titled_here(
                    sentence.text, m.start(), m.end()
                ):
                    continue
                overlapping = [o for o in found if o.start < m.end() and m.start() < o.end]
                # an unknown name the short title covers ("Per Aspera") is that title
                if all(
                    o.kind in {NAME_KIND, TITLE_KIND} and m.start() <= o.start and o.end <= m.end()
                    for o in overlapping
                ):
                    found = [o for o in found if o not in overlapping]
                    film = usable[m[0]]
                    # "a follow-up, Ikarie: Návrat,": another title than the film's
                    subtitle = TITLE_FOLLOWED.match(sentence.text, m.end())
                    if subtitle is not None:
                        end = subtitle.end()
                        found = [o for o in found if not (m.start() <= o.start < end)]
                        added.append(
                            Mention(m.start(), end, sentence.text[m.start() : end], TITLE_KIND)
                        )
                        continue
                    added.append(Mention(m.start(), m.end(), m[0], "film", film.id, film.name))
            result.append(sorted([*found, *added], key=lambda m: m.start) if added else found)
        return result

    def _people_by_pronoun(
        self, sentences: list[Sentence], mentions: list[list[Mention]]
    ) -> list[list[Mention]]:
        """A "he" or "she" that opens a sentence saying what part someone plays, as a mention.

        It stands for the one person the sentence before named.
        "> Solonitsyn plays Snaut" then "He's Sartorius."; "Jüri Järvet, obviously. He is
        Snout in Solaris". The claims that rest on it quote both sentences (see
        :meth:`_add`), since the name is in the first.
        """
        self._by_pronoun.clear()
        result = list(mentions)
        for index in range(1, len(sentences)):
            sentence = sentences[index]
            opening = _PRONOUN_PLAYS.match(sentence.text)
            if opening is None:
                continue
            people = {m.entity for m in mentions[index - 1] if m.kind == "person" and m.entity}
            if len(people) != 1 or any(m.start < opening.end() for m in mentions[index]):
                continue
            person = self.catalogue.entities[next(iter(people))]
            # "He's" is "he is", never an owner: the mention takes the "'s" in
            start, end = opening.start("p"), opening.end()
            said = sentence.text[start:end]
            pronoun = Mention(start, end, said, "person", person.id, person.name)
            result[index] = [pronoun, *mentions[index]]
            self._by_pronoun[sentence.start] = sentences[index - 1].start
        for index in range(1, len(sentences)):
            # "... the one survivor is a girl called Niya. Yelena Metyolkina plays her.": the
            # one character the sentence before named
            part = _PLAYS_PRONOUN.search(sentences[index].text)
            group = "p" if part is not None and part["p"] else "q"
            if part is None or any(
                m.start < part.end(group) and part.start(group) < m.end for m in result[index]
            ):
                continue
            named = {m.entity for m in mentions[index - 1] if m.kind == "character" and m.entity}
            if len(named) != 1 or any(m.kind == "character" for m in mentions[index]):
                continue  # (one the sentence itself names may be the one meant)
            character = self.catalogue.entities[next(iter(named))]
            start, end = part.span(group)
            her = Mention(start, end, part[group], "character", character.id, character.name)
            result[index] = sorted([*result[index], her], key=lambda m: m.start)
            self._by_pronoun[sentences[index].start] = sentences[index - 1].start
        return result

    def _the_studio(
        self, sentences: list[Sentence], mentions: list[list[Mention]]
    ) -> list[list[Mention]]:
        """A mention of the studio a document is about, for each "the studio" it says.

        A page whose title line names one studio and no film ("Tallinnfilm (science
        fiction)") is about that studio: "the studio's best-known venture", "directed by
        Viktorov at the studio" speak of it. What rests on it is said with doubt (see
        :meth:`_add`).
        """
        self._studio_anaphors.clear()
        self._studio_page = None
        if not sentences or not sentences[0].line:
            return mentions
        titled = [m for m in mentions[0] if m.kind in {"studio", "film", TITLE_KIND}]
        if len(titled) != 1 or titled[0].kind != "studio" or titled[0].entity is None:
            return mentions
        if re.match(r"\s*(?:thread|subject|topic|re|title)\s*:", sentences[0].text, re.I):
            return mentions  # a thread's title: its posts speak of many things
        studio = self.catalogue.entities[titled[0].entity]
        self._studio_page = sentences[0].start  # (the title line says nothing of a film)
        result = list(mentions)
        for index in range(1, len(sentences)):
            text = sentences[index].text
            if "studio" not in text:
                continue
            added = [
                Mention(m.start(), m.end(), m[0], "studio", studio.id, studio.name)
                for m in _THE_STUDIO.finditer(text)
                if not any(o.start < m.end() and m.start() < o.end for o in mentions[index])
            ]
            if added:
                result[index] = sorted([*mentions[index], *added], key=lambda m: m.start)
                self._studio_anaphors[sentences[index].start] = studio.name
        return result

    # ------------------------------------------------------------------ per sentence

    def _is_film(self, mention: Mention, text: str) -> bool:
        if mention.kind == "film":
            return True
        if mention.kind != TITLE_KIND:
            return False
        before = text[: mention.start].lower()[-30:]
        if re.search(
            r"\b(?:credited|billed|listed|shows? up|appears?|pseudonym|alias|the name|named)"
            r"(?:\s+as)?\W*$",
            before,
        ):
            return False  # 'billed as "Edd Perry"': a name in quotes, not a title
        return not re.search(
            r"\b(?:novel|book|story|novella|tale|poem|song|adaptation of|based on|adapted from)"
            r"\W*(?:[\w.]+ ){0,3}?[\w.]*\W*$",
            before,
        )

    def _sentence(
        self,
        sentence: Sentence,
        mentions: list[Mention],
        discourse: Discourse,
        quoted_line: bool = False,
    ) -> None:
        text = sentence.text
        if is_post_header(sentence):
            return  # who posted and when: nothing about the films
        if quoted_line:
            # A quoted reply repeats what the document stated where it was first said; what
            # it quoted is kept, in case the next line corrects just its value ("1962."), and
            # the reply goes on about the film that sentence was about.
            fragment = text.lstrip("> ").strip()
            original = self._said_before(fragment)
            first = next((s for s, _ in reversed(self._read) if fragment in s.text), None)
            whole = first.text if first is not None else fragment
            self._quoted_start = first.start if first is not None else None
            if original is None:
                whole = fragment
            at = whole.find(fragment)
            self._quoted_story = (whole, at, at + len(fragment), original[1] if original else None)
            if any(m.kind == "film" for m in mentions):
                self._note_pair(mentions)  # the reply may point at them
            if original is None:
                self._quoted += self._quoted_statements(sentence, mentions, discourse)
                return
            said, film = original
            fragment = plain(text)
            self._quoted += [c for c in said if plain(str(c.value)) in fragment]
            self._quoted_film = film
            return
        quoted, self._quoted = self._quoted, []
        quoted_film, self._quoted_film = self._quoted_film, None
        story, self._quoted_story = self._quoted_story, None
        quoted_start, self._quoted_start = self._quoted_start, None
        if story is not None and self._corrects_story(sentence, mentions, story, discourse):
            return
        if quoted_start is not None and _DISPUTING.match(text):
            self._disputed(quoted_start, text)
        if quoted:
            self._replied = (sentence.paragraph, quoted)
        elif (
            self._replied is not None
            and self._replied[0] == sentence.paragraph
            and self._equated(sentence, mentions, self._replied[1])
        ):
            return
        explicit = False
        if not quoted and self._last_years is not None:
            # A reply in one of the next posts may correct what was stated last, unquoted,
            # when it says it corrects ("1970, actually.", "No, Polish-Soviet.").
            paragraph, said = self._last_years
            if 0 < sentence.paragraph - paragraph <= 2:
                # ... or answers it, when it was asked ("The book is 1976, right?" "1978.")
                asked = all(c.evidence.quote.rstrip(" ”\"')*_").endswith("?") for c in said)
                quoted, explicit = said, not asked
        if quoted and self._corrects(sentence, mentions, quoted, explicit):
            return
        heading = is_heading(sentence) and not (
            # "Czechoslovakia, 1963, Barrandov Studio" under a title: its credits, no heading
            not any(m.kind in _FILM_KINDS for m in mentions) and _bare_credits(text, mentions)
        )
        if heading and sentence.paragraph == 0:
            self._person_topic = _person_heading(text, mentions)
        # a line that is only a year, right under a title line: that film's year
        self._dated_line = (
            not heading
            and self._heading_before == sentence.paragraph
            and ONLY_A_YEAR.fullmatch(text) is not None
        )
        self._heading_before = sentence.paragraph if heading else -1
        if heading:
            mentions = self._heading_title(text, mentions)
        else:
            mentions = self._story_terms(text, mentions, discourse)
        mentions = self._authors_works(text, mentions[:MAX_MENTIONS])
        self._ordinal_opening = _ORDINAL_OPENING.match(text) is not None
        same_paragraph = sentence.paragraph == self._paragraph
        self._people_before = (
            [
                m
                for m in self._sentence_mentions
                if m.kind == "person" and not re.match(r"['’]s?\b", self._sentence_text[m.end :])
            ]
            if same_paragraph
            else []
        )  # ... not someone named only as an owner ("Viktorov's cameraman")
        self._titled = self._title_line if same_paragraph else None
        self._paragraph = sentence.paragraph
        # the sentence before, for a pronoun's part (see _film_before)
        self._before = (self._sentence_text, self._sentence_mentions) if same_paragraph else None
        self._sentence_mentions = mentions
        self._sentence_text = text
        self._credits = _bare_credits(text, mentions)
        self._credit_run = None if self._credits else _credits_run(text, mentions)
        groups = self._groups(text, [m for m in mentions if self._is_film(m, text)])
        if heading and _PART_HEADING.match(text) and not _A_YEAR.search(text):
            # 'Part Two: "Angels of Space"': the name of a part of the film spoken of, not
            # another film that what follows is about (a programme's "Part Two: X (1959)"
            # is another film, known or not)
            groups = [g for g in groups if not g.film.key.startswith("?")]
        lead = _CREDITS_LEAD.match(text) if not groups else None
        # "Preceded by: Planet of the Bells (Planeta kolokolov) · USSR 1983 · Dir. X": the
        # credits of a title no reference knows, not of the film spoken of
        self._unknown_credits = lead is not None and not any(
            lead.start("t") <= m.start < lead.end("t") for m in mentions
        )
        # "it" in a sentence naming no film, after one naming several: which one is unsure
        self._after_several = not groups and self._several_named
        # ... or after a sentence of its paragraph saying what is a book ("X is a novel by Y")
        self._after_book = not groups and self._book_said == sentence.paragraph
        if _IS_A_BOOK.search(text):
            self._book_said = sentence.paragraph
        known = {g.film.key for g in groups if not g.film.key.startswith("?")}
        if known:
            self._several_named = len(known) >= 2
        if groups:
            self._note_pair(mentions)
        # a line that is only a title, perhaps after its number or time ("6.15 pm - X")
        only = (
            len(groups) == 1
            # ... perhaps with its year ("Voyage to the Prehistoric Planet (1965).")
            and not re.search(r"\w", _BRACKETED_YEAR.sub("", text[groups[0].end :], count=1))
            and (not re.search(r"\w", text[: groups[0].start]) or self._opens_with(text, groups[0]))
        )
        self._title_line = groups[0].film if only else None
        opening = groups[0].film if groups and self._opens_with(text, groups[0]) else None
        new_paragraph = sentence.paragraph != discourse.paragraph
        discourse.enter(sentence, opening, heading)
        if heading and not groups and _DATED.fullmatch(text.strip()):
            discourse.leave_section()  # "30 October": the next evening of a programme
        if quoted_film is not None and not groups and not heading:
            discourse.last_named = quoted_film  # what "it" or "the novel" is, in the reply
            discourse.quoted_it = True
        if quoted_film is not None:
            discourse.replied = quoted_film
        if not groups and not heading and (new_paragraph or _ORDINAL_OPENING.match(text)):
            # a paragraph that opens on "The original ...", or any sentence on "The first
            # film ...": what follows is about that film
            opened = self._opening_phrase(text, discourse)
            if opened is not None:
                discourse.paragraph_film = discourse.last_named = opened
        if not groups and not heading:
            discourse.story = self._story_film(text, mentions, discourse)
            discourse.paragraph_story = discourse.story or discourse.paragraph_story
        self._story = discourse.story
        if heading and opening is not None:
            # "DOUBLE BILL: X + Y": a section on several films
            discourse.section_films = [g.film for g in groups if not g.film.key.startswith("?")]
        used: set[tuple[int, str]] = set()
        before = len(self.claims)
        for group in groups:
            self._aliases(group, sentence)
            used.update((m.start, m.text) for m in group.members)
        if groups and any(w in text for w in (" as ", " called ", " titled ", " named ")):
            self._released_as(sentence, groups, discourse)
        so_was = _SO_WAS.search(text) if groups and " so " in text else None
        if not heading:
            self._section_titles(sentence, groups, discourse)
        if not heading and (_NOT_B.search(text) or (" but " in text and _NOT_X_BUT.search(text))):
            self._not_corrections(sentence, mentions)  # before the sentence's own reading
        clauses = _clauses(text)
        # (a cast list's line without a full stop is no heading: "Actor – Part")
        listed_part = heading and not groups and _is_dashed_part(text, mentions)
        for mention in mentions if groups or not heading or listed_part else ():
            if (mention.start, mention.text) in used or self._is_film(mention, text):
                continue
            self._value(sentence, mention, mentions, groups, clauses, discourse, used)
        self._his_films(sentence, mentions, groups)
        self._makers_sequel(sentence, mentions, groups)
        if groups and ", who " in text:
            self._makers_earlier_films(sentence, mentions, groups)
        lowered = text.lower()
        if "animat" in lowered or "cartoon" in lowered:
            self._flags(sentence, groups, clauses, discourse)
        if groups and _PAIR_WORDS.search(lowered):
            self._film_pairs(sentence, groups, clauses, discourse)
        if groups:
            self._aside_parts(sentence, mentions, groups)
            self._parts_in_two_films(sentence, mentions, groups)
            self._parts_said_after(sentence, mentions, groups)
        if groups and _TITLE_WORDS.search(text):
            self._other_titles(sentence, groups, clauses, discourse)
        if groups and _SCREENED_AS.search(text):
            self._book_filmed(sentence, mentions, groups, clauses)
        self._history(sentence, groups, discourse)
        if "ian " in text or "unar " in text:
            self._place_words(sentence, groups, discourse)
        if groups and "same" in text:
            self._same_as(sentence, mentions, groups)
        if "same " in lowered:
            self._same_credit(sentence, groups, discourse)
        if groups and " year" in text:
            self._years_apart(sentence, groups, discourse)
        if groups and search_lowered(_FOOTAGE_VERB, _FOOTAGE_VERB_LOWER, text):
            self._footage_for(sentence, groups, discourse)
        if groups and _SOURCE_OF_FOOTAGE.search(text):
            self._footage_source(sentence, groups, discourse)
        if " of " in text and _RE_EDIT_OF_MAKER.search(text):
            self._re_edit_of_makers(sentence, discourse)
        if "bought" in text or "acquired" in text or "picked up" in text:
            self._buyers(sentence, groups, discourse)
        if not heading and _RENAMED.search(text):
            self._renamed_actors(sentence, mentions, groups, discourse)
        if not heading:
            self._announced_re_edits(sentence, groups, discourse)
            self._plot(sentence, mentions, groups, discourse, used, before)
        if so_was is not None:
            self._so_was(sentence, groups, so_was.end(), before)
        if _LIKE_OPENING.match(text):
            self._like_opening(sentence, groups, discourse, before)
        elif len(groups) >= 2 and _LIKE_ASIDE.search(text):
            self._like_aside(sentence, groups, before)
        # A film a reply names in passing after its quote leaves "it" the quoted film's: "I
        # watched it after The Silent Star", "Unlike The Silent Star it's slow"
        passing = (
            bool(groups) and discourse.quoted_it and _IN_PASSING.search(text, 0, groups[0].start)
        )
        if passing:
            discourse.quoted_it = False
        for group in groups:
            discourse.saw(group.film)
        if passing:
            discourse.quoted_it = True
        spoken = self._about or (groups[0].film if groups else discourse.current())
        if spoken is not None and not heading:
            self._read.append((sentence, spoken))
        if self._about is not None:
            discourse.about, self._about = self._about, None
        if len(self.claims) - before > 1:
            self._source_of_adapted(sentence, self._made_since(before))
        stated = [c for c in self._made_since(before) if c.relation in _CORRECTABLE]
        if stated:
            self._last_years = (sentence.paragraph, stated)

    def _note_pair(self, mentions: list[Mention]) -> None:
        """Keep the two films a sentence names, if it names exactly two known ones."""
        films = list(
            dict.fromkeys(
                self.x.film_ref(m) for m in mentions if m.kind == "film" and m.entity is not None
            )
        )
        films = [f for i, f in enumerate(films) if all(f.key != g.key for g in films[:i])]
        self._pair = (films[0], films[1]) if len(films) == 2 else None

    def _ordinal(self, phrase: str) -> FilmRef | None:
        """'The first film' or 'the second film' of the pair named last, if any."""
        if self._pair is None:
            return None
        return self._pair[0 if phrase.startswith("the first") else 1]

    def _opening_phrase(self, text: str, discourse: Discourse) -> FilmRef | None:
        """A paragraph that opens on "The original first." or "As for the sequel, ...".

        A phrase naming a film related to the one being discussed, at the head of a
        paragraph, makes that film what the paragraph is about.
        """
        found = _OPENING_PHRASE.match(text.lower())
        subject = self._anaphora(found["np"], discourse) if found else None
        return subject.film if subject is not None and subject.confidence >= RESOLVED else None

    def _credited(self, mention: Mention) -> bool:
        """Whether ``mention`` is an item of a credits list (the sentence, or a run in it)."""
        run = self._credit_run
        return self._credits or (run is not None and run[0] <= mention.start < run[1])

    def _not_corrections(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """'Tallinnfilm, not Lenfilm.', 'Leonov is Uef, not Bi.': a correction in a thread.

        The value before "not" takes the place of the one after it wherever the document
        stated that one before: the same film and relation (or the same actor's part). A
        studio, country or year the document only mentioned is corrected, with doubt, for
        the film of the sentence that mentioned it.
        """
        text = sentence.text
        self._story_not_corrections(sentence, mentions)
        for at, (new, new_kind), (old, old_kind) in _corrections(text, mentions):
            found_start = at
            said = f"corrects '{old}', said before"
            earlier = [c for c in self.claims.values() if c.evidence.start < sentence.start]
            # "So Solonitsyn is Sartorius, not Snaut": the part is someone else's than the
            # actor said before to have Snaut
            actors = {m.entity for m in mentions if m.kind == "person" and m.end <= found_start}
            fixed = False
            # ("the Dovzhenko studio in Kiev, not Odessa": a city corrects no studio)
            placed = re.search(r"\b(?:in|near)\s+$", text[: found_start - len(new)])
            for claim in reversed(earlier):
                sure = min(RESOLVED, claim.confidence)  # as sure as what it corrects
                if placed and claim.relation is Relation.STUDIO:
                    continue
                if claim.role and actors and claim.value_entity not in actors:
                    continue
                if claim.role and _same_name(claim.role, old):
                    self._add(sentence, claim.subject, claim.relation, claim.value, sure, said, new)
                    fixed = True
                elif _same_name(str(claim.value), old) and claim.relation is not Relation.PLOT:
                    self._add(sentence, claim.subject, claim.relation, new, sure, said)
                    fixed = True
                if fixed:
                    break
            same_kind = new_kind == old_kind or old_kind is None
            relation = _KIND_RELATION.get(new_kind or "") if same_kind else None
            if fixed or relation is None:
                continue
            film = next((f for s, f in reversed(self._read) if old in s.text), None)
            if film is not None and not film.key.startswith("?"):
                how = f"attribution uncertain: corrects '{old}', named in a sentence on {film.name}"
                self._add(sentence, film.name, relation, new, DOUBTFUL, how)

    def _story_not_corrections(self, sentence: Sentence, mentions: list[Mention]) -> None:
        """'It's 27 years, not 40.': a number or place of the story, corrected.

        The last sentence read that gave the old value is told again with the new one, and
        a synopsis of that sentence's film must tell it so.
        """
        text = sentence.text
        for found in _NOT_B.finditer(text):
            old = next((m for m in mentions if m.start == found.end()), None)
            if old is None or old.kind not in {NUMBER_KIND, "place"}:
                continue
            new = next(
                (
                    m
                    for m in reversed(mentions)
                    if m.end <= found.start()
                    and m.kind == old.kind
                    and re.fullmatch(r"(?:\s+[a-z]+)?", text[m.end : found.start()])
                ),
                None,
            )
            if new is None or _same_value(new, old):
                continue
            for said, film in reversed(self._read):
                if said.start >= sentence.start or film.key.startswith("?"):
                    continue
                given = [
                    m
                    for m in self.x.mentions(said.text)
                    if m.kind == old.kind and _same_value(m, old)
                ]
                if len(given) != 1:
                    continue
                at = given[0]
                told = new.text.lower() if new.kind == NUMBER_KIND else new.text
                told_as = f"{said.text[: at.start]}{told}{said.text[at.end :]}"
                how = f"corrects '{old.text}', said before"
                value = self._value_text(new)
                self._add(sentence, film.name, Relation.PLOT, value, RESOLVED, how, told_as=told_as)
                break

    def _said_before(self, fragment: str) -> tuple[list[Claim], FilmRef] | None:
        """The claims and film of the last sentence read that contains ``fragment``."""
        if len(fragment) < 8:
            return None
        for sentence, film in reversed(self._read):
            if fragment in sentence.text:
                said = [c for c in self.claims.values() if c.evidence.start == sentence.start]
                return said, film
        return None

    def _quoted_statements(
        self, sentence: Sentence, mentions: list[Mention], discourse: Discourse
    ) -> list[Claim]:
        """What a quoted line states, read as usual but not kept as claims of the document."""
        kept, years, last = dict(self.claims), dict(self.years), self._last_years
        state = dataclasses.replace(discourse, named=list(discourse.named))
        quoted = Sentence(sentence.start, sentence.end, sentence.text.lstrip("> "), -1)
        self._sentence(quoted, self.x.mentions(quoted.text), state)
        said = [c for key, c in self.claims.items() if key not in kept]
        self.claims, self.years, self._last_years = kept, years, last
        return said

    def _corrects(
        self,
        sentence: Sentence,
        mentions: list[Mention],
        quoted: list[Claim],
        explicit: bool = False,
    ) -> bool:
        """A reply that opens with a bare value corrects the quoted statement of that kind.

        "> BBtS came out in 1963" answered by "1962. Corman had it out quickly." states
        that BBtS came out in 1962. With ``explicit``, the reply must say it corrects
        ("1962, actually.", "No, 1962.").
        """
        first = mentions[0] if mentions else None
        if first is None or first.kind not in _CORRECTED:
            return False
        # "Polish-Soviet", "Mosfilm and Gorky": values of one kind joined together
        values = [first]
        for mention in mentions[1:]:
            if mention.kind != first.kind or not _JOINED_VALUES.fullmatch(
                sentence.text[values[-1].end : mention.start]
            ):
                break
            values.append(mention)
        rest = sentence.text[values[-1].end :].split(".")[0] + "."
        lead = sentence.text[: first.start]
        if lead and not re.fullmatch(
            r"(?i)\W*(?:(?:no|nope|wrong|incorrect|actually|not quite|(?:i['’]m\s+)?pretty sure"
            r"|i think|i believe|surely)(?:\s+again)?"
            # (perhaps calling the one answered: "Wrong again, grandpa: it's X")
            r"(?:,\s*(?!(?:not|never|it|that|this|the|i|maybe|perhaps)\b|[\w-]*ly\b)[\w.-]+)?\W*)?"
            r"(?:(?:that|it)(?:['’]s| is| was)\s+)?",
            lead,
        ):
            return False  # "No, that's Jindřich Polák.", "1962, actually."
        if _HEARD_SAY.search(sentence.text):
            return False  # "No, supposedly it was X": what others say, not a correction
        marked = _MARKED_AS_CORRECTION.match(rest)
        if first.kind not in {YEAR_KIND, "studio", "country"} and not (lead or marked):
            return False  # a bare name may open any sentence ("Arvo Pärt, actually!" corrects)
        markers = _CORRECTION_MARKERS.match(rest)
        if markers is None:
            return False
        described = markers.end() < len(rest)
        if described and not (
            # what follows the markers may only describe the person or the studio: "Arvo Pärt,
            # actually, one of his very few film scores" (a year's or a country's words are
            # another thing's: "1961, actually, the year the novel came out")
            markers.end() > 0
            and (first.kind in _PERSON_KINDS or first.kind == "studio")
            and _DESCRIBING_THE_VALUE.match(rest, markers.end())
            and not any(
                m.start >= values[-1].end and m.kind != NUMBER_KIND for m in mentions[len(values) :]
            )
        ):
            return False
        if explicit and not (lead or re.search(r"(?i)\b(?:actually|surely|no|not quite)\b", rest)):
            return False
        kinds = _CORRECTED[first.kind]
        fixed = [c for c in quoted if c.relation in kinds and not c.role]
        if first.kind in _PERSON_KINDS and (described or not lead):
            # a name that only its place says corrects ("Arvo Pärt, actually!") corrects only
            # what the references know the person for: a composer no director
            fixed = [
                c
                for c in fixed
                if first.entity is not None
                and self.catalogue.facts_with_value(c.relation, first.entity)
            ]
        if (
            len({c.subject for c in fixed}) != 1
            or (first.kind != YEAR_KIND and len({c.relation for c in fixed}) != 1)
            # (a statement of two films, the second with its verb left out: "X came out in
            # 1972 and Y in 1985" answered by "Wrong, 1986")
            or any(self._gapped(c) for c in fixed)
        ):
            return False  # which of the quoted people it corrects is not said
        for claim in fixed:
            for value in values:
                self._correct(sentence, claim, value)
        # the reply is the value and words that say it corrects: nothing else to read
        return bool(fixed)

    def _gapped(self, claim: Claim) -> bool:
        """Whether the claim's sentence goes on to another film with the verb left out.

        "Solaris came out in 1972 and Kin-dza-dza! in 1985": a reply's bare value may
        correct either.
        """
        quote = claim.evidence.quote
        return any(
            m.kind == "film"
            and _GAPPED_AFTER.match(quote, m.end)
            and re.search(r"\band\s+(?:the\s+)?[*_“\"]*$", quote[: m.start])
            for m in self.x.mentions(quote)
        )

    def _correct(self, sentence: Sentence, claim: Claim, value: Mention) -> None:
        """A quoted claim's value corrected by ``value``, as sure as the claim was."""
        how = f"corrects the quoted line: {claim.evidence.quote[:60]}"
        sure = min(RESOLVED, claim.confidence)
        value_text = _value_of(value)
        self._add(
            sentence,
            claim.subject,
            claim.relation,
            value_text,
            sure,
            how,
            value_entity=value.entity,
        )

    def _equated(self, sentence: Sentence, mentions: list[Mention], quoted: list[Claim]) -> bool:
        """'Ikarie is Jindřich Polák.' later in a reply: the film's quoted value, corrected.

        A reply that quoted "directed by Karel Zeman" and then says the film *is* another
        person (studio, country or year) corrects the quoted statement of that kind about
        that film. The sentence says nothing else.
        """
        found = _EQUATED.fullmatch(sentence.text.strip())
        if found is None or len(mentions) != 2:
            return False
        film, value = mentions
        if film.start != found.start("film") or value.start != found.start("value"):
            return False
        if not self._is_film(film, sentence.text) or value.kind not in _CORRECTED:
            return False
        key = self.x.film_ref(film).key
        kinds = _CORRECTED[value.kind]
        fixed = [
            c
            for c in quoted
            if c.relation in kinds and not c.role and self._film_key(c.subject) == key
        ]
        if len({(c.subject, c.relation) for c in fixed}) != 1:
            return False  # which statement it corrects is not said
        self._correct(sentence, fixed[0], value)
        return True

    def _disputed(self, start: int, reply: str) -> None:
        """The story claims of the sentence at ``start``, which a reply says are wrong.

        "> the ship that looks for the Ikaros is the Kolibri" answered by "No, the ship is
        the Laika.": the thread disputes what that sentence tells.
        """
        for key, claim in list(self.claims.items()):
            if claim.evidence.start == start and claim.relation is Relation.PLOT:
                self.claims[key] = replace(claim, disputed_by=reply)

    def _corrects_story(
        self,
        sentence: Sentence,
        mentions: list[Mention],
        story: tuple[str, int, int, FilmRef | None],
        discourse: Discourse,
    ) -> bool:
        """'Five, not seven.', 'Saturn, surely.': a reply that corrects a quoted story line.

        A reply opening on a bare number or place (perhaps "X, not Y", hedged) corrects the
        quoted line's only number or place of that kind (or the one it names after "not").
        Its plot claim is checked as that line told with the correction in it.
        """
        text = sentence.text.strip()
        found = _STORY_CORRECTION.fullmatch(text)
        if found is None:
            return False
        new = mentions[0] if mentions else None
        if new is None or new.start != found.start("new"):
            # "Saturn, surely.": a name the references do not know as a place
            word = found["new"]
            if not word[:1].isupper() or not word.isalpha():
                return False
            new = Mention(found.start("new"), found.end("new"), word, "place")
        if new.kind not in {NUMBER_KIND, "place"} or new.end != found.end("new"):
            return False
        line, quoted_at, quoted_end, film = story
        film = film or discourse.current()
        if film is None or film.key.startswith("?"):
            return False
        known = self.x.mentions(line)
        said = [
            m for m in known if m.kind == new.kind and quoted_at <= m.start and m.end <= quoted_end
        ]
        if new.kind == "place" and new.entity is None:
            # a name the references do not know replaces one they do not know either
            said += [
                Mention(start, end, run, "place")
                for start, end, run in capitalised_runs(line)
                if " " not in run
                and quoted_at <= start
                and end <= quoted_end
                and not any(m.start < end and start < m.end for m in known)
                and line[:start].rstrip()[-1:] not in {"", ".", "!", "?", ":"}
            ]
        if found["old"]:
            said = [m for m in said if name_key(m.text) == name_key(found["old"])]
        if len(said) != 1 or _same_value(said[0], new):
            return False
        old = said[0]
        told = new.text.lower() if new.kind == NUMBER_KIND else new.text  # "a crew of five"
        told_as = f"{line[: old.start]}{told}{line[old.end :]}"
        how = f"corrects the quoted line: {line[:60]}"
        self._add(
            sentence,
            film.name,
            Relation.PLOT,
            self._value_text(new),
            RESOLVED,
            how,
            told_as=told_as,
        )
        return True

    def _film_key(self, name: str) -> str:
        """The key a film's name has as a :class:`FilmRef`."""
        entity = self.catalogue.resolve(name, ("film",))
        return entity.id if entity is not None else "?" + name_key(name)

    def _story_film(
        self,
        text: str,
        mentions: list[Mention],
        discourse: Discourse,
        against: FilmRef | None = None,
    ) -> FilmRef | None:
        """The film whose story a sentence naming no film tells, if not the one it defaults to.

        A reply in a thread, or a paragraph of a review that moves between an original and
        its re-edit, often goes on about a film without naming it: "Alisa, her father and
        Captain Zelyony fly around the galaxy on the Pegasus". Its characters, ships and
        places are what the references tie to one of the films the document has
        named: the one whose synopses and characters know more of them than the film the
        sentence would otherwise be about, and more than any other, is the sentence's film.
        ``against`` is that film when not the one "it" would be (the paragraph before's).
        """
        default = against or discourse.current()
        # The films the document named, then those whose characters the sentence names,
        # when the document has named none of them: "the stowaway Fedya Lobanov" in a post
        # on "the Cassiopeia pair" (a named film's character is its own: see _owner).
        named = (*reversed(discourse.named), discourse.section, discourse.topic)
        keys = {f.key for f in named if f is not None}
        owners = self._owners_unnamed(text, mentions, keys)
        candidates = (*named, *owners)
        films = [
            f for f in dict.fromkeys(candidates) if f is not None and not f.key.startswith("?")
        ]
        if len(films) < 2 and (default is None or not films or films[0] == default):
            return None  # no other film to tell: asked first, as it is the cheapest test
        if search_lowered(_WHICH_VERSION, _WHICH_VERSION_LOWER, text):
            return None  # "the original", "the US cut": the sentence says which film itself
        # Names of the story only: a person or studio would pick the film whose credits
        # hold them, and so verify whatever the sentence says of them.
        credited = {
            w for m in mentions if m.kind not in {"character", "place"} for w in m.text.split()
        }
        shorts = studio_short_names(self.catalogue)  # "Gorky": a credit, as its mention is
        things = {
            *(
                n
                for n in named_things(text, numbers=False)
                if n not in credited and n not in shorts
            ),
            *(m.text for m in mentions if m.kind == "character"),
        }
        if not things:
            return None
        told = {f.key: sum(self.x.tells(f.key, t) for t in things) for f in films}
        # the film "it" would be, and the film of the paragraph or document: the story
        # decides between them too
        base = min(
            (told.get(f.key, 0) for f in (default, discourse.default()) if f is not None),
            default=0,
        )
        best = max(films, key=lambda f: told[f.key])
        tied = [f for f in films if told[f.key] == told[best.key]]
        if len(tied) > 1:
            if default not in tied:
                return None
            best = default  # an original and its re-edit tell one story: the one discussed
        if told[best.key] <= base:
            return None
        if default is not None and any(
            self._credited_as(default.key, m.entity, _DID_RELATIONS)
            and not self._credited_as(best.key, m.entity, _DID_RELATIONS)
            for m in mentions
            if m.kind == "person"
            and m.entity is not None
            and not _NEGATED_AFTER.match(text, m.end)
            and not re.search(r"\bunlike\s+$", text[: m.start], re.IGNORECASE)
        ):
            # "Karyukov and Kozyr's film opened the day Luna 2 left for the Moon": someone who
            # made the film spoken of and not the other says which it is (not "Klushantsev
            # never filmed any of it")
            return None
        own = discourse.section
        if (
            own is not None
            and discourse.paragraph_film is None
            # (not where the sentence points at the first film itself: "in the first film")
            and not _FIRST_OF_TWO.search(text)
            and best.key in self.x.footage_kin(own.key, Relation.SEQUEL)
            and any(self.x.tells(own.key, t) for t in things)
        ):
            # a film and its sequel tell of the same people: in a section about the sequel
            # (under its heading), "Yershov as Victor Sereda" is the sequel's, however fully
            # the first film's synopses name him (but "Agapit", whom only the sequel's story
            # tells, is the sequel's on a page about the first film)
            return None
        return best

    def _plays_another(self, person: str, character: str) -> bool:
        """Whether the references give ``person`` another part in a film ``character`` is in.

        ("Otar Koberidze gives Tanya a quiet dignity": Koberidze is Ivan Batalov there, so
        what he gives Tanya is a deed of the story, not the way he plays her.)
        """
        return any(
            fact.role != character
            and any(c.id == character for c in self.catalogue.characters_of(fact.subject))
            for fact in self.catalogue.facts_with_value(Relation.CAST, person)
        )

    def _owners_unnamed(self, text: str, mentions: list[Mention], named: set[str]) -> list[FilmRef]:
        """The films, none of them named, whose story holds the characters a sentence names.

        Only in a sentence that tells, not one that compares, wishes or points at the film
        spoken of ("plays Tom Nowak here", "no Queen Aelita", "would have solved it"); only
        for names that stand for the characters, not for someone else of that name ("Masha
        and I", "Alyosha, my son", "Terry Gilliam"); and not when a named film's story tells
        them too, or is the owner's original or re-edit (whose story tells the same people).
        """
        people = [m for m in mentions if m.kind == "character" and m.entity is not None]
        if not people or any(not _stands_for_character(text, m) for m in people):
            return []
        if (
            any(m.kind in {"studio", "country", YEAR_KIND} for m in mentions)
            or _FIRST_PERSON.search(text)
            or _POINTS_AT_FILM.search(text)
            or _WOULD.search(text)
            or _COMPARED.search(text)
        ):
            # ("My little brother Alyosha swears the film was shot at Lennauchfilm", "My
            # brother Alyosha says it was shot at Mosfilm": someone's anecdote, and a credit
            # of the film spoken of, not a story of another film)
            return []
        owners = self.x.films_of_characters(mentions)
        if any(f.key in named or named & self.x.footage_kin(f.key) for f in owners):
            return []
        if any(all(self.x.tells(film, m.text) for m in people) for film in named):
            return []  # "the stowaway Fedya Lobanov" in a thread on the sequel
        return owners

    def _story_of(self, text: str, discourse: Discourse, against: FilmRef) -> FilmRef | None:
        """:meth:`_story_film` against ``against``, once a sentence for all its values."""
        key = (text, against.key)
        if key not in self._stories_against:
            self._stories_against[key] = self._story_film(
                text, self._sentence_mentions, discourse, against
            )
        return self._stories_against[key]

    def _story_terms(
        self, text: str, mentions: list[Mention], discourse: Discourse
    ) -> list[Mention]:
        """A quoted name the synopses of the film under discussion use is part of its story.

        "the number of their planet in the "Tentura"", "the message "Anta Odeli Uta"": in
        quotes like a title, but the cited synopses of the film being discussed tell it as
        a thing of the story, so it is a plot key and never a film of its own.
        """
        if not any(m.kind == TITLE_KIND and m.quoted for m in mentions):
            return mentions
        films = {
            f.key
            for f in (discourse.current(), discourse.section, discourse.topic)
            if f is not None and not f.key.startswith("?")
        }
        told = [self.x.told(key) for key in films]
        return [
            dataclasses.replace(m, kind=STORY_KIND)
            if m.kind == TITLE_KIND
            and m.quoted
            and text[m.start - 1 : m.start] in _QUOTE_MARKS  # italics are kept for titles
            and not _TITLE_BEFORE.search(text[: max(0, m.start - 1)])
            and any(names_in(t, [m.text]) for t in told)
            else m
            for m in mentions
        ]

    def _authors_works(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A title right after its author's name is the book ("the Strugatskys' novel").

        A film and the novel it adapts often share a name; a possessive of a person the
        references give as that novel's author means the novel.
        """
        result = list(mentions)
        for index, mention in enumerate(mentions):
            if mention.kind != "film" or index == 0:
                continue
            author = mentions[index - 1]
            if author.kind != "person" or not re.fullmatch(
                r"['’]s?\s+", text[author.end : mention.start]
            ):
                continue
            novel = self.catalogue.resolve(mention.text, ("novel",))
            if novel is None or _FILMED_AFTER.match(text, mention.end):
                # ("Lem's Solaris followed in 1972, filmed by Tarkovsky": the film of it)
                continue
            writers = {
                str(f.value) for f in self.catalogue.facts_about(novel.id, Relation.WRITTEN_BY)
            }
            if author.entity in writers:
                result[index] = Mention(mention.start, mention.end, novel.name, "novel", novel.id)
        return result

    def _heading_title(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """A heading names its film first: the words before "(Year)" are a title.

        A label before a colon ("CLOSING NIGHT: THE LAST ORBIT") is not part of the title.
        """
        # ("Venus, Twice Removed: Voyage to the Prehistoric Planet (1965)": a headline first)
        label = re.match(r"^[A-Z][A-Za-z0-9 ,&+'’-]{1,40}:\s+(?=\S)", text)
        if label is not None and any(
            m.kind in _FILM_KINDS and m.start < label.end() < m.end for m in mentions
        ):
            label = None  # "Signals: An Adventure in Space (1970)": a known title's own colon
        if label is None:
            label = re.match(rf"(?:{_DATED.pattern})(?=[A-Z])", text)  # "Thursday 3 October - X"
        if label is None:
            label = _DAY_AND_TIME.match(text)  # "Sunday, 15:00 - X", "Friday 6.15 pm - X"
        if label is None:
            label = _TIME_LEAD.match(text)  # "13:00 - X": a time, not a title "13"
        lead = _DASHED_LABEL.match(text) if label is None else None
        if lead is not None and _PROGRAMME_WORDS & set(plain(lead["label"]).split()):
            label = lead  # "SEASON CLOSER - THE SILENT STAR": a programme's label, then its film
        offset = label.end() if label else 0
        found = _HEADING_TITLE.match(text[offset:])
        if found is None or not found["t"].strip():
            return mentions
        marked = (
            re.match(r"^(?:#+\s*|\d{1,3}[.)]\s+|\*\*|(?:1[89]|20)\d\d\s*[–—:-]\s+)", text)
            is not None
        )
        dated = re.search(r"\((?:[^()]*?[,;]\s*)?(?:1[89]\d\d|20\d\d)\)\W*$", text) is not None
        shouted = found["t"].isupper() and ":" not in text[offset + found.start("t") :]
        if not (marked or dated or shouted) or text.lstrip().startswith(">"):
            return mentions
        if (
            not dated
            and _PROGRAMME_WORDS & set(plain(found["t"]).split())
            and not any(m.kind == "film" for m in mentions)  # "SEASON CLOSER - THE SILENT STAR"
        ):
            # "SPACE CINEMA FROM THE EASTERN BLOC", "A TALLINNFILM DOUBLE BILL", "ACCEPTED
            # ANSWER (41)": a programme's or a page's part, not a film
            return mentions
        if not dated and "," in found["t"] and not any(m.kind == "film" for m in mentions):
            # "Venus, Twice Removed", "Cold War, Hot Monsters": a review's headline, no film
            return mentions
        if (not dated and plain(found["t"]) in _SECTION_NAMES) or _names_a_part(found["t"]):
            # "## Production", "Film adaptation (1962)", "American versions": a part of the
            # page, not a film
            return mentions
        if not dated and (_WHEN.search(text) or _YEAR_SPAN.search(found["t"])):
            # "KINOKLUB ORBITA - Thursday 19 November": an evening, not a film; "#7 marsianka |
            # 13 Jan 2021, 09:12": a post's header; "SOVIET SPACE CINEMA 1924-1984": a period
            return mentions
        start, end = offset + found.start("t"), offset + found.end("t")
        if any(m.kind == "film" and m.start == start for m in mentions):
            return mentions
        title = Mention(start, end, found["t"], TITLE_KIND, None, None, True)
        kept = [m for m in mentions if m.end <= start or m.start >= end]
        return sorted([*kept, title], key=lambda m: m.start)

    def _opens_with(self, text: str, group: _Group) -> bool:
        return _OPENS_BEFORE.fullmatch(text, 0, group.start) is not None

    def _groups(self, text: str, films: list[Mention]) -> list[_Group]:
        groups: list[list[Mention]] = []
        for mention in films:
            if groups and _alias_gap(text[groups[-1][-1].end : mention.start]):
                groups[-1].append(mention)
                continue
            groups.append([mention])
        found = []
        for members in groups:
            known = next((m for m in members if m.entity is not None), members[0])
            film = self.x.film_ref(known)
            other = _OTHER_VERSION_OF.search(text, max(0, members[0].start - 60), members[0].start)
            if other is not None:
                # "the 1968 television version of Solaris": another work than the film
                name = f"{film.name} ({other['kind'].lower()} version)"
                film = FilmRef(f"?{name_key(name)}", name)
            found.append(_Group(tuple(members), film))
        return found

    def _section_titles(
        self, sentence: Sentence, groups: list[_Group], discourse: Discourse
    ) -> None:
        """Another title of the section's film, used in its text, is one of its titles."""
        film = discourse.section
        if film is None or film.key.startswith("?"):
            return
        for group in groups:
            head = group.members[0]
            if head.value is not None:
                continue  # a short form standing for the title ("Ikarie", "Signals"), no title
            if group.film.key == film.key and head.text.casefold() != film.name.casefold():
                how = f"another title of {film.name}, the film of its section"
                self._add(sentence, film.name, Relation.ALSO_KNOWN_AS, head.text, RESOLVED, how)

    def _like_opening(
        self, sentence: Sentence, groups: list[_Group], discourse: Discourse, before: int
    ) -> None:
        """'Like X, it was made at Y', 'Unlike X, it ...': what is said is the subject's.

        The film the opening likens to or sets against (a title, or "its predecessor", "the
        first film") is not the subject, though nearest the values; the subject is the film
        after the comma ("it", "the film", a title), and what the sentence states after the
        comma moves to it until X is named again. A likeness also says of X, in doubt, the
        studio, maker or country its first clause states.
        """
        text = sentence.text
        opening = _LIKE_OPENING.match(text)
        if opening is None:
            return
        group = next((g for g in groups if g.start >= opening.end()), None)
        closed_at = None
        if group is not None and re.fullmatch(
            r"[\s*_“\"]*(?:the\s+)?", text[opening.end() : group.start]
        ):
            compared = _Subject(group.film, NAMED, "named in the sentence")
            closed_at = group.end
        elif (kin := _LIKE_KIN.match(text, opening.end())) is not None:
            found = self._anaphora(kin[0], discourse)  # "Like its predecessor, ..."
            if found is None:
                return
            compared, closed_at = found, kin.end()
        if closed_at is None or (comma := _LIKE_CLOSED.match(text, closed_at)) is None:
            return
        main_group = next((g for g in groups if g.start >= comma.end()), None)
        if main_group is not None and re.fullmatch(
            r"[\s*_“\"]*", text[comma.end() : main_group.start]
        ):
            subject: _Subject | None = _Subject(main_group.film, NAMED, "named in the sentence")
        else:
            said = _LIKE_SUBJECT.match(text, comma.end())
            if said is None:
                return
            subject = self._anaphora(said[0], discourse)
            if subject is None or subject.film.key == compared.film.key:
                # ("It follows X. Like X, it ...": not X, the film the page is about)
                base = discourse.default()
                how = f"attribution uncertain: '{said[0]}' read as the film discussed"
                subject = _Subject(base, DOUBTFUL, how) if base is not None else None
        if subject is None or subject.film.key == compared.film.key:
            return
        unlike = opening[0].rstrip().lower().endswith("unlike")
        # The likeness holds for the first clause after the comma only ("Like X, it is long,
        # but it was made at Y" says nothing of X's studio); past a later mention of X by
        # name, what is said is X's again ("Unlike X, it is cheerful; X was made at Y").
        brk = _CLAUSE_BREAK.search(text, comma.end())
        first_clause = brk.start() if brk is not None else len(text)
        named_again = next(
            (g.start for g in groups if g.start >= comma.end() and g.film == compared.film),
            len(text),
        )
        for claim in self._made_since(before):
            if claim.evidence.start != sentence.start or claim.relation is Relation.PLOT:
                continue
            at = self._value_said_from(claim, comma.end())
            if at < 0 or at >= named_again:
                continue  # (said before the comma, or of X named again)
            if claim.subject == compared.film.name:
                # the nearest title had it; the clause's subject is the film after the comma
                kind = "set against" if unlike else "likened to"
                how = f"{subject.how}, {kind} {compared.film.name}"
                self._move(sentence, claim, subject.film.name, subject.confidence, how)
            if (
                not unlike
                and claim.relation in _SHARED_BY_SO
                and at < first_clause
                and claim.subject
                in (
                    compared.film.name,
                    subject.film.name,
                )
            ):
                # "Like X, it was made at Y": X was too, as far as the likeness can be read
                how = f"attribution uncertain: likened to {subject.film.name}"
                self._add(sentence, compared.film.name, claim.relation, claim.value, DOUBTFUL, how)

    def _value_said_from(self, claim: Claim, start: int) -> int:
        """Where the sentence names the claim's value from ``start`` on (-1: not there)."""
        return next(
            (
                m.start
                for m in self._sentence_mentions
                if m.start >= start
                and (m.text == claim.value or (m.entity and m.entity == claim.value_entity))
            ),
            -1,
        )

    def _move(
        self, sentence: Sentence, claim: Claim, subject: str, confidence: float, how: str
    ) -> None:
        """Give a claim of this sentence to another subject, the rest of it unchanged."""
        del self.claims[(claim.subject, claim.relation, claim.value, claim.role, sentence.start)]
        self._add(
            sentence,
            subject,
            claim.relation,
            claim.value,
            confidence,
            how,
            claim.role,
            claim.value_entity,
        )

    def _like_aside(self, sentence: Sentence, groups: list[_Group], before: int) -> None:
        """'Solaris, unlike Kin-dza-dza!, was made at Lenfilm': what follows is Solaris's.

        The film an aside after a title sets against it (or likens to it) is nearest the
        values after the aside, but the title before the aside is what the sentence speaks
        of: what the sentence states after the aside moves to that title.
        """
        text = sentence.text
        for aside in _LIKE_ASIDE.finditer(text):
            compared = next((g for g in groups if g.start >= aside.end()), None)
            main = next((g for g in reversed(groups) if g.end <= aside.start()), None)
            if compared is None or main is None or compared.start != aside.end():
                continue
            closed = _ASIDE_CLOSED.match(text, compared.end)
            if closed is None or main.film.key == compared.film.key:
                continue
            if not _MAIN_VERB_AFTER.match(text, closed.end()):
                continue  # the aside goes on ("unlike X, which Daneliya directed, ...")
            # what the first clause after the aside says, until the film compared is named
            # again: of "Solaris, unlike X, is a drama, and X was made at Mosfilm", the studio
            # stays with X
            brk = _CLAUSE_BREAK.search(text, closed.end())
            ends = min(
                brk.start() if brk is not None else len(text),
                next(
                    (
                        g.start
                        for g in groups
                        if g.start >= closed.end() and g.film == compared.film
                    ),
                    len(text),
                ),
            )
            if not re.fullmatch(
                r"[*_”\"\s]*(?:\(\s*\d{4}\s*\))?[*_”\"\s]*", text[main.end : aside.start()]
            ):
                continue  # the title must end right before the aside
            for claim in self._made_since(before):
                if claim.evidence.start != sentence.start or claim.relation is Relation.PLOT:
                    continue
                if claim.subject != compared.film.name:
                    continue
                at = self._value_said_from(claim, closed.end())
                if at < 0 or at >= ends:
                    continue  # (said inside the aside, or past the clause: not the first's)
                how = f"named in the sentence, set against {compared.film.name} in an aside"
                self._move(sentence, claim, main.film.name, NAMED, how)

    def _so_was(self, sentence: Sentence, groups: list[_Group], at: int, before: int) -> None:
        """The film after "and so was" shares what the sentence stated of the others.

        "Both were made at the Gorky studio, and so was Per Aspera Ad Astra."
        """
        film = next((g for g in groups if g.start >= at), None)
        if film is None or not re.fullmatch(
            r"[\s*_“\"]*(?:(?:his|her|their|its|the)\s+)?", sentence.text[at : film.start]
        ):
            return
        made = list(itertools.islice(self.claims.values(), before, None))
        for claim in made:
            if (
                claim.evidence.start == sentence.start
                and claim.relation in _SHARED_BY_SO
                and claim.subject != film.film.name
            ):
                how = f"'and so was' after what the sentence said of {claim.subject}"
                self._add(sentence, film.film.name, claim.relation, claim.value, RESOLVED, how)

    def _released_as(self, sentence: Sentence, groups: list[_Group], discourse: Discourse) -> None:
        """'… and put it out as Voyage to the End of the Universe': another title of the film.

        The film released is "it" (or "the film", ...) before the cue, else the film the
        sentence named last before it ("The Silent Star, which the Americans released as
        ..."). A title of that film is another title; a title of another film the references
        know is a re-edit made from it ("Corman released it as Battle Beyond the Sun").
        """
        text = sentence.text
        for index, group in enumerate(groups):
            cue = _RELEASED_AS.search(text, groups[index - 1].end if index else 0, group.start)
            if cue is None or _COMPARED_AS.search(cue[0]):
                continue  # "came out the same year as Planeta Bur": a comparison
            subject = self._anaphora(text[: group.start], discourse)
            if subject is None and re.search(r"\b(?:it|them)\b", cue[0]):
                subject = self._anaphora("it", discourse)  # "Corman released it as ..."
            if subject is None and not index and _OF_THE_FILM.search(cue[0]):
                # "The English video release was called X", "released a dubbed version as X":
                # a version of the film spoken of
                current = discourse.current()
                subject = _Subject(current, RESOLVED, "the film") if current else None
            between = text[groups[index - 1].end : cue.start()] if index else ""
            if subject is None and index and not _OTHER_STATEMENT.search(between):
                named = groups[index - 1].film
                subject = _Subject(named, NAMED, "named in the sentence")
            if subject is None or subject.film.key.startswith("?"):
                continue
            head = group.members[0]
            if name_key(head.text) == name_key(subject.film.name):
                continue
            relation = Relation.ALSO_KNOWN_AS
            how = f"released as another title; {subject.how}"
            if group.film.key != subject.film.key and not group.film.key.startswith("?"):
                relation = Relation.FOOTAGE_USED_IN  # another film: a re-edit of this one
                how = f"released as another film, a re-edit; {subject.how}"
            value = head.text if relation is Relation.ALSO_KNOWN_AS else group.film.name
            self._add(sentence, subject.film.name, relation, value, subject.confidence, how)

    def _aliases(self, group: _Group, sentence: Sentence) -> None:
        if len(group.members) < 2:
            return
        head = group.members[0]
        for other in group.members[1:]:
            if other.text.casefold() != head.text.casefold():
                self._add(sentence, head.text, Relation.ALSO_KNOWN_AS, other.text, NAMED, "named")

    # ------------------------------------------------------------------ values

    def _value(
        self,
        sentence: Sentence,
        mention: Mention,
        mentions: list[Mention],
        groups: list[_Group],
        clauses: list[tuple[int, int]],
        discourse: Discourse,
        used: set[tuple[int, str]],
    ) -> None:
        text = sentence.text
        clause = next((c for c in clauses if c[0] <= mention.start < c[1]), (0, len(text)))
        denial = text[max(clause[0], mention.start - 40) : mention.start]
        # ("Wasn't it directed by X?" asks whether it was: the asker believes it was)
        asked = "?" in text and _YES_NO_QUESTION.match(text) is not None
        if search_lowered(_NEGATED, _NEGATED_LOWER, denial) and not (
            asked and re.search(r"n['’]t\b", denial) and not re.search(r"\b(?:not|never)\b", denial)
        ):
            return  # "rather than a Soviet film", "Not Mosfilm.": a value denied states nothing
        if not asked and denied_before(text, clause[0], mention.start):
            return  # "Solaris did not come out in 1972", "is not based on Lem's novel"
        # "Viktorov, who had made Moscow-Cassiopeia, made it at the Gorky studio": the films
        # of an aside the value comes after say nothing of it
        if ", wh" in text:
            asides = [a.span() for a in _CLOSED_ASIDE.finditer(text)]
            groups = [
                g
                for g in groups
                if not any(a <= g.start and g.end <= b <= mention.start for a, b in asides)
                # (unless the comma after its film opens that film's description, which the
                # value is in: ", which had bought Nebo Zovyot, the 1959 picture that A made")
                or _described_after(text, g.end, mention.start)
                or (
                    _APPOSED_YEAR.match(text[g.end : mention.start]) is not None
                    and _APPOSED_NOUN.match(text[mention.end :]) is not None
                )
            ]
        if mention.kind in {YEAR_KIND, "studio"} and self._owned_work(
            sentence, mention, mentions, discourse
        ):
            used.add((mention.start, mention.text))
            return
        found = self._relation(text, mention, mentions, groups, clause)
        if found is None:
            return
        if (
            found.relation is Relation.STUDIO
            and found.doubt is None
            and mention.text in studio_short_names(self.catalogue)
        ):
            # "shot at Odessa", "both at Gorky": the city or the namesake may be meant
            found = found._replace(doubt=_SHORT_STUDIO_DOUBT)
        relation, subject_group, role = found.relation, found.tied, found.role
        if relation is Relation.WRITTEN_BY:
            written = _WRITTEN_THING.search(text, clause[0], mention.start)
            if written is not None and _NO_BOOK.fullmatch(written["thing"].lower()):
                return  # "A narration written by X", "the script, written by X": no book's
        if relation in {Relation.WRITTEN_BY, Relation.PUBLISHED_YEAR}:
            novel = self._novel_before(text, mention, mentions, clause) or self._novel_after(
                mention, mentions, clause
            )
            how = "named"
            said = text[clause[0] : clause[1]]
            if (
                relation is Relation.PUBLISHED_YEAR
                and clause[0] > 1
                and _PUBLISHED_WHICH.match(text, clause[0], mention.start)
            ):
                # "Tolstoy's novel, which had come out in 1923": the clause it is said of
                # (only a clause of its coming out, the year in it: not "which was filmed in
                # 1924", "which came out in 1961, was adapted in 1972")
                said = text[_piece_start(text, clause[0] - 2) : clause[1]]
            if novel is None and (
                _THE_NOVEL.search(said)
                or self._named_novel(said, clause[0], mentions)
                or (
                    _A_NOVEL_BY.search(said)
                    and _cue(text[clause[0] : mention.start], SPECS[Relation.BASED_ON].cues)
                )
            ):
                # "the novel": the source of the film named before it here, else the current
                before = [g for g in groups if g.end <= mention.start]
                here = before[-1].film if before else discourse.current()
                how = "'the novel' read as the source of the film"
                # (a reply that names no film goes on about the film whose story it tells, or
                # the one the post before spoke of: with doubt)
                earlier = (
                    None
                    if before
                    or not discourse.thread  # (a reply's, in a thread)
                    or discourse.in_paragraph
                    or discourse.paragraph_film
                    else discourse.story
                    or discourse.paragraph_story
                    or discourse.replied
                    or discourse.before
                )
                if earlier is not None and (here is None or earlier.key != here.key):
                    here = earlier
                    how = (
                        f"attribution uncertain: 'the novel' read as {here.name}'s source, the "
                        "film spoken of before"
                    )
                novel = self._source_novel(here)
                # "the Strugatskys' book": the authors named decide which film's source it is
                authors = {
                    m.entity
                    for m in mentions
                    if m.kind == "person"
                    and m.entity is not None
                    and clause[0] <= m.start <= mention.start
                    and (_AUTHORS_WORK.match(text, m.end) or _ATTRIBUTIVE_WORK.match(text, m.end))
                }
                if authors and (novel is None or not self._written_by(novel, authors)):
                    sources = {
                        w.entity: (w, film)
                        for film in discourse.named
                        if (w := self._source_novel(film)) is not None
                        and self._written_by(w, authors)
                    }
                    if len(sources) == 1:
                        # ... and the film adapting it is the one whose source it is
                        novel, here = next(iter(sources.values()))
                        how = "'the novel' read as the source its authors' names tell"
            if novel is None:
                if relation is Relation.WRITTEN_BY:
                    relation = Relation.SOURCE_AUTHOR
                else:
                    return
            else:
                confidence = NAMED if how == "named" else RESOLVED
                if how.startswith("attribution uncertain"):
                    confidence = DOUBTFUL
                if how != "named" and (
                    re.match(r"['’]s?\s", text[mention.end :])
                    or (
                        mention.kind in _PERSON_KINDS and _ATTRIBUTIVE_WORK.match(text, mention.end)
                    )
                ):
                    # "Rasch's book", "the Rasch book": a book this author wrote, perhaps
                    # not the film's source
                    confidence = DOUBTFUL
                    how = "attribution uncertain: the author's book read as the film's source"
                if found.doubt is not None and relation is Relation.PUBLISHED_YEAR:
                    confidence, how = DOUBTFUL, found.doubt  # (the film's year may be meant)
                value = self._value_text(mention)
                self._add(sentence, novel.text, relation, value, confidence, how, None, None)
                used.add((mention.start, mention.text))
                if how != "named" and relation is Relation.WRITTEN_BY:
                    # (with doubt when "the novel" was read as another film's source)
                    doubt = DOUBTFUL if how.endswith("the film spoken of before") else RESOLVED
                    self._adapted(sentence, novel, mention, clause, here, doubt=doubt)
                elif relation is Relation.WRITTEN_BY and novel.start >= mention.end:
                    # "Signals is Kolditz's film of Carlos Rasch's Asteroidenjäger": the film
                    # the sentence names before adapts the book it names after its author
                    films = [g.film for g in groups if g.end <= mention.start]
                    book = self.catalogue.resolve(novel.text, ("novel",))
                    if book is not None and films:
                        work = Mention(novel.start, novel.end, novel.text, "novel", book.id)
                        self._adapted(sentence, work, mention, clause, films[-1], named=True)
                return
        if found.doubt == _POSSESSIVE_DOUBT and subject_group is None and mention.entity:
            made = self._made_by(mention.entity, discourse)
            if made is not None and self._made_original_of(made[0].key, mention.entity):
                # "Coppola added monsters to the Karyukov picture", of Battle Beyond the Sun:
                # the original its footage came from, which the references credit Karyukov
                # with too, is as likely meant, and it may be unnamed
                return
            if made is not None:
                # "Harrington's film keeps the spaceships": of the films the document named,
                # the one the references say Harrington made
                film, relation = made
                how = f"'{mention.text}'s film' read as {film.name}, which the references credit"
                value = self._value_text(mention)
                self._add(sentence, film.name, relation, value, RESOLVED, how, None, mention.entity)
                used.add((mention.start, mention.text))
                self._about = self._about or film
                return
        subject = self._subject(text, mention, groups, clause, discourse, subject_group)
        pointed = False  # the value's own words name its film ("the Venus of the Soviet film")
        if found.obj is not None and subject_group is None and _OBJECT_ANAPHOR.match(found.obj):
            named = self._anaphora(found.obj, discourse)
            if named is None and relation is Relation.COUNTRY:
                return  # "the Soviet original" of a film the document does not relate
            subject = named or subject
            pointed = named is not None and relation is Relation.COUNTRY
        subjects = [subject] if subject is not None else []
        if found.obj in {"both", "Both", "they", "They"} and subject_group is None:
            # "Both are Richard Viktorov.": each of the last two films named, with what the
            # references credit them with there
            subjects = self._plural("both", discourse) or subjects
        if subject_group is not None and subject is not None and mention.end <= subject_group.start:
            # "Viktorov directed Moscow-Cassiopeia and Teens in the Universe": each film of
            # the list the cue ties the value to
            subjects += [
                _Subject(g.film, subject.confidence, f"{subject.how} (a list of films)")
                for g in _joined_after(text, groups, subject_group)
            ]
        before_verb = subject_group or next(
            (
                g
                for g in reversed(groups)
                if subject is not None and g.film.key == subject.film.key and g.end <= mention.start
            ),
            None,
        )
        plural = _PLURAL_VERB.match(text, before_verb.end) if before_verb is not None else None
        if (
            before_verb is not None
            and plural is not None
            and subject is not None
            and _PLURAL_COMPLEMENT.fullmatch(text, plural.end(), mention.start)
        ):
            # "Moscow-Cassiopeia and Teens in the Universe were directed by Viktorov": each
            # film of the list before the plural verb
            subjects += [
                _Subject(g.film, subject.confidence, f"{subject.how} (a list of films)")
                for g in _joined_before(text, groups, before_verb)
            ]
        elif (
            relation is Relation.STUDIO
            and before_verb is not None
            and subject is not None
            and _AT_THE_STUDIO.fullmatch(text, before_verb.end, mention.start)
            and (listed := _joined_before(text, groups, before_verb))
            and _MADE_THE_LIST.search(text, max(0, listed[-1].start - 40), listed[-1].start)
        ):
            # "Viktorov directed A and B at the Gorky Film Studio": where the list was made,
            # when a verb of making opens the list, not one of showing
            subjects += [
                _Subject(g.film, subject.confidence, f"{subject.how} (a list of films)")
                for g in listed
            ]
        if (
            subject_group is None
            and not pointed
            and not self._names_a_film(groups, clause, mention)
        ):
            # ("In both versions the Venus of the Soviet film ...": of that film, not of both)
            subjects = self._plural(text[clause[0] : mention.start], discourse) or subjects
        if subject_group is None and not groups and not pointed:
            # "X shot both at Mosfilm", "X did the music for both": the last two films named
            both = _FOR_BOTH.match(text, mention.end, clause[1]) or _BOTH_AFTER.match(
                text, mention.end
            )
            if both is not None:
                subjects = self._plural(both["both"], discourse) or subjects
        elif not pointed and subject is not None and _BOTH_OBJECT.match(text, mention.end):
            # "Kolditz did A in 1970 and B in 1976, and Sasse scored both": the two films the
            # sentence named before the name, each
            before = [g for g in groups if g.end <= mention.start]
            if len(before) == 2 and before[0].film.key != before[1].film.key:
                how = f"{subject.how} (both films the sentence named)"
                subjects = [_Subject(g.film, subject.confidence, how) for g in before]
        if (
            len(subjects) == 1
            and not pointed
            # ("X, its sequel Y, and then Z (1980), all three made at ...": not Z's alone)
            and (subject_group is None or _EACH.search(text, subject_group.end, mention.start))
        ):
            subjects = self._each_of(text[: mention.start], groups, discourse) or subjects
        if not subjects:
            return
        section = discourse.section_films
        # (a phrase read as the section's first film is that film's: "the Soviet film", "the
        # dubbed version"; "it" may be either)
        phrase = _READ_AS.match(subjects[0].how) if len(subjects) == 1 else None
        if (
            len(subjects) == 1
            and len(section) > 1
            and subjects[0].film == discourse.section
            and subject_group is None
            and not groups
            and (phrase is None or phrase["p"].lower() in _PLAIN_ANAPHORS)
        ):
            # a line under a heading that names several films speaks of each of them (which
            # one a single value is of, it does not say: only doubtfully of each)
            how = f"{subjects[0].how} (one of the films of its section)"
            sure = subjects[0].confidence if not SPECS[relation].single_valued else DOUBTFUL
            if phrase is not None:
                sure = DOUBTFUL
            subjects = [_Subject(f, min(sure, subjects[0].confidence), how) for f in section]
        if found.doubt in {_NEW_SCENES_DOUBT, _REELS_DOUBT} and subject_group is None:
            # "had Coppola add new scenes and released it as Battle Beyond the Sun": the new
            # scenes are the re-edit's, when the sentence names the film's re-edit; and who
            # was handed its reels made the re-edit ("Corman handed the reels to Harrington")
            subjects = [
                self._re_edit_named(s, groups, text, discourse, mention.entity) for s in subjects
            ]
        if len(subjects) == 1 and subjects[0].confidence >= NAMED and self._about is None:
            # the first film the sentence states something of (by name: however doubtful the
            # relation, the film is the one named)
            self._about = subjects[0].film
        if relation is Relation.CAST and role is not None and subject_group is None:
            subjects = [self._part_owner(s, role, mentions, groups, discourse) for s in subjects]
        if subject_group is None and mention.entity is not None and relation in _MAKERS:
            subjects = [self._credited_elsewhere(s, relation, mention, discourse) for s in subjects]
        if found.doubt is _LISTED_DOUBT and subject_group is not None:
            # "Also from Viktorov: A, made at Mosfilm, and its sequel B": each film listed
            subjects += [
                _Subject(g.film, NAMED, "listed after the maker's name")
                for g in _joined_after(text, groups, subject_group, _FILMS_LIST_GAP)
            ]
        if (
            found.doubt in {_DID_DOUBT, _LISTED_DOUBT, _POINTED_DOUBT, _MADE_BY_DOUBT}
            and mention.entity is not None
            and len(subjects) >= 1
            and subject_group is None
        ):
            # "That's Rybnikov.", "Both are Viktorov.": what the references credit them with
            # on the film it turned out to be; pointed at, someone they credit with nothing
            # there is said of something else ("The first man in space? That was Gagarin.")
            first = subjects[0].film.key
            credited = self._credited_as(first, mention.entity, _DID_RELATIONS)
            if credited is None and found.doubt is _POINTED_DOUBT:
                return
            relation = credited or relation
        if found.doubt is not None:
            subjects = [
                _Subject(s.film, min(s.confidence, DOUBTFUL), found.doubt) for s in subjects
            ]
        value = self._value_text(mention)
        used.add((mention.start, mention.text))
        if relation is Relation.BASED_ON and mention.kind in _FILM_KINDS:
            return
        for subject in subjects:
            self._add(
                sentence,
                subject.film.name,
                relation,
                value,
                subject.confidence,
                subject.how,
                role,
                mention.entity,
            )
        subject = subjects[0]
        if relation is Relation.RELEASE_YEAR:
            self.years.setdefault(subject.film.name, value)
            day = date_of(mention)
            if day is not None:
                # "it opened on 12 September 1959": the day it came out, too
                for each in subjects:
                    self._add(
                        sentence,
                        each.film.name,
                        Relation.RELEASE_DATE,
                        day,
                        each.confidence,
                        each.how,
                    )
        if relation is Relation.BASED_ON:
            self._author_of(sentence, mention, mentions, clause, used)
        if relation is Relation.SOURCE_AUTHOR:
            novel = self._source_novel(subject.film)  # "based on a novel by X"
            if novel is not None:
                self._adapted(sentence, novel, mention, clause, subject.film)

    def _made_since(self, before: int) -> list[Claim]:
        """The claims made after the first ``before``, in order (read from the end: cheap)."""
        made = itertools.islice(reversed(self.claims.values()), max(0, len(self.claims) - before))
        return list(made)[::-1]

    def _source_of_adapted(self, sentence: Sentence, here: list[Claim]) -> None:
        """The film a sentence says adapts a novel has the novel's writer as source author.

        "X was based on the novel N by A": X's source author is A, as sure as both claims are.
        ``here`` are the sentence's claims.
        """
        for adapted in (c for c in here if c.relation is Relation.BASED_ON):
            for written in here:
                if written.relation is Relation.WRITTEN_BY and written.subject == adapted.value:
                    self._add(
                        sentence,
                        adapted.subject,
                        Relation.SOURCE_AUTHOR,
                        written.value,
                        min(written.confidence, adapted.confidence),
                        adapted.attribution,
                    )

    def _adapted(
        self,
        sentence: Sentence,
        novel: Mention,
        author: Mention,
        clause: tuple[int, int],
        film: FilmRef | None,
        named: bool = False,
        doubt: float = RESOLVED,
    ) -> None:
        """A film made "from Lem's novel" adapts its source, when Lem wrote that.

        The novel was found as the one the references give for the current film; the
        sentence names it only through its author, so the film is said to adapt it only
        when a cue says so and that author wrote it (else the author claim is the error).
        With ``named``, the sentence names the book after its author ("Kolditz's film of
        Carlos Rasch's Asteroidenjäger") and the film before them.
        """
        if film is None or novel.entity is None:
            return
        before = sentence.text[clause[0] : author.start]
        if _cue(before, SPECS[Relation.BASED_ON].cues) is None and not _FILM_OF_WORK.search(before):
            return
        writers = {
            str(f.value) for f in self.catalogue.facts_about(novel.entity, Relation.WRITTEN_BY)
        }
        if author.entity not in writers:
            return
        how = "the novel named by its author, read as the source of the film"
        sure, how = (NAMED, "named in the sentence") if named else (min(RESOLVED, doubt), how)
        if sure <= DOUBTFUL:
            how = f"attribution uncertain: {how}, which the sentence does not name"
        self._add(sentence, film.name, Relation.BASED_ON, novel.text, sure, how, None, novel.entity)

    def _his_films(self, sentence: Sentence, mentions: list[Mention], groups: list[_Group]) -> None:
        """The one person a sentence names before "his Nebo Zovyot" made that film.

        Or, naming none, the one person the sentence before in the paragraph named ("Karyukov
        made it at Odessa. Dovzhenko was his earlier Nebo Zovyot."). Director or producer, as
        the references credit them: the relation is doubtful, as with any possessive.
        """
        text = sentence.text
        for index, group in enumerate(groups):
            if (
                not re.search(
                    r"(?:^|\W)(?:[Hh]is|[Hh]er)\s+(?:(?:earlier|later|first|last|next|own|other)\s+)?$",
                    text[max(0, group.start - 14) : group.start],
                )
                and not _is_his(text, groups[index:])
                and not _HIS_WORK_WAS.search(text, max(0, group.start - 80), group.start)
            ):
                continue
            people = [m for m in mentions if m.kind == "person" and m.end <= group.start]
            if not people:
                people = self._people_before
            if not people and self._person_topic is not None:
                # an entry headed by a person ("Kolditz, Gottfried"): "his" is theirs
                people = [self._person_topic]
            if len(people) != 1:
                continue
            person, entity = people[0], people[0].entity
            if entity is None:
                continue
            wrote = self._wrote_source(group.film, entity)
            self._add(
                sentence,
                group.film.name,
                # ("Solaris, his best-known film", of Lem: the writer of its source)
                # (an actor's or a composer's film: the credit the references give them)
                Relation.SOURCE_AUTHOR if wrote else self._credit(group, entity, _HIS_CREDITS),
                self._value_text(person),
                DOUBTFUL,
                _WRITERS_DOUBT if wrote else _HIS_FILM_DOUBT,
                None,
                entity,
            )

    def _makers_sequel(
        self, sentence: Sentence, mentions: list[Mention], groups: list[_Group]
    ) -> None:
        """'Viktorov's sequel to his own Moscow-Cassiopeia': its maker made its sequel.

        The one sequel the references give the film named is credited, with doubt, to the
        person whose possessive opens the phrase, as the references credit them on it.
        """
        text = sentence.text
        if "sequel" not in text or _NOT_SO.search(text) or "?" in text or _UNMADE.search(text):
            return  # "Viktorov's sequel to X was never made", "... shelved", "... ?"
        for found in _MAKERS_SEQUEL.finditer(text):
            person = next(
                (m for m in mentions if m.kind == "person" and m.end == found.start()), None
            )
            original = next((g for g in groups if g.start == found.end()), None)
            if person is None or person.entity is None or original is None:
                continue
            if any(g.start > original.end for g in groups):
                continue  # "X's sequel to Y was Z": the sequel the sentence names is Z's
            sequels = self.catalogue.facts_about(original.film.key, Relation.SEQUEL)
            film = self.catalogue.entity(str(sequels[0].value)) if len(sequels) == 1 else None
            if film is None:
                continue
            relation = self._credited_as(film.id, person.entity, _MAKERS) or Relation.DIRECTED_BY
            how = f"relation uncertain: the sequel of {original.film.name} the references know"
            self._add(
                sentence,
                film.name,
                relation,
                self._value_text(person),
                DOUBTFUL,
                how,
                None,
                person.entity,
            )

    def _makers_earlier_films(
        self, sentence: Sentence, mentions: list[Mention], groups: list[_Group]
    ) -> None:
        """'Viktorov, who had made Moscow-Cassiopeia and its sequel, made it at Gorky'.

        An aside after a maker's name that credits them with other films: each film the
        aside names right after its verb (or after "and") is theirs, as the references
        credit them on it (directing or producing); "made", "did", "shot" with doubt,
        "directed" as said. Not in a question, and not where the aside denies or wishes
        ("who never made", "who had hoped to make").
        """
        text = sentence.text
        if not _said_plainly(text, groups) or _HEARSAY_ASIDE.search(text):
            return  # "who directed X according to some sites (wrongly)", "or so they say"
        for mention in mentions:
            if mention.kind != "person" or mention.entity is None:
                continue
            aside = _MAKERS_ASIDE.match(text, mention.end)
            jobs = (Relation.MUSIC_BY,) if aside is not None and aside["scored"] else _MAKERS
            if aside is None or not any(
                self.catalogue.facts_with_value(r, mention.entity) for r in jobs
            ):
                continue
            # (a title's own colon closes nothing: "who had made Signals: An Adventure in ...")
            close = _ASIDE_CLOSES.search(_names_blanked(text, groups), aside.end())
            end = close.start() if close is not None else len(text)
            at, films = aside.end(), list[_Group]()
            while (film := self._group_at(groups, at, text)) is not None and film.end <= end:
                if not _MADE_FILM_ENDS.match(text, film.end):
                    # "who directed Planeta Bur's new footage", "X re-edit", "A and B into
                    # American films": not the films themselves, none of them
                    films = []
                    break
                films.append(film)
                joined = _ASIDE_FILMS_JOINED.match(text, film.end)
                if joined is None:
                    break
                at = joined.end()
            for film in films:
                if film.film.key.startswith("?"):
                    continue
                if aside["scored"]:
                    relation, confidence, how = Relation.MUSIC_BY, RESOLVED, _MAKERS_ASIDE_HOW
                elif aside["verb"].lower() == "directed":
                    relation, confidence, how = Relation.DIRECTED_BY, RESOLVED, _MAKERS_ASIDE_HOW
                else:
                    relation = self._credit(film, mention.entity, _MAKERS)
                    confidence, how = DOUBTFUL, _DOUBTFUL_MAKING
                value = self._value_text(mention)
                self._add(sentence, film.film.name, relation, value, confidence, how)

    def _re_edit_named(
        self,
        subject: _Subject,
        groups: list[_Group],
        text: str,
        discourse: Discourse,
        person: str | None,
    ) -> _Subject:
        """The re-edit of ``subject``'s film the sentence names, if the references know one.

        By its title, or as "the American version" of the film spoken of; else the one
        re-edit of it the document named that the references credit ``person`` on.
        """
        made = {str(f.value) for f in self.catalogue.facts_about(subject.film.key, _FOOTAGE)}
        for group in groups:
            if group.film.key in made:
                return _Subject(group.film, subject.confidence, subject.how)
        phrase = _RE_EDIT_PHRASE.search(text)
        pointed = self._anaphora(phrase[0], discourse) if phrase is not None else None
        if pointed is not None and pointed.film.key in made:
            return _Subject(pointed.film, subject.confidence, subject.how)
        if person is not None:
            # of the film's re-edits the document named, the one the references credit them on
            credited = [
                film
                for film in discourse.named
                if film.key in made and self._credited_as(film.key, person) is not None
            ]
            if len(credited) == 1:
                return _Subject(credited[0], subject.confidence, subject.how)
        return subject

    def _makers_version(
        self, text: str, start: int, end: int, discourse: Discourse
    ) -> _Subject | None:
        """'Harrington's version had added X': the film of the document that person made."""
        for person in self._sentence_mentions:
            if not (start <= person.start and person.end <= end) or person.entity is None:
                continue
            if person.kind != "person" or not _MAKERS_VERSION.match(text, person.end):
                continue
            if not _CLAUSE_OPENING.fullmatch(text, start, person.start):
                continue  # "a re-edit of Klushantsev's film": not what the clause is about
            made = self._made_by(person.entity, discourse)
            if made is not None:
                how = (
                    f"attribution uncertain: '{person.text}'s version' read as {made[0].name}, "
                    "which the references credit"
                )
                return _Subject(made[0], DOUBTFUL, how)
        return None

    def _owned_work(
        self, sentence: Sentence, mention: Mention, mentions: list[Mention], discourse: Discourse
    ) -> bool:
        """A year or studio inside a maker's film ("Klushantsev's 1962 Lennauchfilm adventure").

        The film is the one the document named that the references say the person made; the
        year is its release, the studio its studio, with doubt. Whether it was read so.
        """
        text = sentence.text
        owner = next(
            (
                m
                for m in reversed(mentions)
                if m.end <= mention.start
                and m.kind == "person"
                and m.entity is not None
                and _OWNED_LEAD.fullmatch(text, m.end, mention.start)
            ),
            None,
        )
        if owner is None or owner.entity is None or not _OWNED_GOES_ON.match(text, mention.end):
            return False
        made = self._made_by(owner.entity, discourse)
        if made is None:
            return False
        relation = Relation.RELEASE_YEAR if mention.kind == YEAR_KIND else Relation.STUDIO
        default = discourse.default()
        sure = DEFAULT if default is not None and made[0].key == default.key else DOUBTFUL
        how = f"read as {made[0].name}, the film of {owner.text}'s it names"
        if sure < CONFIDENT:
            how = f"attribution uncertain: {how}"
        value = self._value_text(mention)
        self._add(sentence, made[0].name, relation, value, sure, how, None, mention.entity)
        return True

    def _made_original_of(self, film: str, person: str) -> bool:
        """Whether ``film`` is made of footage of a film the references credit ``person`` on."""
        return any(
            self._credited_as(str(fact.subject), person) is not None
            for fact in self.catalogue.facts_with_value(_FOOTAGE, film)
        )

    def _made_by(self, person: str, discourse: Discourse) -> tuple[FilmRef, Relation] | None:
        """The one film the document named that ``person`` directed or produced, if one.

        With the relation the references give; None when no film or several are theirs,
        unless one of them is the film the paragraph named last ("... for Queen of Blood.
        Harrington's film keeps ...", where Harrington also made another film named before).
        """
        found: dict[str, tuple[FilmRef, Relation]] = {}
        for film in discourse.named:
            relation = None if film.key.startswith("?") else self._credited_as(film.key, person)
            if relation is not None:
                found.setdefault(film.key, (film, relation))
        last = discourse.in_paragraph
        if len(found) > 1 and last is not None and last.key in found:
            return found[last.key]
        return next(iter(found.values())) if len(found) == 1 else None

    def _names_film(self, film: str) -> bool:
        """Whether the sentence being read names ``film`` (by any of its titles)."""
        key = name_key(film)
        for mention in self._sentence_mentions:
            if mention.kind not in {"film", TITLE_KIND}:
                continue
            entity = self.catalogue.entity(mention.entity) if mention.entity else None
            names = entity.names if entity is not None else (mention.text,)
            if key in {name_key(n) for n in (*names, mention.text)}:
                return True
        return False

    def _value_text(self, mention: Mention) -> str:
        if mention.kind == "studio" and mention.value and _THE_STUDIO.fullmatch(mention.text):
            return mention.value  # "the studio" of a page on a studio: that studio
        if mention.value and mention.kind in {"country", YEAR_KIND, NUMBER_KIND, "person"}:
            # (a person's: the name the references give the one "he" or "she" stands for, or
            # a first name and a surname were found as: "Misha Yershov", "Basov Jr.")
            return mention.value
        if mention.kind == "person" and mention.entity and " " not in mention.text.strip():
            # "Arkady and Boris Strugatsky": the first name stands for the whole name; a
            # surname the catalogue gives one person ("Lem's novel") stands for that person
            person = self.catalogue.entity(mention.entity)
            if person is not None and name_key(mention.text) in name_key(person.name).split():
                return person.name
        return mention.text

    def _relation(
        self,
        text: str,
        mention: Mention,
        mentions: list[Mention],
        groups: list[_Group],
        clause: tuple[int, int],
    ) -> _Found | None:
        """The relation a value mention takes part in, its film if the cue ties it to one."""
        kind = mention.kind
        if ":" in text:
            labelled = _labelled(text, mention, mentions)
            if labelled is not None and labelled.relation is Relation.CAST:
                # "Cast: A (Commander Akala), B (Suko)": the part each is given
                return labelled._replace(role=self._role(text, mention, mentions))
            if labelled is not None:
                return labelled
        left, past_place = self._left_window(text, mention, mentions, clause)
        window = left.lower()
        after = text[mention.end : min(clause[1], mention.end + 40)]
        near = self._nearest_group_left(groups, mention, clause)
        if kind == YEAR_KIND:
            if _AS_TITLE.match(text, mention.end):
                # "released it in 1964 as Voyage to the End of the Universe": that release's year
                doubt = "relation uncertain: the year of a release under another title"
                return _Found(Relation.RELEASE_YEAR, None, None, None, doubt)
            lead = _YEAR_LEAD.match(text)
            if lead is not None and lead.start("y") == mention.start:
                titled = next((g for g in groups if g.start == lead.end()), None)
                if titled is not None and _TITLE_LINE_END.fullmatch(text, titled.end):
                    # "1977 - Orbita Druzhby": mostly its release, but a list may be of
                    # screenings or editions by year
                    return _Found(Relation.RELEASE_YEAR, titled, None, None, _YEAR_LEAD_DOUBT)
            if self._dated_line:
                # "1) Cosmic Voyage / 1936 | ...": mostly the release, perhaps the book's year
                return _Found(Relation.RELEASE_YEAR, None, None, None, _YEAR_LEAD_DOUBT)
            return self._year(text, mention, window, after, groups, clause, past_place)
        if kind in _PERSON_KINDS and self._credited(mention):
            if _LIFE_YEARS.match(text, mention.end):
                return None  # "Tarkovsky, 1932-1986.": a life in a list, not a credit
            bracketed = self._bracketed_credit(text, mention, groups)
            if bracketed is not None:
                return bracketed
            if re.search(r"\([^()]*$", text[: mention.start]):
                return None  # "USSR (Estonian SSR)": a remark in brackets, not a name
            listed = [m for m in mentions if self._credited(m)]
            if sum(m.kind in _PERSON_KINDS for m in listed) == 1:
                return _Found(Relation.DIRECTED_BY)  # "Title, Director, Studio, Year."
            return None
        if kind in _PERSON_KINDS:
            end = text.find(left, clause[0]) + len(left)  # where a list of names starts
            aside = _ASIDE.match(text, clause[0], end) if left else None
            if aside is not None and len(left) >= len(aside["rest"]):
                # "The cast, which the re-edit cropped, includes X": the clause the aside
                # broke goes on, its cue before the aside
                left = f"{text[max(0, clause[0] - 40) : clause[0]]} {aside['rest']}"
            if ", " in left:
                left = _PARTICIPLE_ASIDE.sub(" ", left)
            last = self._list_end(text, mention, mentions)
            after_list = text[
                last.end : min(clause[1] if last is mention else len(text), last.end + 200)
            ]
            found = self._person(text, mention, mentions, left, after_list, groups)
            if found is None and last is not mention:
                found = self._cast_like_the_list(text, mention, last, mentions, groups, clause)
            return found
        if kind == "character":
            return None  # roles are read with their actor
        if kind == "studio":
            if _OTHER_DOING.match(text, mention.end):
                return None  # "Mosfilm having turned the script down": not where it was made
            making = _STUDIO_MAKES.match(text, mention.end)
            if making is not None and _said_plainly(text, groups):
                # the studio's own verb, its object the film: "Mosfilm made Solaris", "DEFA
                # made this one", "Mosfilm, which produced Tarkovsky's Solaris (1972)"
                its_film = self._group_at(groups, making.end(), text)
                if its_film is not None and _MADE_FILM_ENDS.match(text, its_film.end):
                    return _Found(Relation.STUDIO, its_film)  # (not "made X famous", "X's dub")
                if _OBJECT_ANAPHOR.match(text, making.end()):
                    return _Found(Relation.STUDIO, None, None, text[making.end() :])
            if self._studios_involved(text, mention, mentions, groups):
                # "with Tallinnfilm and the Dovzhenko studio both involved", "Tallinnfilm and
                # the Kiev studio sharing the bill": studios said to have made it together (the
                # one film the sentence names, if it names one)
                return _Found(Relation.STUDIO, groups[0] if groups else None)
            before_studio = text[max(clause[0], mention.start - 80) : mention.start].lower()
            if (
                _ANOTHER_FILM_AT.search(before_studio)
                and not (self._pair is not None and _BOTH_FILMS_AT.search(before_studio))
                and not _ONE_OF_THE_FILMS_AT.search(before_studio)
            ):
                # "began a third space film at Odessa, X": that other film's ("made both
                # films for Gorky" after a pair is named: theirs)
                return None
            previous = next(
                # (past a people's name that describes it: "and the Polish Zespoły Filmowe")
                (m for m in reversed(mentions) if m.end <= mention.start and m.kind != "country"),
                None,
            )
            if (
                previous is not None
                and previous.kind == "studio"
                and _STUDIO_JOINT.fullmatch(text, previous.end, mention.start)
                and not _OWN_CLAUSE_VERB.match(text, mention.end)
                and _STUDIO_PHRASE_ENDS.match(text, mention.end)  # (not "with Mosfilm staff")
            ):
                # "made with Tallinnfilm and the Dovzhenko studio": what the first one is
                joined = self._relation(text, previous, mentions, groups, clause)
                if joined is not None and joined.relation is Relation.STUDIO:
                    return joined
            # "made at Mosfilm", "a Mosfilm production", "Mosfilm's", credits; not "unlike Mosfilm"
            cue = _cue(window, SPECS[Relation.STUDIO].cues, tail=24)
            if (
                cue is None
                and _JOINTLY.search(before_studio)
                # the studio ends its phrase: not "with Mosfilm's cameras", "with DEFA money",
                # "together with Mosfilm veteran Tarkovsky", "with DEFA in mind"
                and _STUDIO_PHRASE_ENDS.match(text, mention.end)
                # ... and the clause says it was so: not "was not co-produced with", "could
                # have been made with", "supposedly", "unlike Solaris, ..."
                and not _NOT_SO.search(_RELATIVE_ASIDE.sub(",", text[clause[0] : mention.start]))
            ):
                cue = len(window)  # one of the studios that made it together
            viewed = _VIEWED.search(text, clause[0], mention.start)
            if (
                cue is not None
                and viewed is not None
                and re.search(r"\bat\s+(?:the\s+)?$", window)
                and not _MAKING_WORD.search(text, viewed.end(), mention.start)
            ):
                cue = None  # "a retrospective screened Aelita at Mosfilm": where it was shown
            made = _STUDIO_MADE.match(after)
            if made is not None and made[0].startswith(("'", "’")) and _TOOLS_OF.search(window):
                made = None  # "shot it with Mosfilm's old cameras": the studio's things only
            # "Eolomea, which DEFA made in 1972": the film the clause is of (not "is not a film
            # which DEFA made", nor "which Mosfilm made no offer for")
            which_made = bool(
                re.search(r"\b(?:which|that)\s+(?:the\s+)?$", window)
                and re.match(
                    r"\s+(?:also\s+)?(?:made|shot|filmed|produced)\b"
                    r"(?!\s+(?:no|an?|the|its|his|her|their|any|some)\b)",
                    after,
                )
                and not re.search(r"\b(?:not|never|no|nor)\b", text[clause[0] : mention.start])
                and not re.search(r"\b(?:not|never|no|nor)\b", text[: mention.start][-60:])
            )
            # "It's Mosfilm.", "same Gorky studio,": right before the studio, ending a clause
            # ... or "Solaris is Mosfilm.", said, not asked
            stated = (
                _FILM_ARE.search(window)
                and not text.rstrip().endswith("?")
                and (
                    _PRONOUN_ARE.search(text, clause[0], mention.start)
                    or (near is not None and _FILM_IS.fullmatch(text, near.end, mention.start))
                )
            )
            named = (
                (_STUDIO_IS.search(window) or stated) and re.match(r"\s*(?:[,.;!]|$)", after)
            ) or _BOTH_AFTER.match(after)  # "Gorky again, both of them."
            # "Gorky Film Studio, directed by Pavel Arsenov.": a reply's credits
            replied = (
                _REPLY_LEAD.fullmatch(text, 0, mention.start)
                and _STUDIO_THEN_CREDIT.match(text, mention.end)
                and not text.rstrip().endswith("?")
            )
            where = re.match(r"\s+(?:is|was)\s+where\b", after)
            if where is not None:
                # "Mosfilm is where Tarkovsky shot Solaris": the film named after it
                film = next((g for g in groups if mention.end < g.start < clause[1]), None)
                if film is not None:
                    return _Found(Relation.STUDIO, film, None)
            # "this Odessa production", "another Gorky production": the studio that made the
            # film spoken of
            described = mention.text.lower().endswith(" production") and re.search(
                r"\b(?:this|the|a|an|its|another)\s+$", window
            )
            if (
                not described
                and cue is None
                and made is None
                and not which_made
                and not named
                and not replied
                and not _CREDITS_LINE.search(text)
                and not self._credited(mention)
            ):
                return None
            if made is not None and not made[0].startswith(("'", "’")):
                # "the DEFA comedy Sternenstaub (1977)": the film the phrase goes on to name
                at = mention.end + made.end()
                titled = next(
                    (g for g in groups if g.start >= at and not text[at : g.start].strip()), None
                )
                if titled is not None:
                    return _Found(Relation.STUDIO, titled, None)
            if made is not None and near is None:
                # "DEFA's first space film, The Silent Star,", "the studio's best-known venture
                # is X": the film the possessive's phrase goes on to name (not "Mosfilm's
                # favourite foreign film", "its planned version", nor in a question or denied)
                named = _NAMED_AFTER_WORK.match(text, mention.end + made.end())
                if (
                    named is not None
                    and (
                        _NOT_ITS_OWN.search(named[0])
                        # (what the words up to the title say: not "..., was not a hit")
                        or _NOT_SO.search(f"{text[clause[0] : mention.start]} {named[0]}")
                        or text.rstrip(" ”\"')*_").endswith("?")
                    )
                ):
                    return None
                titled = (
                    None
                    if named is None
                    else next((g for g in groups if g.start == named.end()), None)
                )
                if titled is not None:
                    return _Found(Relation.STUDIO, titled, None)
            return _Found(Relation.STUDIO, near, None)
        if kind == "country":
            if re.match(r"-?\s*bloc\b", text[mention.end :], re.IGNORECASE):
                return None  # "the Soviet-bloc film": a bloc, not a country
            first, last = _joined_countries(text, mention, mentions)
            if first is not mention or last is not mention:
                # "East German-Polish", "Soviet and Bulgarian partners": one word for several
                # countries, read as a whole; what comes before and after it is each one's
                left = self._left_window(text, first, mentions, clause)[0]
                window = left.lower()
                after = text[last.end : min(clause[1], last.end + 40)]
            said = next((g for g in reversed(groups) if g.end <= first.start), None)
            if (
                said is not None
                and _FILM_IS.fullmatch(text, said.end, first.start)
                and re.match(r"\s*(?:[,.;!]|$)", after)
            ):
                # "The Silent Star was East German-Polish.", or in passing ("People assume X is
                # American"): doubtful
                return _Found(Relation.COUNTRY, said, None, None, _IS_PEOPLE_DOUBT)
            if (
                mention.entity is not None
                and mention.text.islower() is False
                and mention.text.lower() in DEMONYMS  # not "with the Soviet Union"
                and re.search(
                    r"\b(?:the|this|that|these|those|its|their|his|her)\s+$", left.lower()
                )
                # (a word for a people before its noun: not in a co-production's list, "a
                # co-production of the GDR, the Soviet Union and Bulgaria", where it is the
                # country's short name)
                and (
                    _PEOPLE_WORD_BEFORE_NOUN.match(after)
                    or not (
                        _JOINT_OF.search(text, clause[0], first.start)
                        or _APPOSED_JOINT.search(text, 0, first.start)
                    )
                )
                and not (
                    # "Pilot Pirx's Inquest, the Polish-Soviet Lem adaptation": of that film
                    near is not None
                    and re.fullmatch(
                        r"(?:\s*\(\s*(?:1[89]|20)\d\d\s*\))?,\s+(?:the|an?)\s+",
                        text[near.end : first.start],
                    )
                )
            ):
                titled = next(
                    (g for g in groups if _PEOPLE_BEFORE_TITLE.fullmatch(text, last.end, g.start)),
                    None,
                )
                if titled is not None and (
                    not _said_plainly(text, groups)
                    or _ANOTHER_WORK.search(text)
                    or not _PEOPLE_TITLE_ENDS.match(text, titled.end)
                    or re.search(r"[“\"]\s*(?:the\s+)?$", text[: first.start], re.IGNORECASE)
                ):
                    # "the American films X inspired", "called it "the American film X"",
                    # "The Bulgarian film Eolomea? No"
                    titled = None
                if titled is not None:
                    # "the Czechoslovak Ikarie XB-1", "the Soviet film Planeta Bur", "the East
                    # German-Polish The Silent Star": the word for a people describes the title
                    # (right before it, perhaps to tell one work of the title from another:
                    # "the American Solaris" is the remake)
                    return _Found(Relation.COUNTRY, titled, None, None, _PEOPLE_VERSION_DOUBT)
                if re.search(r"\bthis\s+$", left.lower()) and _COUNTRY_CUE_AFTER.match(after):
                    # "directed this East German-Polish co-production": the film spoken of
                    return _Found(Relation.COUNTRY, None, None, "this film", _THIS_PEOPLE_DOUBT)
                # "the Soviet original", "the American film": it names a film, and says where
                # that film is from when the document's films tell which one it is
                noun = re.match(r"^\s+(version|cut|original|film|re-edit)\b", after)
                if noun is None or not left.lower().rstrip().endswith("the"):
                    return None
                phrase = f"the {mention.text.lower()} {noun[1].lower()}"
                if not _OBJECT_ANAPHOR.match(phrase):
                    return None
                return _Found(Relation.COUNTRY, None, None, phrase)
            if _ANOTHER_FILM.search(left):
                return None  # "buy a Soviet film", "a remake of a Soviet film": another film
            if re.search(r"(?:^|\W)[Aa]s\s+(?:an?|the)\s+$", left) and re.match(
                r"\s+(?:film|movie|picture|release|version|cut|feature)\b", after
            ):
                # "as a Soviet film, a sincere piece": the film seen as one, perhaps a version
                return _Found(Relation.COUNTRY, None, None, None, _SEEN_AS_DOUBT)
            if any(_CONTAINED.fullmatch(text, last.end, g.start) for g in groups):
                # "a Soviet film buried inside Battle Beyond the Sun": a film within that one,
                # its source perhaps, not that film itself
                return _Found(Relation.COUNTRY, None, None, None, _CONTAINED_DOUBT)
            credits = _CREDITS_LINE.search(text) and re.match(
                r"^\s*(?:[;,]|$)", text[mention.end :]
            )
            # "from the Bulgarian writer", "Built from Soviet Dreams" (a title in capitals): a
            # word for a people describes the noun after it
            describes = mention.text.lower() in DEMONYMS and re.match(r"^\s+[A-Za-z]", after)
            # "Signals (1970), a co-production of ...": the countries of the film it is set
            # beside, whatever the sentence goes on to say of another
            apposed_joint = self._apposed_joint(text, first, groups)
            if apposed_joint is not None:
                return apposed_joint
            # ("A co-production of East Germany and Poland, it ...", "X is a joint
            # production of A and B")
            joint_of = _JOINT_OF.search(text, clause[0], first.start)
            # the film named right before "is/was" ("The Silent Star (1960) was a ..."), or
            # right after the opening phrase ("A co-production of A and B, The Silent Star")
            joint_named = joint_of is not None and (
                any(
                    g.end <= joint_of.start()
                    and _TITLE_TO_VERB.fullmatch(text, g.end, joint_of.start())
                    for g in groups
                )
                or any(
                    g.start >= last.end and re.fullmatch(r"[\s,*_“\"]*", text[last.end : g.start])
                    for g in groups
                )
            )
            if (
                joint_of is not None
                and re.match(r"\s*(?:is|was)\b", joint_of[0])
                and not joint_named
                and not re.search(
                    r"\b(?:it|this\s+film|the\s+film)\s*$", text[: joint_of.start()], re.I
                )
            ):
                joint_of = None  # "the other one was a co-production of": which film, unsaid
            cue_before = _COUNTRY_CUE_BEFORE.search(left) or joint_of
            if (
                cue_before is not None
                and cue_before.re is _COUNTRY_CUE_BEFORE
                and cue_before["partners"]
                and not (
                    (partnered := _MADE_WITH_PARTNERS.search(text, 0, first.start))
                    and partnered.end() == first.start
                    # (the maker of "which X made" a studio the references know: not "which
                    # ZDF made", a documentary's maker, nor "which nobody made")
                    and (
                        not partnered["which"]
                        or any(
                            m.kind == "studio" and m.start == partnered.start("maker")
                            for m in self._sentence_mentions
                        )
                    )
                    and _film_right_before(
                        text,
                        max(partnered.end("participle"), partnered.end("which"))
                        if partnered["participle"] or partnered["which"]
                        else partnered.start(),
                        groups,
                        comma=bool(partnered["participle"] or partnered["which"]),
                    )
                    # (not where it is claimed, thought or said so: hearsay, before the
                    # partners or after them, "... according to some sources")
                    and not _HEARSAY_BEFORE.search(text, 0, partnered.start())
                    and not _HEARSAY.search(text, partnered.end())
                )
            ):
                # "Most were co-productions with partners in", "Zschoche's next film was
                # made with partners in": whose partners, not said of the film
                cue_before = None
            before = cue_before is not None and not describes
            blanked = _names_blanked(text, groups) if before else text
            made = _THING_MADE.search(blanked, clause[0], first.start) if before else None
            if made is not None and (
                not _FILM_NOUN.fullmatch(made["n"])
                or _ANOTHER_FILMS_WORD.search(made["m"])
                or _THING_OF_THE_FILM.search(blanked, clause[0], made.end("n"))
                or "would" in made[0]  # "a sequel would have been made in"
            ):
                # "The ship was made in the Soviet Union": a thing, not the film; "the American
                # version was made in": another version, perhaps not the one spoken of
                return None
            by_maker = (
                before
                and cue_before is not None
                and cue_before[0].rstrip().lower().endswith(("by", "by the"))
            )
            if by_maker and (
                # a country as a maker only of the film itself: "it was made jointly by A and
                # B", "The Silent Star was produced by", "Made jointly by A and B, it ...", not
                # of a thing, another version or a film that might have been
                not (
                    _MADE_BY_OPENS.match(blanked, clause[0], first.start)
                    or _FILM_MADE_BY.search(blanked, clause[0], first.start)
                )
                or _MADE_IF.search(text, clause[0], first.start)
                or re.match(r"['’]s\b", text[last.end :])  # "by East Germany's DEFA"
            ):
                return None
            head = text[clause[0] : mention.start]
            if (
                before
                and cue_before is not None
                and _JOINT.search(cue_before[0])
                and (
                    _NOT_SO.search(own := re.split(r"[:;]|\s[–—]\s", head)[-1])
                    or _NOT_SO.search(text, last.end)  # "..., but it was purely Czech"
                    or _HEARSAY.search(text)
                    or _REPORTED.search(text)
                    or _NOTHING_TO_DO.search(own)
                    or "?" in text
                )
            ):
                # "was not a co-production of A and B", "many think it a co-production of",
                # "nothing to do with the joint production of": not said to be so
                return None
            if (
                before
                and re.search(r"\bfrom\s*(?:the\s+)?$", head)
                and not any(clause[0] <= g.start < mention.start for g in groups)
                and not _anaphora_at(head.strip(' \t"“”*_('))
            ):
                # "the rockets ... came from the Soviet Union": things from there, not the film
                before = False
            apposed = next(
                (
                    g
                    for g in groups
                    if g.start >= mention.end and _APPOSED.fullmatch(text[mention.end : g.start])
                ),
                None,
            )
            if apposed is not None:
                if _A_VERSION.search(text, mention.end, apposed.start):
                    # "the shortened American release, X": a version's country, where the
                    # references may keep the version under the film it was made from
                    return _Found(Relation.COUNTRY, apposed, None, None, _VERSION_DOUBT)
                return _Found(Relation.COUNTRY, apposed)  # "a Soviet picture, Mechte navstrechu"
            # "It's Czechoslovak, made at Barrandov": the film's country, ending its clause;
            # with doubt, since "it" or "that" may be a version, a dub or a language
            named = _STUDIO_IS.search(window) and re.match(r"\s*(?:[,.;!]|$)", after)
            if named and not (
                _COUNTRY_CUE_AFTER.match(after) or before or credits or self._credited(mention)
            ):
                return _Found(Relation.COUNTRY, near, None, None, _IT_IS_DOUBT)
            if (
                _COUNTRY_CUE_AFTER.match(after)
                and _DESCRIBES_ANOTHER.search(window)
                and not (before or credits or named)
            ):
                return None  # "the Soviet reply to an American masterpiece": another film's
            if joint_of is not None and cue_before is joint_of and not joint_named:
                # "It was a co-production of A and B": "it" may be a film the sentence before
                # named that the references do not know
                return _Found(Relation.COUNTRY, near, None, None, _JOINT_IT_DOUBT)
            if (
                not before
                and mention.text.lower() not in DEMONYMS
                and _IN_A_PLACE_OPENING.search(text, clause[0], first.start)
                # (unless the clause says the film was made there: "In East Germany DEFA
                # produced the film with Polish partners")
                and not _MAKING_VERB.search(text, last.end, clause[1])
            ):
                return None  # "In Poland audiences saw the film in 1973": where, not whose
            # the last of countries a slash lists ("(Poland / Soviet Union)"): the first is
            # read by the slash after it, this one by the country before
            slashed = (
                "?" not in text
                and not re.search(r"(?i)\b(?:dubb|subtit|language|voice)", text)
                and any(
                    m.kind == "country" and re.fullmatch(r"\s*/\s*", text[m.end : first.start])
                    for m in mentions
                    if m.end <= first.start
                )
            )
            if (
                _COUNTRY_CUE_AFTER.match(after)
                or before
                or credits
                or named
                or slashed
                or self._credited(mention)
            ):
                if mention.text.lower() in {"us", "u.s.", "usa"} and not _COUNTRY_CUE_AFTER.match(
                    after
                ):
                    return None
                if mention.text.lower() in DEMONYMS and _A_RELEASE.match(after):
                    # "cut down for American release as X": a release's country, perhaps
                    # not the film's
                    return _Found(Relation.COUNTRY, near, None, None, _VERSION_DOUBT)
                return _Found(Relation.COUNTRY, near, None)
            return None
        if kind == "novel" or (kind == TITLE_KIND):
            if re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,3}", left):
                window = text[clause[0] : mention.start].lower()  # "based on Lem's novel X"
            cue = _cue(window, SPECS[Relation.BASED_ON].cues)
            if cue is None and _MAKERS_FILM_OF.search(window):
                cue = len(window)  # "Piestrak's film of the story X", "Maetzig's film of Lem's X"
            return _Found(Relation.BASED_ON, near, None) if cue is not None else None
        if kind == "place":
            if _SETTING_SKIP.fullmatch(mention.text):
                return None
            cue = _cue(window, SPECS[Relation.SETTING].cues, tail=14)
            head = text[max(clause[0], mention.start - 60) : mention.start]
            going = _SETTING_BEFORE.search(head)
            if going is not None and _NEVER.search(head, max(0, going.start() - 25)):
                return None  # "the crew never gets as far as the surface of Mars"
            bare_on = re.search(r"\b[Oo]n\s+(?:the\s+)?$", text[clause[0] : mention.start])
            if (
                cue is None
                and bare_on is not None
                and (story_on := _STORY_ON.search(head)) is not None
                # (a place opening its clause needs no end: "On Phobos they find ...", but is
                # no word of another: "On Phobos-themed posters", "On Mars Attacks! forums")
                and (
                    _PLACE_ENDS.match(after)
                    if story_on["opening"] is None
                    else not re.match(r"[-'’]\w|\s+[A-Z]", text[mention.end :])
                )
                and not _NOT_SO.search(text, clause[0], clause[1])
                and not _HEARSAY.search(text, clause[0], clause[1])
                and not _ASSUMED.search(text, clause[0], clause[1])
                and not text.rstrip(" ”\"')*_").endswith("?")
                and not re.search(r"\b(?:rather|instead)\b", text[clause[0] : clause[1]])
            ):
                cue = len(window)  # "stays behind on Phobos", "On Mars, ...": a story there
            if (
                cue is not None
                and bare_on is not None
                and (
                    # a denial before the verb of being there: "Nobody in the crew ever stays on
                    # the Moon", though not "Nobody on TEM 4 seems glad"
                    any(
                        text[n.end() : clause[0] + bare_on.start()].strip()
                        for n in _NEVER.finditer(text, clause[0], mention.start)
                    )
                    # "set off for Venus from a base on Mars": where it leaves from
                    or _FROM_A_BASE_ON.search(head)
                    # "came out weeks after Luna 9 touched down on the Moon": history's
                    or _RELEASED_WHEN.search(text, clause[0], mention.start)
                )
            ):
                return None
            if cue is not None or going is not None or _SETTING_AFTER.match(after):
                return _Found(Relation.SETTING, near, None)
            if _SETTING_FURTHER.search(head) and not _NO_SETTING.search(f"{head} {after}"):
                return _Found(Relation.SETTING, near, None)
            return None
        return None

    @staticmethod
    def _work_year(text: str, start: int, at: int) -> bool:
        """Whether the year at ``at`` is the one a book's clause gives itself.

        "Bulychev's book came out in 1978"; not "Lem's book came out in 1961, and the film
        in 1972", where the film takes the second year.
        """
        # (or the clause's last part after a colon, a comma or a dash: "For the Signals
        # question, Rasch's book came out in 1963"; "Solaris: the book came out in 1961")
        opens = [start, *(m.end() for m in _PART_MARK.finditer(text, start, at))]
        for opening in reversed(opens):
            work = _WORK_SUBJECT.match(text, opening, at)
            if work is not None:
                return not _FILM_OR_YEAR.search(text, work.end(), at)
        return False

    def _year(
        self,
        text: str,
        mention: Mention,
        window: str,
        after: str,
        groups: list[_Group],
        clause: tuple[int, int],
        past_place: bool = False,
    ) -> _Found | None:
        # ``past_place``: the window passed over a place ("opened in the United States in")
        # what follows the year past a comma is another statement ("in 1979, from the novel")
        named = [g.end for g in groups if g.end <= mention.start]
        around = (
            text[max([mention.start - 40, 0, *named]) : mention.end]
            + re.split(r"[,;]", text[mention.end : mention.end + 25])[0]
        )
        if re.match(r"^\s*[–—-]\s*(?:1[89]\d\d|20\d\d)", after) or re.search(
            r"(?:1[89]\d\d|20\d\d)\s*[–—-]\s*$", text[: mention.start]
        ):
            return None  # a span of years: a life or a period
        if re.search(r"\b(?:a|an|the)\s+$", window) and _STORY_YEAR_AFTER.match(after):
            return None  # "imagines a 2084 where ...": a time in the story
        if re.search(r"\b(?:its|their)\s+$", window) and _ANOTHER_MADE_AFTER.match(after):
            return None  # "Its 2013 animated remake": the remake's year, not the film's
        title = next(
            (
                g
                for g in reversed(groups)
                if (g.end <= mention.start and _YEAR_AFTER_TITLE.match(text[g.end : mention.start]))
                or g.start < mention.start < g.end
                or (
                    g.end <= mention.start
                    and _APPOSED_YEAR.match(text[g.end : mention.start])
                    and _APPOSED_NOUN.match(after)
                )
            ),
            None,
        )
        if title is None:
            # a title, its other title in brackets, then "from 1981"
            title = next(
                (
                    g
                    for g in reversed(groups)
                    if g.end <= mention.start
                    and re.fullmatch(
                        r"[\s”\"*_)]*(?:\([^()]{1,60}\)\s*)?(?:is\s+|was\s+)?from\s+",
                        text[g.end : mention.start],
                    )
                ),
                None,
            )
        if title is None:
            # "the 1962 Planeta Bur", "Tarkovsky's 1972 Solaris": a year just before the title,
            # or before a film noun that names it ("the 1985 TV serial Guest from the Future")
            title = next(
                (
                    g
                    for g in groups
                    if g.start >= mention.end
                    and _YEAR_BEFORE_TITLE.fullmatch(text, mention.end, g.start)
                ),
                None,
            )
            before = text[max(0, mention.start - 12) : mention.start]
            if title is not None and not re.search(
                r"(?:\b[Tt]he|\b[Aa]|\b[Aa]n|['’]s?)\s+$", before
            ):  # ("The 1965 Voyage to the Prehistoric Planet keeps ...")
                title = None
            if title is not None and _ANOTHER_WORK.search(text):
                # "The 1968 Solaris was a television play": a year that tells one version
                # from another, perhaps not the film's
                return _Found(Relation.RELEASE_YEAR, title, None, None, _VERSION_YEAR_DOUBT)
        if title is not None:
            if _BOOK_NAMED.search(
                text, max(0, title.start - 40), title.start
            ) and not _FILM_OF_BOOK.search(text, max(0, title.start - 80), title.start):
                if not _BOOK_NAMED_COMMA.search(text, max(0, title.start - 40), title.start):
                    # "The novel Solaris (1972) is what Tarkovsky adapted": the film's year
                    # may be meant as well
                    return _Found(Relation.PUBLISHED_YEAR, title, None, None, _BOOK_YEAR_DOUBT)
                # "Lem's best-known novel, Solaris (1959), was filmed": the book's year
                return _Found(Relation.PUBLISHED_YEAR, title, None)
            if _TOO_APPOSED.match(text, title.end, mention.start):
                # "Soderbergh did Solaris too, the 2002 one": "too" may say another work of
                # the same title is meant
                return _Found(Relation.RELEASE_YEAR, title, None, None, _TOO_DOUBT)
            return _Found(Relation.RELEASE_YEAR, title, None)
        unnamed_work = _UNKNOWN_WORK_BEFORE.search(text, 0, mention.start)
        if (
            unnamed_work is not None
            and re.match(r"\s*\)", after)
            and not any(
                re.fullmatch(r"[\s”\"*_]*\(\s*", text[m.end : mention.start])
                for m in self._sentence_mentions
                if m.end <= mention.start
            )
        ):
            # "the documentary short Zvyozdny gorodok, utro (1981)": the year of a work the
            # references do not know, named after its kind, not the film spoken of
            return None
        dated = next(
            (
                g
                for g in reversed(groups)
                if g.end <= mention.start
                # ("Tarkovsky's Solaris followed in 1972", right after its title)
                and re.fullmatch(r"[*_”\"]*\s+(?:followed\s+)?in\s+", text[g.end : mention.start])
            ),
            None,
        )
        if dated is not None and not _NOT_A_RELEASE.search(text):
            # "Kolditz did Signale in 1970", "mined it again for Queen of Blood in 1966": most
            # often the film's year, but it may be a showing's or a book's
            return _Found(Relation.RELEASE_YEAR, dated, None, None, _IN_YEAR_DOUBT)
        shown_on = _SHOWN_ON.search(text, clause[0], mention.start)
        if (
            shown_on is not None
            and date_of(mention) is not None
            and not _NOT_THE_FILM_SHOWN.search(text, 0, mention.start)
            # (nor a book's: "the novel was published in Warsaw and released on", in the
            # words since the last comma)
            and not _NOT_A_RELEASE.search(
                text,
                max(
                    clause[0],
                    text.rfind(",", 0, shown_on.start()) + 1,
                    text.rfind(";", 0, shown_on.start()) + 1,
                ),
                mention.start,
            )
            and not any(shown_on.start() <= g.start < mention.start for g in groups)
        ):
            # "opened at the Kosmos cinema in Berlin on 17 December 1970": mostly the day it
            # came out, but perhaps a first showing before its release ("premiered at the
            # Rossiya cinema on 30 March 1987", months after it came out)
            return _Found(Relation.RELEASE_YEAR, None, None, None, _SHOWING_DOUBT)
        novel_after = re.match(r"^\s+(?:novel|book|novella)\b", after)
        booked = any(
            m.kind == "novel" and clause[0] <= m.start < mention.start
            for m in self._sentence_mentions
        ) or _THE_NOVEL.search(text, clause[0], mention.start)
        if booked and _ADAPTED_IN.search(text, clause[0], mention.start):
            # "Solaris (1959) was filmed by Tarkovsky in 1972": its film's year, not the
            # book's; perhaps another adaptation's ("adapted for television in 1968")
            return _Found(Relation.RELEASE_YEAR, None, None, None, _ADAPTATION_YEAR_DOUBT)
        previous = [m for m in self._sentence_mentions if m.end <= mention.start]
        which = re.match(r"\W*(?:which|that)\b", text[clause[0] : clause[0] + 10])
        if (
            previous
            and previous[-1].kind == "novel"
            and (previous[-1].start >= clause[0] or which is not None)
        ):
            return _Found(Relation.PUBLISHED_YEAR, None, None)  # "the novel … came out in 1970"
        if re.search(
            # ("a story by Carlos Rasch that first came out in": a story only with its author)
            r"(?:\b(?:novel|book|novella)\b|\b(?:story|tale|novelette)\s+by\s+"
            r"(?:[A-Z][\w'’.-]*\s+){1,3}?)\W*(?:which|that)\b[^.;]{0,50}$",
            text[max(0, mention.start - 90) : mention.start],
            re.I,
        ):
            # "Tolstoy's novel, which had appeared in 1923", "a story by X that came out in"
            return _Found(Relation.PUBLISHED_YEAR)
        if (
            _UNKNOWN_TITLE_YEAR.search(text[: mention.start])
            and not any(
                g.end <= mention.start and re.fullmatch(r"\s*\(\s*", text[g.end : mention.start])
                for g in groups
            )
            and not any(
                m.kind in _PERSON_KINDS and re.fullmatch(r"\s*\(\s*", text[m.end : mention.start])
                for m in self._sentence_mentions
            )
        ):
            return None  # "Zvyozdny desant (1977)": the year of a title no reference knows
        if (
            (
                re.search(r"\bpublished\b|\bwritten\b|\bwrote\b|\bnovel\b", window)
                # (not past a clause of the story's own time: "from Tolstoy's novel, opens in
                # Moscow in 1921")
                and not _STORY_TIME_CLAUSE.search(window)
            )
            or novel_after
            or self._work_year(text, clause[0], mention.start)
        ):
            return _Found(Relation.PUBLISHED_YEAR, None, None)
        shown = _ON_TV.search(around)
        if shown is not None and not _NOT_A_RELEASE.search(around.replace(shown.group(), " ")):
            # "it went out on Soviet TV in 1985": a serial's release, or a film's showing
            return _Found(Relation.RELEASE_YEAR, None, None, None, _BROADCAST_DOUBT)
        if _NOT_A_RELEASE.search(around) and not re.search(
            r"released|premiered|came out|release", window
        ):
            return None
        if _IN_CINEMAS.search(window):
            # "was in cinemas on 25 April 1961": mostly its release, perhaps a re-run's date
            return _Found(Relation.RELEASE_YEAR, None, None, None, _IN_CINEMAS_DOUBT)
        if re.search(
            r"\b(?:released|premiered|premiere|came out|come out|opened|debuted|first shown|"
            r"hit (?:cinemas|screens|theaters|theatres)|reached (?:cinemas|screens)|release|"
            r"made|shot|filmed|produced|completed|finished|appeared|went out|"
            r"(?:(?:is|was|were|be|been|and|finally|first)\s+|,\s*)out|aired|"
            r"broadcast|screened|shown)\b[^.;]{0,25}$"
            r"|" + _IT_IS.pattern,  # ("and it's 1936.": what the clause before said of it)
            window,
        ) and (
            not _IT_IS.search(window)
            or (
                re.match(r"\s*(?:[,.;!]|$)", after)
                and not re.match(r"\s*,?\s+(?:and|when|where|but|so)\b", after)
                # ("It's 2084." answering where the story goes: later than any film the
                # references know came out, a time in a story)
                # (the year the mention stands for: "'86" is 1986)
                and int(mention.value or mention.text)
                <= self.catalogue.derived("latest release", _latest_release)
            )
        ):
            # "It's 1986, it got its licence ...", not "It's 1986 now and ..." nor "It is
            # 1995, and the Moon is old news" (the story's time)
            if _RE_RELEASE.search(text, clause[0], mention.start):
                # "The restoration was released in 2011", "It was restored and came out
                # again in 2011": a later release, not the film's first
                return _Found(Relation.RELEASE_YEAR, None, None, None, _RE_RELEASE_DOUBT)
            if past_place:
                # "opened in the United States in 1964": perhaps an opening abroad
                return _Found(Relation.RELEASE_YEAR, None, None, None, _ABROAD_DOUBT)
            if _MADE_IN.search(window) and not _RELEASED_IN.search(window):
                # "it was shot in 1984": the year of its making, perhaps not of its release
                return _Found(Relation.RELEASE_YEAR, None, None, None, _MADE_IN_DOUBT)
            if _IT_IS.search(window) and re.match(r",\s*(?:and|but)\s", window):
                # ", and it's 1936." after a clause: of what that clause spoke of, mostly the
                # film ("Solaris was remade by Soderbergh, and it's 2002" is the remake's)
                return _Found(Relation.RELEASE_YEAR, None, None, None, _AND_ITS_DOUBT)
            return _Found(Relation.RELEASE_YEAR, None, None)
        dates = _DATES_FROM.search(text, 0, mention.start)
        if dates is not None:
            if "?" in text:
                return None  # "Does the film date from 1972?"
            # the film, "it" or "the film" right before: its year; before ", which", or after
            # a film's kind ("Daneliya's comedy dates from"): perhaps its year, perhaps another
            # film's ("the remake of Solaris, which dates from 2002"); else a thing's year ("a
            # derelict, the Tornado, dating from 1987")
            which = _WHICH_BEFORE.search(text, 0, dates.start())
            at = which.start() if which is not None else dates.start()
            right_before = _film_right_before(text, at, groups, text[:at].rstrip().endswith(","))
            if not right_before or which is not None:
                if right_before or _FILM_KIND_BEFORE.search(text, 0, at):
                    return _Found(Relation.RELEASE_YEAR, None, None, None, _DATED_THING_DOUBT)
                return None
            return _Found(Relation.RELEASE_YEAR)  # "Nebo Zovyot dates from 1959"
        if re.search(
            r"\b(?:is|was) (?:back )?from\s*$|\b(?:film|movie|picture|cartoon"
            r"|feature|classic|epic|adaptation|production|serial|series|miniseries),?\s+"
            r"(?:from|of)\s*$",
            window,
        ):
            return _Found(Relation.RELEASE_YEAR)
        if re.search(r"^\s*(?:is|was)\s*$", window) and any(
            clause[0] <= g.start and g.end <= mention.start for g in groups
        ):
            return _Found(Relation.RELEASE_YEAR)  # "Solaris is 1975"
        said = next((g for g in reversed(groups) if clause[0] <= g.start < mention.start), None)
        if (
            said is not None
            and re.search(r"^\s*(?:is|was)\s+the\s*$", window)
            and re.match(r"\s+(?:one|film|version|picture|movie)\b", after)
        ):
            # "Ikarie is the 1963 one": mostly the film's year, but perhaps a version's or
            # a book's of the same title ("Solaris is the 1961 one", "... the 2013 one")
            return _Found(Relation.RELEASE_YEAR, said, None, None, _THE_YEAR_ONE_DOUBT)
        head_tail = text[max(clause[0], mention.start - 45) : mention.start].lower()
        made = re.search(
            r"\b(?:made|shot|filmed|released|premiered)\b[^.;,]{0,40}\bin\s*$", head_tail
        )
        unknown = made is not None and any(
            m.kind in {TITLE_KIND, NAME_KIND}
            and mention.start - len(head_tail) + made.start() <= m.start < mention.start
            for m in self._sentence_mentions
        )
        if (made is not None and not unknown) or re.search(
            r"\bdirected\s+(?:it|this|the film|this film)\s+in\s*$", head_tail
        ):
            if made is not None and made[0].split()[0] in {"made", "shot", "filmed"}:
                # "made by the Gorky Film Studio in 1984": the year of its making
                return _Found(Relation.RELEASE_YEAR, None, None, None, _MADE_IN_DOUBT)
            return _Found(Relation.RELEASE_YEAR)  # not "also made Orion Nord in 1974"
        passive = _MADE_AT_BY_IN.search(text, clause[0], mention.start)
        if (
            passive is not None
            and not _NOT_A_RELEASE.search(passive["rest"])
            and not any(
                m.kind in {TITLE_KIND, NAME_KIND} and passive.start() <= m.start < mention.start
                for m in self._sentence_mentions
            )
            # (nor a film named after the verb: "directed by Y for Z in")
            and not any(passive.start() <= g.start < mention.start for g in groups)
            # ("directed by", "which Y directed", "came out of" right after the film, and not
            # asked: not "Stalker, directed by Tarkovsky in 1979", "the opera, which Y made
            # in 2012", "Banionis (Solaris) was directed by")
            and not (
                (passive["doubt"] or passive["out"])
                and (
                    "?" in text
                    or not _film_right_before(
                        text, passive.start(), groups, passive[0].startswith(("which", "that"))
                    )
                )
            )
        ):
            # "X was made at the Odessa Film Studio by A and B in 1959": the film's year
            # (perhaps only of its making, "which A and B directed at the X studio in 1963";
            # or where it came from, not when it came out: "came out of Poland in 1961")
            if passive["out"]:
                return _Found(Relation.RELEASE_YEAR, None, None, None, _CAME_FROM_DOUBT)
            if passive["doubt"]:
                return _Found(Relation.RELEASE_YEAR, None, None, None, _MADE_IN_DOUBT)
            return _Found(Relation.RELEASE_YEAR)
        directed = re.search(
            r"\bdirected\s+(?:it|this|the film|this film)\s[^.;,]{0,30}\bin\s*$", head_tail
        )
        if directed is not None and not any(
            mention.start - len(head_tail) + directed.start() <= g.start < mention.start
            for g in groups
        ):
            return _Found(Relation.RELEASE_YEAR)
        film_word = _FILM_WORD_AFTER.match(after)
        if film_word is not None and re.search(
            r"(?:\b(?:a|an|the|this|his|her|its)|(?:^|\w)['’]s?)\s*$", window
        ):
            brought_in = _BROUGHT_IN_FILM.search(text, clause[0], mention.start)
            if (
                brought_in is not None
                # a new film: "for a 1966 comedy", "for the 1966 comedy Star Dust" (not "on
                # the 1972 film", the one spoken of)
                # (unless the document has stated that year of a film: "Solaris (1972) ...
                # Tarkovsky spent two years on the 1972 film")
                and (
                    brought_in["d"].lower() in {"a", "an"}
                    or re.match(r"\s+[*_“\"]*[A-ZА-ЯЁ]", after[film_word.end() :])
                    or not any(
                        claim.relation is Relation.RELEASE_YEAR and claim.value == mention.text
                        for claim in self.claims.values()
                    )
                )
                and not any(g.start < mention.start or g.start - mention.end < 40 for g in groups)
            ):
                # "Polák came back for the 1966 comedy X": a film the sentence brings in,
                # after a preposition, with no known title; perhaps not the one spoken of
                return _Found(Relation.RELEASE_YEAR, None, None, None, _BROUGHT_IN_DOUBT)
            return _Found(Relation.RELEASE_YEAR, None, None)
        head = text[clause[0] : mention.start].lower()
        if re.search(r"(?:ussr|soviet union|usa|u\.s\.|gdr|east germany|poland|;)\s*,?\s*$", head):
            return _Found(Relation.RELEASE_YEAR, None, None)  # a credits line: "USSR, 1959"
        if any(
            m.kind == "country" and re.fullmatch(r"\s*,?\s*", text[m.end : mention.start])
            for m in self._sentence_mentions
            if m.end <= mention.start
        ):
            return _Found(Relation.RELEASE_YEAR, None, None)  # "Czechoslovakia 1963; 86 min"
        if re.search(r"\(\s*$", window) and re.match(r"^\s*\)", after):
            return _Found(Relation.RELEASE_YEAR, None, None)
        # (credits said again, "Kolditz again, 1976.", are a reply in talk: its year read below)
        if self._credited(mention) and not (self._credits and AGAIN_AFTER.search(text)):
            return _Found(Relation.RELEASE_YEAR)
        if self._bare_year(text, mention):
            return _Found(Relation.RELEASE_YEAR, None, None, None, _BARE_YEAR_DOUBT)
        return None

    def _bare_year(self, text: str, mention: Mention) -> bool:
        """A year standing alone among credits: "Viktorov again, 1981.", "Daneliya, 1986, ...".

        The comma-separated piece holds only the year, names of people and words that
        hedge; the sentence names someone besides (a year alone is a reply, read as such),
        and no book, place or unknown name (perhaps a title), and speaks of no
        broadcast, launch or birth.
        """
        others = [m.kind for m in self._sentence_mentions if m is not mention]
        if not any(kind in _PERSON_KINDS for kind in others) or any(
            kind in {"novel", "place", TITLE_KIND, NAME_KIND} for kind in others
        ):
            return False
        start = max(text.rfind(sep, 0, mention.start) for sep in ",;:\n") + 1
        ends = [i for sep in ",;.?!\n" if (i := text.find(sep, mention.end)) >= 0]
        piece = text[start : min(ends, default=len(text))]
        for other in self._sentence_mentions:
            if other is not mention and start <= other.start and other.end <= start + len(piece):
                if other.kind not in _PERSON_KINDS:
                    return False
                piece = piece.replace(other.text, " ")
        words = set(re.findall(r"[^\W\d_]+", piece.replace(mention.text, " ").lower()))
        said, cursor = [], 0  # what the sentence says besides its names: credits, no more
        for other in self._sentence_mentions:
            said.append(text[cursor : other.start])
            cursor = max(cursor, other.end)
        said.append(text[cursor:])
        return (
            words <= _HEDGES
            and set(re.findall(r"[^\W\d_]+", " ".join(said).lower())) <= _FRAGMENT_WORDS
            and not _NOT_A_RELEASE.search(text)
            and not re.search(r"\b(?:novel|book|story|stories)\b", text, re.IGNORECASE)
        )

    def _person(
        self,
        text: str,
        mention: Mention,
        mentions: list[Mention],
        window: str,
        after: str,
        groups: list[_Group],
    ) -> _Found | None:
        if _NAMED_AFTER.search(text, max(0, mention.start - 50), mention.start):
            return None  # "the studio, named after the director Alexander Dovzhenko": a namesake
        if _AS_A_JOB.match(text, mention.end):
            # "with Konstantin Tsiolkovsky as its consultant", "with Kazantsev co-writing the
            # script": a job off the screen that no relation stands for, not a part
            return None
        role = self._role(text, mention, mentions)
        if role is not None and _AS_ASIDE.match(text, mention.end):
            # "X, as Alisa, voiced the same heroine in the cartoon": the part, perhaps in a film
            # the sentence goes on to name in other words
            return _Found(Relation.CAST, None, role, None, _AS_ASIDE_DOUBT)
        if role is not None:
            return _Found(Relation.CAST, self._title_part(text, mention, role, groups), role)
        if (
            (_PLAYS_UNNAMED.match(after) or _PRONOUN_PLAYED_BY.search(text, 0, mention.start))
            and not self._film_before()
            and _cast_said_plainly(text, mention, groups, named_by=True)
            and not _PROBABLY.search(text, mention.end)
        ):
            return _Found(Relation.CAST)  # whom the pronoun stands for is not said
        if self._described_in_a_list_of_parts(text, mention, mentions):
            return _Found(Relation.CAST)  # "X plays the foreman, Y the student": Y is in it
        gapped = _GAPPED_JOB.match(after)
        if gapped is not None and _GAP_BEFORE.search(text, 0, mention.start):
            # "X was the director and Y the composer": the job said right after the name
            # is Y's, not the one said of X before it (a job no relation stands for, "Y the
            # writer", "Y the star", "Y the composer's assistant", credits Y with nothing)
            noun = gapped["noun"].lower()
            if noun in _MAKER_NOUNS and not re.match(r"['’]s\b", after[gapped.end() :]):
                return _Found(_MAKER_NOUNS[noun])
            return None
        if (_SCREENPLAY_BY.search(window[-60:]) or _WROTE_SCREENPLAY.match(after)) and not re.match(
            r"['’]s?\b", after
        ):
            return None  # a screenplay's writer: a credit the references have no relation for
        before = text[max(0, mention.start - 60) : mention.start]
        if _SCREENPLAY_WHICH.search(before) and _WROTE.match(after):
            return None  # "The screenplay, which Polák wrote with Juráček, ...": the same
        owner = _OWNS_PART.match(after)
        part = next((m for m in mentions if m.start >= mention.end), None)
        if (
            owner is not None
            and part is not None
            and part.kind == "character"
            # ("Basil Rathbone's Dr Farraday": a title before the part's name)
            and _TITLE_BEFORE_PART.fullmatch(text, mention.end + owner.end(), part.start)
            # (words between: "Larisa Gordeichik's radio astronomer Tanya", only of an actor:
            # "Viktorov's clone girl Niya" is the director's character)
            and (
                _OWNS_PART_BARE.fullmatch(owner.group()) is not None
                or (
                    mention.entity is not None
                    and bool(self.catalogue.facts_with_value(Relation.CAST, mention.entity))
                    and _describes_a_part(owner.group())
                )
            )
        ):
            # "Bondarchuk's Hari": the actor's part, or a character the person wrote or made
            return _Found(Relation.CAST, None, part.text, None, _OWNER_DOUBT)
        if _BROUGHT_IN.match(after):
            return _Found(Relation.CAST, None, None, None, _ADDED_DOUBT)  # "X was brought in"
        back = _BACK_WITH.match(after)
        if (
            back is not None
            and "?" not in text
            and not _NEVER.search(text, 0, text.index(after, mention.start) + back.end())
            and mention.entity is not None
            and any(self.catalogue.facts_with_value(r, mention.entity) for r in _MAKERS)
        ):
            # "Viktorov went bigger with Per Aspera Ad Astra", "Kolditz returned to space six
            # years later with X": a maker's next film, credited as the references credit
            # them (directing or producing), with doubt; not asked, nor denied before it
            film = self._group_at(groups, text.index(after, mention.start) + back.end(), text)
            if film is not None and not film.film.key.startswith("?"):
                relation = self._credit(film, mention.entity, _MAKERS)
                return _Found(relation, film, None, None, _BACK_WITH_DOUBT)
        turns_up = _TURNS_UP_AS.match(text, mention.end)
        if turns_up is not None and not re.match(r"['’]s?\b", after):
            # "X, of all people, turns up as Farraday's aide": in the cast, whatever the part
            # ... the part named, if the references know it ("turned up years earlier as
            # Kelvin in Solaris" is checked as Kelvin)
            part = next((m for m in mentions if m.start >= turns_up.end()), None)
            role = None
            if (
                part is not None
                and part.kind == "character"
                and re.fullmatch(rf"\s*(?:{_DESCRIBED_PART})?", text[turns_up.end() : part.start])
                and not re.match(r"['’]s?\b", text[part.end :])
            ):
                role = part.text
            elsewhere = re.search(r"\bin\s+[*_“\"]*(?:the\s+)?[A-Z]", text[turns_up.end() :])
            there = (
                None
                if elsewhere is None
                else next(
                    (g for g in groups if g.start == turns_up.end() + elsewhere.end() - 1), None
                )
            )
            if elsewhere is not None and there is None:
                return None  # "turns up years later as a cop in Nightmare on Elm Street"
            if (
                role is not None
                and there is not None
                and part is not None
                and not any(
                    c.id == part.entity for c in self.catalogue.characters_of(there.film.key)
                )
            ):
                return None  # "turned up later as Snaut in Dead Mountaineer's Hotel": which?
            return _Found(Relation.CAST, None, role)
        played = _THEIR_CHARACTER.match(after)
        if played is not None:
            # "Kozelkov is Aleksandr Grigoryev's character": the part named before "is"
            part = next(
                (
                    m
                    for m in reversed(mentions)
                    if m.end <= mention.start
                    and m.kind == "character"
                    and _PART_IS_HERE.fullmatch(text, m.end, mention.start)
                ),
                None,
            )
            if part is not None:
                return _Found(Relation.CAST, None, part.text, None, None)
        said_of = re.split(r"[,;]", text[mention.end :], maxsplit=1)[0]  # the name's clause
        if (_SCORED.match(after) or _ON_THE_MUSIC.match(after)) and not (
            _NOT_SO.search(said_of) or _NOT_THIS_FILMS_MUSIC.search(text)
        ):
            # "X's synth score", "X on the synths" (not "X's themes are not in it", "would have
            # suited it", "without X doing the electronics", "the X song was cut", "X's themes
            # for other films")
            return _Found(Relation.MUSIC_BY)
        maker_on = _MAKER_ON.match(after)
        if maker_on is not None:
            film = self._group_at(groups, text.index(after, mention.start) + maker_on.end(), text)
            if film is not None and not _OWNS_A_VERSION.match(text, film.end):
                # "Artemyev was Tarkovsky's composer on Solaris": the job, on that film (not
                # on "Nebo Zovyot's American version")
                return _Found(_MAKER_NOUNS[maker_on["noun"].lower()], film)
        named_as = _LISTED_AS_MAKER.match(after)
        if named_as is not None:
            # "the credits list Karyukov and Kozyr as directors": the job they are named as
            return _Found(_MAKER_NOUNS[named_as["noun"].lower()])
        doing = _DOING.match(after)
        if doing is not None:
            return _Found(_DOING_VERBS[doing["verb"].lower()])  # "with X directing new scenes"
        if _NEW_SCENES_BY.match(after) or _DIRECTOR_CREDIT.match(after):
            # "X is credited with directing the additional material", "shot by X, who gets a
            # director credit": a re-edit's new scenes, usually credited to their director
            return _Found(Relation.DIRECTED_BY, None, None, None, _NEW_SCENES_DOUBT)
        maker_of = _THE_MAKER_OF.match(after)
        if maker_of is not None:
            film = self._group_at(groups, mention.end + maker_of.end(), text)
            if film is not None:
                # "Richard Viktorov, the director of Moscow-Cassiopeia": of that film
                return _Found(_MAKER_NOUNS[maker_of["noun"].lower()], film)
        did = _DID.match(after)
        if did is not None and mention.entity is not None:
            did_at = text.index(after, mention.start) + did.end()
            film = self._group_at(groups, did_at, text) or _listed_after_unknown(
                text, groups, did_at
            )
            what = None if film is None else _DID_THE_PART.match(text, film.end)
            if did["the"] and (film is None or what is None):
                film = None  # "did the Solaris" alone: no saying what was done
            if film is not None and what is not None and what["scenes"]:
                # "Coppola did the Battle Beyond the Sun bits": a re-edit's new scenes
                return _Found(Relation.DIRECTED_BY, film, None, None, _NEW_SCENES_DOUBT)
            if film is not None and what is not None and what["music"]:
                return _Found(Relation.MUSIC_BY, film, None, None, _DID_DOUBT)
            if film is not None and not film.film.key.startswith("?"):
                # "Kolditz did Signals", "Artemyev did Solaris", "Bulychev gave us X" (the
                # writer of what it was made from)
                credit = (
                    Relation.SOURCE_AUTHOR
                    if self._wrote_source(film.film, mention.entity)
                    else self._credit(film, mention.entity)
                )
                return _Found(credit, film, None, None, _DID_DOUBT)
        said = next((g for g in reversed(groups) if g.end <= mention.start), None)
        if (
            said is not None
            and mention.entity is not None
            and not said.film.key.startswith("?")
            and _TITLE_BY.fullmatch(text, said.end, mention.start)
            and _BARE_END.match(text, mention.end)
            and not _ABOUT_A_FILM.search(text, 0, said.start)
        ):
            # "Return from Orbit (1986) by Aleksandr Surin, made at ...": the film's maker,
            # as the references credit them, else mostly (not surely) its director; not "an
            # essay on Solaris by X", nor anyone the references credit otherwise (an actor)
            credited = self._credited_as(said.film.key, mention.entity, _BY_RELATIONS)
            if credited is not None:
                return _Found(credited, said)
            if self._credited_as(said.film.key, mention.entity, _DID_RELATIONS) is None:
                return _Found(Relation.DIRECTED_BY, said, None, None, _FILM_BY_DOUBT)
            return None
        if (
            mention.entity is not None
            and not groups
            and re.fullmatch(r"\W*(?:(?:[Aa]nd|[Aa]lso)\s+)?", text[: mention.start])
            and re.match(r"\s+again\s*(?:[,.;!]|$)", after)
        ):
            # "Viktorov again, Gorky again.": the film spoken of is theirs once more
            return _Found(Relation.DIRECTED_BY, None, None, "it", _POINTED_DOUBT)
        # where the list of names this one ends starts: "Nebo Zovyot was Karyukov and
        # Aleksandr Kozyr" says of Kozyr what it says of Karyukov
        first = self._list_start(text, mention, mentions)
        if (
            said is not None
            and mention.entity is not None
            and not said.film.key.startswith("?")
            and said.end <= first.start
            and _FILM_IS.fullmatch(text, said.end, first.start)
            # ... ending there, perhaps on a possessive ("is Kachanov's."), or going on with
            # where it was made: "Richard Viktorov for the Gorky studio"
            and re.match(
                r"(?:['’]s)?(?:\s+(?:again|as well|too))?\s*(?:[,.;!?)]|$)"
                r"|\s+(?:for|at)\s+(?:the\s+)?[A-Z]"
                # "Ikarie XB-1 is Polák's long, slow drift towards ...": the film is theirs
                r"|['’]s\s+(?:[\w-]+,?\s+){0,3}?[a-z][\w-]*",
                after,
            )
            and not _MAKER_OF.search(text, 0, said.start)
        ):
            # "Eolomea is Herrmann Zschoche.": the person the film is, in film talk (the
            # writer of what it was made from, as "Solaris was Tarkovsky and Lem" says)
            credit = (
                Relation.SOURCE_AUTHOR
                if self._wrote_source(said.film, mention.entity)
                else self._credit(said, mention.entity)
            )
            return _Found(credit, said, None, None, _DID_DOUBT)
        if (
            mention.entity is not None
            and re.search(r"\b(?:which|that)\s+(?:was|is)\s+$", text[: mention.start])
            and re.match(r"['’]s?(?:\s+(?:at|for)\s+[A-Z]|\s*(?:[,.;!?)]|$))", after)
        ):
            # "then the cartoon, which was Roman Kachanov's at Soyuzmultfilm": whose film
            return _Found(Relation.DIRECTED_BY, None, None, None, _DID_DOUBT)
        if mention.entity is not None and (
            _CREDITS_NAME.search(text, max(0, mention.start - 80), mention.start)
        ):
            # "Its credits name Karyukov and Kozyr": credited, as what the references say
            return _Found(Relation.DIRECTED_BY, None, None, None, _DID_DOUBT)
        colon = (  # ("Kolditz again: In the Dust of the Stars")
            re.match(r"(?:\s+(?:again|too|once more))?\s*:\s+", after)
            if text.startswith(after, mention.end)
            else None
        )
        listed = (
            None
            if colon is None
            else next(
                (
                    g
                    for g in groups
                    if g.start > mention.end
                    and g.start - mention.end <= 60
                    and not g.film.key.startswith("?")
                ),
                None,
            )
        )
        if listed is not None and mention.entity is not None:
            # "Also from Viktorov: the Cassiopeia two-parter, Moscow-Cassiopeia and ...":
            # the films the colon lists are theirs, as the references credit them
            credited = self._credit(
                listed, mention.entity, (*_DID_RELATIONS, Relation.SOURCE_AUTHOR)
            )
            return _Found(credited, listed, None, None, _LISTED_DOUBT)
        pointed = _THAT_ONE_IS.fullmatch(text, 0, first.start) or _BOTH_ARE.fullmatch(
            text, 0, first.start
        )
        if (
            pointed is not None
            and not groups
            and mention.entity is not None
            and re.match(r"\s*(?:[,.;!?]|$)|\s+(?:for|at)\s+(?:the\s+)?[A-Z]", after)
            and not re.match(r"\s*,\s*not\b", after)  # "That's X, not Y": a correction
            # "They were Daneliya and Arsenov": two names for two films, paired nowhere
            and not (
                pointed.re is _BOTH_ARE
                and (first is not mention or re.match(r"\s+(?:and|&)\s+[A-Z]", text[mention.end :]))
            )
        ):
            # "That one is Grigori Kromanov for Lenfilm, 1979.": the film just spoken of
            return _Found(Relation.DIRECTED_BY, None, None, pointed["it"], _POINTED_DOUBT)
        # "..., and X pops up in it", "X is in the voice cast": the name's own verb says
        # what X did, whatever cue came before
        own = text.startswith(after, mention.end)  # not the words after a list it ends
        acted = _ACTED_IN.match(after)
        if own and acted is not None and _OBJECT_ANAPHOR.match(after[acted.end() :]):
            return _Found(Relation.CAST, None, None, after[acted.end() :])
        if own and _IN_THE_CAST.match(after):
            return _Found(Relation.CAST)
        if (
            own
            and _IN_THE_CAST_PAST_ASIDE.match(after)
            and _cast_said_plainly(text, mention, groups)
        ):
            return _Found(Relation.CAST)  # "X (an aside) is in the voice cast"
        verb = _MAKER_VERB.match(after)
        if own and verb is not None and not after[: verb.start("verb")].strip():
            # "..., and Corman produced": the verb right after the name says what they did,
            # whatever cue came before
            return self._made(text, mention, after, verb, groups)
        # (the whole text before the name: the window stops at the name before it, the one
        # the credit is shared with in "Karyukov co-directed it with Kozyr")
        shared = _SHARED_WITH.search(text, max(0, mention.start - 80), mention.start)
        if shared is not None and not (
            shared["co"] or shared["together"] or re.match(r"\s*(?:[,.;:!?)]|$|and\b)", after)
        ):
            shared = None  # "directed it with Banionis always in mind": not a shared credit
        if shared is not None:
            # "X co-wrote the music with Y", "X co-directed it with Y": Y shares the credit
            done, made = shared["verb"].lower(), shared["obj"].lower()
            if done in {"composed", "scored"} or re.search(r"\b(?:music|score|songs?)\b", made):
                return _Found(Relation.MUSIC_BY)
            if done == "directed":
                return _Found(Relation.DIRECTED_BY)
            if done == "produced":
                return _Found(Relation.PRODUCED_BY)
            return None  # "wrote the script with Y": a credit the references have no relation for
        if _ADDED_ACTOR.search(window) and not re.match(r"['’]s?\b", after):
            # "Harrington's version had added Basil Rathbone": new scenes with an actor
            return _Found(Relation.CAST, None, None, None, _ADDED_DOUBT)
        if _MATERIAL_BY.search(text, max(0, mention.start - 80), mention.start) and not re.match(
            r"['’]s?\b", after
        ):
            # "with extra sequences by a young Francis Ford Coppola": who made the new scenes,
            # or acted in them ("new scenes from Basil Rathbone", an actor the references know
            # as one and never as a director)
            if (
                mention.entity is not None
                and self.catalogue.facts_with_value(Relation.CAST, mention.entity)
                and not self.catalogue.facts_with_value(Relation.DIRECTED_BY, mention.entity)
            ):
                return _Found(Relation.CAST, None, None, None, _ADDED_DOUBT)
            return _Found(Relation.DIRECTED_BY, None, None, None, _NEW_SCENES_DOUBT)
        scenes = _NEW_SCENES_OF.search(text, max(0, mention.start - 60), mention.start)
        if scenes is not None and not re.match(r"['’]s?\b", after):
            # "reused the footage in X (1966), with new scenes of Basil Rathbone": new scenes
            # are shot for the film named before them, with the actor in its cast
            film = next(
                (
                    g
                    for g in reversed(groups)
                    if g.end <= scenes.start()
                    and _SCENES_FOR.fullmatch(text, g.end, scenes.start())
                    # ... a film the references know as made from another's footage
                    and self.catalogue.facts_with_value(_FOOTAGE, g.film.key)
                ),
                None,
            )  # (else as any actor: "the film ... adds new scenes starring X")
            if film is not None:
                return _Found(Relation.CAST, film, None, None, _ADDED_DOUBT)
        made_for = _MADE_FOR.search(window) or next(
            (
                m
                for g in groups
                if g.end <= mention.start
                and (m := _FILM_FOR.fullmatch(text, g.end, mention.start)) is not None
                and _MADE_THE.search(text, 0, g.start)
            ),
            None,
        )  # ... or "Harrington made Queen of Blood for Corman"
        if made_for is not None and not re.match(r"['’]s?\b", after):
            # "the little vampire movie Curtis Harrington made for Roger Corman"
            return _Found(Relation.PRODUCED_BY, None, None, None, _MADE_FOR_DOUBT)
        if (
            _OWNED_WORDS.match(after)
            and _SOURCE_LEAD.search(window)
            and not _POSSESSIVE_SOURCE.match(after)  # "from Lem's novel X": read as before
        ):
            # "a take on Ivan Yefremov's utopia", "from Kir Bulychev's Alice stories": the
            # writer of what the film was made from
            return _Found(Relation.SOURCE_AUTHOR, None, None, None, _SOURCE_LEAD_DOUBT)
        if (
            re.match(r"['’]s?\s+[a-z]", after)
            and not re.match(
                r"['’]s?\s+(?:[a-z][\w-]*\s+){1,3}[*_“\"]*[A-Z]", after
            )  # "'s earlier X"
            and _AFTER_PREPOSITION.search(window)
            and not _POSSESSIVE_WORK.match(after)
            and not _POSSESSED_CREDIT.match(after)
        ):
            return None  # "directors in Corman's back catalogue": whose catalogue, no credit
        if re.match(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:film|movie|picture)\b", after) and re.search(
            r"\b(?:is|was)\s+$", window
        ):
            # "The original is Pavel Klushantsev's film": whose film, not who is in it
            return _Found(Relation.DIRECTED_BY, None, None, None, _POSSESSIVE_DOUBT)
        if _WAY_TOWARDS.search(window):
            return None  # "from the direction of Alpha Cassiopeiae": a way, not a director
        music = _MUSIC_WRITTEN.match(text, 0, mention.start)
        if music is not None and (
            # (the list's last name ends it: not "by A and Tarkovsky added the Bach")
            not music["listed"] or _SENTENCE_PART_ENDS.match(text, mention.end)
        ):
            return _Found(Relation.MUSIC_BY)  # "The song Prekrasnoye Dalyoko is by X"
        written = _AUTHORS_BOOK.match(after)
        if written is not None and any(
            m.kind == "novel" and m.start == mention.end + written.end() for m in mentions
        ):
            return _Found(Relation.WRITTEN_BY)  # "based on the Bulychev book One Hundred ..."
        possessed = self._possessed(text, mention, after, groups, mentions)
        if possessed is not None:
            return possessed  # whose film, whatever cue came before ("with Surin's drama")
        other = _OTHER_WORK_BY.search(text, max(0, mention.start - 80), mention.start)
        if other is not None and not any(
            _THAT_IS_A.fullmatch(text, g.end, other.start())
            or (
                (g is not groups[0] or len(g.members) > 1)
                and g.film.key == groups[0].film.key
                and _THAT_IS_A_AFTER_ASIDE.fullmatch(text, g.end, other.start())
            )
            for g in groups
        ):
            # "on the same bill as a short directed by X": another work's credit, unnamed
            return None
        if _RECUT_BY.search(window[-60:]):
            # "the same footage was cut up again by X", "Corman handed the job to X": who
            # made a film of another's footage, usually the new film's director (not when it
            # was not so: "Corman never handed its footage to X")
            if _NEVER.search(
                text, _piece_start(text, mention.start), mention.start
            ) or _MYTH.search(text):
                return None
            if _HANDED_REELS.search(window[-60:]):
                return _Found(Relation.DIRECTED_BY, None, None, None, _REELS_DOUBT)
            return _Found(Relation.DIRECTED_BY, None, None, None, _RECUT_DOUBT)
        if _FROM_OWN_WORK.match(after) and not _NEVER.search(text, max(0, mention.start - 30)):
            # "a script Kazantsev drew from his own novel": the writer of the film's source,
            # with doubt (which book is not said)
            return _Found(Relation.SOURCE_AUTHOR, None, None, None, _SOURCE_LEAD_DOUBT)
        if (
            _ATTRIBUTIVE_WORK.match(after)
            and re.search(r"\bthe\s+$", window)
            and self._writer(mention)
        ):
            return _Found(Relation.WRITTEN_BY)  # "from the Alexei Tolstoy novel": its author
        described = _ATTRIBUTIVE_FILM.match(after)
        if described is not None and _DETERMINED.search(window):
            # "the Lem adaptation", "a Kromanov picture": the name says whose film it is,
            # whatever cue came before (no cast): its source's writer, or (mostly) its maker
            return self._attributive(text, mention, groups, text.index(after, mention.start))
        if (
            _THIS_TIME_WITH.search(text, 0, mention.start)
            and mention.entity is not None
            and self.catalogue.facts_with_value(Relation.DIRECTED_BY, mention.entity)
            and not _STARRING_AFTER.match(after)
        ):
            # "Karyukov directed again, this time with Otar Koberidze": a co-director, in doubt
            return _Found(Relation.DIRECTED_BY, None, None, None, _THIS_TIME_DOUBT)
        # "a stern flight director (Pyotr Drozdenko)": a part in the story, not the film's
        window = _STORY_DIRECTOR.sub(" part", window)
        prev = next((m for m in reversed(mentions) if m.end <= mention.start), None)
        if prev is not None and prev.kind in _PERSON_KINDS:
            # "Kurt Maetzig directing, from Lem's novel": the cue is the name's before it
            owned = _PARTICIPLE_OWNED.match(text, prev.end, mention.start)
            if owned is not None and window == text[prev.end : mention.start]:
                window = text[owned.end() : mention.start]
        best: tuple[int, Relation] | None = None
        tail = window[-48:].lower()  # what _cue reads, lower-cased once for every relation
        for relation in (
            Relation.DIRECTED_BY,
            Relation.PRODUCED_BY,
            Relation.NARRATED_BY,
            Relation.MUSIC_BY,
            Relation.CAST,
            Relation.WRITTEN_BY,
            Relation.SOURCE_AUTHOR,
        ):
            at = _last_cue(tail, SPECS[relation].cues)
            if at is not None and (best is None or at > best[0]):
                best = (at, relation)
        if (
            best is not None
            and best[1] is not Relation.CAST
            and _CLAUSE_OPENED.search(tail, best[0])
            and _OWN_VERB.match(after)
        ):
            # "Author and director quarrelled, and Lem never accepted it": the cue's clause
            # ended before the name, which opens a clause of its own with its own verb (a
            # part is another matter: "A plays Kelvin, and B gets the part of Snaut")
            return None
        if (
            best is not None
            and tail[: best[0]].endswith("by")
            and re.search(r"\bby\s+$", text[max(0, mention.start - 8) : mention.start])
            and re.match(r"['’]s?\s+[a-z]", text[mention.end :])
        ):
            return None  # "The book was by Tarkovsky's father": by someone the name owns
        if (
            best is not None
            and best[1] not in (Relation.WRITTEN_BY, Relation.SOURCE_AUTHOR)
            and _POSSESSIVE_SOURCE.match(after)
        ):
            return None  # "directing Lem's story": the name is the book's, not the cue's
        if (
            best is not None
            and best[1] is Relation.CAST
            and mention.entity is None  # (a known actor: "new scenes of John Saxon")
            and (other := _OBJECT_OF_ANOTHER.search(tail, best[0])) is not None
            and re.search(r"\w", tail[best[0] : other.start()])  # (not "the cast of X")
        ):
            # "replaced with stock footage of New York": a name no reference knows, the object of
            # "of", not of the cue
            return None
        if (
            best is not None
            and best[1] is Relation.SOURCE_AUTHOR
            and not groups
            and _SOURCE_IS_BY.search(tail[: best[0]])
        ):
            # "The story is by X": the story of the film spoken of, though the sentence names
            # none ("Stalker came later. The story is by the Strugatskys": perhaps another's)
            return _Found(best[1], None, None, None, _WHOSE_STORY_DOUBT)
        if best is not None and best[1] is Relation.DIRECTED_BY and _SHOT_BY.search(tail):
            # "Aelita was shot by Zhelyabuzhsky and Schünemann": its cameramen, perhaps
            return _Found(best[1], None, None, None, _SHOT_BY_DOUBT)
        if best is not None and best[1] is Relation.DIRECTED_BY and _MADE_BY.search(tail):
            # "Battle Beyond the Sun was made by Corman": its director or its producer
            return _Found(best[1], None, None, None, _MADE_BY_DOUBT)
        if best is not None:
            return _Found(best[1])
        if (
            _PART_IS.search(window)
            and not _NO_PART_IS.search(window)
            and not re.match(r"['’]s?\b", after)
        ):
            return _Found(Relation.CAST)  # "the two space pirates are X and Y"
        if _PLAYS_A_PART.match(after):
            return _Found(Relation.CAST)
        if _GOOD_AS_PART.match(after) and not _NOT_SO.search(text):
            return _Found(Relation.CAST)  # (not denied, wished or hedged: "supposedly")
        starts = _dashed_part_at(text, mention.end)
        if starts and _LIST_ITEM_START.search(text, 0, mention.start):
            # a cast list's line "Zdeněk Štěpánek – Captain Vladimír Abajev": the actor, a
            # dash and a part the references know (perhaps after a title: "– Professor Hawling",
            # or words describing it: "as the pilot Erik Svenson")
            part = next(
                (
                    m
                    for m in mentions
                    if m.start in starts
                    or (m.start > mention.end and _described_part(text, mention.end, m))
                ),
                None,
            )
            if (
                part is not None
                and part.kind == "character"
                and not re.match(r"['’]s?\b", text[part.end :])  # not "as Kelvin's father"
            ):
                begins = min(starts) if part.start in starts else part.start
                return _Found(Relation.CAST, None, text[begins : part.end].lstrip(" –—:"))
        first = self._list_start(text, mention, mentions)
        if re.search(r"\b(?:made|shot|filmed)\b[^.;]{0,60}\bby\s*$", text[: first.start], re.I):
            return _Found(
                Relation.DIRECTED_BY,
                doubt=_MADE_BY_DOUBT,
            )
        # a film "by" someone: "Solaris, by X", "Solaris (by X)", "Both are by X"
        by = _FILM_BY.search(text, 0, first.start)
        if by is not None and (
            by["np"]
            or any(
                g.end <= by.start()
                and _YEAR_OR_NOTHING.fullmatch(text, g.end, by.start())
                # ("Mechte navstrechu (Queen of Blood, 1966), by X": the bracket's film's)
                and not any(
                    o.film.key != g.film.key and g.end <= o.start < by.start() for o in groups
                )
                for g in groups
            )
            # "Aelita, the 1924 one by Protazanov": the film named before
            or (by[0].lstrip().startswith("the") and any(g.end <= by.start() for g in groups))
        ):
            if (
                first is not mention
                and _MUSIC_IS_BY.search(text, 0, first.start)
                and _SENTENCE_PART_ENDS.match(text, mention.end)
            ):
                # "The music of X is by A and B": B shares what A is credited with
                return _Found(Relation.MUSIC_BY)
            return _Found(Relation.DIRECTED_BY, None, None, None, _FILM_BY_DOUBT)
        acted = _ACTED_IN.match(after)
        if acted is not None:
            film = self._group_at(groups, mention.end + acted.end(), text)
            if film is not None:
                return _Found(Relation.CAST, film)
        if verb is not None:
            return self._made(text, mention, after, verb, groups)
        # a possessive, perhaps a word or two, then the book: "Lem's earlier Astronauci"
        possessive = re.match(r"^['’]s?\s+(?:[a-z][\w-]*\s+){0,2}", after)
        if possessive is not None and not self._writer(mention):
            # ("Klushantsev's beloved Outside the Earth": a word of liking, not authorship)
            possessive = re.match(r"^['’]s?\s+", after)
        following = next((m for m in mentions if m.start >= mention.end), None)
        if (
            possessive
            and following is not None
            and following.kind == "novel"
            and following.start == mention.end + possessive.end()
        ):
            return _Found(Relation.WRITTEN_BY, None, None)  # "Kir Bulychev's Alice's Travel"
        bracketed = self._bracketed_credit(text, mention, groups)
        if bracketed is not None:
            return bracketed
        named = _NAMED_AS_MAKER.match(after)
        if named is not None:
            # "Corman was the producer", "a Roger Corman production"
            noun = named["noun"] or named["noun2"] or named["noun3"]
            return _Found(_MAKER_NOUNS[noun.lower()])
        if re.match(r"^\s+(?:films?|movies?|pictures?)\b", after) or (
            mention.entity is not None and re.match(r"^\s+(?:cartoons?|serials?)\b", after)
        ):  # ("a Roman Kachanov cartoon", not "the Third Planet cartoon")
            if self._writer(mention) and not self._maker(mention):
                # "two more Lem films": a writer the references credit with no film's making
                doubt = "relation uncertain: 'X films' of a writer names their books' films"
                return _Found(Relation.SOURCE_AUTHOR, None, None, None, doubt)
            doubt = "relation uncertain: 'X films' names a director or a producer"
            return _Found(Relation.DIRECTED_BY, None, None, None, doubt)
        if re.match(r"^['’]s?\s+(?:[\w-]+\s+){0,2}?(?:novel|book|story|novella|tale)\b", after):
            return _Found(Relation.WRITTEN_BY, None, None)
        if re.match(
            r"^\s+(?:to (?:make|create|produce|assemble)"
            r"|for (?:his|her|their) (?:own )?(?:film|movie))",
            after,
        ):
            made = next((g for g in groups if g.start >= mention.end), None)
            if made is not None:
                return _Found(Relation.PRODUCED_BY, made, None)
        if re.search(r"\b[a-z][\w-]+\s*\(\s*$", window) and re.match(r"^\s*\)", after):
            return _Found(Relation.CAST, None, None)  # "a female alien (T. Pochepa)"
        at_studio = _AT_STUDIO.match(after)
        studio = (
            None
            if at_studio is None
            else next(
                (
                    m
                    for m in mentions
                    if m.kind == "studio" and after.startswith(m.text, at_studio.end())
                ),
                None,
            )
        )
        if (
            studio is not None
            and at_studio is not None
            and mention.entity is not None
            # (none of "without Kozyr at", "offered to Daneliya at": see _NOT_MADE_BY)
            and not _NOT_MADE_BY.search(window)
            # (the clause ends there: not "Klushantsev at Lennauchfilm had turned it down")
            and re.match(
                r"\s*(?:[,.;:!)]|$)|\s+in\s+(?:1[89]|20)\d\d\b",  # (or its year: "in 1979")
                after[at_studio.end() + len(studio.text) :],
            )
        ):
            # "Nebo Zovyot is 1959, Karyukov and Kozyr at the Dovzhenko studio": who made it
            # there, as the references credit them
            return _Found(Relation.DIRECTED_BY, None, None, None, _DID_DOUBT)
        described = _IS_DESCRIBED.match(after)
        if (
            described is not None
            and text.startswith(after, mention.end)  # (the name's own verb)
            and not _MAKER_WORD.search(described[0])
            and not _NO_PART_DESCRIBED.search(described[0])
            # (said plainly up to the description: "..., who never says a word" is the part's)
            and not _NOT_PLAINLY.search(text, 0, mention.end + described.end())
            and mention.entity is not None
            and self.catalogue.facts_with_value(Relation.CAST, mention.entity)
            and not any(self.catalogue.facts_with_value(r, mention.entity) for r in _CREW_RELATIONS)
        ):
            # "Florence Marly is the green-skinned survivor from Phobos", "Yuliya Solntseva is
            # the queen": what an actor the references know as one "is" in a film is mostly
            # their part (not "Tarkovsky is the master", one who made films)
            return _Found(Relation.CAST, None, None, None, _IS_DESCRIBED_DOUBT)
        return None

    def _credited_as(
        self, film: str, person: str, relations: tuple[Relation, ...] = _MAKERS
    ) -> Relation | None:
        """The first of ``relations`` the references credit ``person`` with on ``film``."""
        return next(
            (
                relation
                for relation in relations
                if any(str(f.value) == person for f in self.catalogue.facts_about(film, relation))
            ),
            None,
        )

    def _credit(
        self, film: _Group, person: str, relations: tuple[Relation, ...] = _DID_RELATIONS
    ) -> Relation:
        """Which of ``relations`` the references credit ``person`` with on ``film``.

        Directing when none: a credit the references do not know is checked as direction.
        """
        return self._credited_as(film.film.key, person, relations) or Relation.DIRECTED_BY

    def _same_as(self, sentence: Sentence, mentions: list[Mention], groups: list[_Group]) -> None:
        """'1981, same year as Per Aspera', 'Gorky studio, same as X': X has that value too.

        The year or studio the sentence names right before "same (year|studio) as", given
        to the film named right after it, with doubt (what else the sentence says of it,
        it does not say).
        """
        text = sentence.text
        for found in _SAME_AS.finditer(text):
            film = next(
                (
                    g
                    for g in groups
                    if g.start == found.end() and _SAME_AS_END.match(sentence.text, g.end)
                ),
                None,
            )
            value = next((m for m in reversed(mentions) if m.end <= found.start()), None)
            if film is None or film.film.key.startswith("?") or value is None:
                continue
            relation = _KIND_RELATION.get(value.kind)
            if relation not in {Relation.RELEASE_YEAR, Relation.STUDIO} or not re.fullmatch(
                r"[\s,;(—–-]*(?:the\s+)?", text[value.end : found.start()]
            ):
                continue
            if found["kind"] and _KIND_RELATION.get(value.kind) is not _SAME_KINDS[found["kind"]]:
                continue  # "1981, same studio as X": not the year
            how = f"attribution uncertain: '{value.text}', the same as {film.film.name}'s"
            self._add(
                sentence,
                film.film.name,
                relation,
                self._value_text(value),
                DOUBTFUL,
                how,
                None,
                value.entity,
            )

    def _same_credit(self, sentence: Sentence, groups: list[_Group], discourse: Discourse) -> None:
        """'Same director', 'the same composer as X': the credit the document gave X.

        The film the sentence speaks of (the one it names, else the one spoken of) has the
        director, composer or studio the document stated for the other film: the one named
        after "as"; else, when the sentence names its film, the film spoken of before it,
        and when it names none, the film named before. With doubt, and only what the
        document itself plainly said of that film; nothing when denied, asked, reported or
        imagined, nor when the film after "as" is not one read.
        """
        text = sentence.text
        if _NOT_SO.search(text) or _said_otherwise(text):
            return
        for found in _SAME_CREDIT.finditer(text):
            relation = _SAME_CREDIT_RELATIONS[found["kind"].lower()]
            other = next((g.film for g in groups if g.start == found.end()), None)
            if other is None and found["as"]:
                continue  # "same director as Nebo": a film named in words not read
            own = [g.film for g in groups if other is None or g.film.key != other.key]
            subject = own[0] if own else discourse.current()
            if subject is None or subject.key.startswith("?"):
                continue
            if other is None and own:
                # "That's Teens in the Universe: same director": as the film spoken of
                other = discourse.current()
            elif other is None:
                # "Same director, same kids.": the film spoken of, as the one named before
                other = next((f for f in reversed(discourse.named) if f.key != subject.key), None)
            if other is None or other.key.startswith("?") or other.key == subject.key:
                continue
            values = {
                c.value: c.value_entity
                for c in self.claims.values()
                if c.relation is relation
                and c.evidence.start != sentence.start
                and self._film_key(c.subject) == other.key
                and not _said_otherwise(c.evidence.quote)
            }
            how = (
                f"attribution uncertain: 'the same {found['kind'].lower()}' read as the one the "
                f"document gave {other.name}"
            )
            for value, entity in values.items():
                self._add(sentence, subject.name, relation, value, DOUBTFUL, how, None, entity)

    def _attributive(
        self, text: str, mention: Mention, groups: list[_Group], at: int
    ) -> _Found | None:
        """Whose film "the Lem adaptation" or "a Kromanov picture" (from ``at``) is.

        The film set beside it ("Nebo Zovyot (1959), the Karyukov picture", "a third
        Karyukov picture, Zvyozdny mayak"), as the references credit the name there; else the
        film spoken of, with doubt; none when it is another than the one spoken of ("another
        Tarkovsky film", "the other Lem films").
        """
        noun = _ATTRIBUTIVE_FILM.match(text, at)
        if mention.entity is None or noun is None:
            return None
        beside = next(
            (
                g
                for g in groups
                if g.start >= noun.end() and _APPOSED_AFTER.fullmatch(text, noun.end(), g.start)
            ),
            None,
        ) or next(
            (
                g
                for g in reversed(groups)
                if g.end <= mention.start and _APPOSED_BEFORE.fullmatch(text, g.end, mention.start)
            ),
            None,
        )
        if beside is not None:
            if beside.film.key.startswith("?"):
                return _Found(Relation.DIRECTED_BY, beside, None, None, _POSSESSIVE_DOUBT)
            credit = (
                Relation.SOURCE_AUTHOR
                if self._wrote_source(beside.film, mention.entity)
                else self._credit(beside, mention.entity, _MAKERS)
            )
            return _Found(credit, beside, None, None, _POSSESSIVE_DOUBT)
        if _ANOTHER.search(text, max(0, mention.start - 40), mention.start):
            return None
        if self._writer(mention):
            return _Found(Relation.SOURCE_AUTHOR, None, None, None, _SOURCE_LEAD_DOUBT)
        return _Found(Relation.DIRECTED_BY, None, None, None, _POSSESSIVE_DOUBT)

    def _made(
        self, text: str, mention: Mention, after: str, verb: re.Match[str], groups: list[_Group]
    ) -> _Found | None:
        """What a maker's verb after a name says: "X directed Y", "X produced"."""
        said = verb["verb"].lower()
        if re.fullmatch(_WROTE_DESCRIBED_MUSIC, said):
            said = "wrote the music"
        relation, doubt = _MAKER_VERBS.get(said) or _LATER_MAKER_VERBS[said]
        if _FROM_OWN_BOOK.match(after, verb.end()):
            # "Kazantsev adapted it from his own novel": the adapter wrote the source
            return _Found(Relation.SOURCE_AUTHOR, None, None, after[verb.end() :])
        rest_at = text.index(after, mention.start) + verb.end()
        film = self._group_at(groups, rest_at, text)
        into = (
            _FOOTAGE_INTO.match(text, film.end)
            if film is not None and said in _RECUT_VERBS
            else None
        )
        if into is not None and (made := self._group_at(groups, into.end(), text)) is not None:
            # "X turned the Mechte navstrechu footage into Queen of Blood": the film made of it
            film = made
        elif film is not None and _PART_OF_FILM_AFTER.match(text, film.end):
            # "Coppola directed Karyukov's Nebo Zovyot's new scenes", "Tarkovsky directed
            # Solaris's finale": a part or a version of the film, perhaps not its maker's
            doubt = _PART_OF_FILM_DOUBT
        if verb["deed"] and film is None and not _DEED_MADE_IT.match(text, rest_at):
            # "got the footage and directed new scenes", "had his doubts and directed none of
            # it": after another deed, only a verb whose object is the film says who made it
            return None
        footage = _FOOTAGE_AS.match(text, rest_at) if film is None else None
        if footage is not None:
            # "Corman recycled the footage as X": the film made of it
            film = self._group_at(groups, footage.end(), text)
        described = _DESCRIBED_FILMS.match(text, rest_at) if film is None else None
        if described is not None:
            # "X directed the studio's two best-known space films, A (1973) and its sequel B":
            # the films set beside what the verb made (each of them, as a list), with doubt
            film = next((g for g in groups if g.start == described.end()), None)
            doubt = doubt or (_LISTED_DOUBT if film is not None else None)
        if film is None and verb["verb"].lower() in _REUSED:
            return None  # what was reused is another film's: who made which, unsaid
        if said in _LATER_MAKER_VERBS and not _later_film_said(
            text, mention, film, rest_at, groups
        ):
            return None
        # (the words right before the verb, after a deed said before it: "had the rights and")
        just_before = max(0, verb.start("verb") - 20, verb.end("deed"))
        if (
            film is None
            and relation in _DID_RELATIONS
            and _EARLIER_DONE.search(after, just_before, verb.start("verb"))
        ):
            # "X had already directed an earlier version": of another film; but what "that"
            # or "which" stands for, set right after a title, is that film: "Nebo Zovyot, a
            # drama that Karyukov and Kozyr had made at Dovzhenko"
            film = _relative_antecedent(text, mention, groups)
            if film is None:
                return None
        if film is None and (
            _ANOTHER_WORK_MADE.match(text, rest_at)
            # ("X also directed a ...": another work of theirs; an aside's "also" too,
            # "X, who also wrote it, directed a satire in 1969")
            or (_ALSO.search(verb[0]) and _INDEFINITE.match(text, rest_at))
        ):
            return None  # "Lem directed nothing", "Viktorov also made a short called X"
        if doubt is not None and film is not None and mention.entity is not None:
            # "Corman turned it into X", "Harrington made X": the credit the references know
            relation = self._credit(film, mention.entity, _MAKERS)
        return _Found(relation, film, None, None if film else after[verb.end() :], doubt)

    def _bracketed_credit(self, text: str, mention: Mention, groups: list[_Group]) -> _Found | None:
        """'Kin-dza-dza! (Daneliya, 1986)': the name in a title's brackets, with its year.

        The year may come first: "Cosmic Voyage (1936, Vasili Zhuravlyov)". Usually the
        director; an actor or the composer the references credit on the film is read so.
        """
        if _BRACKET_YEAR_AFTER.match(text, mention.end):
            betweens = [re.compile(r"\s*\(\s*")]
        elif re.match(r"\s*(?:[,;:).!?]|$|and\b)", text[mention.end :]):
            # ... or "Teens in the Universe, also Viktorov" (then "." or "and Gorky")
            betweens = [_BRACKET_YEAR_FIRST, _ALSO_BY]
        else:
            return None
        found = next(
            (
                (g, between)
                for g in groups
                for between in betweens
                if g.end <= mention.start and between.fullmatch(text, g.end, mention.start)
            ),
            None,
        )
        if found is None:
            return None
        credited, between = found
        # usually the director, but an actor may be named so too: never blamed
        relation = Relation.DIRECTED_BY
        if between is _ALSO_BY and _MUSIC_TALK.search(text, 0, credited.start):
            relation = Relation.MUSIC_BY  # "the other score to hear is X (1979), also Pärt"
        if mention.entity is not None:
            known = self._credited_as(credited.film.key, mention.entity, _BRACKETED_RELATIONS)
            relation = known or relation
        doubt = _ALSO_BY_DOUBT if between is _ALSO_BY else _BRACKETED_DOUBT
        return _Found(relation, credited, None, None, doubt)

    def _list_start(self, text: str, mention: Mention, mentions: list[Mention]) -> Mention:
        """The first name of a list ending at ``mention`` ("A, B and C")."""
        index = mentions.index(mention)
        first = mention
        for prev in reversed(mentions[:index]):
            if prev.kind not in _PERSON_KINDS or not _in_list(
                text, (prev.end, first.start), first.end
            ):
                break
            first = prev
        return mention if _two_joined_as_clauses(text, first, mention, mentions) else first

    def _film_before(self) -> bool:
        """Whether the sentence before, in the same paragraph, spoke of a film or a title.

        Or of another version: a pronoun's part then may be that work's ("The 2002 version cast
        ... X plays her"). Read only when a pronoun's part asks (not for every sentence).
        """
        if self._before is None:
            return False
        text, mentions = self._before
        return any(m.kind in {"film", TITLE_KIND} for m in mentions) or bool(
            _OTHER_FILM_SAID.search(text) or _UNKNOWN_NAME.search(_names_blanked(text, mentions))
        )

    def _cast_like_the_list(
        self,
        text: str,
        mention: Mention,
        last: Mention,
        mentions: list[Mention],
        groups: list[_Group],
        clause: tuple[int, int],
    ) -> _Found | None:
        """An actor listed before one the film's cast is read for is in that cast too.

        "A, B and a young C as Paul Grant make up the cast", "A, B (Laura James) and C fly
        the Meteor": the part, if any, is the last name's own. Only for an actor the
        references know as one (a director or a writer listed first may be credited so).
        """
        if not _cast_said_plainly(text, mention, [g for g in groups if g.end > mention.start]):
            return None  # (a film named before the list may be its subject: "X's cast is A, B")
        first = self._list_start(text, mention, mentions)
        if not _CAST_LIST_OPENS.search(text, max(0, clause[0] - 2), first.start):
            return None  # "Posters showed A, B and C as X", "Fans of A, B and C as X"
        listed = mentions[mentions.index(first) : mentions.index(last) + 1]
        if any(
            m.entity is None
            or not self.catalogue.facts_with_value(Relation.CAST, m.entity)
            or self.catalogue.facts_with_value(Relation.DIRECTED_BY, m.entity)
            for m in listed
        ) or _UNKNOWN_NAME.search(_names_blanked(text, mentions), 1, first.start):
            return None  # "Curtis Harrington, John Saxon and ...", "Compare Night Tide, where"
        index = mentions.index(mention)
        following = next(iter(mentions[index + 1 :]), None)
        mate = following if following is not None and following.kind in _PERSON_KINDS else None
        for other in (mate, last):
            if other is None or other is mention:
                continue
            found = self._relation(text, other, mentions, groups, clause)
            if found is not None and found.relation is Relation.CAST:
                return found._replace(role=None)
        return None

    def _studios_involved(
        self, text: str, mention: Mention, mentions: list[Mention], groups: list[_Group]
    ) -> bool:
        """Whether the studios listed from ``mention`` on made the film together.

        Said after the list's last name: "(A and B) both involved", "(A) on board"; plainly,
        of the one film the sentence names or speaks of ("it", "the film"), and of no other
        work, unknown title or likeness ("Stalker followed, with X involved", "Unlike Pirx").
        """
        index = mentions.index(mention)
        last = mention
        for nxt in mentions[index + 1 :]:
            if nxt.kind != "studio" or not _STUDIO_JOINT.fullmatch(text, last.end, nxt.start):
                break
            last = nxt
        if _STUDIOS_INVOLVED.match(text, last.end) is None or len(groups) > 1:
            return False
        blanked = _names_blanked(text, mentions)
        return (
            _said_plainly(text, groups)
            and not _OTHER_WORK_SPOKEN_OF.search(text)
            and not any(m.kind in {TITLE_KIND, NAME_KIND} for m in mentions)
            and bool(groups or _FILM_SPOKEN_OF.search(blanked))
            and not _UNKNOWN_NAME.search(blanked, 1)
            and not re.search(r"(?i)\b(?:like|unlike)\b", text)
        )

    def _list_end(self, text: str, mention: Mention, mentions: list[Mention]) -> Mention:
        """The last name of a list starting at ``mention`` ("A, B and C")."""
        index = mentions.index(mention)
        last = mention
        for nxt in mentions[index + 1 :]:
            if nxt.kind not in _PERSON_KINDS or not _in_list(text, (last.end, nxt.start), nxt.end):
                break
            last = nxt
        return mention if _two_joined_as_clauses(text, mention, last, mentions) else last

    def _possessed(
        self,
        text: str,
        mention: Mention,
        after: str,
        groups: list[_Group],
        mentions: list[Mention],
    ) -> _Found | None:
        """A maker's possessive before a film: "Corman's Voyage to the Prehistoric Planet".

        Also "Polák's Czechoslovak Ikarie XB-1", "Surin's grounded drama"; not "Lem's novel",
        nor "Kir Bulychev's One Hundred Years Ahead", a book the references know. The maker
        the references know on the film named, else a doubtful direction.
        """
        possessive = re.match(r"^['’]s?\s+", after)
        if possessive is None or _POSSESSIVE_SOURCE.match(after):
            return None
        at = text.index(after, mention.start) + possessive.end()
        if any(m.kind == "novel" and m.start == at for m in mentions):
            return None
        film = self._group_at(groups, at, text) or _described_group(groups, at, text)
        apposed = False
        if film is None:
            # "Ikarie XB-1 (1963), Polák's gorgeous voyage to Alpha Centauri": whatever the
            # words after it, a possessive set beside a title describes that film
            film = next(
                (g for g in groups if _APPOSED_TO.fullmatch(text, g.end, mention.start)), None
            )
            apposed = film is not None
        if film is None and not _POSSESSIVE_WORK.match(after):
            return None
        maker = Relation.DIRECTED_BY
        if film is not None and mention.entity is not None:
            if apposed and self._wrote_source(film.film, mention.entity):
                # "Aelita (1924), Tolstoy's Martian romp": the writer of what it was made from
                return _Found(Relation.SOURCE_AUTHOR, film, None, None, _WRITERS_DOUBT)
            maker = self._credit(film, mention.entity, _MAKERS)
        return _Found(maker, film, None, None, _POSSESSIVE_DOUBT)

    def _group_at(self, groups: list[_Group], at: int, text: str) -> _Group | None:
        """A film group starting at ``at``, after at most a few small words or a year."""
        for group in groups:
            if group.start >= at:
                between = text[at : group.start]
                if _OBJECT_GAP.fullmatch(between):
                    return group
                return None
        return None

    def _apposed_joint(self, text: str, first: Mention, groups: list[_Group]) -> _Found | None:
        """Countries of a co-production set beside the film it describes.

        "Eolomea (1972), a co-production of East Germany, the Soviet Union and Bulgaria",
        "directed this haunting DEFA picture, a co-production of ...": the countries of the
        title, or of the film the phrase points at. Not when denied, asked or hearsay.
        """
        joint = _APPOSED_JOINT.search(text, 0, first.start)
        if joint is None or "?" in text or _HEARSAY.search(text) or _REPORTED.search(text):
            return None
        if _NOT_SO.search(text, 0, first.start):
            return None
        titled = next(
            (g for g in groups if _TITLE_BESIDE.fullmatch(text, g.end, joint.start())), None
        )
        if titled is not None:
            return _Found(Relation.COUNTRY, titled)
        if _FILM_PHRASE_ENDS.search(text, 0, joint.start()):
            return _Found(Relation.COUNTRY, None, None, "this film")
        return None

    def _title_part(
        self, text: str, mention: Mention, role: str, groups: list[_Group]
    ) -> _Group | None:
        """The film a part is the title character of, when the sentence names it so only.

        "Yuliya Solntseva plays Aelita": the film's own title names the part, and so the
        film (not another the paragraph is about). Not when the sentence names another film.
        """
        after = [g for g in groups if g.start >= mention.end]
        if len(groups) != 1 or not after or groups[0].film.key.startswith("?"):
            return None
        if _asked_or_would(text):
            return None  # asked, hearsay or imagined: not said of that film
        group = groups[0]
        if _IN_ANOTHER.match(text, group.end):
            return None  # "X plays Aelita in it": the part, in the film spoken of
        gap = text[mention.end : group.start]
        if not (_PLAYS.fullmatch(gap) or _PLAYS_DESCRIBED.fullmatch(gap)):
            return None
        named_after = any(
            c.name == role and name_key(group.film.name) in name_key(c.name).split()
            for c in self.catalogue.characters_of(group.film.key)
        )
        return group if named_after else None

    def _role(self, text: str, mention: Mention, mentions: list[Mention]) -> str | None:
        """The character an actor plays: "Actor (Role)", "Role (Actor)", "Actor plays Role"."""
        respective = _respective_part(text, mention, mentions)
        if respective is not None:
            return respective or None
        index = mentions.index(mention)
        renamed = _BECAME.match(text, mention.end)
        if renamed is not None:
            # "Yemelyanov became Commander Lockhart", "X's professor became Hans Walters": the
            # part a re-edit renamed, when the references know it as a character
            part = next((m for m in mentions[index + 1 :] if m.start >= renamed.end()), None)
            if part is not None and part.start == renamed.end() and part.kind == "character":
                return part.text
        # (a number that is part of a word describes, it names no part: "the eight-strong crew")
        nxt = next(
            (
                m
                for m in mentions[index + 1 :]
                if not (m.kind == NUMBER_KIND and _HYPHENED.match(text, m.end))
            ),
            None,
        )
        prev = mentions[index - 1] if index > 0 else None
        if (
            prev is not None
            and prev.kind == "character"
            and _PLAYED_BY_GAP.fullmatch(text, prev.end, mention.start)
        ):
            # "Snewahr is played by Jüri Järvet, familiar as Snaut in Solaris": the part said
            # before the name, whatever an aside after it adds
            return prev.text
        aside = _ASIDE_AFTER.match(text, mention.end)
        if aside is not None:
            # "Jüri Järvet, the Snout of Solaris, plays Alex Snewahr": past the aside
            nxt = next((m for m in mentions if m.start >= aside.end()), None)
        after = aside.end() if aside is not None else mention.end
        if nxt is not None and (
            (nxt.kind == "country" and nxt.text.lower() in DEMONYMS)
            or (
                nxt.kind == NAME_KIND
                and re.fullmatch(_PEOPLE_WORD, nxt.text)
                and re.match(r"\s+[a-z]", text[nxt.end :])  # (not "plays Christian, a ...")
            )
        ):
            # "plays the American, Kern", "plays the Georgian student Gedevan": the word for
            # a people describes the part
            following = mentions.index(nxt) + 1
            nxt = mentions[following] if aside is None and following < len(mentions) else nxt
        possessive = nxt is not None and re.match(r"['’]s?\b", text[nxt.end :]) is not None
        if nxt is not None and nxt.kind in {"character", NAME_KIND, "person"} and not possessive:
            # ("X is Kelvin's father" gives X no part named Kelvin)
            gap = text[after : nxt.start]
            # ("He's Sartorius": the one "he" stands for is that part)
            plays = (
                _PLAYS.fullmatch(gap) is not None
                or _PLAYS_DESCRIBED.fullmatch(gap) is not None
                or _PLAYS_BARE.fullmatch(gap) is not None  # "X is still I.O.O."
                or (_PRONOUN_IS.fullmatch(mention.text) is not None and gap.isspace())
            ) and not (
                # ("Yefremov is its author, Erg Noor its captain"; not "plays the director, X")
                _MAKER_WORD.search(gap) and not _PLAYING_WORD.search(gap)
            )
            if plays and (nxt.kind != "person" or mention.kind != "person"):
                # (a part named by a pronoun stands for its character: "X plays her")
                return nxt.value if nxt.kind == "character" and nxt.value else nxt.text
            if (
                mention.kind == "person"
                and nxt.kind in {"character", NAME_KIND}
                and _PART_ASIDE.fullmatch(gap)
                and _PART_ASIDE_END.match(text, nxt.end)
            ):
                return nxt.text  # "Basil Rathbone, playing Professor Hartman, spends ..."
            if (
                nxt.kind == "character"
                and mention.kind == "person"
                and _AS_PART.fullmatch(gap)
                # (not the "as" of "while": "X watches helplessly as Hari drinks the oxygen")
                and not _AS_WHILE.match(text, nxt.end)
                # ... nor, after a comma, of "since": "X gets the best scenes, as Kelvin mostly
                # watches" (the part ends its phrase: ", as Harry Brown.", ", as I.O.O. who")
                and (
                    "," not in gap
                    or _PART_ENDS.match(text, nxt.end)
                    # an aside on the actor closing after the part: "Mitić, cast against type
                    # as the young cosmonaut Terry, is fine"
                    or (gap.lstrip().startswith(",") and re.match(r"\s*,", text[nxt.end :]))
                )
            ):
                return nxt.text  # "X is superb as Uncle Vova", "X commands the ship as Abajev"
            if nxt.kind == "character" and mention.kind == "person" and _VOICES_PART.fullmatch(gap):
                return nxt.text  # "X lends her voice to the kindly giant Gromozeka"
            if (
                nxt.kind == "character"
                and mention.kind == "person"
                and (given := _GIVES_PART.fullmatch(gap)) is not None
                and not _DUB.search(text)
                and (
                    _NAME_ENDS_PHRASE.match(text, nxt.end)
                    if given[0].lstrip().startswith(("makes", "made"))
                    else _GIVEN_QUALITY.match(text, nxt.end)
                )
                and nxt.entity is not None
                and mention.entity is not None
                and self.catalogue.facts_with_value(Relation.CAST, mention.entity)
                and not self._plays_another(mention.entity, nxt.entity)
            ):
                # "X gives Niya an eerie stillness", "X makes a wonderfully gruff Vershinin":
                # what an actor brings to a part (one the references know as an actor; "gives
                # him" the one the sentence before named)
                return nxt.value if nxt.text.lower() in _PRONOUNS and nxt.value else nxt.text
            paired = _ROLE_PAIR.match(gap) and text[nxt.end : nxt.end + 2].lstrip().startswith(")")
            if paired and (mention.kind == "person" or nxt.kind == "character"):
                return nxt.text if nxt.kind != "person" else None
        if nxt is not None and nxt.kind == "place" and mention.kind == "person":
            # "X sits at a desk on the Moon as Doctor Farraday": past the places the words
            # before "as" name
            part = next((m for m in mentions[index + 1 :] if m.kind != "place"), None)
            if (
                part is not None
                and part.kind == "character"
                and _AS_PART.fullmatch(text, after, part.start)
                and not _AS_WHILE.match(text, part.end)
                # (not a comparison, "as brave on Mars as Paul Grant", nor another's part,
                # "as Paul Grant's partner")
                and len(re.findall(r"\bas\b", text[after : part.start])) == 1
                and not re.match(r"['’]s?\b", text[part.end :])
            ):
                return part.text
        if nxt is not None and nxt.kind == "film" and nxt.entity and mention.kind == "person":
            # "Yuliya Solntseva is Aelita": a film named after its title character
            gap = text[mention.end : nxt.start]
            named_after = [
                c.name
                for c in self.catalogue.characters_of(nxt.entity)
                if name_key(nxt.text) in name_key(c.name).split()
            ]
            if (_PLAYS.fullmatch(gap) or _PLAYS_DESCRIBED.fullmatch(gap)) and len(named_after) == 1:
                return named_after[0]
        if prev is not None and prev.kind in {"character", NAME_KIND}:
            gap = text[prev.end : mention.start]
            quote_end = _QUOTE_CLOSED.match(gap)
            if quote_end and not (_DENIED.search(text) or _said_otherwise(text)):
                # "“Uncle Vova” (Stanislav Lyubshin)": the quoted part, as if bare (not where
                # denied, asked, hearsay or imagined)
                gap = gap[quote_end.end() :]
            closed = _PAIR_CLOSED.match(text, mention.end) is not None
            # ("X as Uncle Vova (Vladimir Mashkov)": the part has its actor, and the name in
            # brackets is the part's own)
            actor = mentions[index - 2] if index > 1 else None
            cast = actor is not None and (
                actor.kind in _PERSON_KINDS
                and re.fullmatch(r"\s+(?:as|plays)\s+(?:the\s+)?", text[actor.end : prev.start])
            )
            paired = _ROLE_PAIR.match(gap) and closed and not cast
            if paired and (mention.kind == "person" or prev.kind == "character"):
                return prev.text
            if _PLAYED_BY_GAP.fullmatch(gap) or (
                prev.kind == "character"
                and mention.kind == "person"
                and (_PART_IS_ACTOR.fullmatch(gap) or _apposed_actor(gap, text, mention.end))
                and not re.match(r"['’]s?\b", text[mention.end :])
            ):
                return prev.text
        named = _ROLE_NAMED.match(text[mention.end :])
        if (
            named is not None
            and _MAKER_WORD.search(text, mention.end, mention.end + named.start("r"))
            and not _PLAYING_WORD.search(text, mention.end, mention.end + named.start("r"))
        ):
            return None  # "Yefremov is its author, Erg Noor its captain": a maker, no part
        if named is None and (
            re.search(r"\b(?:plays|played|portrays|portrayed)\b", text[: mention.start])
            or any(
                m.kind in _PERSON_KINDS
                and re.match(
                    r"\s+(?:is|was)\s+(?:(?:the|a|an|his|her)\s+(?:[a-z][\w-]*\s+){0,3})?[A-Z]",
                    text[m.end :],
                )
                and re.search(r"(?:,\s*(?:and\s+)?|\s+and\s+)$", text[: mention.start])
                for m in mentions
                if m.end <= mention.start
            )
        ):
            # "X plays Abajev, Y the mathematician Hopkins, and Z the commander, MacDonald",
            # "X is Queen Aelita, Y the soldier Gusev", "X is the calm Captain Abajev, Y the
            # fussy mathematician Hopkins", "X is the ruler of TEM 4 and Y his surveillance
            # chief Ronk": the verb said once for the whole list
            named = _ROLE_ELLIPTIC.match(text[mention.end :])
            if named is None and re.search(r"(?:,|\band)\s*$", text[: mention.start]):
                # "X plays Captain Abajev and Y Commander MacDonald": a part named bare, one
                # the references know as a character (not "Yakovlev Moscow")
                bare = _ROLE_BARE.match(text[mention.end :])
                at = mention.end + bare.start("r") if bare else -1
                if any(m.start == at and m.kind == "character" for m in mentions):
                    named = bare
        if mention.kind in _PERSON_KINDS and named is not None:
            # "X is the pilot Somov", "X as Hartman": a part the references may not know
            if re.match(r"\s+[A-ZА-ЯЁ][\w-]*['’]", text[mention.end + named.end("r") :]):
                return None  # "X is also Uncle Vova's nemesis": someone's, not "Uncle"
            start = mention.end + named.start("r")
            other = next((m for m in mentions if m.start <= start < m.end), None)
            free = other is None or other.kind in {"character", NAME_KIND}
            people = (other is None or other.kind == NAME_KIND) and _of_a_people(
                named["r"], text[mention.end + named.end("r") :]
            )  # (not a character the references know: "Hari", "Ivan")
            if free and named["r"].lower() not in DEMONYMS and not people:
                return named["r"]
        return None

    def _described_in_a_list_of_parts(
        self, text: str, mention: Mention, mentions: list[Mention]
    ) -> bool:
        """'X plays the foreman, Y the student': an actor in a list of parts said once.

        After a comma or "and" that goes on from someone who plays a part ("plays", or "is"
        before a part's name), a person followed by a part described in words alone ("the
        smiling ruler", "his alarming wife") plays it; the part is no name to give.
        """
        if mention.kind not in _PERSON_KINDS or not re.search(
            r"(?:,|\band)\s*$", text[: mention.start]
        ):
            return False
        described = _DESCRIBED_ONLY.match(text, mention.end)
        if described is None or _CREW_WORD.search(described.group()):
            return False  # ("Tarkovsky the director": a maker, no part)
        # ... a part: a word for a person ("the student", "his wife", "the smiling ruler"),
        # not "the second unit", "the rest", "the tunes"
        last = described.group().split()[-1].strip('"').lower()
        if last not in _PERSON_NOUNS and not _PERSON_ENDING.search(last):
            return False
        return bool(
            re.search(r"\b(?:plays|played|portrays|portrayed)\b", text[: mention.start])
            or any(
                m.kind in _PERSON_KINDS and re.match(r"\s+(?:is|was)\s+[A-Z]", text[m.end :])
                for m in mentions
                if m.end <= mention.start
            )
        )

    def _left_window(
        self, text: str, mention: Mention, mentions: list[Mention], clause: tuple[int, int]
    ) -> tuple[str, bool]:
        """Text before a value back to the previous mention, skipping a list of its kind.

        With whether a place was passed over and left out ("opened in Czechoslovakia on").
        """
        index = mentions.index(mention)
        start = clause[0]
        kinds = _PERSON_KINDS if mention.kind in _PERSON_KINDS else frozenset({mention.kind})
        cursor, cursor_end = mention.start, mention.end
        skipped: list[tuple[int, int]] = []  # places passed over, left out of the window
        for prev in reversed(mentions[:index]):
            if prev.start < clause[0]:
                break
            gap = text[prev.end : cursor]
            if (
                prev.kind in kinds
                and (
                    _in_list(text, (prev.end, cursor), cursor_end)
                    # ("Poland and the Soviet Union": a country's name may take "the")
                    or (mention.kind == "country" and _COUNTRY_AND_THE.fullmatch(gap))
                )
                and not (
                    cursor == mention.start
                    and _two_joined_as_clauses(
                        text, self._list_start(text, prev, mentions), mention, mentions
                    )
                )
            ):
                cursor, cursor_end = prev.start, prev.end
                continue
            if prev.kind == "character" and re.fullmatch(r"\s*\)?\s*(?:,|and|, and)?\s*", gap):
                cursor, cursor_end = prev.start, prev.end  # "Role (Actor), Role (Actor)"
                continue
            if (
                mention.kind == "novel"
                and prev.kind in _PERSON_KINDS
                and _AUTHORS_BOOK.fullmatch(gap)
            ):
                cursor, cursor_end = (
                    prev.start,
                    prev.end,
                )  # "based on the Bulychev book X": past its author
                continue
            if (
                mention.kind == YEAR_KIND
                and prev.kind in {"country", "place"}
                and _PAST_THE_PLACE.fullmatch(gap)
                and re.search(r"\bin\s+(?:the\s+)?$", text[max(0, prev.start - 8) : prev.start])
            ):
                # "opened in Czechoslovakia on 26 July 1963", "released in East German cinemas
                # on 26 February 1960": past the place, left out
                skipped.append((prev.start, prev.end))
                cursor, cursor_end = prev.start, prev.end
                continue
            start = max(start, prev.end)
            break
        if not skipped:
            return text[start:cursor], False
        kept, at = [], start
        for place_start, place_end in reversed(skipped):
            kept.append(text[at:place_start])
            at = place_end
        return "".join(kept) + text[at : mention.start], True

    def _nearest_group_left(
        self, groups: list[_Group], mention: Mention, clause: tuple[int, int]
    ) -> _Group | None:
        for group in reversed(groups):
            if group.end <= mention.start and group.start >= clause[0]:
                return group
        return None

    def _novel_before(
        self, text: str, mention: Mention, mentions: list[Mention], clause: tuple[int, int]
    ) -> Mention | None:
        index = mentions.index(mention)
        # "Bulychev's One Hundred Years Ahead, which came out in 1976": a relative clause
        # speaks of the work just before it
        relative = _RELATIVE_OPENING.match(text, clause[0]) is not None
        for prev in reversed(mentions[:index]):
            if prev.start < clause[0]:
                return prev if relative and prev.kind == "novel" else None
            if prev.kind == "novel" or (prev.kind == TITLE_KIND and not self._is_film(prev, text)):
                return prev
            if prev.kind == "film" and re.search(
                r"\b(?:novel|book|story|novella)\W*$", text[: prev.start]
            ):
                novel = self.catalogue.resolve(prev.text, ("novel",))
                return Mention(prev.start, prev.end, novel.name if novel else prev.text, "novel")
            if prev.kind == "film":
                return None  # "X, from A, and Y, from Lem's 1959 novel": not A, said of X
            if prev.kind == TITLE_KIND and re.search(
                r"\b(?:based on|adapted from|adaptation of)\W*$", text[: prev.start], re.I
            ):
                return prev
        return None

    def _written_by(self, novel: Mention, authors: set[str]) -> bool:
        """Whether the references give ``novel`` an author among ``authors``."""
        facts = self.catalogue.facts_about(novel.entity or "", Relation.WRITTEN_BY)
        return any(str(f.value) in authors for f in facts)

    def _wrote_source(self, film: FilmRef, person: str) -> bool:
        """Whether the references say ``person`` wrote the one work ``film`` adapts."""
        source = self._source_novel(film)
        return source is not None and self._written_by(source, {person})

    def _source_novel(self, film: FilmRef | None) -> Mention | None:
        """The one novel the references say ``film`` adapts, named as a mention."""
        if film is None or film.key.startswith("?"):
            return None
        works = [str(f.value) for f in self.catalogue.facts_about(film.key, Relation.BASED_ON)]
        if len(set(works)) != 1:
            return None
        novel = self.catalogue.entity(works[0])
        return Mention(0, 0, novel.name, "novel", novel.id) if novel is not None else None

    def _novel_after(
        self, mention: Mention, mentions: list[Mention], clause: tuple[int, int]
    ) -> Mention | None:
        """The work right after "Author's novel"."""
        after = [m for m in mentions if m.start >= mention.end]  # siblings share a span
        for nxt in after[:1]:
            if nxt.start < clause[1] and nxt.kind in {"novel", "film", TITLE_KIND}:
                novel = self.catalogue.resolve(nxt.text, ("novel",))
                return Mention(nxt.start, nxt.end, novel.name if novel else nxt.text, "novel")
        return None

    def _author_of(
        self,
        sentence: Sentence,
        novel: Mention,
        mentions: list[Mention],
        clause: tuple[int, int],
        used: set[tuple[int, str]],
    ) -> None:
        """'based on the novel “X” by Y': Y wrote X."""
        text = sentence.text
        index = mentions.index(novel)
        for nxt in mentions[index + 1 :]:
            if nxt.start >= clause[1] or nxt.kind not in _PERSON_KINDS:
                break
            if re.fullmatch(
                r"[”\"*_]?,?\s+by\s+(?:(?:[\w-]+\s+)?(?:writer|author)\s+)?",
                text[novel.end : nxt.start],
            ):
                self._add(sentence, novel.text, Relation.WRITTEN_BY, nxt.text, NAMED, "named")
                used.add((nxt.start, nxt.text))
            break

    # ------------------------------------------------------------------ subjects

    def _subject(
        self,
        text: str,
        mention: Mention,
        groups: list[_Group],
        clause: tuple[int, int],
        discourse: Discourse,
        tied: _Group | None,
    ) -> _Subject | None:
        # a film the time is counted from ("Six years after Signals, Kolditz went back into
        # space with a stranger film, first shown in 1976"; "After Solaris, the director
        # made Mirror, released in 1975") is not what the value is said of
        counted = [
            g
            for g in groups
            if g is not tied
            and g.end <= mention.start
            and _COUNTED_FROM.search(text, max(0, g.start - 40), g.start) is not None
            and (ends := _COUNTED_FILM_ENDS.match(text, g.end)) is not None
            and ends.end() <= mention.start
            # (not an aside of the film's own that holds the value, closed by a comma: "After
            # Aelita, a 1924 silent by Protazanov, ..."; a clause to the end is another's:
            # "Two years after Ikarie XB-1, the American version appeared in 1964")
            and not (
                _APPOSITION_OPENS.match(text, ends.end())
                and "," in re.split(r"[;:]", text[mention.end :], maxsplit=1)[0]
                and "," not in text[ends.end() : mention.start]
            )
            # (the value in the clause that follows, not past another: "Before X, no film
            # had been in colour; it was directed by Y")
            and not re.search(r"[;:]", text[ends.end() : mention.start])
        ]
        if counted:
            groups = [g for g in groups if g not in counted]
        found = self._subject_of(text, mention, groups, clause, discourse, tied)
        if (
            counted
            and found is not None
            and found.confidence > DOUBTFUL
            and not any(g.film.key == found.film.key for g in groups)
        ):
            how = f"attribution uncertain: {found.how}, not the film the time is counted from"
            found = _Subject(found.film, DOUBTFUL, how)
        maker = _SOURCE_MAKER.search(text, clause[0], mention.start)
        if found is None or tied is not None or maker is None:
            return found
        if any(g.film.key != found.film.key for g in groups):
            return found  # "The Soviet cast were A and B, from Nebo Zovyot": the film it names
        # only the names the phrase introduces: "the Soviet directors were A and B"
        between = text[maker.end() : mention.start]
        for other in self._sentence_mentions:
            if maker.end() <= other.start and other.end <= mention.start:
                between = between.replace(other.text, " ")
        if not _MAKERS_LISTED.fullmatch(between):
            return found
        return self._source_makers(found, maker[0], discourse)

    def _subject_of(
        self,
        text: str,
        mention: Mention,
        groups: list[_Group],
        clause: tuple[int, int],
        discourse: Discourse,
        tied: _Group | None,
    ) -> _Subject | None:
        if tied is not None:
            return _Subject(tied.film, NAMED, "named in the sentence")
        # a film named after the value only to compare ("the score is by X, which is why it
        # sounds so much like Solaris") is not what the sentence speaks of
        groups = [
            g
            for g in groups
            if g.start < mention.end or not _COMPARED_WITH.search(text, mention.end, g.start)
        ]
        in_clause = [g for g in groups if clause[0] <= g.start < clause[1]]
        left = [g for g in in_clause if g.end <= mention.start]
        if not left and re.match(r"^[\s,]*(?:which|whose)\b", text[clause[0] :]):
            before = [g for g in groups if g.end <= clause[0]]
            gap = _BEFORE_WHICH.fullmatch(text[before[-1].end : clause[0]]) if before else None
            if gap is not None and gap["year"] is None:
                return _Subject(before[-1].film, NAMED, "named before 'which'")
            if gap is not None:
                # "Queen of Blood in 1966, which ...": the year may be what the clause is of,
                # as in "fashioned X from Y in 1966, which is an American film" (of X, not Y)
                return _Subject(
                    before[-1].film, DOUBTFUL, "attribution uncertain: named before 'in' a year"
                )
        if not left:
            # "Nebo Zovyot, the 1959 space picture that Karyukov and Kozyr directed at the
            # Dovzhenko studio": the title a description is set after, with what it says
            described = next((g for g in reversed(groups) if g.end <= mention.start), None)
            if described is not None and _described_after(text, described.end, mention.start):
                return _Subject(described.film, NAMED, "the film the description after it is of")
        if left:
            group = left[-1]
            between = text[group.end : mention.start]
            this = _THIS_FILM.search(between)
            film = discourse.section or discourse.topic
            if this is not None and film is not None and film.key != group.film.key:
                # "first for X (1966), then for this Roger Corman production, directed by
                # Y": "this" is the film the page is about, nearer than X
                how = f"attribution uncertain: '{this[0]}' read as {film.name}, not the film before"
                return _Subject(film, DOUBTFUL, how)
            if not _ABOUT_ANOTHER.search(between) or _DESCRIBED_AS.fullmatch(between):
                return _Subject(group.film, NAMED, "named in the sentence")
        resolved = self._anaphora(text[clause[0] : mention.start], discourse)
        if resolved is not None:
            return resolved
        unknown = _UNKNOWN_SUBJECT.search(text, clause[0], mention.start)
        if (
            not left
            and unknown is not None
            and unknown["w"].lower() not in _NOT_A_SUBJECT_NAME
            and not any(m.start <= unknown.start("w") < m.end for m in self._sentence_mentions)
        ):
            # "(And Storms was Lennauchfilm, ...)": said of something no reference knows by
            # that name, perhaps a film's nickname: whatever it is, not surely the default
            film = discourse.default()
            if film is not None:
                how = f"attribution uncertain: said of '{unknown['w']}', which names no known film"
                return _Subject(film, DOUBTFUL, how)
        if (
            not left
            and mention.kind in _PERSON_KINDS
            and discourse.section is None
            and discourse.paragraph_film is None
        ):
            made = self._makers_version(text, clause[0], mention.start, discourse)
            if made is not None:
                return made
        right = [g for g in in_clause if g.start >= mention.end]
        if (
            right
            and not left
            and re.fullmatch(r"[\s,]*(?:the\s+)?", text[mention.end : right[0].start])
        ):
            return _Subject(right[0].film, RESOLVED, "named right after")
        if (
            right
            and _APPOSED.fullmatch(text[mention.end : right[0].start])
            and re.search(
                r"\b(?:a|an|the)\s+(?:[a-z][\w-]*\s+){0,2}$",
                text[max(0, mention.start - 30) : mention.start],
            )
        ):
            # "the effects reels of a 1963 Soviet picture, Mechte navstrechu"
            return _Subject(right[0].film, RESOLVED, "the film named after the description")
        if (
            right
            and not left
            and _IN_FILM.fullmatch(text, mention.end, right[0].start)
            and mention.kind in _PERSON_KINDS
            and not re.match(r"['’]s?\s", text[right[0].end :])  # (not "in X's novel")
        ):
            # "Banionis plays Kelvin in Solaris", "Guseva is the live-action Alisa in X"
            return _Subject(right[0].film, RESOLVED, "the film the sentence puts them in")
        if (
            right
            and not left
            and _WORK_FOR_FILM.fullmatch(text, mention.end, right[0].start)
            and mention.kind in _PERSON_KINDS
        ):
            # "Zatsepin wrote the music for The Mystery of the Third Planet"
            return _Subject(right[0].film, RESOLVED, "the film the sentence says it was for")
        inside = re.match(
            r"^,?[^,;.()]{0,50}?\bin\s+(?P<np>(?:the|its|this)\s[^,;.()]{1,40})",
            text[mention.end :],
        )
        if inside is not None and not right:
            # "X, who plays Kornev in the Soviet film": the film the phrase names
            resolved = self._anaphora(inside["np"], discourse)
            if resolved is not None and _OBJECT_ANAPHOR.match(inside["np"]):
                return resolved
        following = re.match(r"^[^,;]{0,60},\s+", text[mention.end : clause[1]])
        if following is not None:
            resolved = self._anaphora(text[mention.end + following.end() : clause[1]], discourse)
            if resolved is not None:
                return resolved
        if discourse.story is not None and not groups:
            return _Subject(discourse.story, DOUBTFUL, _STORY_HOW.format(discourse.story.name))
        about = discourse.about
        if (
            about is not None
            and not groups
            and discourse.paragraph_film is None
            and discourse.section is None
        ):
            # "Harrington built Queen of Blood … Harrington directed, Corman produced.": a
            # sentence that names no film goes on about the film the one before was about
            return _Subject(about, RESOLVED, f"{about.name}, the subject of the sentence before")
        earlier = discourse.replied or discourse.before
        if (
            earlier is not None
            and not groups
            and discourse.in_paragraph is None
            and discourse.paragraph_film is None
            and discourse.section is None
        ):
            # a reply that names no film goes on about the film the post before was about,
            # unless its story is another film's ("Dr Farraday, played by Basil Rathbone, ..."
            # after a paragraph on the Soviet original)
            story = self._story_of(text, discourse, earlier)
            if story is not None:
                discourse.paragraph_story = story
                return _Subject(story, DOUBTFUL, _STORY_HOW.format(story.name))
            told = discourse.paragraph_story
            if told is not None and told.key != earlier.key and not _BACK_TO.search(text):
                # "The script comes from Kazantsev's novel" after sentences of this paragraph
                # told Planeta Bur's story: that film's, not the post before's
                how = f"attribution uncertain: {told.name}, whose story the paragraph told"
                return _Subject(told, DOUBTFUL, how)
            how = f"{earlier.name}, the subject of the paragraph before"
            return _Subject(earlier, DOUBTFUL, f"attribution uncertain: {how}")
        titled = self._titled
        credits = self._credits or _CREDIT_OPENING.match(text) is not None
        if titled is not None and credits and not groups and not titled.key.startswith("?"):
            # "Kin-dza-dza! Georgiy Daneliya, 1986, Mosfilm.", "X (1965). Directed by Y.": the
            # credits of the title before
            return _Subject(titled, RESOLVED, f"the credits of {titled.name}, the line before")
        film = discourse.default()
        if film is None:
            return None
        others = [g for g in groups if g.film.key != film.key]
        other_keys = {g.film.key for g in others}
        if (
            len(other_keys) == 1
            and len(others) == len(groups)
            and not others[0].film.key.startswith("?")
            and _OPENS_ON.fullmatch(text, 0, others[0].start)
            # (not a sentence setting it against the film spoken of: "Solaris is slower,
            # whereas this one was directed by Daneliya")
            and not _CONTRASTED.search(text)
        ):
            # "Nebo Zovyot is 1959, though, Karyukov and Kozyr at the Dovzhenko studio": the
            # one film the sentence names, and opens on, though another clause names it
            how = f"attribution uncertain: {others[0].film.name}, the film the sentence opens on"
            return _Subject(others[0].film, DOUBTFUL, how)
        if others:
            names = ", ".join(dict.fromkeys(g.film.name for g in others))
            return _Subject(
                film, DOUBTFUL, f"attribution uncertain: the sentence also names {names}"
            )
        if discourse.last_named is not None and discourse.last_named.key != film.key:
            how = f"attribution uncertain: {discourse.last_named.name} was named just before"
            return _Subject(film, DOUBTFUL, how)
        unnamed = discourse.in_paragraph is None or discourse.in_paragraph.key != film.key
        if discourse.paragraph_film is None and discourse.section is None and unnamed:
            named = discourse.in_paragraph
            if (
                named is not None
                and self.nearby.get(discourse.paragraph) == (named.key,)
                and not self._compared_to(named, discourse.paragraph)
            ):
                # "Nobody's mentioned cartoons, so: X. Kachanov, 1981, Soyuzmultfilm": the one
                # film the paragraph names, not the document's
                return _Subject(named, DEFAULT, f"{named.name}, the one film the paragraph names")
            how = "attribution uncertain: the document's film, not named in this paragraph"
            return _Subject(film, DOUBTFUL, how)
        return _Subject(film, DEFAULT, "the film the document or section is about")

    def _compared_to(self, film: FilmRef, paragraph: int) -> bool:
        """Whether the paragraph named ``film`` only to compare ("I'd compare it to X")."""
        for said, _ in reversed(self._read):
            if said.paragraph != paragraph:
                break
            at = said.text.find(film.name)
            if at >= 0:
                return _COMPARED_TO.search(said.text, 0, at) is not None
        return False

    @staticmethod
    def _names_a_film(groups: list[_Group], clause: tuple[int, int], mention: Mention) -> bool:
        return any(clause[0] <= g.start and g.end <= mention.start for g in groups)

    def _each_of(self, before: str, groups: list[_Group], discourse: Discourse) -> list[_Subject]:
        """'X and Y, both directed by Z', 'aren't they both Z films': each of the films.

        "both" (or "all three", "all four") just before a value's cue speaks of the films
        the sentence named before it, else of the films the document named last.
        """
        found = _EACH.search(before)
        if found is None:
            return []
        count = _EACH_COUNT.get(found["w"].lower().split()[-1], 2)
        named = [g.film for g in groups if g.end <= found.start()]
        films = list(dict.fromkeys(named))[-count:] if named else discourse.named[-count:]
        near = before[max(0, found.start() - 25) : found.start()]
        if _NOT_SO.search(near) or _HEARSAY.search(near):
            return []  # "Not both halves ...", "Perhaps both ...", "Some say both ..."
        if not named and count == 2 and _HALVES.search(found[0]):
            # "directed both halves at X": the last film named with its sequel or prequel, and
            # no other two ("both halves of the crew" are no films)
            if _HALVES_OF_ELSE.search(found[0]):
                return []
            if _NEITHER.search(self._sentence_text):
                return []
            films = self._two_parts(
                [f for f in discourse.named if not f.key.startswith("?")],
                discourse.current(),
                discourse.default(),
            )
        if len(films) < count or any(f.key.startswith("?") for f in films):
            return []
        how = f"'{found['w']}' read as {', '.join(f.name for f in films)}"
        confidence = RESOLVED if named else DOUBTFUL
        if not named:
            how = f"{how}, the films named last"
        return [_Subject(f, confidence, how) for f in films]

    def _first_parts(self, sequel: FilmRef | None) -> set[str]:
        """The films the references give ``sequel`` as the sequel of."""
        if sequel is None or sequel.key.startswith("?"):
            return set()
        return {f.subject for f in self.catalogue.facts_with_value(Relation.SEQUEL, sequel.key)}

    def _two_parts(
        self, known: list[FilmRef], current: FilmRef | None = None, page: FilmRef | None = None
    ) -> list[FilmRef]:
        """The last film named with the one named before it that is its sequel or prequel.

        Else the film spoken of (``current``) and the one sequel or prequel the references
        give it ("the Cassiopeia one ... directed both halves", the second never named).
        """
        for at in range(len(known) - 1, 0, -1):
            kin = self.x.footage_kin(known[at].key, Relation.SEQUEL)
            earlier = next((f for f in reversed(known[:at]) if f.key in kin), None)
            if earlier is not None:
                return [earlier, known[at]]
        for film in (current, page):  # (the film spoken of, else the page's)
            if film is None or film.key.startswith("?"):
                continue
            kin = self.x.footage_kin(film.key, Relation.SEQUEL)
            if len(kin) == 1:
                other = self.catalogue.entities[next(iter(kin))]
                return [film, FilmRef(other.id, other.name)]
        return []

    def _plural(self, head: str, discourse: Discourse) -> list[_Subject]:
        """'Both', 'the two films', 'they': the last two films the document named."""
        if not _PLURAL.match(head.strip(' \t"“”*_(').lower()):
            return []
        if _HALVES.search(head) and (_NOT_SO.search(head) or _HEARSAY.search(head)):
            return []  # "Not both halves ...", "Perhaps both halves ...", "Some say both ..."
        known = [f for f in discourse.named if not f.key.startswith("?")]
        films = known[-2:] if len(known) >= 2 else discourse.named[-2:]  # films, not a quote
        if _HALVES.search(head):
            # "both halves", "both parts": the last film named with its sequel or prequel, and
            # no other two films ("neither of the two halves": no claim for either)
            films = (
                []
                if _HALVES_OF_ELSE.search(head) or _NEITHER.search(self._sentence_text)
                else self._two_parts(known, discourse.current(), discourse.default())
            )
        if len(films) < 2:
            return []
        how = f"'{head.strip().split()[0].lower()}' read as {films[0].name} and {films[1].name}"
        return [_Subject(film, RESOLVED, how) for film in films]

    def _anaphora(self, head: str, discourse: Discourse) -> _Subject | None:
        lead = head.lstrip(' \t"“”*_(')
        by_name = _NAMED_FILM_PHRASE.match(lead)
        # (the phrase is what the clause speaks of: not "Unlike the Tarkovsky film, it ...",
        # nor "The Coppola cut was X's, and the original was ...")
        if by_name is not None and _anaphoric_phrase(lead[by_name.end() :]) is None:
            # "the Bogdanovich one", "the Tallinnfilm picture", "the Pirx film": the one film
            # the document named that the name belongs to
            found = self._film_of_name(by_name["name"], discourse)
            current = discourse.current()
            said = self._sentence_text
            if (
                found is not None
                and current is not None
                and found.film.key != current.key
                and (_asked_or_would(said) or _LEFT_OPEN.search(said))
            ):
                # asked, hearsay, imagined or hedged: the film picked would verify what is not
                # said, the film spoken of be blamed for another's
                how = f"attribution uncertain: '{by_name['np']}' may be another film"
                return _Subject(current, DOUBTFUL, how)
            if found is not None and (
                current is None
                or found.film.key != current.key
                # (a name that may be another film's too: in doubt, whichever is spoken of)
                or found.confidence < RESOLVED
            ):
                return found
        phrase = _anaphoric_phrase(head)
        if phrase is None:
            return None
        current = discourse.current()
        if phrase == "the latter":
            film = discourse.recent()
        elif phrase == "the former":
            film = discourse.recent(1)
        elif phrase.startswith(("the first ", "the second ")) and self._ordinal_opening:
            # "Moscow-Cassiopeia and its sequel ... The first film is all set-up" (only so:
            # "the first one I saw" or "the first film to ..." is no film of a pair)
            film = self._ordinal(phrase)
        elif (_PREQUEL_WORDS.search(phrase) or phrase.startswith("the first ")) and (
            _SET_BESIDE.search(head)
        ):
            # "A sequel to the previous film, it ...", "Better than its predecessor, it ...",
            # "The first film ever made in colour there, it ...": the film beside it is not
            # the one spoken of
            film = current
        elif _PREQUEL_WORDS.search(phrase) or (
            phrase.startswith("the first ")
            and (
                self._related(current, discourse, Relation.SEQUEL, source=True)
                not in (None, _AMBIGUOUS)
                or self._first_parts(discourse.default() or current)
            )
        ):
            # "its predecessor", "the previous film"; "the first film" said of a sequel: the
            # film the document named whose sequel it is (the sequel being the film spoken
            # of, else the one the page is about: "It follows X. Like its predecessor, ...")
            film = self._related(current, discourse, Relation.SEQUEL, source=True)
            base = discourse.default()
            if film is None and base is not None and base != current:
                film = self._related(base, discourse, Relation.SEQUEL, source=True)
            if film is None:
                # never named: the one film the references give as the sequel's first, in
                # doubt; else no film to blame anything on ("Its predecessor was made at X")
                sequel = base or current
                first = self._first_parts(sequel)
                if sequel is None or len(first) != 1:
                    # ("Its predecessor was made at X" on a page of a film with none known:
                    # an unknown film, never the page's)
                    unknown = FilmRef(f"?{phrase}", phrase)
                    return None if sequel is None else _Subject(unknown, DOUBTFUL, _NO_PREQUEL)
                named = self.catalogue.entities[first.pop()]
                how = f"attribution uncertain: '{phrase}' read as {named.name}, never named"
                return _Subject(FilmRef(named.id, named.name), DOUBTFUL, how)
        elif (
            "original" in phrase
            or "soviet" in phrase
            or "russian" in phrase
            or phrase == ("the source film")
        ):
            film = self._related(current, discourse, Relation.FOOTAGE_USED_IN, source=True)
            if (
                film is None
                and current is not None
                and self._related(current, discourse, Relation.FOOTAGE_USED_IN, source=False)
                not in (None, _AMBIGUOUS)
            ):
                # the film just named is itself the original of a film the document named
                return _Subject(current, RESOLVED, f"'{phrase}' read as {current.name}")
        elif "sequel" in phrase:
            film = self._related(current, discourse, Relation.SEQUEL, source=False)
        elif phrase in _OF_A_KIND:
            # the film of that kind the document named last; not when the sentence speaks of
            # a remake or a version the cartoon may be ("its animated remake ... the cartoon")
            film = (
                None
                if _ANOTHER_MADE.search(self._sentence_text)
                else next((f for f in reversed(discourse.named) if self._animated(f)), None)
            )
        elif any(w in phrase for w in _RE_EDIT_WORDS):
            film = self._related(current, discourse, Relation.FOOTAGE_USED_IN, source=False)
        else:
            film = current
            earlier = discourse.replied or discourse.before or discourse.topic
            if (
                film is not None
                and phrase.startswith("this ")
                and film.name in self._sentence_text
                and _SET_AGAINST.search(
                    self._sentence_text, self._sentence_text.index(film.name) + len(film.name)
                )
                and earlier is not None
                and earlier.key != film.key
            ):
                # "Solaris is slower, whereas this one ...": the film spoken of before the
                # sentence, not the one it sets against it
                how = f"attribution uncertain: '{phrase}' set against {film.name}"
                return _Subject(earlier, DOUBTFUL, how)
            if film is not None and self._after_several and phrase in _PLAIN_ANAPHORA:
                how = f"attribution uncertain: '{phrase}' read as {film.name}, one of several named"
                return _Subject(film, DOUBTFUL, how)
            if film is not None and self._after_book and phrase == "it":
                how = f"attribution uncertain: 'it' read as {film.name}, after a book was named"
                return _Subject(film, DOUBTFUL, how)
        if film is None:
            return None
        if film is _AMBIGUOUS:
            return None
        recent = discourse.recent()
        unnamed = discourse.last_named is None and discourse.in_paragraph is None
        chosen_by_kind = phrase in _OF_A_KIND  # the film of that kind, not the one spoken of
        if (
            film is current
            and unnamed
            and not chosen_by_kind
            and recent is not None
            and recent.key != film.key
        ):
            # A paragraph that names no film: "it" may be the film named last (a reply in a
            # thread) as well as the section's or the document's. A reply goes on about the
            # film the post before stated something of, when there is one.
            earlier = discourse.before if discourse.section is None else None
            if earlier is not None and earlier.key != film.key:
                how = (
                    f"attribution uncertain: '{phrase}' read as {earlier.name}, the subject of "
                    f"the paragraph before; {film.name} is the document's"
                )
                return _Subject(earlier, DOUBTFUL, how)
            how = (
                f"attribution uncertain: '{phrase}' read as {film.name} in a paragraph that "
                f"names no film; {recent.name} was named last"
            )
            return _Subject(film, DOUBTFUL, how)
        return _Subject(film, RESOLVED, f"'{phrase}' read as {film.name}")

    def _film_of_name(self, name: str, discourse: Discourse) -> _Subject | None:
        """The one film the document named that ``name`` belongs to, if only one.

        First by its titles and credits (a word of a title, or of a maker's, studio's or
        actor's name the references give it: "Pirx", "Bogdanovich", "Tallinnfilm"), then by
        its characters ("Alisa"). A name that belongs to several of the films named picks
        none; one that belongs to a film the document never named as well picks the named
        one with doubt ("the Tallinnfilm one" of a thread that named only one of the two
        Tallinnfilm films). A name that belongs to none of the films named (not even as a
        character's) picks, with doubt, the one film the references credit it on, else,
        credited on several, the film spoken of; a word for a people picks none ("the
        Soviet film").
        """
        word = name_key(name)
        films = [f for f in dict.fromkeys(reversed(discourse.named)) if not f.key.startswith("?")]
        if not films or name.lower() in DEMONYMS:
            return None
        if not any(
            self._credited_name(f.key, word) or self._character_name(f.key, word) for f in films
        ):
            # "There are two re-edits of Planeta Bur. The Bogdanovich one came out in 1968.":
            # the one film the references credit the name on, never named, with doubt
            # (by its credits only: a word of a title may say where a film is set, "the
            # Venus picture" of a page on Planeta Bur)
            credited = [
                e
                for e in self.catalogue.of_kind("film")
                if any(word in name_key(n).split() for n in self._credit_names(e.id))
            ]
            if len(credited) == 1:
                how = f"attribution uncertain: '{name}' read as {credited[0].name}, never named"
                return _Subject(FilmRef(credited[0].id, credited[0].name), DOUBTFUL, how)
            current = discourse.current()
            if credited and current is not None:
                # ... or one of several: whichever, not surely the film spoken of
                how = f"attribution uncertain: '{name}' names another film than {current.name}"
                return _Subject(current, DOUBTFUL, how)
        if len(films) < 2:
            return None  # (one film named: "it" finds it as well)
        for belongs in (self._credited_name, self._character_name):
            found = [f for f in films if belongs(f.key, word)]
            if len(found) > 1:
                return None
            if found:
                film = found[0]
                others = [
                    e.id
                    for e in self.catalogue.of_kind("film")
                    if e.id != film.key and belongs(e.id, word)
                ]
                phrase = f"'{name}' read as {film.name}, the film named that it belongs to"
                if others:
                    return _Subject(film, DOUBTFUL, f"attribution uncertain: {phrase}")
                return _Subject(film, RESOLVED, phrase)
        return None

    def _credited_name(self, film: str, word: str) -> bool:
        """Whether ``word`` is a word of a title or a credited name of ``film``."""
        entity = self.catalogue.entities.get(film)
        names = [*(entity.names if entity is not None else ()), *self._credit_names(film)]
        return any(word in name_key(n).split() for n in names)

    def _credit_names(self, film: str) -> tuple[str, ...]:
        """The names of whoever the references credit on ``film``, and its studio."""
        return tuple(
            n
            for relation in _CREDIT_RELATIONS
            for fact in self.catalogue.facts_about(film, relation)
            for n in self.catalogue.names_of(fact.value)
        )

    def _character_name(self, film: str, word: str) -> bool:
        """Whether ``word`` is a word of the name of one of ``film``'s characters."""
        return any(
            word in name_key(n).split() for c in self.catalogue.characters_of(film) for n in c.names
        )

    def _source_makers(self, found: _Subject, phrase: str, discourse: Discourse) -> _Subject:
        """Whose makers "the Soviet directors" of a re-edit are: those of the film it took.

        The film the re-edit was made from, when the document named it; else the re-edit,
        with doubt, when the references know it was made from another film.
        """
        film = found.film
        source = self._related(film, discourse, Relation.FOOTAGE_USED_IN, source=True)
        if source is not None and source is not _AMBIGUOUS:
            how = f"'{phrase}' read as those of {source.name}, the film {film.name} was made from"
            return _Subject(source, min(found.confidence, RESOLVED), how)
        if self.catalogue.facts_with_value(Relation.FOOTAGE_USED_IN, film.key):
            how = f"attribution uncertain: '{phrase}' of {film.name} may be its source film's"
            return _Subject(film, DOUBTFUL, how)
        return found

    def _animated(self, film: FilmRef) -> bool:
        """Whether the references say ``film`` is animated."""
        return any(
            str(f.value).lower() == "true"
            for f in self.catalogue.facts_about(film.key, Relation.ANIMATED)
        )

    def _related(
        self, film: FilmRef | None, discourse: Discourse, relation: Relation, source: bool
    ) -> FilmRef | None:
        """A film the document named that the references relate to ``film``."""
        if film is not None and film.key.startswith("?"):
            film = discourse.section or discourse.topic  # an unknown title relates to nothing
        if film is None:
            return None
        found = []
        for other in reversed(discourse.named):
            if other.key == film.key or other.key.startswith("?") or film.key.startswith("?"):
                continue
            a, b = (other.key, film.key) if source else (film.key, other.key)
            if any(f.value == b for f in self.catalogue.facts_about(a, relation)):
                found.append(other)
        if len({f.key for f in found}) > 1:
            return _AMBIGUOUS  # two originals, two re-edits: the phrase picks none surely
        return found[0] if found else None

    # ------------------------------------------------------------------ film to film

    def _footage_for(self, sentence: Sentence, groups: list[_Group], discourse: Discourse) -> None:
        """'Corman mined Nebo Zovyot again for Queen of Blood': footage taken for a film.

        A verb of taking footage (mined, plundered, raided, lifted, reused ...) and, after
        it, "for" a film: that film is made from the footage of the film named between
        them, else of the film named just before the verb ("Planeta Bur was plundered ...
        for X"), else (with doubt) of the film being discussed, or of its own source when
        it is itself a re-edit ("reused the footage for X" under a heading on a re-cut).
        """
        text = sentence.text
        for verb in _FOOTAGE_VERB.finditer(text):
            taken: _Group | None = None  # the last film the footage went into
            for target in (g for g in groups if g.start > verb.end()):
                lead = _FOR_TARGET.search(text[verb.end() : target.start])
                if (
                    lead is None
                    and taken is not None
                    and _FILMS_JOINED.fullmatch(text, taken.end, target.start)
                ):
                    # "reused in X (1962) and Y (1966)": each film of the list took it
                    lead = _FOR_TARGET.search(text[verb.end() : taken.start])
                if lead is None or target.start - verb.end() > 160:
                    continue
                earlier, taken = taken, target
                mid = text[verb.end() : verb.end() + lead.start()]
                inside = [
                    g
                    for g in groups
                    if verb.end() <= g.start and g.end <= verb.end() + lead.start()
                ]
                # "The film's effects were reused in X": the footage named before a passive verb
                passive = _FOOTAGE_PASSIVE.search(text, 0, verb.start()) is not None
                old = _OLD_FOOTAGE.search(text, 0, verb.start())
                if _SHOWS_UP.match(verb[0]) and not (
                    passive
                    and old is not None
                    # ("Rathbone's scenes", "the professor's scenes": only a film's own)
                    and (
                        old["owner"] is None
                        or any(g.start < old.end("owner") <= g.end for g in groups)
                    )
                ):
                    # "Kaidanovsky turns up in X": someone; "similar shots", "new scenes",
                    # "Rathbone's scenes" turn up too: not the film's own footage
                    continue
                if verb[0].lower() in _HANDED_OVER and not _HANDED_FOOTAGE.match(
                    text, verb.start()
                ):
                    continue  # handed over something else
                if (
                    _NEVER.search(text, max(0, verb.start() - 20), verb.start())
                    or denied_before(text, 0, verb.start())
                    # (in the verb's own clause: not "If the effects look familiar, it is
                    # because Corman lifted them for X")
                    or _HEDGED.search(text, _piece_start(text, verb.start()), verb.start())
                    or _HEARSAY.search(text)
                    or _MYTH.search(text)
                    or text.rstrip(" ”\"')*_").endswith("?")
                    or _PASSED_OVER.search(text, verb.end(), target.start)
                ):
                    continue  # not so: "never reused the film's footage in X", "passed over"
                back = _BACK_TO_FOOTAGE.match(verb[0]) is not None
                plain = verb[0].lower() in _PLAIN_USE or back
                if plain and not (inside or _FOOTAGE_WORD.search(mid) or passive):
                    continue  # "used the money for X", "went back to Moscow for X": no footage
                if back and (
                    earlier is not None
                    or _NEVER.search(text, max(0, verb.start() - 20), verb.start())
                    or _HEDGED.search(text, 0, verb.start())
                    or _HEARSAY.search(text)
                    or _MYTH.search(text)
                    or text.rstrip(" ”\"')*_").endswith("?")
                ):
                    # "went back to the reels for A, and Bogdanovich for B" (B is another's),
                    # "didn't go back to those reels for X", "Did Corman go back to ...?"
                    break
                of_it = _OF_IT.search(mid)
                if (
                    verb[0].lower() in _PLAIN_USE
                    and not lead[0].startswith("for")
                    and not inside
                    and not passive
                    and of_it is None  # ("reused its footage in X": its own)
                ):
                    continue  # "used similar effects in X": alike, not taken (unlike "used
                    # Nebo Zovyot's shots in X")
                self._footage_taker(sentence, verb.start(), target)
                left = [
                    g
                    for g in groups
                    if g.end <= verb.start() and not re.search(r"[.;]", text[g.end : verb.start()])
                ]
                pointed = (
                    self._anaphora("it", discourse)
                    # (not the footage of a film named before it: "reused Planeta Bur and its
                    # effects shots", "saw Planeta Bur and reused the film's footage")
                    if of_it is not None
                    and not any(g.end <= verb.end() + of_it.start() for g in inside)
                    and not (left and of_it[0].lower().startswith(("its", "the")))
                    else None
                )
                if pointed is not None and pointed.film.key != target.film.key:
                    # "recycled chunks of it, along with X, in Y": "it" gave footage too
                    source = pointed.film
                    self._add(
                        sentence,
                        source.name,
                        Relation.FOOTAGE_USED_IN,
                        target.film.name,
                        pointed.confidence,
                        pointed.how,
                    )
                if len(inside) > 1 and _ALSO_TAKEN.match(text[inside[0].end : inside[1].start]):
                    # "used X's shots, together with scenes from Y, in Z": Y gave footage too
                    self._add(
                        sentence,
                        inside[1].film.name,
                        Relation.FOOTAGE_USED_IN,
                        target.film.name,
                        NAMED,
                        "named in the sentence",
                    )
                if inside:
                    source, confidence, how = inside[0].film, NAMED, "named in the sentence"
                elif pointed is not None:
                    continue
                elif left:
                    source, confidence, how = left[-1].film, NAMED, "named in the sentence"
                else:
                    film = discourse.section or discourse.current()
                    if film is None or film.key.startswith("?"):
                        continue
                    original = self._related(film, discourse, Relation.FOOTAGE_USED_IN, True)
                    if original is _AMBIGUOUS:
                        continue
                    source = original or film
                    confidence = DOUBTFUL
                    how = f"attribution uncertain: the footage read as {source.name}'s"
                if source.key == target.film.key:
                    continue
                self._add(
                    sentence,
                    source.name,
                    Relation.FOOTAGE_USED_IN,
                    target.film.name,
                    confidence,
                    how,
                )

    def _footage_source(
        self, sentence: Sentence, groups: list[_Group], discourse: Discourse
    ) -> None:
        """'The source is X', 'shots come from X': the film discussed is made from X's footage.

        The film discussed is the section's or the document's, or the one this paragraph
        named, never X itself; which of the document's films it is being a guess, the claim
        is doubtful (never blamed on the document).
        """
        text = sentence.text
        if (
            _NOT_SO.search(text)
            or _HEARSAY.search(text)
            or _MYTH.search(text)
            or re.search(r"(?i)\b(?:none|no|assume[sd]?|believes?)\b", text)
            or text.rstrip(" ”\"')*_").endswith("?")
        ):
            return  # "None of the space stuff is from X", "I doubt ...", "It's a myth that ..."
        for found in _SOURCE_OF_FOOTAGE.finditer(text):
            source = next((g for g in groups if g.start == found.end()), None)
            if source is None or source.film.key.startswith("?"):
                continue
            inside = next(
                (
                    g
                    for g in groups
                    if (found.start() <= g.start and g.end <= found.end())
                    # "Battle Beyond the Sun's model work is from X": the owner's
                    or (
                        g.end <= found.start()
                        and re.fullmatch(
                            r"['’]s?\s+(?:[\w-]+\s+){0,2}", text[g.end : found.start()]
                        )
                    )
                ),
                None,
            )
            target = (
                inside.film
                if inside is not None  # "the model work in Solaris is largely from X"
                else discourse.section or discourse.current()
            )
            if target is None or target.key.startswith("?") or target.key == source.film.key:
                continue
            how = f"attribution uncertain: the footage read as taken for {target.name}"
            self._add(
                sentence, source.film.name, Relation.FOOTAGE_USED_IN, target.name, DOUBTFUL, how
            )
            # "..., with a few further shots lifted from B": B's went in there too
            more = _MORE_FOOTAGE_FROM.match(text, source.end)
            also = (
                None if more is None else next((g for g in groups if g.start == more.end()), None)
            )
            if also is not None and not also.film.key.startswith("?") and also.film != target:
                self._add(
                    sentence, also.film.name, Relation.FOOTAGE_USED_IN, target.name, DOUBTFUL, how
                )

    def _buyers(self, sentence: Sentence, groups: list[_Group], discourse: Discourse) -> None:
        """'Roger Corman bought the Soviet film': the buyer made one of its re-edits.

        Of the re-edits of the film bought that the document names, the one the references
        credit the buyer on (directing or producing) gets that credit, with doubt.
        """
        text = sentence.text
        for found in _BOUGHT.finditer(text):
            buyer = next(
                (
                    m
                    for m in self._sentence_mentions
                    if m.kind == "person" and m.end == found.start() and m.entity is not None
                ),
                None,
            )
            if buyer is None or buyer.entity is None:
                continue
            named = next((g for g in groups if g.start >= found.end()), None)
            near = named is not None and not text[found.end() : named.start].strip(' *_“"')
            bought = named.film if near and named is not None else discourse.current()
            if bought is None or bought.key.startswith("?"):
                continue
            made = {str(f.value) for f in self.catalogue.facts_about(bought.key, _FOOTAGE)}
            films = dict.fromkeys([*discourse.named, *(g.film for g in groups)])
            credited = [
                (film, relation)
                for film in films
                if film.key in made
                and (relation := self._credited_as(film.key, buyer.entity)) is not None
            ]
            if len(credited) != 1:
                continue
            film, relation = credited[0]
            self._add(
                sentence,
                film.name,
                relation,
                self._value_text(buyer),
                DOUBTFUL,
                _BOUGHT_DOUBT,
                None,
                buyer.entity,
            )

    def _re_edit_of_makers(self, sentence: Sentence, discourse: Discourse) -> None:
        """'this re-edit of Klushantsev's film': the re-edit spoken of is made from that film.

        The film is the one the references say the person made and the re-edit took its
        footage from; the re-edit is what "this re-edit" points at.
        """
        text = sentence.text
        for found in _RE_EDIT_OF_MAKER.finditer(text):
            person = next(
                (
                    m
                    for m in self._sentence_mentions
                    if m.kind == "person" and m.start == found.start("who")
                ),
                None,
            )
            current = discourse.current()  # "this re-edit": the film spoken of, itself one
            if person is None or person.entity is None or current is None:
                continue
            subject = _Subject(current, RESOLVED, f"'{found['np']}' read as {current.name}")
            sources = [
                f.subject
                for f in self.catalogue.facts_with_value(_FOOTAGE, subject.film.key)
                if any(
                    str(d.value) == person.entity
                    for d in self.catalogue.facts_about(f.subject, Relation.DIRECTED_BY)
                )
            ]
            if len(set(sources)) != 1:
                continue
            original = self.catalogue.entity(sources[0])
            if original is None:
                continue
            how = f"{subject.how}; {person.text}'s film read as {original.name}"
            self._add(sentence, original.name, _FOOTAGE, subject.film.name, subject.confidence, how)

    def _footage_taker(self, sentence: Sentence, verb: int, target: _Group) -> None:
        """'Bogdanovich later raided the same reels for X': who took the footage made X.

        The person right before the verb (past an aside or an adverb) is credited, with
        doubt, with what the references credit them on X: its direction or production.
        """
        text = sentence.text
        people = [m for m in self._sentence_mentions if m.kind == "person" and m.end <= verb]
        taker = next((m for m in reversed(people) if _TAKER_GAP.fullmatch(text, m.end, verb)), None)
        if taker is None or taker.entity is None or target.film.key.startswith("?"):
            return
        relation = self._credit(target, taker.entity, _MAKERS)
        value = self._value_text(taker)
        self._add(
            sentence, target.film.name, relation, value, DOUBTFUL, _TAKER_DOUBT, None, taker.entity
        )

    def _flags(
        self,
        sentence: Sentence,
        groups: list[_Group],
        clauses: list[tuple[int, int]],
        discourse: Discourse,
    ) -> None:
        """Yes/no properties a sentence states of its film ("an animated feature")."""
        text = sentence.text
        found = _ANIMATED.search(text)
        if found is None:
            return
        flag = Mention(found.start(), found.end(), found[0], "flag")
        clause = next((c for c in clauses if c[0] <= flag.start < c[1]), (0, len(text)))
        subject = None
        if (
            not groups
            and _OBJECT_ANAPHOR.fullmatch(found[0])
            and len(_ANIMATED.findall(text)) == 1  # not "its animated remake ... the cartoon"
        ):
            # "Start with the cartoon instead.": the animated film the document named last
            subject = self._anaphora(found[0], discourse)
        if subject is None:
            subject = self._subject(text, flag, groups, clause, discourse, None)
        if subject is not None:
            self._add(
                sentence,
                subject.film.name,
                Relation.ANIMATED,
                "True",
                subject.confidence,
                subject.how,
            )

    def _book_filmed(
        self,
        sentence: Sentence,
        mentions: list[Mention],
        groups: list[_Group],
        clauses: list[tuple[int, int]],
    ) -> None:
        """A book said to reach the screen as a film the clause names: the film adapts it.

        "Lem's Astronauci reached the screen in 1960 as Der schweigende Stern", "the novel
        Solaris was filmed as Solaris by Tarkovsky", "X became the film Y".
        """
        text = sentence.text
        for novel in (m for m in mentions if m.kind == "novel" and m.entity is not None):
            clause = next((c for c in clauses if c[0] <= novel.start < c[1]), (0, len(text)))
            for group in groups:
                if not novel.end < group.start < clause[1]:
                    continue
                if _SCREENED_AS.fullmatch(text, novel.end, group.start):
                    self._add(
                        sentence, group.film.name, Relation.BASED_ON, novel.text, NAMED, "named"
                    )
                break

    def _other_titles(
        self,
        sentence: Sentence,
        groups: list[_Group],
        clauses: list[tuple[int, int]],
        discourse: Discourse,
    ) -> None:
        """Another title of a film, said as one: "it was retitled X", "Americans know it as X".

        The title must be one the references give the same film as the one the clause speaks
        of (named before it in the clause, or "it", "the film"): "released it as Y", where Y
        is a re-edit, is a re-use, read elsewhere.
        """
        text = sentence.text
        for index, right in enumerate(groups):
            clause = next((c for c in clauses if c[0] <= right.start < c[1]), (0, len(text)))
            if right.film.key.startswith("?") or not _TITLE_CUE_BEFORE.search(
                text, clause[0], right.start
            ):
                continue
            if (
                denied_before(text, 0, right.start)
                or _DENIED_OR_HEDGED.search(text)
                or "?" in text[right.end :]
            ):
                continue  # "it was never called X", "Was it released as X?"
            left = groups[index - 1] if index > 0 else None
            subject: _Subject | None
            if left is not None and left.start >= clause[0]:
                subject = _Subject(left.film, NAMED, "named")
            else:
                head = text[clause[0] : right.start]
                subject = self._anaphora(head, discourse)
                if subject is None and _IT_OR_THE_FILM.search(head):
                    current = discourse.current()
                    subject = _Subject(current, RESOLVED, "the film") if current else None
            if subject is None or subject.film.key != right.film.key:
                continue
            title = right.members[0].text
            if name_key(title) == name_key(subject.film.name):
                continue
            self._add(
                sentence,
                subject.film.name,
                Relation.ALSO_KNOWN_AS,
                title,
                subject.confidence,
                subject.how,
            )

    def _film_pairs(
        self,
        sentence: Sentence,
        groups: list[_Group],
        clauses: list[tuple[int, int]],
        discourse: Discourse,
    ) -> None:
        """Re-edits and sequels: two films and the cue between them, or 'it' and one film."""
        text = sentence.text
        lowered = text.lower()
        for relation in (Relation.FOOTAGE_USED_IN, Relation.SEQUEL):
            rel = SPECS[relation]
            for index, right in enumerate(groups):
                left = groups[index - 1] if index > 0 else None
                start = left.end if left is not None else 0
                gap = lowered[start : right.start]
                between = text[left.end : right.start] if left is not None else ""
                if (
                    left is not None
                    and (_CLAUSE_BREAK.search(between) or ": " in between)
                    # "X (1959), which Corman had turned into Y": what X became
                    and not _WHICH_BECAME.match(between)
                ):
                    left = None  # two clauses, two statements: not a pair
                    gap = lowered[: right.start]
                if left is not None and (
                    denied_before(text, 0, right.start)
                    or _HEDGED.search(re.sub(r",[^,]{1,60},", ",", between))
                    or re.search(
                        r"\b(?:not|unlike|neither|nor|than)\s+[*_“\"]*$",
                        text[: left.start],
                        re.I,
                    )
                ):
                    # "Queen of Blood is not made from A Dream Come True", "may have been",
                    # "X, not Y, was cut from Z": no re-use of the film before the cue
                    continue
                if left is not None:
                    # (where each cue ends in the gap, so that the two may be compared)
                    reverse = _cue_end(gap, rel.reverse_cues, tail=40)
                    if (
                        relation is Relation.FOOTAGE_USED_IN
                        and _TAKEN_FROM.search(gap)
                        and not re.match(r"['’]s?\b", text[right.end :])  # "from Y's fame"
                    ):
                        reverse = len(gap)  # "X got its spaceships from Y"
                    forward = _cue_end(gap, rel.cues, tail=60)
                    if forward is not None and _COMPARED_AFTER_CUE.search(gap, forward):
                        forward = None  # "went into the same DVD box as Y": Y is compared
                    if (
                        reverse is not None
                        and reverse == forward
                        and not _SOURCE_RIGHT_BEFORE.search(gap)
                    ):
                        # "footage of" in both lists: the next film's own only right before it
                        # ("sold its footage of the launch to Y": the first film's, to Y)
                        reverse = None
                    before_left = lowered[max(0, left.start - 20) : left.start]
                    if relation is _FOOTAGE and re.search(r"footage (?:from|of)\W*$", before_left):
                        forward, reverse = 0, None  # (what footage went into, not a sequel)
                    # (the film before the cue gave its own footage to a film this sentence
                    # spoke of first: "its spectacle comes from A, with a few shots lifted from
                    # B" adds B to what went in there, not into A)
                    # (the film after the cue gave its footage to the one before it)
                    from_right = reverse is not None and (forward is None or reverse >= forward)
                    given = (
                        [
                            claim
                            for key, claim in self.claims.items()
                            if key[1] is relation
                            and key[4] == sentence.start
                            and claim.subject == left.film.name
                        ]
                        if from_right and relation is _FOOTAGE
                        else []
                    )
                    if given:
                        for claim in given:
                            if claim.value != right.film.name:
                                self._add(
                                    sentence,
                                    right.film.name,
                                    relation,
                                    claim.value,
                                    claim.confidence,
                                    claim.attribution,
                                )
                    elif from_right:
                        if relation is _FOOTAGE and any(
                            found.end() == left.start for found in _SOURCE_OF_FOOTAGE.finditer(text)
                        ):
                            continue  # (A is a source too, of a film read below: _footage_source)
                        self._add(
                            sentence, right.film.name, relation, left.film.name, NAMED, "named"
                        )
                        paired = groups[index - 2] if index > 1 else None
                        if (
                            paired is not None
                            and re.search(r"\bboth\b", between)
                            and re.fullmatch(
                                r"\s*(?:\(\s*\d{4}\s*\))?\s+and\s+", text[paired.end : left.start]
                            )
                        ):
                            # "X and Y are both built out of Z": X too
                            self._add(
                                sentence,
                                right.film.name,
                                relation,
                                paired.film.name,
                                NAMED,
                                "named",
                            )
                    elif forward is not None and (
                        left.film.key == right.film.key and not left.film.key.startswith("?")
                    ):
                        # "The Silent Star becomes First Spaceship on Venus": one film, retitled
                        title = right.members[0].text
                        self._add(
                            sentence, left.film.name, Relation.ALSO_KNOWN_AS, title, NAMED, "named"
                        )
                    elif forward is not None:
                        self._add(
                            sentence, left.film.name, relation, right.film.name, NAMED, "named"
                        )
                        source = groups[index - 2] if index > 1 else None
                        if (
                            relation is _FOOTAGE
                            and source is not None
                            and _AND_FROM.match(lowered[source.end : left.start])
                            and _FROM_BEFORE.search(lowered, 0, source.start)
                            and _BOTH_WENT.match(lowered, left.end)
                        ):
                            # "shots from A and from B both went into C": A's too
                            film = source.film.name
                            self._add(sentence, film, relation, right.film.name, NAMED, "named")
                        also = re.search(
                            r"(?:footage|scenes|effects) (?:from|of) (?:this|the)"
                            r" (?:film|movie|picture)"
                            r" and\W*$|(?:footage|scenes) (?:from|of) (?:it|both it) and\W*$",
                            lowered[max(0, left.start - 45) : left.start],
                        )
                        current = discourse.current()
                        if also and current is not None and current.key != right.film.key:
                            self._add(
                                sentence,
                                current.name,
                                relation,
                                right.film.name,
                                RESOLVED,
                                "the film",
                            )
                    elif (
                        relation is not Relation.SEQUEL
                        and (
                            # (a film has one sequel: "X, its sequel A, and then B" is no second)
                            _AND_THEN.search(gap)
                            or (
                                # (a list that ends there, not "..., and Planeta Bur, Voyage to
                                # the Prehistoric Planet": the same verb left out)
                                _FILMS_LISTED.fullmatch(between)
                                and " and " in f"{between} "
                                and not any(g.start >= right.end for g in groups[index + 1 :])
                            )
                        )
                        and _ENDS_CLAUSE.match(text, right.end)
                    ):
                        # "X became A (1965), directed by ..., and then B", "its footage fed A
                        # (1965) and B (1968)": X went into B too; "lifted from the Soviet
                        # films A and B": B gave its footage where A gave its own
                        for key, claim in list(self.claims.items()):
                            same = key[1] is relation and key[4] == sentence.start
                            if same and claim.value == left.film.name:
                                self._add(
                                    sentence,
                                    claim.subject,
                                    relation,
                                    right.film.name,
                                    claim.confidence,
                                    claim.attribution,
                                )
                            elif same and relation is _FOOTAGE and claim.subject == left.film.name:
                                self._add(
                                    sentence,
                                    right.film.name,
                                    relation,
                                    claim.value,
                                    claim.confidence,
                                    claim.attribution,
                                )
                    elif _AND_FROM.match(gap):
                        # "shots from X and from Y": Y gave its footage where X gave its own
                        for key, claim in list(self.claims.items()):
                            same = key[1] is relation and key[4] == sentence.start
                            if same and claim.subject == left.film.name:
                                self._add(
                                    sentence, right.film.name, relation, claim.value, NAMED, "named"
                                )
                    continue
                clause_head = lowered[: right.start]
                if _ALONG_WITH.search(clause_head):
                    continue  # "recycled it, along with X, in Y": X gave footage, took none
                cue = _cue(clause_head, rel.cues, tail=60)
                if cue is not None and relation is Relation.FOOTAGE_USED_IN:
                    into = _cue_end(clause_head, rel.cues, 60) or 0
                    if _INTO_ELSEWHERE.search(clause_head[: into + 1]) and _INTO_A_PLACE.match(
                        clause_head, into
                    ):
                        # "went back into space six years later with X", "slips into the
                        # story its writer imagines, while X": into a place or a state, no film
                        cue = None
                if cue is None and relation is Relation.FOOTAGE_USED_IN:
                    cue = 0 if _REWORKED.search(clause_head) else None
                reverse = _cue(lowered[right.end : right.end + 30], ("'s footage", "’s footage"))
                if relation is Relation.SEQUEL:
                    backward = (
                        re.search(
                            r"\bsequel to\s+(?:(?:his|her|their|its)\s+(?:own\s+)?)?\W*$",
                            clause_head,
                        )
                        is not None
                    )
                else:
                    backward = (
                        _FROM_ORIGINAL.search(clause_head) is not None
                        or bool(
                            re.search(r"\b(?:re-edit of|version of|made from)\W*$", clause_head)
                        )
                        or _TOOK_FROM.search(clause_head) is not None
                        # "it used effects footage from X": X's footage, in the film spoken
                        # of (not where the clause goes on to name the film it went into)
                        or (
                            _FOOTAGE_FROM.search(clause_head) is not None
                            and not _said_otherwise(text)
                            and not any(
                                right.end <= g.start < end
                                for g in groups[index + 1 :]
                                for start, end in clauses
                                if start <= right.start < end
                            )
                        )
                    )
                if denied_before(text, 0, right.start):
                    continue  # "it was never turned into Queen of Blood"
                re_cut = _FOOTAGE_INTO.match(text, right.end)
                if (
                    relation is Relation.FOOTAGE_USED_IN
                    and re_cut is not None
                    and _INTO_A_KIND.match(text, text.rindex("into", right.end, re_cut.end()))
                ):
                    continue  # "re-cut X's scenes into a horror picture": X is what was re-cut
                current = discourse.current()
                next_part = relation is Relation.SEQUEL and _NEXT_PART.search(clause_head)
                if cue is None and not backward and not next_part:
                    continue
                if next_part and current is not None:
                    # "The second part is Teens in the Universe": of the film just spoken of
                    how = f"attribution uncertain: 'the second part' read as {current.name}'s"
                    subject: _Subject | None = _Subject(current, DOUBTFUL, how)
                else:
                    subject = self._anaphora(text[: right.start], discourse)
                if subject is None and re.search(
                    r"\b(?:this|the) (?:film|movie)\b|\bit\b", clause_head
                ):
                    subject = _Subject(current, RESOLVED, "the film") if current else None
                here = next((c for c in clauses if c[0] <= right.start < c[1]), (0, len(text)))
                named = {g.film.key for g in groups if here[0] <= g.start < here[1]}
                relative = _RELATIVE_OPENING.match(text, here[0]) is not None and here[0] > 0
                sources = backward and all(
                    g.start >= right.start for g in groups if here[0] <= g.start < here[1]
                )
                if subject is None and (len(named) == 1 or sources) and not relative:
                    # the film a section or document is about (the one film named, perhaps
                    # by two of its titles: "Mechte navstrechu (A Dream Come True)"; or the
                    # films its footage came from, all named after the cue: "lifted from the
                    # Soviet films A and B")
                    subject = _by_default(discourse)
                if subject is None or subject.film.key == right.film.key or reverse is not None:
                    continue
                if backward:
                    pair = (right.film.name, subject.film.name)
                else:
                    pair = (subject.film.name, right.film.name)
                self._add(sentence, pair[0], relation, pair[1], subject.confidence, subject.how)

    def _parts_in_two_films(
        self, sentence: Sentence, mentions: list[Mention], groups: list[_Group]
    ) -> None:
        """'X is Hartman in Voyage to the Prehistoric Planet and Farraday in Queen of Blood'.

        An actor given a part in one film, then, after "and", another part in another film
        with the verb left out: the actor played that part there too.
        """
        text = sentence.text
        for index, actor in enumerate(mentions):
            if actor.kind != "person" or actor.entity is None:
                continue
            first = next((g for g in groups if g.start > actor.end), None)
            if first is None or not _IN_FILM.fullmatch(text, actor.end, first.start):
                continue
            part = next((m for m in mentions[index + 1 :] if m.start >= first.end), None)
            if part is None or part.kind != "character":
                continue
            between = _AND_THEN_PART.fullmatch(text, first.end, part.start)
            if between is None or any(
                w in _NOT_A_PART_WORD for w in re.findall(r"[a-z][\w-]*", between["words"] or "")
            ):
                continue  # ("and not Dr. Farraday in", "and meets Dr. Farraday in")
            second = next((g for g in groups if g.start > part.end), None)
            if second is None or second.film.key.startswith("?"):
                continue
            if not re.fullmatch(r"\s+in\s+(?:the\s+)?[*_“\"]*", text[part.end : second.start]):
                continue
            if not _PART_LIST_ENDS.match(text, second.end):
                continue  # ("and Hartman in X is played by Y": another clause on the part)
            how = "a second part the sentence gives the actor, in another film"
            value = self._value_text(actor)
            self._add(sentence, second.film.name, Relation.CAST, value, RESOLVED, how, part.text)

    def _parts_said_after(
        self, sentence: Sentence, mentions: list[Mention], groups: list[_Group]
    ) -> None:
        """An actor's part in a film the sentence names after them, whatever film it is about.

        "Snaut is Jüri Järvet, who also plays the hotel owner in Dead Mountaineer's Hotel",
        "Järvet, the actor who plays Snaut in Solaris, turns up later as Alex Snewahr in
        Dead Mountaineer's Hotel": the actor (no one else named between) is in that film,
        as the part named there if it is one of that film's characters.
        """
        text = sentence.text
        if _said_otherwise(text):
            return
        people = [m for m in mentions if m.kind == "person"]
        for actor in people:
            if actor.entity is None:
                continue
            for film in groups:
                if film.start <= actor.end or film.film.key.startswith("?"):
                    continue
                if any(actor.end <= p.start < film.start for p in people):
                    break  # someone else named before the film: theirs, if anyone's
                # the verb is the actor's own, or the clause after an aside on them
                earlier = [g for g in groups if actor.end <= g.start and g.end <= film.start]
                lead = actor.end
                if not earlier:
                    described = _ACTOR_DESCRIBED.match(text, actor.end, film.start)
                    if described is not None:
                        lead = described.end()  # ", the Estonian actor who plays ... in"
                else:
                    lead = text.find(",", earlier[-1].end, film.start) + 1
                    if not lead or text[actor.end : actor.end + 1] != ",":
                        continue
                if not _IN_FILM.fullmatch(text, lead, film.start):
                    continue
                gap = text[lead : film.start]
                if denied_before(text, actor.end, film.start) or _HEDGED.search(gap):
                    continue
                if _NEARLY.search(gap) or _NOT_PLAYED.search(text, 0, film.start):
                    continue  # ("who was nearly cast as", "It is wrong that", "was offered")
                if not _PART_LIST_ENDS.match(text, film.end) or _A_BOOK_AFTER.match(text, film.end):
                    continue  # ("... in Solaris's remake", "in Solaris, the 1961 novel")
                characters = {c.id for c in self.catalogue.characters_of(film.film.key)}
                parts = [
                    m for m in mentions if lead <= m.start < film.start and m.kind == "character"
                ]
                if any(m.entity not in characters for m in parts):
                    continue  # a part of another film: not this one's
                how = "a part the sentence gives the actor in the film it names after them"
                role = parts[-1].text if parts else None
                value = self._value_text(actor)
                self._add(sentence, film.film.name, Relation.CAST, value, RESOLVED, how, role)

    def _aside_parts(
        self, sentence: Sentence, mentions: list[Mention], groups: list[_Group]
    ) -> None:
        """A part in another film, said of an actor in an aside after their name.

        "Jüri Järvet, the Snaut of Tarkovsky's Solaris, plays ...", "Järvet, whom many will
        remember as Snaut in Solaris, ...": the actor played that part in that film.
        """
        text = sentence.text
        for index, actor in enumerate(mentions[:-1]):
            part = mentions[index + 1]
            if actor.kind != "person" or actor.entity is None or part.kind != "character":
                continue
            if _ASIDE_PART_LEAD.fullmatch(text, actor.end, part.start) is None:
                continue
            film = next(
                (g for g in groups if _ASIDE_PART_FILM.fullmatch(text, part.end, g.start)), None
            )
            if film is None or film.film.key.startswith("?"):
                continue
            how = "an aside after the actor's name: the part in that film"
            value = self._value_text(actor)
            self._add(sentence, film.film.name, Relation.CAST, value, RESOLVED, how, part.text)

    def _renamed_actors(
        self,
        sentence: Sentence,
        mentions: list[Mention],
        groups: list[_Group],
        discourse: Discourse,
    ) -> None:
        """Actors a re-edit bills under other names are in its cast.

        "The Soviet actors were renamed in the credits, so Pereverzev appears as "Edd
        Perry"": in a sentence that speaks of names given in the credits, each actor it names
        (one the references know as an actor) is in the cast of the re-edit: the one film the
        sentence names that is a re-edit of a film the document named, else the film being
        discussed when it is such a re-edit, else the one re-edit of it the document named.
        Said with doubt (which film the new names belong to is read from the discourse), and
        not in a question or a denial.
        """
        text = sentence.text
        if (
            text.rstrip(" ”\"')*_").endswith("?")
            or _NEVER.search(text)
            or re.search(
                r"(?i)\b(?:absent|cut\s+out|removed|deleted|dropped|(?:was|were|got)\s+cut)\b", text
            )
        ):
            return  # (not of actors the re-edit cut: "Zhzhonov's scenes were cut, he's absent")
        actors = [
            m
            for m in mentions
            if m.kind == "person"
            and m.entity is not None
            and self.catalogue.facts_with_value(Relation.CAST, m.entity)
        ]
        if not actors or not (
            _RENAMED_ALL.search(text) or any(_RENAMED_ONE.match(text, m.end) for m in actors)
        ):
            return  # ("in the dub the Rodina becomes the Mercury": no actor renamed)
        re_edits = {
            g.film.key: g.film
            for g in groups
            if self._related(g.film, discourse, Relation.FOOTAGE_USED_IN, True)
            not in (None, _AMBIGUOUS)
        }
        target: FilmRef | None = None
        if len(re_edits) == 1:
            target = next(iter(re_edits.values()))
        elif not re_edits and not groups:
            current = discourse.section or discourse.current()
            if current is None or current.key.startswith("?"):
                return
            if self._related(current, discourse, Relation.FOOTAGE_USED_IN, True) not in (
                None,
                _AMBIGUOUS,
            ):
                target = current  # the film discussed is itself the re-edit
            else:
                found = self._related(current, discourse, Relation.FOOTAGE_USED_IN, False)
                target = None if found is _AMBIGUOUS else found
        if target is None:
            return
        how = f"attribution uncertain: an actor billed under another name in {target.name}"
        # (once each: "Pereverzev as "Edd Perry"" names him twice, the billing an alias)
        for actor in {m.entity: m for m in reversed(actors)}.values():
            self._add(
                sentence,
                target.name,
                Relation.CAST,
                actor.value or actor.text,
                DOUBTFUL,
                how,
                value_entity=actor.entity,
            )

    def _announced_re_edits(
        self, sentence: Sentence, groups: list[_Group], discourse: Discourse
    ) -> None:
        """Films named after "its footage was re-cut into two features" are those re-edits.

        The announcing sentence's film (or, naming none, the film it speaks of) is the
        original; the next films its paragraph names, up to the count announced, get its
        footage.
        """
        announced = self._announced
        if announced is not None and announced[1] == sentence.paragraph:
            original, paragraph, left = announced
            text = sentence.text
            # the films that open a sentence or a clause after it ("X came first; Y took its
            # ships later"), said, not asked or denied near them, nor someone's own ("I
            # prefer X", "Solaris and Aelita were never touched")
            entries = [
                g
                for i, g in enumerate(groups)
                if (i == 0 or _NEXT_ENTRY.search(text, groups[i - 1].end, g.start))
                and not _NOT_SO.search(text, 0, g.end + 60)
                and not _HEARSAY.search(text)
                and not _NOTHING_TO_DO.search(text)
                and not re.search(r"(?i)\b(?:wrongly|instead|rather)\b", text)
                and not _FIRST_PERSON.search(text)
                and not text.rstrip(" ”\"')*_").endswith("?")
            ]
            for group in entries:
                if left and group.film.key != original.key:
                    self._add(
                        sentence,
                        original.name,
                        Relation.FOOTAGE_USED_IN,
                        group.film.name,
                        RESOLVED,
                        "a re-edit the paragraph announced",
                    )
                    left -= 1
            self._announced = (original, paragraph, left) if left else None
            return
        match = search_lowered(_INTO_MANY, _INTO_MANY_LOWER, sentence.text)
        if match is None or (
            # (not "was never plundered twice", "I don't think ...", "Was it ... twice?", "my
            # tape was recycled twice")
            _NOT_SO.search(sentence.text)
            or _HEARSAY.search(sentence.text)
            or _FIRST_PERSON.search(sentence.text)
            or sentence.text.rstrip(" ”\"')*_").endswith("?")
        ):
            self._announced = None
            return
        before = [g for g in groups if g.end <= match.start()]
        source = before[-1].film if before else discourse.current()
        after = [g for g in groups if g.start >= match.end()]
        if source is not None and not after:
            said = match["n"] or match["m"] or match["n2"] or match["m2"]
            count = _COUNTS[said.lower()]
            self._announced = (source, sentence.paragraph, count)

    def _years_apart(self, sentence: Sentence, groups: list[_Group], discourse: Discourse) -> None:
        """'Six years later he went back into space with X': X's year, from the film before.

        The film named after the phrase (else before it) came out that many years after
        (or before) the film being discussed, as the document dated that one; doubtful,
        since which film the years count from is a guess.
        """
        text = sentence.text
        for found in _YEARS_APART.finditer(text):
            if re.match(r"\s+(?:that|this|it|then|still)\b", text[found.end() :]):
                continue  # "two years after that": after what the sentence before said
            count = found["n"].lower() if found["n"] and found["n"].lower() != "a" else "1"
            apart = int(count) if count.isdigit() else NUMBER_WORDS.get(count)
            if not apart or apart > 30:
                continue
            if _A_YEAR.search(text):
                continue  # "Two years later, in 1968, ...": the sentence dates it itself
            sign = -1 if (found["dir"] or "").lower() in {"earlier", "before"} else 1
            counted = next(
                (g for g in groups if _QUOTES_ONLY.fullmatch(text, found.end(), g.start)), None
            )
            if counted is not None and found["dir"].lower() in {"after", "before"}:
                # "Kolditz went back into space six years after Signals": counted from the film
                # named after the phrase, of the film spoken of (or the other one named)
                self._year_counted_from(
                    sentence, counted.film, groups, discourse, found[0], sign * apart
                )
                continue
            anchor = next(
                (
                    film
                    for film in (discourse.current(), *reversed(discourse.named))
                    if film is not None and film.name in self.years
                ),
                None,
            )
            films = {g.film.key: g for g in groups if not g.film.key.startswith("?")}
            if anchor is None:
                continue
            films.pop(anchor.key, None)  # ("Signals ..., and six years later X")
            if len(films) != 1:
                continue  # "the year before, turning Planeta Bur into X": which one, unsaid
            target = next(iter(films.values()))
            year = int(self.years[anchor.name]) + sign * apart
            how = (
                f"relation uncertain: '{found[0]}' counted from {anchor.name}, which the"
                f" document dates {self.years[anchor.name]}"
            )
            self._add(sentence, target.film.name, Relation.RELEASE_YEAR, str(year), DOUBTFUL, how)

    def _year_counted_from(
        self,
        sentence: Sentence,
        anchor: FilmRef,
        groups: list[_Group],
        discourse: Discourse,
        said: str,
        apart: int,
    ) -> None:
        if anchor.name not in self.years:
            return
        others = {g.film.key: g.film for g in groups if g.film.key != anchor.key}
        if any(key.startswith("?") for key in others) or len(others) > 1:
            return
        target = next(iter(others.values())) if others else discourse.current()
        if target is None or target.key == anchor.key:
            return
        year = int(self.years[anchor.name]) + apart
        how = (
            f"relation uncertain: '{said}' counted from {anchor.name}, which the document"
            f" dates {self.years[anchor.name]}"
        )
        self._add(sentence, target.name, Relation.RELEASE_YEAR, str(year), DOUBTFUL, how)

    def _place_words(self, sentence: Sentence, groups: list[_Group], discourse: Discourse) -> None:
        """A thing of a planet's ("the Martian queen", "Venusian women"): a setting, perhaps.

        Said with doubt: Martians may come to Earth.
        """
        text = sentence.text
        if (
            _NO_SETTING.search(text)
            or _HEARSAY.search(text)
            or text.rstrip(" ”\"')*_").endswith("?")
        ):
            return
        for found in _PLACE_ADJECTIVE.finditer(text):
            if _NOT_A_STORY_THING.fullmatch(found["thing"].lower()) or _PLACE_WORD_DOUBTED.search(
                text, max(0, found.start() - 60), found.start()
            ):
                continue  # "the first lunar probe": history's, not a story's
            place = self.catalogue.resolve(_PLACE_OF_ADJECTIVE[found["adjective"].lower()])
            if place is None:
                continue
            left = [g for g in groups if g.end <= found.start()]
            subject = (
                _Subject(left[-1].film, NAMED, "named in the sentence")
                if left
                else self._anaphora(text[: found.start()], discourse) or _by_default(discourse)
            )
            if subject is None:
                continue
            how = (
                f"relation uncertain: a {found['adjective']} thing may only visit the story,"
                " not set it there"
            )
            self._add(sentence, subject.film.name, Relation.SETTING, place.name, DOUBTFUL, how)

    def _history(self, sentence: Sentence, groups: list[_Group], discourse: Discourse) -> None:
        statements = history_statements(sentence.text)
        if not statements:
            return
        for relation, value, at in statements:
            left = [g for g in groups if g.end <= at]
            subject: _Subject | None = None
            if left:
                subject = _Subject(left[-1].film, NAMED, "named in the sentence")
            else:
                subject = self._anaphora(sentence.text[:at], discourse) or _by_default(discourse)
            if subject is not None:
                self._add(
                    sentence, subject.film.name, relation, value, subject.confidence, subject.how
                )

    # ------------------------------------------------------------------ plot

    def _plot(
        self,
        sentence: Sentence,
        mentions: list[Mention],
        groups: list[_Group],
        discourse: Discourse,
        used: set[tuple[int, str]],
        before: int,
    ) -> None:
        """A sentence of the story: one plot claim per place, character or number it names.

        A sentence that names none of these and states nothing else (``before`` is the number
        of claims made before it) is asked about the things it mentions: "an emergency ship".
        """
        text = sentence.text
        label = _FIELD_LABEL.match(text)
        if label is not None and label["label"].strip().lower() in _LABELS:
            return  # a credits line ("Cast: A (Commander Akala), B (Suko)") tells no story
        keys = [
            m
            for m in mentions
            if ((m.start, m.text) not in used or m.kind == "place")  # a setting is story too
            and (
                (m.kind in {"place", "character", STORY_KIND} and m.text.lower() not in _PRONOUNS)
                or (m.kind == NUMBER_KIND and self._story_number(text, m))
            )
        ]
        film = groups[0].film if groups else (discourse.story or discourse.current())
        known = film is not None and not film.key.startswith("?")
        told = self.x.told(film.key) if film is not None and known else ""
        proper = self._proper_names(text, mentions, told)
        # (a place the story goes to is story, not a credit)
        credited = any(
            c.relation is not Relation.SETTING for c in list(self.claims.values())[before:]
        )
        if credited:
            # a sentence that stated credits tells its story too: the names its film's
            # synopses tell ("Olaf is found dead, Hinckus (Mikiver) is tied to his bed")
            proper = [p for p in proper if film is not None and self.x.tells(film.key, p)]
        things = [] if keys or proper or credited else _things(text)
        units = {
            m: text[m.start : unit.end()]
            for m in mentions
            if m.kind == NUMBER_KIND
            and (unit := _UNIT.match(text, m.end)) is not None
            and not re.search(r"[A-Z][\w-]*\s?$", text[: m.start])
            and not _NOT_STORY_TIME.match(text, unit.end())
            and not _RUNNING_TIME.search(text, 0, m.start)
        }
        measured = list(units.values())
        keys = [m for m in keys if m not in units]  # "ten years" is asked, not "10"
        common = []
        if film is not None and known and told:
            # unknown names and years of the story its synopses tell: "the astropilots Baer
            # and Ingrid", "ends up in 2084"
            common = [
                part
                for m in mentions
                if (m.start, m.text) not in used
                and m.kind in {NAME_KIND, YEAR_KIND}
                and not _CREDITED_BY.search(text, 0, m.start)  # (a credit's name)
                and not _DATES_FROM.search(text, 0, m.start)  # (a thing's year, or a film's)
                for part in _name_parts(m.text, opening=not text[: m.start].strip())
                if self.x.tells(film.key, part)
            ]
            taken = [(m.start, m.end) for m in mentions]
            grams = self.x.story.grams(film.key)
            common += [
                text[start:end]
                for start, end in story_things(text, grams, self.x.story.spread)
                if not any(a < end and start < b for a, b in taken)
            ]
        if not keys and not things and not proper and not measured and not common:
            return
        subject: _Subject | None = None
        if groups:
            subject = _Subject(groups[0].film, NAMED, "named in the sentence")
        else:
            subject = self._anaphora(text, discourse) or _by_default(discourse)
        if subject is None:
            return
        seen: set[str] = set()
        for mention in keys:
            value = self._value_text(mention)
            if value in seen:
                continue
            seen.add(value)
            owner = self._owner(mention, subject.film, groups, discourse)
            if owner is not None:
                # "Järvet plays Snewahr, ... who was Snout in Solaris": Snewahr is a part
                # of the hotel film the document named, not of Solaris
                how = f"{owner.name}, whose character the references say {value} is"
                self._add(sentence, owner.name, Relation.PLOT, value, RESOLVED, how)
                continue
            self._add(
                sentence, subject.film.name, Relation.PLOT, value, subject.confidence, subject.how
            )
        said = {value.lower() for value in seen}
        for thing in dict.fromkeys([*proper, *things, *measured, *common]):
            if thing.lower() in said:
                continue
            said.add(thing.lower())
            self._add(
                sentence, subject.film.name, Relation.PLOT, thing, subject.confidence, subject.how
            )

    def _credited_elsewhere(
        self, subject: _Subject, relation: Relation, mention: Mention, discourse: Discourse
    ) -> _Subject:
        """A film by default, when the references credit the person so on another one named.

        "Bogdanovich is credited as director ..." in a paragraph that opened on the film his
        re-edit was made from: the sentence may well be about the re-edit the page is on,
        so the default film is only doubtful, and never blamed.
        """
        if subject.confidence > DEFAULT or mention.entity is None:
            return subject
        if self._credited_as(subject.film.key, mention.entity, (relation,)) is not None:
            return subject
        others = [
            f.name
            for f in discourse.named
            if f.key != subject.film.key
            and not f.key.startswith("?")
            and self._credited_as(f.key, mention.entity, (relation,)) is not None
        ]
        if not others:
            return subject
        how = f"attribution uncertain: the references credit {mention.text} so on {others[0]}"
        return _Subject(subject.film, DOUBTFUL, how)

    def _part_owner(
        self,
        subject: _Subject,
        role: str,
        mentions: list[Mention],
        groups: list[_Group],
        discourse: Discourse,
    ) -> _Subject:
        """The film whose part an actor plays, when it is not the subject found.

        "Jüri Järvet plays Snewahr, ... the same guy who was Snout in Solaris": Snewahr is
        a character of the hotel film the document named, so the part is played there.
        """
        part = next((m for m in mentions if m.text == role and m.kind == "character"), None)
        owner = None if part is None else self._owner(part, subject.film, groups, discourse)
        if owner is None and part is not None and subject.confidence < CONFIDENT:
            # a subject found with doubt ("the paragraph before") whose own character the
            # part is, and no other film's (the document's or the references'): the part
            # tells the film, unless the sentence speaks of another version or work
            owner = self._owner(part, _NO_FILM, groups, discourse)
            films_of = self.catalogue.derived("films by character", _films_by_character)
            if (
                owner is None
                or owner.key != subject.film.key
                or len(films_of.get(part.entity or "", ())) != 1
                or _ANOTHER_WORK.search(self._sentence_text)
            ):
                return subject
            owner = subject.film
        if owner is None:
            films_of = self.catalogue.derived("films by character", _films_by_character)
            theirs = films_of.get(part.entity or "", ()) if part is not None else ()
            if theirs and subject.film.key not in theirs and subject.confidence >= CONFIDENT:
                # "Georgiy Zhzhonov as Hans Walters" under a film whose character no Hans
                # Walters is: the part's own film (a re-edit) may be meant, so only doubtfully
                # this one's
                how = f"attribution uncertain: {role} is a character of another film"
                return _Subject(subject.film, DOUBTFUL, how)
            return subject
        how = f"{owner.name}, whose character the references say {role} is"
        return _Subject(owner, RESOLVED, how)

    def _named_novel(self, said: str, offset: int, mentions: list[Mention]) -> bool:
        """Whether a clause speaks of "the Lem novel": a book by a writer the references know.

        Not "the Dostoevsky novel" nor "the Polish novel": another writer's, or a nation's.
        """
        return any(
            m.kind in _PERSON_KINDS
            and found.start() <= m.start - offset < found.end()
            and self._writer(m)
            for found in _NAMED_NOVEL.finditer(said)
            for m in mentions
        )

    def _maker(self, mention: Mention) -> bool:
        """Whether the references credit the person with directing or producing a film."""
        return mention.entity is not None and any(
            self.catalogue.facts_with_value(relation, mention.entity)
            for relation in (Relation.DIRECTED_BY, Relation.PRODUCED_BY)
        )

    def _writer(self, mention: Mention) -> bool:
        """Whether the references know the person as the writer of a book."""
        return mention.entity is not None and bool(
            self.catalogue.facts_with_value(Relation.WRITTEN_BY, mention.entity)
        )

    def _owner(
        self, mention: Mention, film: FilmRef, groups: list[_Group], discourse: Discourse
    ) -> FilmRef | None:
        """The one other film the document named whose character ``mention`` is, if any.

        None when the film spoken of is the section's and may have the character too: a sequel
        or a first part of the owner ("Grigoryev plays the stowaway Lobanov" under a heading on
        the sequel, whose cast the references do not list), or a film whose synopses tell the
        name.
        """
        if mention.kind != "character" or mention.entity is None or film.key.startswith("?"):
            return None
        if any(c.id == mention.entity for c in self.catalogue.characters_of(film.key)):
            return None
        named = {f.key: f for f in (*discourse.named, *(g.film for g in groups))}
        owners = [
            f
            for key, f in named.items()
            if not key.startswith("?")
            and any(c.id == mention.entity for c in self.catalogue.characters_of(key))
        ]
        if len(owners) != 1:
            return None
        if (
            discourse.section is not None
            and discourse.section.key == film.key
            and (
                owners[0].key in self.x.footage_kin(film.key, Relation.SEQUEL)
                or self.x.tells(film.key, mention.text)
            )
        ):
            return None
        return owners[0]

    def _proper_names(self, text: str, mentions: list[Mention], told: str = "") -> list[str]:
        """Names the references do not know, inside a story sentence: ships, characters.

        ``told`` is what the references tell of the film's story: a word opening the
        sentence is a name when it is no English word, or when they write it as a name
        ("John carries Kern across the lava", the robot John).
        """
        taken = [(m.start, m.end) for m in mentions]
        found = []
        for start, end, run in capitalised_runs(text):
            if any(a < end and start < b for a, b in taken):
                continue
            before = text[:start].rstrip(" “\"'‘*_(")
            if not before or before[-1] in ".!?:":
                # capitalised because it opens the sentence, unless it is no English word:
                # "Olaf is found dead."
                word = run.split()[0]
                written = (
                    bool(told)
                    and word.isalpha()
                    and len(word) >= 3
                    # (a pattern made for this word only when the word is there at all)
                    and f" {word}" in told
                    and re.search(rf"[a-z,;] {re.escape(word)}\b", told) is not None
                )
                if not (opens_on_name(word) or written):
                    continue
            if run.lower() in DEMONYMS or run.endswith(("ian", "ians", "ese", "ish")):
                continue  # "Japanese", "Venusians": describes, does not name
            if _CREDITED_BY.search(text, 0, start):
                continue  # "The screenplay, written by Pavel Juráček": a credit's name
            if run in studio_short_names(self.catalogue):
                continue  # "Gorky yes, Viktorov no.": a studio's short name, a credit
            if re.fullmatch(r"I(?:['’](?:m|ve|d|ll))?", run):
                continue  # "I'm guessing": the writer, not a name of the story
            found.append(re.sub(r"['’]s?$", "", run))  # "the Vega's crew": the Vega
        return found

    def _story_number(self, text: str, mention: Mention) -> bool:
        after = text[mention.end :]
        if re.search(r"[A-Z][\w-]*\s?$", text[: mention.start]):
            return False  # "Mariner 4", "Luna 2": part of a name
        if _PLOT_SKIP_NUMBER.match(after):
            return False
        if mention.text.lower() in {"one", "both", "pair"}:
            # "one" is mostly a pronoun or "a"; "only one passenger" counts
            only = re.search(r"\b(?:only|just|exactly)\s+$", text[: mention.start], re.I)
            return (
                mention.text.lower() == "one"
                and only is not None
                and bool(re.match(r"^\s+[a-z]", after))
            )
        return bool(re.match(r"^\s+[a-z]", after)) or mention.text.isdigit() is False

    # ------------------------------------------------------------------ claims

    def _figurative(self, sentence: Sentence) -> bool:
        """Whether ``sentence`` says it is not meant literally (asked once per sentence)."""
        if self._figurative_at[0] != sentence.start:
            found = search_lowered(_FIGURATIVE, _FIGURATIVE_LOWER, sentence.text)
            self._figurative_at = (sentence.start, found is not None)
        return self._figurative_at[1]

    def _add(
        self,
        sentence: Sentence,
        subject: str,
        relation: Relation,
        value: str,
        confidence: float,
        how: str,
        role: str | None = None,
        value_entity: str | None = None,
        told_as: str | None = None,
    ) -> None:
        subject, value = subject.strip().strip('“”"*_'), value.strip().strip('“”"*_')
        if (
            not subject
            or not value
            or (name_key(subject) == name_key(value) and relation is not (Relation.ALSO_KNOWN_AS))
        ):
            return
        key = (subject, relation, value, role, sentence.start)
        if key in self.claims:
            return
        evidence = self._evidence  # one per sentence, shared by its claims
        if evidence is None or (evidence.start, evidence.end) != sentence[:2]:
            quote = sentence.text
            if sentence.start in self._answered:
                # a question and its answer, read as one statement: the quote is theirs
                quote = self.document.text[sentence.start : sentence.end]
            evidence = Evidence(self.document.id, sentence.start, sentence.end, quote)
            self._evidence = evidence
        before = self._by_pronoun.get(sentence.start)
        if before is not None and relation is not Relation.PLOT:
            said = {
                (m.entity, m.value)
                for m in self._sentence_mentions
                if m.value and m.text.lower() in _PRONOUNS and m.kind in {"person", "character"}
            }
            if any(entity == value_entity or name == role for entity, name in said):
                # "He's Sartorius.", "X plays her.": who is named in the sentence before
                quote = self.document.text[before : sentence.end]
                evidence = Evidence(self.document.id, before, sentence.end, quote)
                # ... as far as a pronoun can tell: never held against the document
                if confidence > DOUBTFUL:
                    confidence, how = DOUBTFUL, _PRONOUN_DOUBT
        if sentence.start == self._studio_page:
            return  # "Tallinnfilm (science fiction)": a page on the studio, not a film's credit
        if relation is Relation.STUDIO and self._studio_anaphors.get(sentence.start) == value:
            if not self._names_film(subject):
                return  # "X directed the studio's two best-known films": of the films it names
            if (
                sentence.text.rstrip(" ”\"')*_").endswith("?")
                or _IF_CLAUSE.match(sentence.text)
                # (what is said up to "the studio", past a relative aside)
                or _NOT_SO.search(_RELATIVE_ASIDE.sub(",", _studio_head(sentence.text)))
                or _NOT_ITS_OWN.search(sentence.text)
            ):
                return  # "Had it been made at the studio, ...", "could have been": a guess
            confidence = min(confidence, DOUBTFUL)
            how = f"attribution uncertain: 'the studio' read as {value}, the studio of the page"
        nearby = self.nearby.get(sentence.paragraph, ())
        if confidence >= CONFIDENT and self._figurative(sentence):
            confidence = DOUBTFUL
            how = "relation uncertain: the sentence does not state it literally"
        if (
            confidence >= CONFIDENT
            and confidence < NAMED
            and _IN_ANOTHER_MEDIUM.match(sentence.text)
        ):
            # "In the 1981 cartoon, Olga Gromova plays Alisa.", "In the radio play, ...": of
            # another work than the film found, perhaps
            confidence = DOUBTFUL
            how = "attribution uncertain: the sentence speaks of another work (a cartoon, a play)"
        if confidence >= CONFIDENT and _YES_NO_QUESTION.match(sentence.text):
            confidence = DOUBTFUL  # "Was Mechte navstrechu made at Mosfilm?": asked, not said
            how = "relation uncertain: the sentence asks it, it does not state it"
        if confidence >= CONFIDENT and self._unknown_credits:
            confidence = DOUBTFUL
            how = "attribution uncertain: the credits of a title no reference knows"
        story = self._story
        if story is not None and subject == story.name and confidence < NAMED:
            confidence, how = min(confidence, DOUBTFUL), _STORY_HOW.format(story.name)
        if confidence < CONFIDENT and "uncertain" not in how:
            how = f"attribution uncertain: {how}"  # every doubtful claim says so
        self.claims[key] = Claim(
            subject,
            relation,
            value,
            evidence,
            role,
            None,
            confidence,
            how,
            value_entity,
            nearby,
            told_as,
        )


_TIMELINE = frozenset(
    {Relation.RELEASED_AFTER, Relation.RELEASED_SHORTLY_AFTER, Relation.RELEASED_SAME_YEAR_AS}
)


_THING = re.compile(
    r"\b(?:a|an|the|some|its|their|his|her|two|three|four|several)\s+"
    r"(?P<np>(?:[a-z][a-z-]{2,}\s+){0,2}[a-z][a-z-]{2,})\b"
)
_DETERMINERS = frozenset(["the", "its", "their", "his", "her", "this", "that", "these", "those"])
_NOT_NOUN = AUXILIARIES | frozenset(
    [
        "also",
        "very",
        "more",
        "most",
        "much",
        "many",
        "other",
        "another",
        "same",
        "such",
        "first",
        "last",
        "only",
        "just",
        "even",
        "still",
        "then",
        "than",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "when",
        "where",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "why",
        "how",
        "all",
        "any",
        "each",
        "every",
        "both",
        "either",
        "neither",
        "not",
        "nor",
        "and",
        "but",
        "or",
        "so",
        "yet",
        "for",
        "with",
        "from",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "about",
        "after",
        "before",
        "again",
        "later",
        "soon",
        "one",
        "way",
        "time",
        "film",
        "movie",
        "story",
        "plot",
        "scene",
        "scenes",
        "end",
        "lot",
        "kind",
        "sort",
        "part",
        "rest",
        "few",
        "new",
        "old",
        "good",
        "bad",
        "great",
        "little",
        "big",
    ]
)


def _name_parts(name: str, opening: bool = False) -> list[str]:
    """The names a run of capitalised words holds.

    "Baer and Ingrid" holds two; "Aboard the Tantra", capitalised for ``opening`` its
    sentence, holds "Tantra"; "Mr and Mrs Moses" holds "Mr Moses" and "Mrs Moses" (a title
    alone takes the name after it).
    """
    pieces = re.split(r",\s*|\s+and\s+|\s*&\s*", name)
    parts = []
    for at, part in enumerate(pieces):
        words = part.split()
        while words and (
            words[0].lower() in {"the", "a", "an"}
            or (opening and at == 0 and len(words) > 1 and leading_word(words[0]))
        ):
            words.pop(0)
        if len(words) == 1 and name_key(words[0]) in TITLES:
            after = pieces[at + 1].split() if at + 1 < len(pieces) else []
            if len(after) < 2 or name_key(after[0]) not in TITLES:
                continue  # a title that names no one
            words.append(after[-1])
        if words:
            parts.append(" ".join(words))
    return parts


def _things(text: str) -> list[str]:
    """Compound nouns a story sentence mentions ("an emergency ship", "the main ship").

    Only phrases of two or three words whose words are not function words, verbs of being or
    adverbs are kept: they are specific enough to be asked about.
    """
    found = []
    for match in _THING.finditer(text):
        words = match["np"].split()
        cut = next((i for i, w in enumerate(words) if w in _DETERMINERS), len(words))
        words = words[:cut]  # "the voyage the Ikarie": the phrase ends before another begins
        if not words:
            continue
        while len(words) > 2 and words[-1] in _NOT_NOUN:
            words.pop()  # "an emergency ship but": the phrase ends before "but"
        if words[-1] in _NOT_NOUN or words[-1].endswith("ly"):
            continue  # the phrase's head is no thing: "a few new scenes" is about scenes
        if len(words) < 2 or any(w in _NOT_NOUN or w.endswith("ly") for w in words):
            continue
        if not noun_phrase(words):
            continue  # "the ship drifts near": a verb and what follows, no thing
        found.append(" ".join(words))
    return list(dict.fromkeys(found))[:2]


_ORDINAL_OPENING = re.compile(rf"^\W*(?:that['’]s |that is )?{_ORDINAL_FILM}", re.I)
_OPENING_PHRASE = re.compile(
    r"^(?:(?:now|and|but|first|as for|back to|turning to|on to|that['’]s|that is)\s+)?(?P<np>"
    r"the (?:soviet |russian )?original|the soviet (?:film|version)"
    rf"|{_ORDINAL_FILM}"
    r"|(?:the|its) (?:american|us|u\.s\.) (?:version|cut|re-edit|film)"
    r"|the re-edit|the remake|the sequel|its sequel)\b"
)


@functools.lru_cache(maxsize=1024)
def _two_word_shorts(names: tuple[str, ...]) -> frozenset[str]:
    """A title's first two words, when it has more and the second is no English word.

    "Per Aspera" for Per Aspera Ad Astra; "Teens in" or "Guest from" are no short titles.
    """
    return frozenset(
        f"{words[0]} {words[1]}"
        for name in names
        if len(words := name.split()) >= 3
        and words[0][:1].isupper()
        and words[0].lower() not in {"the", "a", "an"}
        and words[1].isalpha()
        and len(words[1]) >= 4
        and not simplemma.is_known(words[1].lower(), lang="en")
    )


@functools.lru_cache(maxsize=1024)
def _main_titles(names: tuple[str, ...]) -> frozenset[str]:
    """The main title before a subtitle: "Signals" of "Signals: An Adventure in Space"."""
    return frozenset(
        head
        for name in names
        if ": " in name
        and len(head := name.split(": ", 1)[0]) >= 4
        and head[0].isupper()
        and " " not in head
    )


# What may follow a main title that opens a clause, for it to be the film's: what a title
# takes as one thing and a plural word does not ("Signals was", "Signals remains", "Signals,
# directed by X, is"; not "Signals came from", "Signals had reached"), or its year
_TITLE_GOES_ON = re.compile(
    r"\s*\(\s*(?:1[89]|20)\d\d|['’]s\b|\s+(?:is|was|has|does)\b|\s+(?P<verb>[a-z]+[^s\W]s)\b"
    r"|\s*,\s+(?:directed|made|released|shot|produced|written|based|the|a|an|by|which|its"
    r"|like|unlike|though|however|too|also)\b"
)
# ... and inside one, not a word of a phrase: "Signals from the East", "receives mysterious
# Signals" (unless what follows takes it as one thing: "The expensive Signals was released")
_WORD_OF_PHRASE_AFTER = re.compile(r"\s+(?:from|of|to|that|which|who)\b")
_CLAUSE_START = re.compile(r"(?:^|[:.!?;—–]|\s-)[\s\"“‘']*$")


def _describes_a_noun(word: str) -> bool:
    """A word that makes what follows a common noun: "a", "some", "mysterious".

    (Not "directed" or "after", no mere adjectives; nor "the": "the Signals question".)
    """
    return word in _COUNTING_DETERMINERS or (only_adjective(word) and not leading_word(word))


_COUNTING_DETERMINERS = frozenset(["a", "an", "some", "these", "those", "any", "no", "many"])


def _titled_here(text: str, start: int, end: int) -> bool:
    """Whether a main title that may be a word ("Signals") is the film's where it stands.

    Never before "from", "of", "to", "that", "which" or "who" ("Signals from the East",
    "picks up Signals that come ..."). Opening a clause, only before what takes it as one
    thing ("Signals was", "Signals remains", "Signals, directed by X,") or its year; inside
    one, also where no determiner of number or adjective comes before it ("Kolditz did
    Signals and ...", not "receives mysterious Signals").
    """
    if _WORD_OF_PHRASE_AFTER.match(text, end) is not None:
        return False
    goes_on = _TITLE_GOES_ON.match(text, end)
    if goes_on is not None and goes_on["verb"] is not None:
        goes_on = goes_on if is_verb(goes_on["verb"]) else None
    if _CLAUSE_START.search(text, 0, start) is None:
        before = re.search(r"([A-Za-z]+)\W*$", text[:start])
        return goes_on is not None or before is None or not _describes_a_noun(before[1].lower())
    return goes_on is not None


@functools.lru_cache(maxsize=1024)
def _initialisms(names: tuple[str, ...]) -> frozenset[str]:
    """The initials of titles of three words or more, as written and in capitals."""
    found: set[str] = set()
    for name in names:
        words = re.findall(r"[^\W\d_][\w'’]*", name)
        if len(words) >= 3 and words[0][0].isupper():
            initials = "".join(w[0] for w in words)
            found |= {initials, initials.upper()}
    # no initials that spell a word ("TAN", "POT")
    return frozenset(
        i
        for i in found
        if sum(c.isupper() for c in i) >= 2 and not simplemma.is_known(i.lower(), lang="en")
    )


@functools.lru_cache(maxsize=1024)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for any of ``words`` as whole words."""
    return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})(?![\w-])")


_MONTH_NAME = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"  # a month's name
# a date that opens a line, perhaps with its day and time: "Thursday 3 October, 19:30 - "
_DATED = re.compile(
    rf"(?:[A-Za-z]+day\W+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\W+{_MONTH_NAME}|{_MONTH_NAME}\W+\d{{1,2}}"
    r"(?:st|nd|rd|th)?)[\W\d]*(?:(?:[ap]\.?m\.?|hrs?|h)(?![a-z])[\W\d]*)?"
)
_YEAR_SPAN = re.compile(r"\b(?:1[89]|20)\d\d\s*[–—-]\s*(?:(?:1[89]|20)\d\d|\d\d)\b")
# A weekday and a clock time before a programme's title: "Sunday, 15:00 - ", "Fri 6.15 pm: ",
# "Thursday, 8 pm - "
_DAY_AND_TIME_PATTERN = (
    r"(?:[A-Z][a-z]+day|[A-Z]+DAY|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+" + CLOCK + r"\s*[–—:|-]\s*"
)
_DAY_AND_TIME = re.compile(_DAY_AND_TIME_PATTERN + r"(?=[A-Z\"“*_])")
_DASHED_LABEL = re.compile(r"(?:#+\s*)?(?P<label>[^–—:\n]{2,40}?)\s+[–—-]\s+(?=[A-Z\"“*_])")
_TIME_LEAD = re.compile(CLOCK + r"\s*(?:[–—|-]|:\s)\s*(?=[A-Z\"“*_])", re.IGNORECASE)
# What may stand before the title a sentence opens with: symbols (a time: "6.15 pm - "), or a
# label and its colon, or a date, then perhaps a small word
_OPENS_BEFORE = re.compile(
    r"(?:[\W\d]*(?:(?:[ap]\.?m\.?|hrs?|h)(?![a-z])[\W\d]*)?"
    r"|[\W\d]*[A-Za-z]+(?: [A-Za-z]+){0,2}:[\W\d]*"
    rf"|{_DATED.pattern}|{_DAY_AND_TIME_PATTERN})"
    r"(?:(?:in|and|but|so|then|later|meanwhile)\W+)?",
    re.IGNORECASE,
)
# "began a third space film at", "his next picture for", "directed children's films for": a
# studio of another film than the one spoken of (not "it was a prestige picture for Mosfilm",
# "Solaris, a difficult film for Mosfilm": the film itself)
_ANOTHER_FILM_AT = re.compile(
    r"(?:(?:\b(?:another|one more|a (?:later|new|second|third|fourth|fifth))"
    # ("pitched a space film for", "began a film at": a verb, then a film it introduces)
    r"|\b(?:began|begun|started|planned|pitched|proposed|offered|announced|developed"
    r"|prepared|wanted|tried|made|shot|directed|did|wrote|filmed|produced|completed|finished"
    r"|released|edited|scored|co-directed|designed)\s+an?"
    r"|(?:\bhis|\bher|\btheir|['’]s) (?:next|later))"
    r"\s+(?:[\w-]+\s+){0,2}?(?:film|picture|movie|feature|project)"
    # ("children's films for Gorky", "two films for Mosfilm": others)
    r"|\b(?:films|pictures|movies|features|cartoons|projects))"
    r"\s+(?:at|for|with)\s+(?:the\s+)?$"
)
# The films of a pair just named: "both films for", "the two films at", "his two films for";
# one of several: "the most expensive of the films for"
_BOTH_FILMS_AT = re.compile(
    r"\b(?:both(?:\s+of\s+the)?|the\s+two|these(?:\s+two)?|(?:his|her|their|[\w-]+['’]s)\s+two"
    r")\s+(?:films|pictures|movies)\s+(?:at|for|with)\s+(?:the\s+)?$"
)
_ONE_OF_THE_FILMS_AT = re.compile(r"\bof\s+the\s+(?:films|pictures|movies)\s+(?:at|for)\s+$")
_CREDITS_KINDS = frozenset({"person", "studio", "country", YEAR_KIND})
_BARE_END = re.compile(r"\s*(?:[,.;!?)]|$)|\s+(?:at|for)\s+(?:the\s+)?[A-Z]")
_REMARK = re.compile(r"\([^()]{0,40}\)")
# "Zespoły Filmowe and Tallinnfilm", "1983, Gorky again."
_CREDITS_GAP = re.compile(r"(?:[\s,;.()/–&-]|\b(?:and|again|too)\b)*")
_SPACES = re.compile(r"\s*")


def _bare_credits(text: str, mentions: list[Mention]) -> bool:
    """Whether a sentence is nothing but credits ("Title, Director, Studio, 1981.").

    Names, a studio, a country and a year separated by commas, with nothing else said;
    at least two of them of different kinds (a list of films or of actors is no credits).
    """
    # (a studio said again, "Gorky again, Viktorov", is bare too; a person said again, "Lem
    # again, Tallinnfilm", is credited with whatever they did before, perhaps not directing)
    if any(m.kind in _PERSON_KINDS and AGAIN_AFTER.match(text, m.end) for m in mentions):
        return False  # "Lem again, Tallinnfilm.": the person's credit is the one before
    rest, kinds = [], set()
    cursor = 0
    bracketed = "(" in text  # else no remark to set aside: the two scans are skipped
    aside = [m.span() for m in _REMARK.finditer(text)] if bracketed else []
    mentions = [m for m in mentions if not any(a <= m.start < b for a, b in aside)]
    for mention in mentions:
        rest.append(text[cursor : mention.start])
        cursor = mention.end
        kinds.add(mention.kind)
    rest.append(text[cursor:])
    # "USSR (Estonian SSR), 1979.": a bracketed remark may stand between the credits
    said = _REMARK.sub("", "".join(rest)) if bracketed else "".join(rest)
    if not _CREDITS_GAP.fullmatch(said):
        return False
    several = len(mentions) >= 2 and kinds == {"country"}  # "Poland/USSR."
    if len(kinds & _CREDITS_KINDS) < 2 and kinds != {"studio"} and not several:
        return False  # a studio named alone on its line ("Mosfilm.") is a credit too
    return kinds <= _CREDITS_KINDS | {"film", TITLE_KIND}


def _joined_countries(
    text: str, mention: Mention, mentions: list[Mention]
) -> tuple[Mention, Mention]:
    """The first and last country of the joined run ``mention`` is in (itself if none).

    Countries join by a hyphen or dash ("Polish-Soviet"), and words for peoples also by "and"
    ("East German and Polish"); a slash ("Poland/USSR") is a credits line's list, read as one.
    """
    countries = [m for m in mentions if m.kind == "country"]
    at = countries.index(mention)
    first = last = at

    def joined(a: Mention, b: Mention) -> bool:
        between = text[a.end : b.start]
        if re.fullmatch(r"\s*[-–]\s*", between):
            return True  # ("Polish-Soviet")
        peoples = a.text.lower() in DEMONYMS and b.text.lower() in DEMONYMS
        # peoples listed: "East German and Polish", "East German, Soviet and Bulgarian"
        listed = re.fullmatch(r"\s+and\s+", between) is not None or (
            re.fullmatch(r"\s*,\s*(?:and\s+)?", between) is not None
            and not _said_otherwise(text)  # (commas only in what is plainly said)
        )
        return peoples and a.text[:1].isupper() and b.text[:1].isupper() and listed

    while first > 0 and joined(countries[first - 1], countries[first]):
        first -= 1
    while last + 1 < len(countries) and joined(countries[last], countries[last + 1]):
        last += 1
    return countries[first], countries[last]


# A preposition right before a sentence's first title: what follows happens in the film.
_SCENE_SET = re.compile(r"^\W*(?:In|On|Throughout|During|Within|Inside)\s+[*_“\"]*$")


def _credits_run(text: str, mentions: list[Mention]) -> tuple[int, int] | None:
    """A credits list inside a sentence: its span, if any.

    Credits (names, a studio, a country, a year) one after another, separated only by
    commas, of two kinds at least: two right after a film's name and a colon, comma or
    "is" ("Now Solaris: Tarkovsky, 1972, from ..."), or three opening the sentence
    ("Tarkovsky, 1972, Mosfilm, and that score ...").
    """
    run: list[Mention] = []
    for mention in mentions:
        # "Donatas Banionis as Kelvin", "Maetzig's film", "Harrington dubbed it": a name
        # said more of is no item of a list
        said_more = mention.kind in {*_PERSON_KINDS, "studio"} and not _BARE_END.match(
            text, mention.end
        )
        again = AGAIN_AFTER.match(text, mention.end) if mention.kind == "studio" else None
        if said_more and again is not None:
            said_more = not _BARE_END.match(text, again.end())  # "Gorky again, 1981"
        if mention.kind not in _CREDITS_KINDS or said_more:
            if len(run) >= 2:
                break
            run = []
            continue
        gap = text[run[-1].end : mention.start] if run else ""
        at_studio = run and run[-1].kind in _PERSON_KINDS and mention.kind == "studio"
        # "Kin-dza-dza! (1986), Daneliya": a bracketed credit goes on after its bracket
        closed = run and text[: run[-1].start].endswith("(") and re.fullmatch(r"\),\s*", gap)
        if run and not (
            re.fullmatch(r"\s*,\s*", gap)
            or closed
            or (at_studio and re.fullmatch(r"\s+at\s+", gap))
        ):  # "Roman Kachanov at Soyuzmultfilm, 1981"
            if len(run) >= 2:
                break
            run = []
        run.append(mention)
    kinds = {m.kind for m in run}
    if len(run) < 2 or len(kinds) < 2 or kinds == {"country"}:
        return None
    before = text[: run[0].start]
    films = [m for m in mentions if m.end <= run[0].start and m.kind in _FILM_KINDS]
    if films and _SCENE_SET.search(text, 0, films[-1].start):
        return None  # "In Solaris (1972), Donatas Banionis, frozen in horror, ...": a scene
    lead = before[films[-1].end :] if films else before
    # ... or, two of them, a comma after them: the first items of a longer list, as in
    # "Daneliya, Mosfilm, premiered 1 December 1986."; after a colon, any list, as in
    # "Kin-dza-dza! for a picture round: Georgiy Daneliya, 1984, Mosfilm" (a film)
    listed = (
        len(run) >= 3
        or films
        or re.match(r"\s*,(?!\s*(?:[\w'’-]+\s+)?" + _COPULA + ")", text[run[-1].end :])
    )
    if re.fullmatch(r"\W*(?:(?:is|was)\W*)?", lead) and listed:
        return run[0].start, run[-1].end
    if films and re.search(r":\s*$", lead) and not re.search(r"[.;!?]", lead):
        return run[0].start, run[-1].end
    return None  # two credits need the film's name before them


def _listed_after_unknown(text: str, groups: list[_Group], at: int) -> _Group | None:
    """A film listed at ``at`` after titles the references do not know ("Signals and X")."""
    film = next((g for g in groups if g.start >= at), None)
    if film is None or not _UNKNOWN_LISTED.fullmatch(text, at, film.start):
        return None
    return film if _ENDS_ITS_CLAUSE.match(text, film.end) else None


# a film ending the clause that lists it: a mark, the end, its year, or where it was made
_ENDS_ITS_CLAUSE = re.compile(
    r"\s*(?:\(\s*\d{4}\s*\))?\s*(?:[,.;:!?)\-–—]|$|(?:at|for|in|from|with|both|together"
    r"|respectively|too|as well)\b)"
)
_COPULA = r"(?:is|was|were|are|has|had|did|does)\b"
_FILMS_LISTED = re.compile(
    r"\s*(?:\(\d{4}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:then|later|also)\s+)?"
    r"(?:(?:its|the)\s+(?:sequel|follow-up|second\s+part)\s*,?\s+)?"  # "A and its sequel B"
)
_UNKNOWN_LISTED = re.compile(
    r"(?:[A-Z][\w'’!-]*(?:\s+(?:of|the|in|from|to|[A-Z][\w'’!-]*))*(?:,\s+and|,|\s+and)\s+)+"
)


def _person_heading(text: str, mentions: list[Mention]) -> Mention | None:
    """The one known person a heading names and nothing else ("Kolditz, Gottfried")."""
    people = [m for m in mentions if m.kind == "person" and m.entity]
    if len(people) != 1 or any(m.kind in _FILM_KINDS for m in mentions):
        return None
    rest = text[: people[0].start] + text[people[0].end :]
    # (a first name after a comma, life years in brackets)
    if not _HEADING_REST.fullmatch(rest):
        return None
    return people[0]


_HEADING_REST = re.compile(
    r"\W*(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?\s*"
    r"(?:\(\s*(?:1[89]|20)\d\d\s*[-–]\s*(?:(?:1[89]|20)\d\d)?\s*\))?\W*"
)


def _joined_after(
    text: str, groups: list[_Group], first: _Group, gap: re.Pattern[str] | None = None
) -> list[_Group]:
    """The films listed right after ``first``: "A, B and C" gives B and C.

    ``gap`` is what may stand between two of them (by default a comma or "and").
    """
    joined: list[_Group] = []
    last = first
    for group in groups[groups.index(first) + 1 :]:
        if not (gap or _FILMS_LISTED).fullmatch(text, last.end, group.start):
            break
        if not _ENDS_ITS_CLAUSE.match(text, group.end):
            break  # "..., and Teens in the Universe followed in 1975": a clause of its own
        if not group.film.key.startswith("?") and group.film.key != first.film.key:
            joined.append(group)
        last = group
    return joined


def _joined_before(text: str, groups: list[_Group], last: _Group) -> list[_Group]:
    """The films listed right before ``last``: "A, B and C were" gives A and B."""
    joined: list[_Group] = []
    after = last
    for group in reversed(groups[: groups.index(last)]):
        if not _FILMS_LISTED.fullmatch(text, group.end, after.start):
            break
        if not group.film.key.startswith("?") and group.film.key != last.film.key:
            joined.append(group)
        after = group
    return joined


# Where a film was shown or seen, not made: "screened Aelita at Mosfilm"
_VIEWED = re.compile(
    r"\b(?:screen(?:ed|s|ing)?|show(?:ed|n|s|ing)?|saw|seen|see|watch(?:ed|es|ing)?|project(?:ed"
    r"|ion)|retrospective|festival)\b",
    re.IGNORECASE,
)
_MAKING_WORD = re.compile(
    r"\b(?:made|shot|filmed|directed|co-directed|produced|animated|built)\b", re.IGNORECASE
)
# A verb of making right before a list of films: "directed both A and B"
_MADE_THE_LIST = re.compile(
    r"\b(?:directed|co-directed|made|shot|filmed|produced|did)\s+(?:both\s+)?$", re.IGNORECASE
)
# Where a list of films just named was made: "A and B at the Gorky Film Studio", "both at"
_AT_THE_STUDIO = re.compile(r",?\s+(?:(?:both|all)\s+)?(?:at|for)\s+(?:the\s+)?")
# A verb for several subjects right after a title: "A and B were directed by", "are both"
_PLURAL_VERB = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:were|are|have been)\b")
# ... and the verb's own words up to the value: "were both directed by", "were all made at"
_PLURAL_COMPLEMENT = re.compile(
    r"\s+(?:(?:both|all|also|each)\s+)?(?:(?:co-)?directed|produced|made|shot|filmed|written"
    r"|scored|released|adapted|based)(?:\s+(?:jointly|together))?\s+(?:by|at|in|from|on)\s+"
    r"(?:the\s+)?"
)


def _described_group(groups: list[_Group], at: int, text: str) -> _Group | None:
    """The film group after a few words describing it: "Czechoslovak", "1963", "grounded".

    Each word a year, a people's name or a word that may be an adjective (or that the
    dictionary lacks: "two-part"), at most three: not "company released" nor "cut of".
    """
    group = next((g for g in groups if g.start >= at), None)
    if group is None:
        return None
    words = re.split(r"[\s,]+", text[at : group.start].strip(" ,"))
    if not words or len(words) > 3 or words == [""]:
        return None
    for word in words:
        if re.fullmatch(r"(?:1[89]|20)\d\d", word) or word.lower() in DEMONYMS:
            continue
        if not word.islower() or not describing_word(word):
            return None
    return group


def _is_dashed_part(text: str, mentions: list[Mention]) -> bool:
    """Whether ``text`` is a cast list's line: a person, a dash or "as", a part ("X as Y")."""
    if (
        len(mentions) < 2
        or mentions[0].kind not in _PERSON_KINDS
        or mentions[1].kind != "character"
    ):
        return False
    return (
        (
            mentions[1].start in _dashed_part_at(text, mentions[0].end)
            or _described_part(text, mentions[0].end, mentions[1])
        )
        and not text[: mentions[0].start].strip(" -*•\t")
        and not re.match(r"['’]s?\b", text[mentions[1].end :])  # "as Kelvin's father"
    )


def _is_his(text: str, groups: list[_Group]) -> bool:
    """Whether the first of ``groups`` is said to be someone's: "X and Y are both his"."""
    last = groups[0]
    for group in groups[1:]:
        if not _FILMS_JOINED.fullmatch(text, last.end, group.start):
            break
        last = group
    return _IS_HIS.match(text, last.end) is not None


_FILMS_JOINED = re.compile(r"\s*(?:\(\d{4}\))?\s*(?:,|and|,\s*and)\s+")
# Up to three words before a work that say it is the person's own, not one they like.
_NOT_LIKED = r"(?:(?!favou?rite\b|beloved\b|preferred\b)[\w-]+\s+){0,3}?"
_HIS_WORKS = (
    r"(?:film|picture|movie|feature|release|venture|outing|project|debut|adventure|effort"
    r"|production|work|epic|masterpiece|serial|cartoon)"
)
# "His next big space film was Per Aspera Ad Astra": the work of someone's a film is
_HIS_WORK_WAS = re.compile(
    rf"(?:^|\W)(?:[Hh]is|[Hh]er)\s+{_NOT_LIKED}{_HIS_WORKS}(?:\s+[\w-]+){{0,3}}?\s+(?:was|is)\s+"
    r"(?:the\s+)?$"
)
_IS_HIS = re.compile(
    r"\s*(?:\(\d{4}\))?\s*(?:is|are|was|were)\s+(?:both\s+|all\s+\w+\s+)?(?:his|hers)"
    r"(?:\s+(?:films?|movies?|pictures?|work))?\s*(?:[,.;:!?)]|$)"
    # "Signals (1970) was his first venture into space", "Battle Beyond the Sun, his 1962
    # release": a film set beside the work of someone's it is
    r"|\s*(?:,\s*(?:1[89]|20)\d\d\s*)?\)?\s*(?:\((?:1[89]|20)\d\d\))?\s*(?:,\s*|(?:is|was)\s+)"
    rf"(?:his|her)\s+{_NOT_LIKED}{_HIS_WORKS}\b"
)


# A capitalised word as the subject of "is"/"was" right before the value: "Storms was X".
_UNKNOWN_SUBJECT = re.compile(
    r"(?:^|[(\s])(?:(?:And|But|So|Also)\s+)?(?P<w>[A-Z][\w'’-]+)\s+(?:is|was|were|are)\s+"
    r"(?:(?:a|an|the|all|also|still|really)\s+)?$"
)
_NOT_A_SUBJECT_NAME = frozenset(
    (
        *("it", "this", "that", "these", "those", "there", "which", "what", "who", "he", "she"),
        *("they", "both", "all", "mine", "ours", "yours", "his", "hers", "theirs", "everything"),
    )
)
# What a name's possessive may own that is its credit: a book, a score, a script, a story.
_POSSESSED_CREDIT = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:novel|book|story|stories|novella|tale|score|music|script"
    r"|screenplay|songs?|direction|camera|photography|effects|design)s?\b",
    re.IGNORECASE,
)
# What a film was made from, before its writer's name: "a take on", "adapted from".
_SOURCE_LEAD = re.compile(
    r"\b(?:take on|adaptation of|version of|based on|adapted from|drawn from|film of|from)\s+$",
    re.IGNORECASE,
)
_SOURCE_LEAD_DOUBT = "relation uncertain: the writer of what the film was made from"
# A possessive and words ending on a kind of writing: "'s utopia", "'s Alice stories".
_OWNED_WORDS = re.compile(
    r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:stor(?:y|ies)|tales?|novellas?|trilogy|cycle|utopia|sagas?"
    r"|series|plays?|poems?|fiction|universe|world|characters?|heroine|hero)\b"
)
_WAY_TOWARDS = re.compile(r"\b(?:from|in|towards?|into)\s+the\s+direction\s+of\s+$", re.I)
_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|of|from|at|on|to|for|into|with|about|among)\s+(?:the\s+)?$", re.IGNORECASE
)
_IS_A_BOOK = re.compile(
    r"\b(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:novel|book|novella|short story)\b"
)
_PLAIN_ANAPHORA = frozenset(["it", "this film", "the film", "this one", "that one", "the movie"])
_STORY_YEAR_AFTER = re.compile(r"\s*(?:where|when|in which|of\b|that\b|[,.;:!?]|$)")
_TITLE_LINE_END = re.compile(r"[*_”\"\s]*(?:\([^()]*\))?[\s.:]*")
_YEAR_LEAD_DOUBT = "relation uncertain: the year heading a title line is mostly its release"
# A maker's possessive, perhaps a year, then the value: "Klushantsev's 1962 Lennauchfilm".
_OWNED_LEAD = re.compile(r"['’]s?\s+(?:(?:1[89]|20)\d\d\s+)?")
# ... going on into the noun phrase, no verb: "... adventure", not "... was"
_OWNED_GOES_ON = re.compile(
    r"\s+(?!(?:is|was|were|are|had|has|and|but|or|in|at|for)\b)[A-Za-z][\w-]*"
)
_AS_TITLE = re.compile(r"\s+as\s+[*_“\"]*[A-Z]")
_YEAR_LEAD = re.compile(r"[\W_]*(?P<y>(?:1[89]|20)\d\d)\s*[–—:-]\s+[*_“\"]*")
# A credits line's label, or a field's ("Director: X", "Studio: Lenfilm", "Music by: Y").
_FIELD_LABEL = re.compile(r"^[\W_]*(?P<label>[A-Za-z][A-Za-z. ]{1,24}?)\s*:\s+")
# What may stand between a credits label and a value it covers: the list's separators.
_LABEL_LIST = re.compile(r"(?:[\s,;/&]|\band\b)*")
_BRACKETED = re.compile(r"\([^()]*\)")
# ... or, before a source, its writer's possessive: "Source: X's Outside the Earth"
_SOURCE_OWNER = re.compile(r"\s*['’]s?\s*")
_LABELS = {label: spec.relation for spec in SPECS.values() for label in spec.labels}


def _labelled(text: str, mention: Mention, mentions: list[Mention]) -> _Found | None:
    """The relation a credits label before the value says: "Director: X", "Studio: Y".

    Only for a value of the kind the relation takes (an unknown name for a person), in the
    list right after the label ("Cast: A, B and C"; not "Director: A, from the novel by B");
    a source's writer ("Source: Tsiolkovsky's Outside the Earth") is its source author.
    """
    label = _FIELD_LABEL.match(text)
    if label is None or mention.start < label.end():
        return None
    relation = _LABELS.get(label["label"].strip().lower())
    if relation is None:
        return None
    # what stands between the label and the value, the names listed before it left out
    rest, at = [], label.end()
    for other in mentions:
        if at <= other.start and other.end <= mention.start:
            rest.append(text[at : other.start])
            at = other.end
    rest.append(text[at : mention.start])
    # (a part in brackets after a name is no more than a separator: "A (Akala), B (Suko)")
    between = _BRACKETED.sub(" ", " ".join(rest))
    if not _LABEL_LIST.fullmatch(between) and not _SOURCE_OWNER.fullmatch(between):
        return None
    if relation is Relation.BASED_ON:
        if mention.kind in _PERSON_KINDS:
            return _Found(Relation.SOURCE_AUTHOR)
        return _Found(relation) if mention.kind in {"novel", TITLE_KIND} else None
    kinds = SPECS[relation].value_kinds
    if kinds is None:
        return _Found(relation) if mention.kind == YEAR_KIND else None
    if mention.kind in kinds or ("person" in kinds and mention.kind in _PERSON_KINDS):
        return _Found(relation)
    return None


# A quiz question and its answer: "Q: Who directed Aelita?" then "A: Yakov Protazanov."
_QUESTION = re.compile(
    r"\W*(?:Q\d*|Question\s*\d*)?\s*[:.)]?\s*(?P<wh>[Ww]ho|[Ww]hich\s+(?:studio|actor|actress"
    r"|composer|director))\s+(?P<rest>(?:directed|made|shot|plays|played|voices|voiced|composed"
    r"|scored|wrote)\b[^?]{1,80})\?\s*$"
)
_ANSWER = re.compile(r"\W*(?:A\d*|Answer)\s*[:.)]\s*(?P<a>[^.;:?!()]{2,60}?)\s*[.!]?\s*$")


def _answered_questions(sentences: list[Sentence]) -> tuple[list[Sentence], set[int]]:
    """Each quiz question with its answer after it, read as the statement they make.

    "Q: Who directed Aelita? A: Yakov Protazanov." is read as "Yakov Protazanov directed
    Aelita."; the claims quote the question and the answer as the document writes them.
    With the sentences, the starts of those read so.
    """
    result: list[Sentence] = []
    merged: set[int] = set()
    skip = False
    for index, sentence in enumerate(sentences):
        if skip:
            skip = False
            continue
        asked = _QUESTION.match(sentence.text)
        answer = sentences[index + 1] if asked and index + 1 < len(sentences) else None
        said = _ANSWER.match(answer.text) if answer is not None else None
        if (
            asked is None
            or answer is None
            or said is None
            or (answer.paragraph != sentence.paragraph or len(said["a"].split()) > 6)
        ):
            result.append(sentence)
            continue
        answered, rest = said["a"].strip(), asked["rest"].strip()
        if asked["wh"].lower().endswith("studio"):
            verb, _, made = rest.partition(" ")  # "Which studio made X?": X was made at it
            statement = f"{made} was {verb} at {answered}."
        else:
            statement = f"{answered} {rest}."
        result.append(Sentence(sentence.start, answer.end, statement, sentence.paragraph))
        merged.add(sentence.start)
        skip = True
    return result, merged


def _latest_release(catalogue: Catalogue) -> int:
    """The latest year in which the references say a film came out."""
    return max(
        (
            int(str(f.value))
            for film in catalogue.of_kind("film")
            for f in catalogue.facts_about(film.id, Relation.RELEASE_YEAR)
            if str(f.value).isdigit()
        ),
        default=0,
    )


# "Paul Grant, a very young Dennis Hopper, ...": the actor set beside the part, described
_APPOSED_ACTOR = re.compile(r",\s+(?:a|an|the)\s+(?P<words>(?:[a-z][\w-]*\s+){0,3})")
_APPOSED_ACTOR_END = re.compile(r"\s*(?:[,;.)]|$)")
_DEGREE_WORDS = frozenset({"very", "still", "then", "rather", "quite", "and"})


def _apposed_actor(gap: str, text: str, end: int) -> bool:
    """Whether ``gap`` after a part sets an actor beside it: ", a very young ".

    Only describing words between the article and the name, and the aside closed after it.
    """
    found = _APPOSED_ACTOR.fullmatch(gap)
    return (
        found is not None
        and all(w in _DEGREE_WORDS or describing_word(w) for w in found["words"].split())
        and _APPOSED_ACTOR_END.match(text, end) is not None
    )


def _films_by_character(catalogue: Catalogue) -> dict[str, tuple[str, ...]]:
    """The catalogue films each character is of, by the character's id."""
    found: dict[str, list[str]] = {}
    for film in catalogue.of_kind("film"):
        for character in catalogue.characters_of(film.id):
            found.setdefault(character.id, []).append(film.id)
    return {character: tuple(films) for character, films in found.items()}


def _describes_a_part(owned: str) -> bool:
    """Whether the words after a possessive describe a part ("radio astronomer", "young").

    Not "friend became": a clause of its own, whose part is another's.
    """
    words = re.findall(r"[a-z][\w-]*", _OWNS_PART_BARE.sub("", owned, count=1))
    return noun_phrase(words) or all(describing_word(w) for w in words)


def _by_default(discourse: Discourse) -> _Subject | None:
    film = discourse.default()
    if film is None:
        return None
    return _Subject(film, DEFAULT, "the film the document or section is about")


# A film found by the story a sentence tells: what the sentence states of it may be verified,
# but an attribution this indirect is never the document's error.
_WHICH_VERSION = re.compile(
    r"\b(?:original|version|re-?edit|re-?cut|remake|sequel|prequel|dub|dubbed|the latter"
    r"|the former)\b",
    re.IGNORECASE,
)
_WHICH_VERSION_LOWER = lower_case_twin(_WHICH_VERSION)
_STORY_HOW = "attribution uncertain: read as {} because its story tells of what the sentence names"


def _with_year(claim: Claim, year: str | None) -> Claim:
    return claim if year is None else dataclasses.replace(claim, stated_year=year)


@functools.lru_cache(maxsize=4096)  # documents repeat sentences; callers only read it
def _clauses(text: str) -> list[tuple[int, int]]:
    if not any(word in text for word in _CLAUSE_WORDS):
        return [(0, len(text))]  # no break can match: most sentences are one clause
    cuts = [0, *(m.start() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a] or [(0, len(text))]


@functools.lru_cache(maxsize=8192)  # asked for every value of a sentence; pure in the text
def _anaphoric_phrase(head: str) -> str | None:
    """The phrase in ``head`` that points back at a film ("it", "the latter"), if any."""
    # "X bought the Soviet film and made this American version, with Y directing": of
    # verbs joined by "and", the last one that names a film is what follows is about
    parts = re.split(r"\s+and\s+(?=[a-z]+\s+(?:this|the|its)\b)", head) if "and" in head else []
    for part in reversed(parts[1:]):
        found = _anaphora_at(part.strip(' \t"“”*_('))
        if found is not None:
            head = part
            break
    found = _anaphora_at(head.strip(' \t"“”*_('))
    if found is None:
        found = re.search(
            r"\b(?:the latter|the former|the original|its (?:american|us) (?:version|cut)"
            r"|the sequel)\b",
            head.lower(),
        )
        if found is None:
            return None
    return found[0].lower() if found.lastindex is None else found["np"].lower()


def _anaphora_at(text: str) -> re.Match[str] | None:
    """:data:`_ANAPHORA` at the start of ``text`` lower-cased (by its faster twin if it may)."""
    lowered = text.lower()
    return (_ANAPHORA_LOWER if lowers_plainly(lowered) else _ANAPHORA).match(lowered)


# Before names at a studio, a word saying they did not make the film there: "finished
# without Kozyr at the Dovzhenko studio", "offered to Daneliya at Mosfilm".
_NOT_MADE_BY = re.compile(
    r"\b(?:without|to|for|with|than|like|unlike|except|besides|against|from|of)\s+$"
)
# Names, then where: "Karyukov and Kozyr at the Dovzhenko studio", "Viktorov for Gorky".
_AT_STUDIO = re.compile(r"\s+(?:at|for)\s+(?:the\s+)?")
# Words setting one thing against another ("Solaris is slower, whereas this one ..."); a
# sentence opening on a film is not about it throughout when it has these, or points away.
_AGAINST_WORDS = r"whereas|while|but|unlike|than"
_SET_AGAINST = re.compile(rf"\b(?:{_AGAINST_WORDS})\b", re.IGNORECASE)
_CONTRASTED = re.compile(
    rf"\b(?:{_AGAINST_WORDS}|instead|isn['’]t|this one|this film|here)\b", re.IGNORECASE
)
# What may come before the film a sentence opens on: "And", "But", "Yes,", marks.
_OPENS_ON = re.compile(r"[\W_]*(?:(?:and|but|yes|no|so|well|also)\b[\W_]*)?", re.IGNORECASE)
# After an actor's name, an aside on a part they played elsewhere: ", the Snaut of",
# ", Snaut in", ", remembered as Snaut in", ", whom many will remember as Snaut in".
# Never an aside of what someone was nearly, or imagined as: "who was nearly cast as Snaut".
_ASIDE_PART_LEAD = re.compile(
    r",\s+(?:(?:remembered|known|familiar|best known)\s+(?:[\w-]+\s+){0,3}?as\s+|the\s+"
    # ", whom many will remember as Snaut in", ", who you may know as"
    r"|(?:whom|who)\s+(?:[\w-]+\s+){0,3}?(?:remember|recall|know)s?\s+as\s+)?"
)
_ASIDE_PART_FILM = re.compile(
    r"\s+(?:of|in|from)\s+(?:(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+['’]s?\s+)?[*_“\"]?"
)
# An aside describing an actor, up to its "who": ", the Estonian actor who".
_ACTOR_DESCRIBED = re.compile(r",\s+(?:the|an?)\s+[^,;()]{0,40}?\bwho\b")
# What someone was nearly, or came close to: no part they played.
_NEARLY = re.compile(r"\b(?:nearly|almost|close\s+to|in\s+the\s+running)\b")
# Words before a part that say it was not played, only offered, planned, doubted or
# credited: "is not", "It is wrong that", "I wonder if", "was offered", "auditioned", "too
# young to play", "was set to play", "the first choice for".
_NOT_PLAYED = re.compile(
    r"\b(?:not|never|no|nobody|none|wrong|false|untrue|myth|wonder\w*|unsure|doubt\w*"
    r"|believes?|offered|up\s+for|audition\w*|refus\w*|declin\w*|turned\s+down|asked"
    r"|credited|billed|too\s+\w+\s+to|instead\s+of|rather\s+than"
    # ... or only planned or expected: "was set to play", "first choice for"
    r"|(?:set|slated|due|going|expected|supposed|meant|scheduled|lined\s+up|about)\s+to"
    r"|(?:was|were|is|are)\s+to\s+(?:play|be)|pencill?ed|choice|in\s+line|shortlist\w*"
    r"|candidate|favou?rite|tipped|considered|tested|screen-tested|approached)\b|n['’]t\b",
    re.IGNORECASE,
)
# A book named by the title after a part: "in Solaris, the 1961 novel by Lem".
_A_BOOK_AFTER = re.compile(
    r"\s*,\s+(?:the|a|an|his|her|their)\s+(?:\d{4}\s+)?(?:\w+\s+)?(?:novel|book|story|novella)\b"
    r"(?!['’])"  # (not "the 1970 novel's film version")
)
# A new clause opening right before a name: ", and Lem ...", "; Lem ..." (see _OWN_VERB).
_CLAUSE_OPENED = re.compile(r"(?:,\s+(?:and|but|yet|so|while|whereas|though)|;)\s+$")
# A name's own verb right after it (perhaps after an adverb or two), not a list going on.
_OWN_VERB = re.compile(
    r"\s+(?:(?:never|not|also|later|then|still|only|[a-z]+ly)\s+){0,2}"
    r"(?!(?:and|or|as|in|at|for|of|with|from|to|by|on|too|again)\b)[a-z]{3,}\b"
)


@functools.lru_cache(maxsize=256)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for every cue of a relation, longest first, as whole words."""
    ordered = sorted(cues, key=len, reverse=True)
    # (a cue that ends on "by" is no agent's before an adverb: "the story is by far the ...")
    return re.compile(
        rf"(?<![\w])(?:{'|'.join(map(re.escape, ordered))})(?![\w])(?!(?<=by){_ADVERBIAL_BY})"
    )


_ADVERBIAL_BY = (
    r"\s+(?:far|turns|now|then|contrast|comparison|the\s+way|default|chance|design|and\s+large)\b"
)


def _cue(window: str, cues: tuple[str, ...], tail: int = 48) -> int | None:
    """Where the last cue of ``cues`` ends in the last ``tail`` characters of ``window``."""
    return _last_cue(window[-tail:].lower(), cues)


def _cue_end(window: str, cues: tuple[str, ...], tail: int) -> int | None:
    """Where the last cue of ``cues`` in the last ``tail`` characters ends in ``window``."""
    found = _cue(window, cues, tail)
    return None if found is None else found + max(0, len(window) - tail)


@functools.lru_cache(maxsize=8192)  # the same few windows are read for every relation
def _last_cue(window: str, cues: tuple[str, ...]) -> int | None:
    best = None
    for match in _cue_pattern(cues).finditer(window):
        best = match.end()
    return best


def _piece_start(text: str, at: int) -> int:
    """Where the piece of ``text`` holding ``at`` starts, after a comma, ";" or ":" before it."""
    return max(text.rfind(c, 0, at) for c in ",;:") + 1


def _relative_antecedent(text: str, mention: Mention, groups: list[_Group]) -> _Group | None:
    """The title a "that" or "which" right before ``mention`` stands for, if any.

    "Nebo Zovyot (1959), a drama that Karyukov and Kozyr had made", "Planeta Bur, which
    Klushantsev had directed"; none when no title is set right before it.
    """
    relative = _MADE_WHAT_WAS_NAMED.search(text, 0, mention.start)
    if relative is None:
        return None
    return next(
        (
            g
            for g in reversed(groups)
            if g.end <= relative.start()
            and _TITLE_BEFORE_RELATIVE.fullmatch(text, g.end, relative.start())
        ),
        None,
    )


def _later_film_said(
    text: str, mention: Mention, film: _Group | None, rest_at: int, groups: list[_Group]
) -> bool:
    """Whether "X went on to direct" names the film X made.

    The verb's object, "it", or the title "which" stands for ("Y, which X went on to shoot
    at Mosfilm").

    Not a later film the references do not know ("went on to direct the children's
    adventure Y"), not a remake ("would later direct Solaris again"), nor what was only
    hoped, rumoured or asked.
    """
    if not _said_plainly(text, groups) or _NOT_YET_SO.search(text):
        return False
    if film is not None:
        # the film itself, not its effects or fame ("went on to make X famous"), nor again
        return _MADE_FILM_ENDS.match(text, film.end) is not None
    if _DEED_MADE_IT.match(text, rest_at):
        return True
    which = re.search(r"\b(?:which|that)\s+$", text[: mention.start])
    return which is not None and any(
        _WHICH_AFTER_TITLE.fullmatch(text, g.end, which.start()) for g in groups
    )


def _of_a_people(word: str, after: str) -> bool:
    """Whether a capitalised ``word`` before a noun says where someone is from.

    "the Martian queen", "the Venusian woman", "an Israeli critic": a word the dictionary
    knows as an adjective, or one made like a people's ("-ian", "-ean", "-ese", "-ish" ...),
    before a lower-case noun is no part's name.
    """
    following = re.match(r"\s+([a-z][\w-]*)\b", after)
    if following is None or " " in word or not noun_phrase([following[1]]):
        return False
    lowered = word.lower()
    return adjective(lowered) or lowered.endswith(("ian", "ean", "can", "ese", "ish", "eli"))


def _cast_said_plainly(
    text: str, mention: Mention, groups: list[_Group], named_by: bool = False
) -> bool:
    """Whether a sentence says plainly that the one it names at ``mention`` is in the cast.

    For the readings that go by no named part. In the name's own clause, no question,
    denial, hearsay, hope or likeness (see _CAST_DOUBTED); the name no preposition's object
    (unless ``named_by``: "She is played by X"); and no film besides the one the sentence is
    on: none named after the name, at most one before it, and, where none is named, none
    spoken of as another ("in the sequel", "the Soviet original").
    """
    starts = [m.end() for m in _CAST_CLAUSE_BREAK.finditer(text, 0, mention.start)]
    start = max(starts, default=0)
    ends = _CAST_CLAUSE_BREAK.search(text, mention.end)
    clause = text[start : ends.start() if ends else len(text)]
    if "?" in text or _CAST_DOUBTED.search(clause) or not _said_plainly(clause, []):
        return False
    if not named_by and _NAME_AS_OBJECT.search(text, max(0, mention.start - 30), mention.start):
        return False
    if any(g.start >= mention.end or g.start < start for g in groups) or len(groups) > 1:
        return False  # (the one film named is in the name's own clause)
    return bool(groups) or not _OTHER_FILM_SAID.search(text)


def _said_plainly(text: str, groups: list[_Group]) -> bool:
    """Whether a sentence states what it says plainly (see _NOT_PLAINLY), its titles aside.

    (A title's words doubt nothing: "Mystery of the Third Planet" is no question, "Myth" no
    myth.)
    """
    return _NOT_PLAINLY.search(_names_blanked(text, groups)) is None


def _names_blanked(text: str, named: Sequence[Mention | _Group]) -> str:
    """``text`` with what it names blanked out, in place ("Gorky Film Studio" says no "film").

    The offsets stay those of ``text`` (unlike ``mentions._without``, which takes spans out).
    """
    chars = list(text)
    for name in named:
        chars[name.start : name.end] = " " * (name.end - name.start)
    return "".join(chars)


__all__ = ["CONFIDENT", "Extractor"]
