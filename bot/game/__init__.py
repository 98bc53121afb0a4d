"""Pure game engine: judging, rules and scoring, free of Discord and SQL.

The answer judge is the one public entry point every front end uses.
"""

from bot.game.judging import Judgement, judge_answer

__all__ = ["Judgement", "judge_answer"]
