"""Plot helpers: where a synopsis takes the story."""

from __future__ import annotations

from questions.plot import told_at


def test_a_place_the_story_goes_to_is_found_after_a_word_of_going():
    synopses = [
        ("A Martian queen rules a cubist city. Later the engineers fly to the red planet.", 1),
        ("Two cosmonauts land on Phobos, the moon of Mars.", 2),
    ]
    assert told_at(["Phobos"], synopses) == ("Two cosmonauts land on Phobos, the moon of Mars.", 2)
    assert told_at(["Mars"], synopses[:1]) is None  # only named in passing, "Martian"
    assert told_at(["Venus"], synopses) is None


def test_the_planet_may_stand_between_the_word_and_the_name():
    synopses = [("The expedition heads to the planet Venus.", "s")]
    assert told_at(["Venus"], synopses) is not None
