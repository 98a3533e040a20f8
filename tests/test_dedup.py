"""Cross-article deduplication: pairwise rules, merge rules, order independence, and P/R on corpora.

The hand-built corpus tests the dedup logic exactly; the authored articles in tests/dedup_corpus
go through the real pipeline and measure dedup on what the rule-based extractor makes of them.
"""

from __future__ import annotations

import json
from dataclasses import replace
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventcoder.dedup import Mention, cluster, compatible, credible_count, merge, pairwise_scores
from eventcoder.records import Actor, Article, Event, Evidence, Place, Result
from eventcoder.store import Store

CORPUS = Path(__file__).parent / "dedup_corpus"

COALITION = Actor(text="Saudi-led coalition", name="Saudi-led coalition", country="SAU", sector="MIL")
WARPLANES = Actor(text="Saudi warplanes", name="military (SAU)", country="SAU", sector="MIL")
CIVILIANS = Actor(text="civilians", name="civilians", country="YEM", sector="CVL")
HOUTHIS = Actor(text="Houthis", name="Houthis", country="YEM", sector="REB")
RSF = Actor(text="RSF", name="Rapid Support Forces", country="SDN", sector="PRM", wikidata="Q7293296")
RUSSIA = Actor(text="Russian forces", name="Russian Armed Forces", country="RUS", sector="MIL")
UKRAINE = Actor(text="Ukrainian forces", name="Ukrainian Armed Forces", country="UKR", sector="MIL")
POLICE_KEN = Actor(text="police", name="police (KEN)", country="KEN", sector="COP")
PROTESTERS = Actor(text="protesters", name="protesters", country="KEN", sector="CVL")

SAADA = Place(name="Saada", country="YEM", admin1="YE.15", lat=16.9402, lon=43.7639, geonames_id=71333, precision="city")
RAQW = Place(name="Al-Raqw market", country="YEM", admin1="YE.15", lat=17.05, lon=43.62, precision="exact")
SANAA = Place(name="Sanaa", country="YEM", admin1="YE.26", lat=15.3545, lon=44.2065, geonames_id=71137, precision="city")
YEMEN = Place(name="Yemen", country="YEM", lat=15.35, lon=44.2, precision="country")
EL_FASHER = Place(name="El Fasher", country="SDN", admin1="SD.55", lat=13.6279, lon=25.3494, precision="city")
NORTH_DARFUR = Place(name="North Darfur", country="SDN", admin1="SD.55", precision="admin1")
KHARKIV = Place(name="Kharkiv", country="UKR", admin1="UA.07", lat=49.9808, lon=36.2527, precision="city")
NEAR_KHARKIV = Place(name="Kharkiv", country="UKR", admin1="UA.07", lat=50.05, lon=36.35, precision="near")
NAIROBI = Place(name="Nairobi", country="KEN", admin1="KE.30", lat=-1.2833, lon=36.8167, precision="city")


def ev(ident: str, *, type_: str = "ASSAULT", mode: str | None = "aerial", date: str | None = "2024-02-13",
       place: Place | None = SAADA, source: Actor | None = COALITION, target: Actor | None = CIVILIANS,
       fatalities: int | None = None, by: Actor | None = None, modality: str = "asserted",
       confidence: float = 0.7, precision: str = "day", aggregate: bool = False) -> Event:
    """A hand-built event; everything not given is a Saada air strike."""
    return Event(
        id=ident, event_type=type_, mode=mode, acled_event_type=None, acled_sub_event_type=None,
        cameo_root="19", source=source, target=target, date=date, date_precision=precision,  # type: ignore[arg-type]
        date_text=None, place=place, fatalities=fatalities, injuries=None, claimed_by=None,
        attributed_to=None, attributed_by=by, modality=modality, is_aggregate=aggregate,  # type: ignore[arg-type]
        evidence=Evidence(text=f"sentence of {ident}", start=0, end=20), confidence=confidence)


def m(article: str, event: Event) -> Mention:
    return Mention(event, article)


# --- hand-built corpus: (article, event, gold happening) --------------------------------

OFFICIALS = Actor(text="health officials", country="YEM", sector="MED")
HAND = [
    # Saada market strike reported four ways: exact place vs city, no place, no target
    ("wire-1", ev("a1", place=RAQW, fatalities=9, by=OFFICIALS), "saada-market"),
    ("agency-1", ev("a2", fatalities=11, by=Actor(text="health ministry", country="YEM", sector="GOV")), "saada-market"),
    ("ngo-1", ev("a3", mode=None, fatalities=12, target=None), "saada-market"),
    ("blog-1", ev("a4", place=None, fatalities=40, source=COALITION, target=None), "saada-market"),
    # same day, same province, but a Houthi attack, not the strike: contradictory actors
    ("wire-2", ev("x1", mode="firearms", source=HOUTHIS, target=Actor(text="Saudi border guards", country="SAU", sector="MIL")), "houthi-raid"),
    # a week later, same city: a different strike
    ("wire-3", ev("x2", date="2024-02-20", fatalities=5), "saada-house"),
    ("agency-3", ev("x3", date="2024-02-20", source=None, fatalities=6), "saada-house"),
    # Sanaa, 200 km away, same day: different
    ("agency-2", ev("x4", place=SANAA), "sanaa-strike"),
    # only a country: never merged
    ("tv-1", ev("x5", place=YEMEN), "yemen-vague"),
    # El Fasher shelling: city vs admin1 a day later, a range that overlaps, claimed and denied versions
    ("wire-4", ev("f1", mode="heavy-weapons", source=RSF, target=None, place=EL_FASHER, date="2024-05-10", fatalities=27, by=Actor(text="resistance committee", country="SDN", sector="SOC")), "fasher"),
    ("ngo-2", ev("f2", mode="heavy-weapons", source=RSF, target=None, place=NORTH_DARFUR, date="2024-05-11", fatalities=30), "fasher"),
    ("local-4", ev("f3", mode="heavy-weapons", source=RSF, target=None, place=EL_FASHER, date="2024-05-09/2024-05-11", precision="range", fatalities=100, modality="claimed"), "fasher"),
    ("local-5", ev("f4", mode="heavy-weapons", source=RSF, target=None, place=EL_FASHER, date="2024-05-10", modality="negated"), "fasher-denial"),
    # Kharkiv: city vs near within 25 km; swapped two-sided fight; a later strike
    ("wire-5", ev("k1", mode="heavy-weapons", source=RUSSIA, target=None, place=KHARKIV, date="2024-05-19", fatalities=11), "kharkiv"),
    ("tv-2", ev("k2", mode="drone", source=RUSSIA, target=None, place=NEAR_KHARKIV, date="2024-05-19", fatalities=6), "kharkiv"),
    ("wire-6", ev("k3", mode="firearms", source=RUSSIA, target=UKRAINE, place=KHARKIV, date="2024-05-20"), "kharkiv-clash"),
    ("agency-6", ev("k4", mode="firearms", source=UKRAINE, target=RUSSIA, place=KHARKIV, date="2024-05-20"), "kharkiv-clash"),
    ("wire-7", ev("k5", mode="heavy-weapons", source=RUSSIA, target=None, place=KHARKIV, date="2024-05-25", fatalities=12), "kharkiv-hypermarket"),
    # Nairobi protest and the police response: different types never merge
    ("wire-8", ev("n1", type_="PROTEST", mode="demo", source=PROTESTERS, target=None, place=NAIROBI, date="2024-06-25"), "nairobi-protest"),
    ("tv-3", ev("n2", type_="PROTEST", mode="demo", source=PROTESTERS, target=Actor(text="parliament", country="KEN", sector="LEG"), place=NAIROBI, date="2024-06-25"), "nairobi-protest"),
    ("tv-3", ev("n3", type_="COERCE", mode="arrest", source=POLICE_KEN, target=PROTESTERS, place=NAIROBI, date="2024-06-25"), "nairobi-arrests"),
    ("wire-8", ev("n4", type_="COERCE", mode="arrest", source=POLICE_KEN, target=PROTESTERS, place=NAIROBI, date="2024-06-25"), "nairobi-arrests"),
    # an aggregate summary never merges with the events it sums up
    ("analysis-1", ev("s1", date="2024-02-13", aggregate=True), "summary"),
]


def hand_mentions() -> list[Mention]:
    return [m(article, event) for article, event, _ in HAND]


def gold_groups() -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for _, event, key in HAND:
        groups.setdefault(key, []).append(event.id)
    return list(groups.values())


def test_hand_built_corpus_clusters_exactly() -> None:
    got = sorted(sorted(x.event.id for x in g) for g in cluster(hand_mentions()))
    assert got == sorted(sorted(g) for g in gold_groups())
    precision, recall = pairwise_scores(got, gold_groups())
    print(f"\nhand-built corpus: {len(HAND)} mentions, pairwise precision {precision:.3f} recall {recall:.3f}")
    assert (precision, recall) == (1.0, 1.0)


def test_merged_values_follow_the_stated_rules() -> None:
    groups = {g[0].event.id: g for g in cluster(hand_mentions())}
    saada = merge(groups["a1"])
    assert saada.id == "a1" and saada.place == RAQW  # exact beats city
    assert saada.date == "2024-02-13"
    assert saada.fatalities == 11  # highest named-source count: 9 and 11 named, 12 and 40 unnamed
    fasher = merge(groups["f1"])
    assert fasher.fatalities == 27  # only named source; the claimed 100 is never used
    assert fasher.date == "2024-05-10" and fasher.place == EL_FASHER  # two of three say the 10th
    assert 0.97 < fasher.confidence < 0.98  # noisy-or of 0.7 three times
    kharkiv = merge(groups["k1"])
    assert kharkiv.fatalities == 11 and kharkiv.place == KHARKIV  # no named source: highest asserted


def test_credible_count_falls_back_and_ignores_claims() -> None:
    assert credible_count([ev("a", fatalities=3), ev("b", fatalities=8)], "fatalities") == 8
    assert credible_count([ev("a", fatalities=3, by=OFFICIALS), ev("b", fatalities=8)], "fatalities") == 3
    assert credible_count([ev("a", fatalities=50, modality="claimed")], "fatalities") is None
    assert credible_count([ev("a")], "fatalities") is None


@pytest.mark.parametrize(("a", "b", "same"), [
    (ev("1"), ev("2", date="2024-02-14"), True),  # a day apart
    (ev("1"), ev("2", date="2024-02-15"), False),  # two days apart
    (ev("1"), ev("2", date="2024-02-10/2024-02-13", precision="range"), True),  # overlapping range
    (ev("1"), ev("2", date="2024-02", precision="month"), False),  # a month is too vague
    (ev("1"), ev("2", date=None), False),
    (ev("1"), ev("2", place=RAQW), True),  # 18 km
    (ev("1"), ev("2", place=SANAA), False),  # 190 km
    (ev("1", place=None), ev("2"), True),  # no place: single days and the same coalition
    (ev("1", place=None), ev("2", date="2024-02-12/2024-02-13", precision="range"), False),
    (ev("1", place=None, source=None), ev("2"), False),  # no place and no named actor in common
    (ev("1"), ev("2", mode="drone"), True),
    (ev("1"), ev("2", source=WARPLANES), True),  # another name, same country and sector
    (ev("1", place=None), ev("2", source=WARPLANES), False),  # ... but not enough without a place
    (ev("1"), ev("2", mode="abduct"), False),
    (ev("1"), ev("2", type_="PROTEST"), False),
    (ev("1"), ev("2", modality="hypothetical"), False),
    (ev("1"), ev("2", source=Actor(text="Iran", country="IRN", sector="GOV")), False),
])
def test_pairwise_rule(a: Event, b: Event, same: bool) -> None:
    assert (compatible(m("x", a), m("y", b)) is not None) is same
    assert (compatible(m("x", b), m("y", a)) is not None) is same  # symmetric
    assert compatible(m("x", a), m("x", b)) is None  # one article never merges with itself


# --- order independence ----------------------------------------------------------------

def _key(groups: list[list[Mention]]) -> list[list[str]]:
    return sorted(sorted(x.event.id for x in g) for g in groups)


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(len(HAND))))
def test_clusters_do_not_depend_on_order(order: list[int]) -> None:
    mentions = hand_mentions()
    assert _key(cluster([mentions[i] for i in order])) == _key(cluster(mentions))


places = st.sampled_from([SAADA, RAQW, SANAA, YEMEN, None])
dates = st.sampled_from(["2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-12/2024-02-14", None])
sources = st.sampled_from([COALITION, WARPLANES, HOUTHIS, None])
random_events = st.builds(lambda i, d, p, s, f: ev(f"e{i:03d}", date=d, place=p, source=s, fatalities=f),
                          st.integers(0, 999), dates, places, sources, st.none() | st.integers(0, 20))


def _results(batch: list[tuple[int, Event]]) -> list[Result]:
    """One article per distinct article number, its events in order."""
    arts: dict[int, list[Event]] = {}
    for n, e in batch:
        arts.setdefault(n, []).append(e)
    return [Result(id=f"art-{n}", events=evs, article=Article(
        id=f"art-{n}", text=f"article {n}", url=f"https://news.example/{n}", content_hash=f"{n:064x}",
        publication_date="2024-02-15")) for n, evs in arts.items()]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), random_events), min_size=2, max_size=14,
                unique_by=lambda t: t[1].id), st.randoms(use_true_random=False))
def test_stored_happenings_do_not_depend_on_arrival_order(batch: list[tuple[int, Event]], rnd) -> None:
    results = _results(batch)
    shuffled = results[:]
    rnd.shuffle(shuffled)
    outcomes = []
    for order in (results, shuffled):
        with Store.open("sqlite://") as store:
            for r in order:
                store.save(r)
            with store.engine.connect() as conn:
                merged = sorted(json.dumps(r.record, sort_keys=True) for r in conn.execute(
                    store_merged_records()))
            outcomes.append((store.groups(), merged))
    assert outcomes[0] == outcomes[1]
    mentions = [m(f"{n:064x}", e) for n, e in batch]
    assert outcomes[0][0] == _key(cluster(mentions))


def store_merged_records():
    from sqlalchemy import select

    from eventcoder.store import merged_table
    return select(merged_table.c.record)


# --- the authored articles through the real pipeline -----------------------------------

def _gold_label(article: dict, event: Event, happenings: dict) -> str:
    """The article's happening when the event is of its type and quotes a cue, else the event itself."""
    spec = happenings[article["happening"]]
    text = event.evidence.text.lower()
    if event.event_type in spec["types"] and any(c in text for c in spec["cues"]):
        return article["happening"]
    return f"other:{event.id}"


def cross_article_scores(labelled: list[tuple[str, str, str]], groups: list[list[str]]) -> dict[str, float]:
    """Pairwise precision and recall over event pairs from different articles, and article-pair recall.

    Event-pair recall counts every pair of gold-labelled events, so an article whose extractor
    output repeats one happening twice caps it below 1 (dedup never merges within an article);
    article-pair recall asks, for each two articles reporting one happening, whether any of
    their events ended up merged.
    """
    article_of = {ident: art for ident, art, _ in labelled}
    gold = {ident: label for ident, _, label in labelled}
    ids = sorted(gold)
    want = {frozenset(p) for p in combinations(ids, 2)
            if gold[p[0]] == gold[p[1]] and article_of[p[0]] != article_of[p[1]]}
    got = {frozenset(p) for g in groups for p in combinations(sorted(g), 2)
           if article_of[p[0]] != article_of[p[1]]}
    hit = len(got & want)
    art_want = {(gold[a], frozenset((article_of[a], article_of[b]))) for a, b in map(sorted, want)}
    art_got = {(gold[a], frozenset((article_of[a], article_of[b]))) for a, b in map(sorted, got & want)}
    return {"precision": hit / len(got) if got else 1.0, "recall": hit / len(want) if want else 1.0,
            "article_pair_recall": len(art_got) / len(art_want) if art_want else 1.0,
            "merged_pairs": len(got), "gold_pairs": len(want), "gold_article_pairs": len(art_want)}


@pytest.mark.slow
def test_pipeline_corpus_dedup_precision_recall(tmp_path: Path) -> None:
    from eventcoder.pipeline import Pipeline
    from eventcoder.records import Document

    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    articles = gold["articles"]
    assert len(articles) >= 20
    docs = [Document(id=a["file"].removesuffix(".txt"), text=(CORPUS / a["file"]).read_text(encoding="utf-8"),
                     url=a["url"], published=a["published"]) for a in articles]
    results = list(Pipeline().run(docs))
    labelled = []
    with Store.open(f"sqlite:///{tmp_path / 'corpus.db'}") as store:
        for art, res in zip(articles, results):
            assert res.error is None and store.save(res)
            labelled += [(e.id, art["file"], _gold_label(art, e, gold["happenings"])) for e in res.events]
        groups = store.groups()
        assert store.counts()["articles"] == len(articles)
    score = cross_article_scores(labelled, groups)
    print(f"\npipeline corpus: {len(articles)} articles, {len(labelled)} extracted events, "
          f"{score['merged_pairs']} cross-article event pairs merged, {score['gold_pairs']} gold pairs "
          f"({score['gold_article_pairs']} article pairs); pairwise precision {score['precision']:.3f} "
          f"recall {score['recall']:.3f}; article-pair recall {score['article_pair_recall']:.3f}")
    # Floors on what the extractor delivers today (measured 2026-11-25: precision 1.000, article-pair
    # recall 0.333). Recall was 0.444 earlier the same day, when undated and unplaced events borrowed
    # capitals named as actors ("by Washington") as their place; those wrong places were removed.
    assert score["precision"] >= 0.9
    assert score["article_pair_recall"] >= 0.33
    # the two Saada strikes a week apart and the two Kharkiv strikes stay apart
    label = {ident: lab for ident, _, lab in labelled}
    for g in groups:
        assert len({label[i] for i in g if not label[i].startswith("other:")}) <= 1


def test_an_unidentified_perpetrator_matches_a_named_one_and_anchors_nothing() -> None:
    from eventcoder.dedup import _actor_score, _named
    from eventcoder.records import UNIDENTIFIED, Actor
    unknown = Actor(text="", name=UNIDENTIFIED, country="KEN", sector="UAF")
    named = Actor(text="al-Shabaab", name="al-Shabaab", country="SOM", sector="REB")
    assert (_named(unknown), _actor_score(unknown, named), _actor_score(unknown, unknown)) == (None, 0.0, 0.0)
