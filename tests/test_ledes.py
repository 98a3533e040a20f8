"""Lede repair: a note's subject that the parser hung on its opening list of places goes back to its verb."""

from __future__ import annotations

import pytest

from eventcoder.ledes import rehang_lede_subjects
from eventcoder.nlp import load_nlp


@pytest.mark.parametrize(("text", "subject", "verb", "dep"), [
    ("On 8 May 2020, in Paletwa Town, Paletwa Township, Mindat District, Chin State, Myanmar military and AA "
     "clashed with both small and heavy weapons.", "military", "clashed", "nsubj"),
    # the parser made the last place the subject and the victim one more place
    ("On 2 May 2020, in Kabul city, Kabul, a civilian was killed by unknown gunmen.", "civilian", "killed",
     "nsubjpass"),
    # the subject's own "of" and "in" phrases, and a name set off by commas, stand between it and its verb
    ("On Friday morning, in Makhachkala, Dagestan, Russia, the Deputy Head of the Federal Tax Service in Dagestan, "
     "Zalkipri Sheikhov, was killed when unknown militants opened fire on his vehicle.", "Head", "killed",
     "nsubjpass"),
    ("On Friday, in Makhachkala, Dagestan, Russia, the Deputy Head of the Federal Tax Service in Dagestan was "
     "killed.", "Head", "killed", "nsubjpass"),
    # hung on as one more object of the place's "of", the list of places its modifier
    ("On Monday, in the Ainak area of Nawa, Helmand, Afghanistan, a boys' school was blown up by suspected Taliban "
     "militants with unknown explosives.", "school", "blown", "nsubjpass"),
])
def test_subject_hung_on_the_places_goes_back_to_its_verb(text: str, subject: str, verb: str, dep: str) -> None:
    doc = rehang_lede_subjects(load_nlp()(text))
    token = next(t for t in doc if t.text == subject)
    assert (token.dep_, token.head.text) == (dep, verb)


def test_a_place_that_is_the_real_subject_stays() -> None:
    doc = rehang_lede_subjects(load_nlp()("Kabul was attacked by the Taliban on Monday."))
    assert [(t.text, t.dep_) for t in doc if t.dep_ in ("nsubj", "nsubjpass")] == [("Kabul", "nsubjpass")]


def test_lede_subjects_are_coded(code) -> None:
    events = code("On 8 May 2020, in Paletwa Town, Paletwa Township, Mindat District, Chin State, Myanmar military "
                  "and AA clashed with both small and heavy weapons.", published="2020-05-09")
    assert [(e["acled_sub_event_type"], e["source"]["name"]) for e in events] == [("Armed clash", "Tatmadaw")]
    events = code("On 2 May 2020, in Kabul city, Kabul, a civilian was killed by unknown gunmen.", published="2020-05-09")
    assert [(e["target"]["name"], e["fatalities"]) for e in events] == [("civilian", 1)]
    events = code("On Friday morning around 0930, near the Spiritual Center of Muslims of Dagestan at the intersection "
                  "of Engels and Abubakarov Streets in Makhachkala, Dagestan, Russia, the Deputy Head of the Federal "
                  "Tax Service in Dagestan, Zalkipri Sheikhov, was killed when unknown militants opened fire on his "
                  "vehicle. No other casualties were reported.", published="2011-03-05")
    assert [(e["event_type"], e["fatalities"]) for e in events] == [("ASSAULT", 1)]  # (it read 0: nobody "other")


@pytest.mark.parametrize(("text", "target", "country", "sector"), [
    ("An attack has been launched on a Kenyan military base in Gedo region, causing deaths and injuries.",
     "military", "KEN", "MIL"),
    ("Unidentified assailants threw an incendiary device into a tax office in Athens, Greece.", "office", "GRC",
     "GOV"),
])
def test_sites_attacked(code, text: str, target: str, country: str, sector: str) -> None:
    events = [e for e in code(text, published="2020-05-09") if e["event_type"] == "ASSAULT"]
    assert [(e["target"]["name"], e["target"]["country"], e["target"]["sector"]) for e in events] == \
        [(target, country, sector)]
