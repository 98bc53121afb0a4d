"""Pure game engine: judging, rules and scoring, free of Discord and SQL.

The answer judge (`Judge`) is the one public entry point every front end uses.
"""

from bot.game.judging import Judge, Judgement

__all__ = ["Judge", "Judgement"]
