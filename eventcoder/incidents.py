"""One attack, or one demonstration, told twice in an article is one event.

A report often tells an attack, then tells it again from another side: "An explosive device detonated in Hay
al-Amil ... The device exploded on a main road and injured three civilians", "an assistant village chief was
wounded in a shooting ... an unknown gunman came in and opened fire". ACLED and GTD code one event per attack
(ACLED: one per place, day and pair of actors), so two attacks (or demonstrations) of one article with the same
ACLED event type, day, place and modality, whose actors do not contradict each other, are joined. Cross-article
duplicates are `eventcoder.dedup`'s job.
"""

from __future__ import annotations

from dataclasses import replace

from eventcoder.lexicon import words
from eventcoder.missions import missions_named
from eventcoder.records import UNIDENTIFIED, Actor, Event, refines

# Event types told again within an article: attacks, and demonstrations (ACLED: one per place and day); also a device
# found, then defused or destroyed ("a pipe bomb was discovered ... police conducted a controlled explosion").
JOINED_TYPES = frozenset({"ASSAULT", "PROTEST"})
# Sectors of actors that say nothing of who they are: the unidentified armed group stand-in.
UNNAMED_SECTORS = frozenset({"UAF"})
# Names the coder gives attackers and victims the text does not name (`eventcoder.fallbacks`).
STAND_IN_SOURCES = frozenset({UNIDENTIFIED})
STAND_IN_TARGETS = frozenset({"civilians", UNIDENTIFIED})
# ACLED types of fire between armed sides that a monitoring mission's record of the fire may retell either way.
FIRE_TYPES = frozenset({"Battles", "Explosions/Remote violence"})
CLASH_TYPE = "Battles"
# Modes of attacks from the air, which are never the same attack as one made on the ground.
AIR_MODES = frozenset({"aerial", "drone"})
GROUND_MODES = frozenset({"suicide-attack", "firearms", "primitive", "beat", "assassinate"})
# A device found or defused (ACLED's disrupted weapons use), and the bombings whose device it may be.
DISRUPTED = "Disrupted weapons use"
DEVICE_SUB_TYPES = frozenset({"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"})


def join_retold_attacks(events: list[Event]) -> list[Event]:
    """The events of one article, each attack told again folded into its first telling, and a device found or
    defused dropped where it is the device of a bombing told beside it."""
    kept: list[Event] = []
    for event in events:
        index = next((i for i, other in enumerate(kept) if _same_attack(other, event)), None)
        if index is None:
            kept.append(event)
        else:
            kept[index] = _joined(kept[index], event)
    return [e for e in kept if not any(_device_of(e, bombing) for bombing in kept)]


def _device_of(found: Event, bombing: Event) -> bool:
    """A device found or defused on the day and at the place of a bombing (or with neither said): the bombing's own
    device ("attached an IED to a policeman's car ... the bomb was discovered and detonated while being defused",
    "lobbed a hand grenade that was later recovered and defused"), which GTD codes as the attack, failed or not."""
    return found.acled_sub_event_type == DISRUPTED and bombing.acled_sub_event_type in DEVICE_SUB_TYPES \
        and found.modality == bombing.modality \
        and (found.date is None or bombing.date is None or found.date == bombing.date) \
        and (found.place is None or bombing.place is None or _place_key(found) == _place_key(bombing))


def _same_attack(a: Event, b: Event) -> bool:
    """Attacks (or demonstrations, or a device found and then defused) of one day, place and modality whose sources
    and targets may be the same: of one
    type, both single or both summaries of many (`_one_day`); single attacks of different types; or fire told, then
    recorded by a monitoring mission (`_observed_again`)."""
    retold = a.event_type in JOINED_TYPES or a.acled_sub_event_type == DISRUPTED == b.acled_sub_event_type
    same_day_and_place = a.event_type == b.event_type and retold and a.modality == b.modality \
        and a.date is not None and a.date == b.date and _same_place(a, b)
    if not same_day_and_place or _air_and_ground(a, b):
        return False
    if _observed_again(a, b):
        return True
    same_actors = _may_be_one(a.source, b.source, STAND_IN_SOURCES) and _may_be_one(a.target, b.target, STAND_IN_TARGETS)
    if a.acled_event_type != b.acled_event_type:
        # one attack told twice, each telling coded its own way ("a police inspector was killed when militants threw
        # an IED ... the militants then fired on the police"): ACLED and GTD code it once
        return a.event_type == "ASSAULT" and not a.is_aggregate and not b.is_aggregate and same_actors
    return (a.is_aggregate == b.is_aggregate or _one_day(a, b)) and same_actors


def _air_and_ground(a: Event, b: Event) -> bool:
    """One attack made from the air and one made by hand on the ground: two attacks ("a suicide car bomb attack ...
    in response to the killing of a commander in a U.S. drone strike"). (An air strike's blast told again as an
    explosion is the same attack.)"""
    return a.mode in AIR_MODES and b.mode in GROUND_MODES or b.mode in AIR_MODES and a.mode in GROUND_MODES


def _one_day(a: Event, b: Event) -> bool:
    """Attacks in the plural dated to one day at the place of a single attack told beside them: "grenade attacks on a
    restaurant on Sunday evening ... the attackers hurled two grenades into the restaurant" tells one incident, not
    a summary of many (a summary over weeks stays apart)."""
    return (a if a.is_aggregate else b).date_precision == "day"


def _observed_again(a: Event, b: Event) -> bool:
    """Fire between two sides told, and the same fire as a monitoring mission recorded it ("the NAF fired mortars at
    the governmental positions near Vodyane. The OSCE SMM observed 75 projectiles ... in both directions near
    Vodyane"): one incident, whichever side each telling puts first, though the mission counts what it saw."""
    if not {a.acled_event_type, b.acled_event_type} <= FIRE_TYPES or not missions_named(b.evidence.text):
        return False
    straight = _may_be_one(a.source, b.source, STAND_IN_SOURCES) and _may_be_one(a.target, b.target, STAND_IN_TARGETS)
    crossed = _may_be_one(a.source, b.target, STAND_IN_SOURCES) and _may_be_one(a.target, b.source, STAND_IN_TARGETS)
    return straight or crossed


def _place_key(event: Event) -> tuple[str, str | None] | None:
    return (event.place.name, event.place.country) if event.place is not None else None


def _same_place(a: Event, b: Event) -> bool:
    """The same place, or a town and the region or country that holds it ("abducted a citizen from Harnai,
    Balochistan ... he was intercepted and kidnapped", placed at the province)."""
    return _place_key(a) == _place_key(b) or _holds(a, b) or _holds(b, a)


def _holds(wide: Event, narrow: Event) -> bool:
    """`wide` is placed only at a region or country, in which `narrow`'s finer place lies."""
    if wide.place is None or narrow.place is None:
        return False
    # (a region itself, not a district the gazetteer places at its region's point: "Nad Ali" is not all Helmand)
    whole = wide.place.precision == "country" or \
        wide.place.precision == "admin1" and wide.place.name == wide.place.admin1
    return whole and refines(narrow.place, wide.place)


def _unnamed(actor: Actor | None, stand_ins: frozenset[str]) -> bool:
    """No actor, or one that says nothing of who it is: a stand-in, or a word with no sector."""
    return actor is None or actor.sector in UNNAMED_SECTORS or actor.sector is None or actor.name in stand_ins


def _may_be_one(a: Actor | None, b: Actor | None, stand_ins: frozenset[str]) -> bool:
    """Either unnamed, the same name, or the same sector ("police" and "police officers")."""
    return _unnamed(a, stand_ins) or _unnamed(b, stand_ins) or a.sector == b.sector \
        or _singular(a.name) == _singular(b.name)  # type: ignore[union-attr]


def _singular(name: str | None) -> str:
    """A name compared without case or a plural 's' ("IDPs" and "IDP")."""
    return (name or "").lower().removesuffix("s")


def _joined(first: Event, again: Event) -> Event:
    """The first telling with what only the other one knows: how it was done, a named actor, the higher toll. A
    telling that makes it a clash makes it one (a monitoring mission's record only when it records an engagement):
    ACLED codes a fight between armed sides as a clash, whatever else was done in it (the first telling still says
    who acted)."""
    lead, other = first, again
    if again.acled_event_type == CLASH_TYPE and first.acled_event_type != CLASH_TYPE \
            and (_engaged(again) or not missions_named(again.evidence.text)):
        lead = replace(first, mode=again.mode, acled_event_type=again.acled_event_type,
                       acled_sub_event_type=again.acled_sub_event_type, cameo_root=again.cameo_root)
    if lead.mode is None and other.mode is not None:
        lead = replace(lead, mode=other.mode, acled_sub_event_type=other.acled_sub_event_type,
                       cameo_root=other.cameo_root)
    source = _better(lead.source, other.source, STAND_IN_SOURCES)
    if source is not lead.source and _alike(source, lead.target):
        # the other telling tells it from the other side ("officers were shot by a man ... the officers returned
        # fire"): its source is the lead's target, and its target the lead's source
        source = _better(lead.source, other.target, STAND_IN_TARGETS)
    target = _better(lead.target, other.target, STAND_IN_TARGETS)
    if target is not lead.target and _alike(target, lead.source):
        target = _better(lead.target, other.source, STAND_IN_SOURCES)
    place = other.place if _holds(lead, other) else lead.place  # the finer of the two places
    return replace(lead, source=source, target=target, place=place,
                   fatalities=_higher(lead.fatalities, other.fatalities), injuries=_higher(lead.injuries, other.injuries))


def _alike(a: Actor | None, b: Actor | None) -> bool:
    """Two named actors that are one: the same name, or the same sector of one country ("police", "officers")."""
    if a is None or b is None:
        return False
    return _singular(a.name) == _singular(b.name) or a.sector is not None and a.sector == b.sector \
        and a.country == b.country


def _better(lead: Actor | None, other: Actor | None, stand_ins: frozenset[str]) -> Actor | None:
    """The lead telling's actor, unless it has none, or only a stand-in where the other names one."""
    if lead is None or _unnamed(lead, stand_ins) and not _unnamed(other, stand_ins):
        return other or lead
    return lead


def _engaged(event: Event) -> bool:
    """The telling records an engagement: fire in both directions, or small arms ("41 explosions/shots involving
    small arms"), which ACLED codes as a clash."""
    text = event.evidence.text.lower()
    return any(phrase in text for phrase in words("engagement"))


def _higher(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)
