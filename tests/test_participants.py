"""Who took part in an event: participants, agents and crowds read off the parse."""

from __future__ import annotations

import pytest

from eventcoder.nlp import load_nlp
from eventcoder.participants import agents, is_crowd, participants


def _trigger(text: str, word: str):
    doc = load_nlp()(text)
    return next(t for t in doc if t.text == word)


def test_a_group_of_men_stands_for_the_men() -> None:
    killed = _trigger("A man was beaten to death by a group of men in Amethi.", "beaten")
    assert [t.text for t in agents(killed)] == ["group", "men"]


def test_participants_of_a_clash_include_both_sides() -> None:
    clash = _trigger("Supporters clashed with police in Kisumu.", "clashed")
    assert [t.text for t in participants(clash)] == ["Supporters", "police"]


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Rival ODM supporters clashed in Kisumu.", "supporters", True),
    ("Police clashed with residents in Kisumu.", "Police", False),
    ("Tharaka and Meru clans clashed over land.", "clans", False),
    # members of an armed body are its men; a group of journalists is a crowd
    ("Three members of Myanmar border guard police clashed with AA.", "members", False),
    ("Police and a group of journalists clash after police objected to a story.", "group", True),
])
def test_crowds_are_civilians_acting_together_not_communities_in_a_communal_fight(text: str, word: str,
                                                                                   expected: bool) -> None:
    assert is_crowd(_trigger(text, word)) is expected
