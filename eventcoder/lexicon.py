"""Rule tables of the extractor, read lazily once from the package's data files."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from spacy.tokens import Token


def read_table(name: str) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated data file under eventcoder/data, skipping '#' comment lines."""
    text = resources.files("eventcoder.data").joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _dash(value: str) -> str | None:
    """'-' or empty cells mean 'none' in the data files."""
    return None if value in ("", "-") else value


@dataclass(frozen=True)
class Trigger:
    """A word that signals an event of one PLOVER type."""

    lemma: str
    pos: str
    requires: str | None  # a word, or "@class": any word of that class of cue_words.tsv; "A+B": both A and B
    event_type: str
    mode: str | None
    cameo: str
    kind: str


def requirement_parts(entry: Trigger) -> tuple[frozenset[str], ...]:
    """The words (lemmas or lower-case forms) that satisfy each part of a trigger's requirement ("down+@unmanned":
    the particle and a drone or missile, each somewhere on the trigger)."""
    if entry.requires is None:
        return ()
    return tuple(words(part[1:]) if part.startswith("@") else frozenset({part}) for part in entry.requires.split("+"))


def required_words(entry: Trigger) -> frozenset[str]:
    """Every word that satisfies some part of a trigger's requirement."""
    return frozenset().union(*requirement_parts(entry))


@dataclass(frozen=True)
class WeaponCue:
    """A weapon or tactic word that refines an ASSAULT into a mode and ACLED sub-event type."""

    cue: str
    mode: str
    acled_sub_event_type: str | None  # None: the target decides (attack on civilians or armed clash)
    cameo: str | None
    rank: int
    of_attackers: bool = False  # a word of who attacked ("gunmen"), not of the act: a trigger's own tactic overrides it


@cache
def triggers() -> dict[str, list[Trigger]]:
    """Triggers by lemma, those with a required modifier first, and those that require more parts before them (they
    are more specific: "fire at+@unmanned" before "fire at")."""
    table: dict[str, list[Trigger]] = defaultdict(list)
    for row in read_table("triggers.tsv"):
        trig = Trigger(row["lemma"], row["pos"], _dash(row["requires"]), row["event_type"],
                       _dash(row["mode"]), row["cameo"], row["kind"])
        table[trig.lemma].append(trig)
    for rows in table.values():
        rows.sort(key=lambda t: (t.requires is None, -len(t.requires.split("+")) if t.requires else 0))
    return dict(table)


@cache
def weapon_cues() -> dict[str, WeaponCue]:
    """Weapon cues by lemma."""
    return {row["cue"]: WeaponCue(row["cue"], row["mode"], _dash(row["acled_sub_event_type"]),
                                  _dash(row["cameo"]), int(row["rank"]), row["describes"] == "attackers")
            for row in read_table("weapons.tsv")}


@cache
def acled_event_types() -> dict[str, str]:
    """ACLED event type of each sub-event type."""
    return {row["acled_sub_event_type"]: row["acled_event_type"] for row in read_table("acled_types.tsv")}


@cache
def acled_sub_types_by_plover() -> dict[tuple[str, str], str]:
    """ACLED sub-event type for a (PLOVER type, mode) pair; mode '*' matches any."""
    return {(row["event_type"], row["mode"]): row["acled_sub_event_type"] for row in read_table("acled_map.tsv")}


@cache
def _plover_modes() -> dict[tuple[str, str], str]:
    return {(row["event_type"], row["name"]): row["plover_mode"] for row in read_table("plover_modes.tsv")}


def plover_mode(event_type: str, mode: str | None) -> str | None:
    """The PLOVER v2.0 name of a mode: our rule tables' own modes and other codings' names are mapped, the rest kept."""
    return None if mode is None else _plover_modes().get((event_type, mode), mode)


@cache
def word_classes(name: str) -> dict[str, frozenset[str]]:
    """A data file of (class, word) rows as sets of lower-case words by class."""
    classes: dict[str, set[str]] = defaultdict(set)
    for row in read_table(name):
        classes[row["cls"]].add(row["word"])
    return {cls: frozenset(words) for cls, words in classes.items()}


@cache
def org_kinds() -> dict[str, str]:
    """The kind noun that ends an organisation's name -> the PLOVER sector it gives ("union": LAB)."""
    return {row["word"]: row["sector"] for row in read_table("org_kinds.tsv")}


def cue_words() -> dict[str, frozenset[str]]:
    """Closed word classes (future, negation, anaphor, ...) as sets of lower-case words."""
    return word_classes("cue_words.tsv")


@cache
def words(cls: str) -> frozenset[str]:
    """One class of cue words."""
    return cue_words().get(cls, frozenset())


def credibility_words(cls: str) -> frozenset[str]:
    """One class of the words that decide whether a trigger reports a real event (credibility.tsv): "human",
    "person", "benign", ..."""
    return word_classes("credibility.tsv").get(cls, frozenset())


@cache
def people_nouns() -> frozenset[str]:
    """Nouns of people with no sector of their own ("people", "a child", "passers-by"): the credibility table's human
    and person words."""
    return credibility_words("human") | credibility_words("person")


def with_singular(word: str) -> tuple[str, ...]:
    """A word and, when it ends in "s", the word without it: the forms a table keyed by singulars is looked up by
    ("trees" -> "tree", "Serbs" -> "Serb")."""
    return (word, word[:-1]) if word.endswith("s") else (word,)


def in_class(token: Token, cls: str) -> bool:
    """The token's form or lemma is a word of that cue-word class."""
    found = words(cls)
    return token.lower_ in found or token.lemma_.lower() in found


@cache
def number_words() -> dict[str, int]:
    """Value of each number word."""
    return {row["word"]: int(row["value"]) for row in read_table("numbers.tsv")}
