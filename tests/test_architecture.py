"""Import rules: the domain stays pure and the pipeline never reaches into the bot."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

DISCORD_ALLOWED = ("bot/cogs/", "bot/views/", "bot/app.py", "bot/cli.py")
SQLALCHEMY_ALLOWED = (
    "bot/storage/tables.py",
    "bot/storage/db.py",
    "bot/storage/sql/",
    "bot/storage/migrations/",
)


def _modules() -> list[Path]:
    return sorted(p for d in ("bot", "questions") for p in (REPO_ROOT / d).rglob("*.py"))


def _modules_imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _imports(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _modules_imported(path)}


def _reaches(path: Path, *packages: str) -> set[str]:
    """The imports of ``path`` inside any of ``packages`` (dotted names)."""
    return {
        name
        for name in _modules_imported(path)
        if any(name == p or name.startswith(f"{p}.") for p in packages)
    }


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_module_respects_layering(path: Path):
    relative = path.relative_to(REPO_ROOT).as_posix()
    imports = _imports(path)
    if "discord" in imports:
        assert relative.startswith(DISCORD_ALLOWED), f"{relative} imports discord"
    if "sqlalchemy" in imports or "alembic" in imports:
        assert relative.startswith(SQLALCHEMY_ALLOWED), f"{relative} imports sqlalchemy"
    if relative.startswith("questions/"):
        assert not imports & {"bot", "discord", "sqlalchemy"}, f"{relative} reaches into the bot"
    if relative.startswith("bot/game/"):
        assert not imports & {"discord", "sqlalchemy"}, f"{relative} is not pure"
    if relative.startswith("bot/moderation/"):
        # Moderation serves every format; a format depends on it, never the other way.
        reached = _reaches(path, "bot.night", "bot.cogs", "bot.views", "bot.storage", "bot.app")
        assert not reached, f"{relative} reaches into {sorted(reached)}"
    if relative.startswith("bot/game/"):
        reached = _reaches(
            path, "bot.night", "bot.moderation", "bot.storage", "bot.cogs", "bot.views", "bot.app"
        )
        assert not reached, f"{relative} reaches into {sorted(reached)}"
    if relative.startswith("bot/web/"):
        # The pages are an adapter beside Discord's: they read through the services.
        reached = _reaches(path, "bot.cogs", "bot.views", "bot.app")
        assert not reached, f"{relative} reaches into {sorted(reached)}"
        if not relative.endswith("/serve.py"):  # the wiring builds the stores
            reached = _reaches(path, "bot.storage")
            assert not reached, f"{relative} reaches into {sorted(reached)}"
    if relative.startswith("bot/night/"):
        # A format is domain: it reaches storage through its ports, Discord through nobody.
        reached = _reaches(path, "bot.storage", "bot.cogs", "bot.views", "bot.app")
        assert not reached, f"{relative} reaches into {sorted(reached)}"
        # One near-miss mechanism: a night's near misses are the engine's stored answers,
        # reviewed in moderation's queue; the night keeps no queue entries of its own.
        reached = _reaches(path, "bot.moderation.queue", "bot.moderation.reviewing")
        assert not reached, f"{relative} reaches into {sorted(reached)}"
        # One answer, one rule: a night asks the engine who may answer and what an answer
        # scores (bot.game.answering), never the points formula beneath it.
        reached = _reaches(path, "bot.game.scoring")
        assert not reached, f"{relative} scores answers itself: {sorted(reached)}"


def test_a_night_judges_and_scores_its_answers_with_the_engine():
    """The night's answers go through the engine's one answering module."""
    play = REPO_ROOT / "bot" / "night" / "play.py"
    assert "bot.game.answering" in _modules_imported(play)


def _pause_sums(path: Path) -> list[int]:
    """Lines of ``path`` that add or subtract a pause's start (``paused_at``) themselves."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add | ast.Sub)
        and any(
            isinstance(side, ast.Attribute) and side.attr == "paused_at"
            for side in (node.left, node.right)
        )
    ]


def test_one_pause_rule_moves_every_formats_question_clock():
    """A pause's arithmetic and the time-up test are the engine's (``bot.game.asking``)."""
    for rules in ("bot/game/rules.py", "bot/night/rules.py"):
        assert "bot.game.asking" in _modules_imported(REPO_ROOT / rules), rules
    sums = {
        str(path.relative_to(REPO_ROOT)): lines
        for path in _modules()
        if path.parent.name in {"game", "night"} and (lines := _pause_sums(path))
    }
    assert sums == {}, f"pauses measured outside bot/game/asking.py: {sums}"
    asking = REPO_ROOT / "bot" / "game" / "asking.py"
    assert _reaches(asking, "bot") <= {"bot.game", "bot.game.answering"}


def _distances(path: Path) -> list[int]:
    """Lines of ``path`` that measure how far one number is from another (``abs(a - b)``)."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and ast.unparse(node.func) in {"abs", "math.fabs", "fabs"}
        and any(isinstance(arg, ast.BinOp) and isinstance(arg.op, ast.Sub) for arg in node.args)
    ]


def test_one_tie_break_rule_settles_every_formats_ties():
    """Who is tied, one number each and the closest are the engine's (``bot.game.tiebreak``).

    A game (its tie-breaker, its end) and a night (its podium, its numbers) ask the rule;
    no other module of either measures how near a number came, and the rule knows no format.
    """
    users = ("game/tiebreaks.py", "game/rules.py", "night/standings.py", "night/play.py")
    for user in users:
        assert "bot.game.tiebreak" in _modules_imported(REPO_ROOT / "bot" / user), user
    measured = {
        str(path.relative_to(REPO_ROOT))
        for path in _modules()
        if path.parent.name in {"game", "night"} and _distances(path)
    }
    assert measured == {"bot/game/tiebreak.py"}, f"distances measured in {sorted(measured)}"
    assert _reaches(REPO_ROOT / "bot" / "game" / "tiebreak.py", "bot") == set()


def _settle_calls(path: Path) -> list[int]:
    """Lines of ``path`` that close a round in the store themselves (``settle_round``)."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "settle_round"
    ]


def test_one_way_to_close_a_question_for_every_format():
    """What closing means, its store path and when it is due are ``bot.game.closing``'s."""
    closing = REPO_ROOT / "bot" / "game" / "closing.py"
    engine = {"bot.game", "bot.game.answering", "bot.game.asking", "bot.game.models"}
    modules = {".".join(name.split(".")[:3]) for name in _reaches(closing, "bot")}
    # Who answered (``bot.game.answered``) is named for the close step's types only.
    allowed = engine | {"bot.game.ports", "bot.game.answered"}
    assert modules <= allowed, f"closing reaches {sorted(modules)}"
    for user in ("game/service.py", "night/rules.py", "night/ledger.py", "night/service.py"):
        assert _reaches(REPO_ROOT / "bot" / user, "bot.game.closing"), user
    settled = {
        str(path.relative_to(REPO_ROOT)): lines
        for path in _modules()
        if path.parent.name in {"game", "night", "moderation"} and (lines := _settle_calls(path))
    }
    assert list(settled) == ["bot/game/closing.py"], f"rounds settled outside it: {settled}"


def _closing_calls(path: Path, *functions: str) -> list[str]:
    """The calls in ``path`` of ``functions`` of ``bot.game.closing``, however imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "bot.game":
            modules.update(a.asname or a.name for a in node.names if a.name == "closing")
        elif isinstance(node, ast.ImportFrom) and node.module == "bot.game.closing":
            names.update({a.asname or a.name: a.name for a in node.names})
        elif isinstance(node, ast.Import):
            modules.update(a.asname or a.name for a in node.names if a.name == "bot.game.closing")
    if path == REPO_ROOT / "bot" / "game" / "closing.py":  # its own functions, by name
        names.update({node.name: node.name for node in tree.body if hasattr(node, "name")})
    called = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and names.get(func.id) in functions:
            called.append(f"{names[func.id]}:{node.lineno}")
        elif isinstance(func, ast.Attribute) and func.attr in functions:
            owner = ast.unparse(func.value)
            if owner in modules:
                called.append(f"{func.attr}:{node.lineno}")
    return called


def test_only_the_close_step_decides_what_closing_a_question_means():
    """One engine step closes a question for every format: ``closing.close_question``.

    It settles the round once and decides what closing meant (right answers, tally,
    fastest, points, streaks after); each format keeps only its own consequences. So what
    closing means (``closing.close``) is decided in ``bot/game/closing.py`` alone, and no
    module of a night settles a round or decides a close itself: it calls the step (the
    night's ledger), as a game's service does. Only the recovery step settles besides,
    a round a stop left open, without a reveal.
    """
    deciding = {
        str(path.relative_to(REPO_ROOT)): calls
        for path in _modules()
        if (calls := _closing_calls(path, "close", "streaks_after"))
    }
    assert list(deciding) == ["bot/game/closing.py"], f"closing decided in {deciding}"
    settling = {
        str(path.relative_to(REPO_ROOT)) for path in _modules() if _closing_calls(path, "settle")
    }
    assert settling == {"bot/game/closing.py", "bot/game/recovery.py"}, sorted(settling)
    stepping = {
        str(path.relative_to(REPO_ROOT))
        for path in _modules()
        if _closing_calls(path, "close_question")
    }
    assert stepping == {"bot/game/service.py", "bot/night/ledger.py"}, sorted(stepping)


def test_the_close_step_finder_sees_every_way_of_calling_it(tmp_path: Path):
    module = tmp_path / "module.py"
    module.write_text(
        "from bot.game import closing as c\n"
        "from bot.game.closing import settle as s, close\n"
        "c.close(1)\ns(2)\nclose(3)\nother.close(4)\n",
        encoding="utf-8",
    )
    assert _closing_calls(module, "close", "settle") == ["close:3", "settle:4", "close:5"]


def _calls_of(path: Path, method: str) -> list[int]:
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == method
    ]


def test_one_recovery_step_for_every_format_with_the_policy_passed_in():
    """``bot.game.recovery`` finds and settles what a stop left open; formats pass a policy."""
    step = REPO_ROOT / "bot" / "game" / "recovery.py"
    engine = {"bot.game", "bot.game.closing", "bot.game.models", "bot.game.ports"}
    modules = {".".join(name.split(".")[:3]) for name in _reaches(step, "bot")}
    assert modules <= engine | {"bot.game.recording"}, f"recovery reaches {sorted(modules)}"
    for user in ("game/service.py", "night/ledger.py"):
        assert _reaches(REPO_ROOT / "bot" / user, "bot.game.recovery"), user
    finders = {
        str(path.relative_to(REPO_ROOT))
        for path in _modules()
        if path.parent.name in {"game", "night", "moderation"}
        and _calls_of(path, "unfinished_sessions")
    }
    assert finders == {"bot/game/recovery.py"}, f"sessions left running found in {finders}"
    inheriting = [
        str(path.relative_to(REPO_ROOT))
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and any("RecoveryPolicy" in ast.unparse(base) for base in node.bases)
        and path != step
    ]
    assert not inheriting, f"policies subclassed in {inheriting}"


def _name_calls(path: Path, name: str) -> list[int]:
    """Lines of ``path`` that call ``name``, as a plain name or as an attribute."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == name)
            or (isinstance(node.func, ast.Attribute) and node.func.attr == name)
        )
    ]


def test_one_way_to_settle_a_near_miss_for_every_format():
    """A near miss is settled over its stored answer by ``bot.game.moderation`` alone.

    What an accepted one earns (``near_miss_points``) and the store's settling calls are
    reached only through ``settle_near_miss``; a night asks it, with its joker (the time
    limit is its stored round's), and keeps only who may settle and which is waiting.
    """
    settler = REPO_ROOT / "bot" / "game" / "moderation.py"
    assert "bot.game.moderation.settle_near_miss" in _modules_imported(
        REPO_ROOT / "bot" / "night" / "ledger.py"
    )
    pointed = {
        str(path.relative_to(REPO_ROOT))
        for path in _modules()
        if path.parent.name in {"game", "night", "moderation"}
        and _name_calls(path, "near_miss_points")
    }
    assert pointed == {"bot/game/moderation.py"}, f"near misses' points given in {pointed}"
    settling = {
        str(path.relative_to(REPO_ROOT))
        for path in (REPO_ROOT / "bot" / "night").glob("*.py")
        if _name_calls(path, "accept_near_miss") or _name_calls(path, "reject_near_miss")
    }
    assert not settling, f"near misses settled by the night itself in {sorted(settling)}"
    assert _name_calls(settler, "accept_near_miss")
    assert _name_calls(settler, "reject_near_miss")


def _fields(path: Path, cls: str) -> dict[str, str]:
    """The annotated fields of class ``cls`` in ``path``, as written."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = next(n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == cls)
    return {
        node.target.id: ast.unparse(node.annotation)
        for node in found.body
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)
    }


def test_one_question_on_screen_for_every_format():
    """A game's round and a night's question hold the engine's ``OnScreen``, which opens them.

    What every format's question on screen has (item, place, clock, time limit, round,
    message, reveal) is one value in the engine, which knows no format; each format keeps
    only its own extras beside it, and only ``bot.game.onscreen`` starts a question's clock.
    """
    value = REPO_ROOT / "bot" / "game" / "onscreen.py"
    engine = {"bot.game", "bot.game.asking", "bot.game.closing"}
    modules = {".".join(name.split(".")[:3]) for name in _reaches(value, "bot")}
    assert modules <= engine, f"the question on screen reaches {sorted(modules)}"
    shared = set(_fields(value, "OnScreen"))
    holders = {
        ("game/rules.py", "RoundState"): {"skip_votes", "contenders"},
        ("night/models.py", "OpenQuestion"): {"cursor", "checked_at"},
    }
    for (module, cls), extras in holders.items():
        fields = _fields(REPO_ROOT / "bot" / module, cls)
        assert fields.get("screen") == "OnScreen", f"{cls} holds no OnScreen"
        assert fields.get("answered") == "Answered", f"{cls} holds no Answered"
        assert set(fields) - {"screen", "answered"} == extras, f"{cls} keeps {sorted(fields)}"
        assert not shared & set(fields), f"{cls} repeats {sorted(shared & set(fields))}"
    clocks = {
        str(path.relative_to(REPO_ROOT))
        for path in _modules()
        if path.parent.name in {"game", "night", "storage", "sql"}
        and (
            "asking.ask(" in path.read_text(encoding="utf-8")
            or "bot.game.asking.ask" in _modules_imported(path)
        )
    }
    assert clocks == {"bot/game/onscreen.py"}, f"questions' clocks started in {sorted(clocks)}"


def _keywords_passed(path: Path, *names: str) -> list[int]:
    """Lines of ``path`` with a call passing a keyword argument named in ``names``."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and any(k.arg in names for k in node.keywords)
    ]


def test_one_record_of_who_answered_the_question_on_screen_for_every_format():
    """Who answered the question on screen is one engine value, ``Answered``.

    A game's round and a night's question hold it (guesses, latest answers, the race's
    winner), and the answering rule's checks of it (the race won, the answers a player
    gave) are read from it in ``bot.game.answered`` alone: no other module of the engine
    or of a night counts a player's answers or finds a race's winner for the rule itself.
    """
    value = REPO_ROOT / "bot" / "game" / "answered.py"
    engine = {"bot.game", "bot.game.answering", "bot.game.closing", "bot.game.models"}
    modules = {".".join(name.split(".")[:3]) for name in _reaches(value, "bot")}
    assert modules <= engine, f"who answered reaches {sorted(modules)}"
    for module, cls in (("game/rules.py", "RoundState"), ("night/models.py", "OpenQuestion")):
        assert _fields(REPO_ROOT / "bot" / module, cls).get("answered") == "Answered", cls
    telling = {
        str(path.relative_to(REPO_ROOT))
        for path in _modules()
        if path.parent.name in {"game", "night"}
        and _keywords_passed(path, "race_won", "answers_given")
    }
    assert telling == {"bot/game/answered.py"}, f"who answered read in {sorted(telling)}"


def test_a_nights_question_on_screen_repeats_none_of_its_round_row():
    """The engine's ``rounds`` row is the one record of a night's question where they meet.

    The ``open_*`` columns keep only what the round row does not: the cursor, the clock
    (whose opening moves with pauses, unlike the round's), reveal, message, last check and
    the round's id.
    """
    night = _fields(REPO_ROOT / "bot" / "storage" / "sql" / "nights.py", "QuizNightRow")
    kept = {name.removeprefix("open_") for name in night if name.startswith("open_")}
    rounds = set(_fields(REPO_ROOT / "bot" / "storage" / "tables.py", "RoundRow"))
    assert "round_id" in kept
    assert kept & rounds == {"opened_at"}, f"quiz_nights repeats {sorted(kept & rounds)}"


def test_one_clock_drives_every_format_and_knows_none_by_name():
    """The bot builds the one clock; a format is a ``Ticking`` to it, never a named class."""
    clock = REPO_ROOT / "bot" / "cogs" / "ticker.py"
    reached = _reaches(clock, "bot.night", "bot.cogs", "bot.views", "bot.game.service", "bot.app")
    assert not reached, f"the clock reaches into {sorted(reached)}"
    builders = {
        str(path.relative_to(REPO_ROOT))
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and ast.unparse(node.func) in {"Ticker", "ticker.Ticker"}
    }
    assert builders == {"bot/app.py"}, f"clocks built in {sorted(builders)}"


def _discord_patches(path: Path) -> list[str]:
    """Functions of ``path`` assigning to an attribute of the ``discord`` package."""
    found = []
    for function in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(function):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                root = target
                while isinstance(root, ast.Attribute):
                    root = root.value
                if isinstance(root, ast.Name) and root.id == "discord" and root is not target:
                    found.append(function.name)
    return found


def test_discord_globals_are_changed_in_one_start_up_function_only():
    patches = {
        str(path.relative_to(REPO_ROOT)): names
        for path in _modules()
        if (names := _discord_patches(path))
    }
    assert set(patches) == {"bot/app.py"}
    assert set(patches["bot/app.py"]) == {"configure_discord"}


def test_the_garbage_collector_is_touched_by_one_start_up_function_only():
    """``bot/heap.py`` alone imports ``gc``, and only ``run_bot`` (``trivia run``) calls it."""
    touching = [str(path.relative_to(REPO_ROOT)) for path in _modules() if "gc" in _imports(path)]
    assert touching == ["bot/heap.py"]
    callers = {
        str(path.relative_to(REPO_ROOT)): [
            function.name
            for function in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
            and "heap.settle" in ast.unparse(function)
        ]
        for path in _modules()
        if "heap.settle" in path.read_text(encoding="utf-8")
    }
    assert callers == {"bot/app.py": ["run_bot"]}


def test_views_reach_desks_through_typed_attributes_not_setattr():
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        assert "setattr(bot" not in source, path
        assert "getattr(interaction.client" not in source, path
        assert "getattr(bot," not in source, path


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if p.parent.name in {"game", "night", "moderation"}],
    ids=lambda p: str(p.relative_to(REPO_ROOT)),
)
def test_services_are_composed_not_mixed_in(path: Path):
    """A service holds its parts (given in its constructor); it inherits none of them."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name.endswith(("Service", "Review", "Breaks")):
            bases = [ast.unparse(base) for base in node.bases]
            assert bases in ([], ["Protocol"]), f"{node.name} inherits {bases}"


@pytest.mark.parametrize(
    "path",
    sorted((REPO_ROOT / "bot/storage/sql").glob("*.py")),
    ids=lambda p: str(p.relative_to(REPO_ROOT)),
)
def test_stores_delegate_not_inherit(path: Path):
    """A store holds what it shares with others (database, crediting); it inherits none."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name.endswith(("Store", "Repository")):
            assert not node.bases, f"{node.name} inherits {[ast.unparse(b) for b in node.bases]}"


_MUTABLE_VALUES = (ast.List, ast.Set, ast.Dict, ast.ListComp, ast.SetComp, ast.DictComp)
_MUTABLE_CALLS = {"list", "set", "dict", "Judge", "Judge.from_catalogue"}


def _module_state(tree: ast.Module) -> list[str]:
    """Module-level bindings of ``tree`` a caller could change or install a judge into."""
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            value = node.value
            called = ast.unparse(value.func) if isinstance(value, ast.Call) else ""
            annotation = ast.unparse(node.annotation) if isinstance(node, ast.AnnAssign) else ""
            mutable = isinstance(value, _MUTABLE_VALUES) or called in _MUTABLE_CALLS
            if mutable or "Judge" in annotation:
                found.append(ast.unparse(node))
    return found


def _cached_values(tree: ast.Module) -> list[str]:
    """Functions of ``tree`` without parameters whose result is cached: globals in disguise."""
    return [
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        and not (node.args.args or node.args.posonlyargs or node.args.kwonlyargs)
        and any("cache" in ast.unparse(decorator) for decorator in node.decorator_list)
    ]


def test_the_judge_keeps_no_process_wide_state():
    """Every caller is handed its judge; the judging module holds none, installs none."""
    tree = ast.parse((REPO_ROOT / "bot/game/judging.py").read_text(encoding="utf-8"))
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Global | ast.Nonlocal)]
    assert _module_state(tree) == []
    assert _cached_values(tree) == []


def _combined_store_parameters(path: Path) -> list[str]:
    """Constructor parameters of ``path``'s classes typed with the combined ``Repository``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ClassDef):
            continue
        for init in node.body:
            if not (isinstance(init, ast.FunctionDef) and init.name == "__init__"):
                continue
            arguments = init.args
            for arg in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs):
                names = {
                    part.id if isinstance(part, ast.Name) else part.attr
                    for part in ast.walk(arg.annotation or ast.Constant(None))
                    if isinstance(part, ast.Name | ast.Attribute)
                }
                if "Repository" in names:
                    found.append(f"{node.name}({arg.arg})")
    return found


@pytest.mark.parametrize(
    "path",
    [p for p in _modules() if p.parent.name in {"game", "night", "moderation"}],
    ids=lambda p: str(p.relative_to(REPO_ROOT)),
)
def test_services_take_the_storage_ports_they_use_not_the_whole_repository(path: Path):
    """A service asks for the small ports it calls; only the wiring holds one store for all."""
    assert _combined_store_parameters(path) == []


def _storage_modules() -> list[Path]:
    return sorted((REPO_ROOT / "bot" / "storage").rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_protocol(node: ast.ClassDef) -> bool:
    bases = [ast.unparse(base).split("[")[0] for base in node.bases]
    return any(base in {"Protocol", "typing.Protocol"} for base in bases)


@pytest.mark.parametrize("path", _storage_modules(), ids=lambda p: str(p.relative_to(REPO_ROOT)))
def test_storage_declares_no_ports(path: Path):
    """Ports belong to the domain package that calls them; storage only implements them."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    declared = [n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and _is_protocol(n)]
    assert declared == [], f"Protocols declared in storage: {declared}"


def _project_classes() -> dict[str, ast.ClassDef]:
    """Every class of ``bot`` and ``questions`` by its dotted name (``bot.storage.db.X``)."""
    return {
        f"{_module_name(path)}.{node.name}": node
        for path in _modules()
        for node in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(node, ast.ClassDef)
    }


def _bound_names(path: Path) -> dict[str, str]:
    """What each name of ``path``'s module is bound to: its own classes and its imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module = _module_name(path)
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            names[node.name] = f"{module}.{node.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                names[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return names


def _resolved_bases(path: Path, node: ast.ClassDef) -> list[str]:
    """The dotted names of ``node``'s bases, as ``path``'s module binds them."""
    names = _bound_names(path)
    resolved = []
    for base in node.bases:
        written = ast.unparse(base).split("[")[0]
        head, _, rest = written.partition(".")
        bound = names.get(head, head)
        resolved.append(f"{bound}.{rest}" if rest else bound)
    return resolved


_ALLOWED_ROOTS = {"Protocol", "DeclarativeBase", "Exception", "BaseException"}


def _may_be_inherited(name: str, classes: dict[str, ast.ClassDef], paths: dict[str, Path]) -> bool:
    """Whether a project class is a Protocol, a declarative base or an exception."""
    node = classes[name]
    if _is_protocol(node):
        return True
    module = name.rpartition(".")[0]
    for base in _resolved_bases(paths[module], node):
        if base.rpartition(".")[2] in _ALLOWED_ROOTS or base.endswith(("Error", "Exception")):
            return True
        if base in classes and _may_be_inherited(base, classes, paths):
            return True
    return False


@pytest.mark.parametrize(
    "path",
    [p for p in _storage_modules() if p.parent.name == "sql" or p.name == "memory.py"],
    ids=lambda p: str(p.relative_to(REPO_ROOT)),
)
def test_storage_classes_inherit_no_class_of_the_project(path: Path):
    """Stores and their helpers hold what they share; they inherit nothing of ours.

    Implementing a port (a Protocol), declaring a table on the declarative base and an
    exception are the exceptions.
    """
    classes = _project_classes()
    paths = {_module_name(p): p for p in _modules()}
    inheriting = {
        node.name: inherited
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and (
            inherited := [
                base
                for base in _resolved_bases(path, node)
                if base in classes and not _may_be_inherited(base, classes, paths)
            ]
        )
    }
    assert inheriting == {}, f"classes inheriting from the project's: {inheriting}"


_FORMAT_COGS = {
    "games": ("games", "quiz", "game_messages"),
    "nights": ("nights", "quiznight"),
}


@pytest.mark.parametrize("fmt", sorted(_FORMAT_COGS))
def test_no_formats_cog_imports_another_formats_cog(fmt: str):
    """What the formats' cogs share is ``bot.cogs.common``'s, not one format's cog."""
    others = [
        f"bot.cogs.{cog}" for name, cogs in _FORMAT_COGS.items() if name != fmt for cog in cogs
    ]
    reached = {
        cog: found
        for cog in _FORMAT_COGS[fmt]
        if (found := _reaches(REPO_ROOT / "bot" / "cogs" / f"{cog}.py", *others))
    }
    assert reached == {}, f"{fmt}' cogs import another format's: {reached}"


def _import_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of ``graph`` (its modules in import order, the first repeated), or []."""
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> list[str]:
        if module in path:
            return [*path[path.index(module) :], module]
        if module in done:
            return []
        for imported in sorted(graph[module]):
            if cycle := visit(imported, [*path, module]):
                return cycle
        done.add(module)
        return []

    for module in sorted(graph):
        if cycle := visit(module, []):
            return cycle
    return []


def test_the_question_pipeline_has_no_import_cycle():
    """Every import counts, a function's too: a cycle hidden in a function is still one."""
    paths = {_module_name(p): p for p in sorted((REPO_ROOT / "questions").rglob("*.py"))}
    graph = {
        module: {name for name in _modules_imported(path) if name in paths and name != module}
        for module, path in paths.items()
    }
    assert _import_cycle(graph) == []


def test_the_cycle_finder_finds_a_cycle_through_several_modules():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert _import_cycle(graph) == ["a", "b", "c", "a"]
    assert _import_cycle({"a": {"b"}, "b": set()}) == []


def _called(path: Path, *names: str) -> list[str]:
    """Calls in ``path`` of any of ``names``, as a function or a method, with their lines."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
        if called in names:
            found.append(f"{called}:{node.lineno}")
    return found


def test_one_tick_step_decides_every_formats_due_questions():
    """``bot.game.ticking`` decides which questions ran out of time; formats pass a policy.

    The step knows no format (it imports nothing of ``bot/night``); it is the only caller of
    ``closing.due``, and no service or front end decides itself whether a question is due
    (each format's policy asks the step's rule, which it is handed).
    """
    step = REPO_ROOT / "bot" / "game" / "ticking.py"
    engine = {"bot.game", "bot.game.closing", "bot.game.errors"}
    modules = {".".join(name.split(".")[:3]) for name in _reaches(step, "bot")}
    assert modules <= engine, f"the tick step reaches {sorted(modules)}"
    assert not _reaches(step, "bot.night"), "the tick step imports bot.night"
    for user in ("game/service.py", "night/service.py", "cogs/ticker.py"):
        assert _reaches(REPO_ROOT / "bot" / user, "bot.game.ticking"), user
    callers = {
        str(path.relative_to(REPO_ROOT))
        for path in _modules()
        if _calls_of(path, "due") or "bot.game.closing.due" in _modules_imported(path)
    }
    assert callers == {"bot/game/ticking.py"}, f"closing.due called in {sorted(callers)}"
    deciders = {
        str(path.relative_to(REPO_ROOT)): calls
        for path in _modules()
        if path.name == "service.py" or path.parent.name == "cogs"
        if (calls := _called(path, "is_due", "is_time_up"))
    }
    assert not deciders, f"due questions decided in {deciders}"
    inheriting = [
        str(path.relative_to(REPO_ROOT))
        for path in _modules()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and any("TickPolicy" in ast.unparse(base) for base in node.bases)
    ]
    assert not inheriting, f"tick policies subclassed in {inheriting}"
