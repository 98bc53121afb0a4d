"""Plot helpers: where a synopsis takes the story."""

from __future__ import annotations

from questions.plot import named_things, swapped, told_at


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


def test_one_word_exchanged_in_a_copied_sentence_is_a_swap_not_a_paraphrase():
    told = "Rocket No. 128 is launched towards the Moon with a cat aboard as the test subject."
    assert swapped("Rocket No. 128 goes to the Moon with a dog aboard as the test subject.", told)
    assert not swapped("A rocket goes to the Moon with a cat aboard as its test subject.", told)
    assert not swapped(
        "Three ships head for Venus.", "Three spaceships head for Venus from the station."
    )
    assert "25th" in named_things("The Pushkin is found in the 25th century.")
