"""Community question packs: Red-DiscordBot trivia lists (YAML) and Open Trivia DB (JSON).

Imported items are labelled with their pack (``red:<name>``, ``opentdb:<name>``) and are
never verified. A pack is kept in the packs folder (:mod:`questions.packs.store`), apart
from the generated bank, and merged with it at load.
"""

from questions.packs.checking import MAX_PACK_ITEMS
from questions.packs.importing import MAX_PACK_BYTES, guess_format, parse_pack, read_pack
from questions.packs.models import PACK_FORMATS, Pack, PackFormat, PackSettings, Skipped
from questions.packs.opentdb import parse_opentdb
from questions.packs.red import dump_red, parse_red, save_red
from questions.packs.store import PackStore, merged, packs_in_bank

__all__ = [
    "MAX_PACK_BYTES",
    "MAX_PACK_ITEMS",
    "PACK_FORMATS",
    "Pack",
    "PackFormat",
    "PackSettings",
    "PackStore",
    "Skipped",
    "dump_red",
    "guess_format",
    "merged",
    "packs_in_bank",
    "parse_opentdb",
    "parse_pack",
    "parse_red",
    "read_pack",
    "save_red",
]
