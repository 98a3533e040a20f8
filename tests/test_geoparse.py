"""Place mentions in parsed text: gating, disambiguation with the whole doc, precision and cues."""
from __future__ import annotations

import pytest

from eventcoder.geoparse import PlaceMention, place_mentions, primary
from eventcoder.nlp import load_nlp

pytestmark = pytest.mark.slow


def mentions(text: str) -> list[PlaceMention]:
    return place_mentions(load_nlp()(text))


def named(text: str, name: str) -> PlaceMention:
    found = [m for m in mentions(text) if m.text == name]
    assert found, (name, mentions(text))
    return found[0]


@pytest.mark.parametrize("spelling", ["Al-Qaim", "Al Qaim", "Al Qā'im", "al-Qaim"])
def test_spellings_resolve_to_one_place(spelling: str) -> None:
    m = primary(mentions(f"A drone struck a convoy near {spelling} on Tuesday."))
    assert m is not None and m.place.country == "IRQ" and m.place.admin1 == "Al Anbar"
    assert m.cue == "near" and m.place.precision == "near"


def test_token_offsets_and_cue() -> None:
    doc = load_nlp()("Gunmen opened fire in Baghdad on Sunday.")
    m = place_mentions(doc)[0]
    assert doc[m.start:m.end].text == m.text == "Baghdad"
    assert m.cue == "in" and m.place.precision == "city" and m.place.geonames_id


def test_tripoli_follows_article_country() -> None:
    lebanon = named("Lebanese army units deployed in Tripoli after clashes in northern Lebanon.", "Tripoli")
    assert lebanon.place.country == "LBN"
    libya = named("Militias clashed in Tripoli, the capital of Libya, on Friday.", "Tripoli")
    assert libya.place.country == "LBY"


def test_city_word_after_name() -> None:
    m = named("On 9 May 2020, medical interns protested in Bat Galim Square of Haifa city, demanding shorter shifts.",
              "Haifa")
    assert m.place.country == "ISR" and m.place.precision == "city" and m.place.admin1 == "Haifa"
    assert primary(mentions("Medical interns protested in Bat Galim Square of Haifa city.")).text == "Haifa"  # type: ignore[union-attr]


def test_region_in_brackets_picks_namesake() -> None:
    m = named("On 2 May 2020, Houthi forces shelled positions in Sirwah (Marib).", "Sirwah")
    assert m.place.country == "YEM" and m.place.admin1 == "Ma'rib"
    region = named("On 2 May 2020, Houthi forces shelled positions in Sirwah (Marib).", "Marib")
    assert region.cue is None


def test_the_region_after_a_town_outweighs_a_bigger_namesake_elsewhere() -> None:
    # GeoNames gives São Gonçalo (Rio de Janeiro) no population; São Gonçalo do Amarante (Rio Grande do Norte) has 115k
    m = named("On 28 April 2020, in Sao Goncalo, Rio de Janeiro, the Military Police carried out an operation.",
              "Sao Goncalo")
    assert (m.place.country, m.place.admin1) == ("BRA", "Rio de Janeiro")


def test_a_site_before_a_town_does_not_pick_the_towns_region() -> None:
    # towns that share the site's name lie in Maryland: they say nothing of which Washington holds the White House
    m = named("Assailants fired two rounds one block away from the White House in Washington, DC, United States.",
              "Washington")
    assert (m.place.country, m.place.admin1) == ("USA", "District of Columbia")


def test_a_towns_police_locate_it() -> None:
    m = named("A senior Mombasa police detective is gunned down in an apparent assassination.", "Mombasa")
    assert (m.place.country, m.place.precision) == ("KEN", "city")


def test_comma_chain_sets_country() -> None:
    ms = mentions("On Saturday, in Ba'quba, Diyala, Iraq, unknown assailants detonated a car bomb.")
    assert [m.text for m in ms] == ["Ba'quba", "Diyala", "Iraq"]
    assert [m.place.precision for m in ms] == ["city", "admin1", "country"]
    assert {m.place.country for m in ms} == {"IRQ"}
    assert primary(ms).text == "Ba'quba"  # type: ignore[union-attr]


def test_supplement_site_is_exact_and_in_jordan() -> None:
    m = named("Three US soldiers were killed in a drone attack on Tower 22 near the Syrian border.", "Tower 22")
    assert m.place.country == "JOR" and m.place.precision == "exact"


@pytest.mark.parametrize("text", [
    "The strike was bigger than expected, media reported in March.",
    "Media outlets said the protest in March was larger than the one in May.",
    "March was calm. Than Media Police said nothing.",
])
def test_common_words_never_places(text: str) -> None:
    assert not any(m.text.lower() in ("than", "media", "march", "may", "police") for m in mentions(text))


def test_street_named_after_place_is_not_the_place() -> None:
    ms = mentions("On Monday, on Palestine Street, Baghdad, Baghdad, Iraq, gunmen opened fire.")
    assert "Palestine" not in [m.text for m in ms]
    assert primary(ms).place.name == "Baghdad"  # type: ignore[union-attr]


def test_foreign_namesake_in_local_chain_dropped() -> None:
    ms = mentions("On Sunday night, in the Jammu village of Kohat, Federally Administered Tribal Areas, Pakistan, "
                  "militants set fire to houses.")
    assert {m.place.country for m in ms} == {"PAK"}


@pytest.mark.parametrize(("text", "expected"), [
    # the region beside has a namesake abroad (Ouest, Haiti): the town the cue introduces stays, and the region is
    # read as Cameroon's West (its French name); Mifi, a division of that region with no town of its own in
    # cities500, lies at the region's point
    ("A gendarme shot and killed a taxi driver in Bafoussam town (Mifi, Ouest) after a dispute.",
     [("Bafoussam", "CMR", "city"), ("Mifi", "CMR", "admin1"), ("Ouest", "CMR", "admin1")]),
    # "Basira" (the press spelling of Al Busayrah) once found only a hamlet abroad by a spelling variant, and
    # was dropped for the city beside it; now both are in Deir ez-Zor and stay
    ("An IED exploded near Basira town in Deir-ez-Zor when a patrol passed by it.",
     [("Basira", "SYR", "near"), ("Deir-ez-Zor", "SYR", "city")]),
])
def test_names_of_one_group_that_cannot_share_a_country(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(m.text, m.place.country, m.place.precision) for m in mentions(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("On Wednesday, in Korangi, Sindh, Pakistan, militants opened fire on two brothers.",
     ("Korangi", "in", "PAK", "Sindh", "admin1")),
    ("On Wednesday, in Bosti Khel village, Darra Adamkhel, Khyber Pakhtunkhwa, Pakistan, militants blew up a school.",
     ("Darra Adamkhel", "in", "PAK", "Khyber Pakhtunkhwa", "admin1")),
    ("GNA air force targeted three LNA military vehicles in Tininai (Misrata) on Sunday.",
     ("Tininai", "in", "LBY", "Misratah", "near")),
    # before a country, the last of two unknown names is its region: the place is the one before it
    ("Two police officers were kidnapped by gunmen in Karbogha, Zorbak, Pakistan.",
     ("Karbogha", "in", "PAK", None, "country")),
    # between an unknown name and its country, a name that is both a town and a province is the province
    ("On Saturday, in Gazab, Uruzgan, Afghanistan, suspected Taliban militants stormed a house.",
     ("Gazab", "in", "AFG", "Oruzgan", "admin1")),
])
def test_unknown_name_placed_by_the_region_beside_it(text: str, expected: tuple[str, ...]) -> None:
    m = mentions(text)[0]
    assert (m.place.name, m.cue, m.place.country, m.place.admin1, m.place.precision) == expected
    assert m.place.geonames_id is None


def test_a_district_of_a_known_town_keeps_the_town() -> None:
    found = [(m.text, m.place.precision) for m in mentions(
        "Gunmen opened fire on an official in Mansour district, Baghdad city, Baghdad governorate, Iraq.")]
    assert found[0] == ("Baghdad", "city") and "Mansour" not in {t for t, _ in found}


@pytest.mark.parametrize("text", [
    "On Wednesday, in the Sadr City area of Baghdad, Baghdad, Iraq, unknown assailants detonated a bomb.",
    "On Saturday, in the Abu Ghraib neighborhood, Baghdad, Baghdad, Iraq, gunmen shot a policeman.",
])
def test_a_named_part_of_a_town_takes_the_town(text: str) -> None:
    first = mentions(text)[0]
    assert (first.cue, first.place.name, first.place.precision, first.place.geonames_id) == \
        ("in", "Baghdad", "city", 98182)


def test_comma_list_ending_in_a_country_is_a_place_chain() -> None:
    """The model reads "Lohardaga, Jharkhand" as one organisation; the list that ends in India makes both places."""
    found = [(m.text, m.place.country, m.place.precision) for m in mentions(
        "On Tuesday, in Dhardhariya jungle, Lohardaga, Jharkhand, India, suspected Maoists attacked a camp.")]
    assert found == [("Lohardaga", "IND", "city"), ("Jharkhand", "IND", "admin1"), ("India", "IND", "country")]


def test_town_after_an_unknown_part_takes_its_cue() -> None:
    first = mentions("On Friday, in the Awerej area, Baghdad, Baghdad, Iraq, gunmen shot and killed a man.")[0]
    assert (first.text, first.cue, first.place.precision) == ("Baghdad", "in", "city")


@pytest.mark.parametrize(("text", "expected"), [
    ("A police officer was shot in their home in the village of Rimrangpara in Meghalaya, India.",
     ("Rimrangpara", "in", "IND", "Meghalaya", "admin1")),
    ("Rakesh Madavi was kidnapped in Qolbesatkhel village in Wardak, Afghanistan.",
     ("Qolbesatkhel", "in", "AFG", "Maidan Wardak Province", "admin1")),
])
def test_unknown_village_inside_a_region(text: str, expected: tuple[str, ...]) -> None:
    m = named(text, expected[0])
    assert (m.place.name, m.cue, m.place.country, m.place.admin1, m.place.precision) == expected


def test_lower_case_class_prefix_is_a_name() -> None:
    """Zulu place names keep their class prefix ("eThekwini"): the region chain after the town still holds."""
    found = {m.text: m.place for m in mentions(
        "Residents demonstrated against the erection of the cellphone tower in the area of Chatsworth "
        "(eThekwini, KwaZulu-Natal).")}
    assert (found["Chatsworth"].country, found["KwaZulu-Natal"].country) == ("ZAF", "ZAF")
    assert found["KwaZulu-Natal"].precision == "admin1"


def test_town_named_again_as_its_region() -> None:
    town = named("On 4 May 2020, in Santa Ana (Santa Ana), automobile workers protested in front of their factory.",
                 "Santa Ana")
    assert (town.place.country, town.place.precision) == ("SLV", "city")


def test_hyphenated_modifier_and_acronym_are_no_places() -> None:
    assert [m.text for m in mentions("On Sept 6th, workers protested at a Pipes-producing company in Limuru.")] \
        == ["Limuru"]
    assert [m.place.country for m in mentions("Residents looted a clinic run by an NGO in Homa Bay, due to a "
                                              "land dispute between the NGO and the clan.")] == ["KEN"]


def test_town_word_keeps_every_namesake() -> None:
    """GeoNames lists "Hyderabad city" under Pakistan's Hyderabad only; the name without it has India's too."""
    m = named("A group of people attacked a media office in Hyderabad city (Hyderabad, TS).", "Hyderabad city")
    assert m.place.country == "IND"


def test_sub_district_words_join_a_group() -> None:
    text = "On Sunday, in Sui tehsil of Dera Bugti, Balochistan, Pakistan, militants blew up a gas well."
    assert {m.place.country for m in mentions(text)} == {"PAK"}


@pytest.mark.parametrize(("text", "name", "country", "precision"), [
    ("On 7 May 2020, unidentified gunmen attacked Kagara (Rafi LGA, Niger), killed 1 resident.", "Niger", "NGA",
     "admin1"),
    ("Police arrested protesters in Atlanta, Georgia on Friday.", "Georgia", "USA", "admin1"),
    ("Troops clashed in Gori, Georgia.", "Georgia", "GEO", "country"),
])
def test_region_or_country_after_a_town(text: str, name: str, country: str, precision: str) -> None:
    m = named(text, name)
    assert (m.place.country, m.place.precision) == (country, precision)


def test_town_before_bracketed_regions_is_a_place() -> None:
    m = named("On 7 May 2020, unidentified gunmen attacked Kagara (Rafi LGA, Niger), killed 1 resident.", "Kagara")
    assert (m.place.country, m.place.precision) == ("NGA", "city")


def test_a_missions_area_picks_the_namesake_it_works_in() -> None:
    text = "The OSCE SMM observed a total of 38 projectiles involving unknown weapons near Serhiivka."
    assert named(text, "Serhiivka").place.admin1 == "Donetsk"
    other = named("Farmers protested near Serhiivka in Ukraine.", "Serhiivka")
    assert other.place.admin1 != "Donetsk"


def test_a_region_named_beside_outranks_a_missions_area() -> None:
    text = "Rebels fired mortars near Orikhove, Luhansk. The OSCE SMM observed a total of 3 bursts."
    assert [m.place.admin1 for m in mentions(text)] == ["Luhansk", "Luhansk"]


def test_a_number_alone_names_no_place() -> None:
    # "Province 4" of Nepal is also indexed as "4"; "Zolote-4" is a numbered part of Zolote
    found = [(m.text, m.place.country, m.place.admin1) for m in mentions("The SMM observed 2 shots near Zolote-4.")]
    assert found == [("Zolote-4", "UKR", "Luhansk")]


def test_a_district_of_the_supplement_is_placed_at_its_seat() -> None:
    khyber = named("In Bara tehsil of Khyber, Federally Administered Tribal Areas, Pakistan, gunmen shot a man.",
                   "Khyber")
    assert (khyber.place.country, khyber.place.admin1, khyber.place.precision) == ("PAK", "Khyber Pakhtunkhwa", "near")
    # a village the gazetteer does not know, named in the district, is placed as coders do: at the district
    for text, name in [("Two police officers were kidnapped by gunmen in Karbogha, Khyber, Pakistan.", "Khyber"),
                       ("In the Adezai area of Mohmand Agency, Pakistan, militants blew up a health unit.",
                        "Mohmand Agency")]:
        first = primary(mentions(text))
        assert first is not None and (first.text, first.place.precision) == (name, "near"), text
    region = named("Militants attacked a checkpoint in Kohat, Khyber Pakhtunkhwa, Pakistan.", "Khyber Pakhtunkhwa")
    assert region.place.precision == "admin1"


@pytest.mark.parametrize(("text", "name", "admin1"), [
    # "Zacatecas" is also a hamlet of Nuevo Leon, "Tocantins" a town of Minas Gerais: the state is meant
    ("Around 4 May 2020, in Guadalupe, Zacatecas, a woman was killed.", "Guadalupe", "Zacatecas"),
    ("Around 8 May 2020, in Riachinho, Tocantins, the body of a man was found.", "Riachinho", "Tocantins"),
])
def test_a_region_beside_a_town_is_read_as_the_region(text: str, name: str, admin1: str) -> None:
    assert named(text, name).place.admin1 == admin1


def test_of_two_regions_of_one_name_the_one_holding_the_town_before_it() -> None:
    # "Kyiv" names both Kyiv City and the oblast around it (GeoNames: "Kiev"); Ivankiv lies in the oblast
    text = "On 3 May 2020, small entrepreneurs protested outside the President's house in Ivankiv, Kyiv."
    town, region = named(text, "Ivankiv").place, named(text, "Kyiv").place
    assert (town.name, town.admin1, town.precision) == ("Ivankiv", "Kiev", "city")
    assert (region.name, region.precision) == ("Kiev", "admin1")
    alone = named("On 3 May 2020, protesters gathered in Kyiv.", "Kyiv").place
    assert (alone.name, alone.admin1, alone.precision) == ("Kyiv", "Kyiv City", "city")


def test_a_month_before_a_town_is_not_part_of_its_name() -> None:
    # the model does not read "Sep." as a date; "County" after a town that heads no county still points to the town
    place = named("12 Sep. Gatundu County residents held a demonstration against insecurity.", "Gatundu").place
    assert (place.name, place.admin1, place.precision) == ("Gatundu", "Kiambu County", "city")


def test_the_regions_in_brackets_after_an_unknown_village_are_places() -> None:
    text = "On 28 April 2020, FARDC soldiers clashed with the ADF at Kambi ya Yua (Beni, Nord-Kivu)."
    found = [(m.text, m.place.country, m.place.precision) for m in mentions(text)]
    # "Kambi" alone is a Greek hamlet: outvoted by the Congolese regions, it is dropped
    assert found == [("Beni", "COD", "city"), ("Nord-Kivu", "COD", "admin1")]


def test_a_hamlet_abroad_is_dropped_beside_a_town_of_another_country() -> None:
    text = "A girl was killed by gunmen in the outskirts of Kelly in the northern countryside of Idleb."
    assert [(m.text, m.place.country) for m in mentions(text)] == [("Idleb", "SYR")]


def test_a_lower_case_article_belongs_to_the_name() -> None:
    m = named("Protesters gathered outside the Serail in el Hermel.", "Hermel")
    assert (m.cue, m.place.country) == ("in", "LBN")


def test_a_compass_abbreviation_is_a_place_cue() -> None:
    text = "Students of a secondary school 5km SW of Migori went on a rampage demanding the removal of Principal."
    # "Principal" of Cape Verde (population 1,193) is a hamlet beside a town of another country
    assert [(m.text, m.cue, m.place.precision) for m in mentions(text)] == [("Migori", "sw", "near")]



@pytest.mark.parametrize(("text", "name", "precision"), [
    ("Turkish forces shelled the village of Munakh in the countryside of Ras Al Ain in Al-Hasakeh.", "Ras Al Ain",
     "near"),
    ("Rebels looted wheat crops in Daoudiyet Mala in rural Tal Tamer in al-Hasakeh.", "Tal Tamer", "city"),
])
def test_the_town_whose_countryside_is_named_is_the_place(text: str, name: str, precision: str) -> None:
    first = primary(mentions(text))
    assert first is not None and (first.text, first.place.country, first.place.precision) == (name, "SYR", precision)


@pytest.mark.parametrize(("spelling", "geonames_id"), [("Tal Tamer", 163434), ("Shadadah", 172837),
                                                      ("Ain Issa", 172134), ("Maaret al-Numan", 167611)])
def test_press_spellings_of_syrian_towns(spelling: str, geonames_id: int) -> None:
    assert named(f"Clashes were reported in {spelling} on Monday.", spelling).place.geonames_id == geonames_id


def test_regions_in_brackets_after_a_village_noun_are_places() -> None:
    # the model reads "Shabunda, Sud-Kivu" as a work of art; the brackets after "village" make them regions
    text = "Cadres abducted 6 civilians during an incursion in Tchamilemba village (Shabunda, Sud-Kivu)."
    # (Shabunda, a territory with no town of its own in cities500, lies at its region's point, and the village
    # before it with it)
    assert [(m.text, m.place.country) for m in mentions(text)] == [("Tchamilemba", "COD"), ("Shabunda", "COD"),
                                                                   ("Sud-Kivu", "COD")]


@pytest.mark.parametrize(("text", "name", "cue"), [
    ("An explosive device detonated in western Mosul, Ninawa governorate, Iraq.", "Mosul", "in"),
    # a country so qualified only points to the region after it
    ("Forces fired mortar shells at villages in western Yemen (Al Hudaydah).", "Yemen", None),
])
def test_a_compass_adjective_keeps_the_cue_of_a_town_only(text: str, name: str, cue: str | None) -> None:
    assert named(text, name).cue == cue


@pytest.mark.parametrize("text", [
    "On Saturday, in Mansour neighborhood, Baghdad, Iraq, unknown militants detonated a sticky bomb.",
    "On Sunday night, in the Saidiya neighborhood, Baghdad province, Baghdad, Iraq, a bomb exploded.",
    # "sub" belongs to "sub-district", not to the name before it
    "On Wednesday, in the Karrada sub-district, Baghdad, Iraq, assailants stabbed a man to death.",
])
def test_a_neighbourhood_of_a_city_is_placed_at_the_city(text: str) -> None:
    first = primary(mentions(text))
    assert first is not None and (first.place.name, first.place.precision, first.cue) == ("Baghdad", "city", "in")


def test_a_name_the_model_took_for_a_date_is_a_place_after_a_cue() -> None:
    text = "Clashes took place on a road in Quneitra after gunmen opened fire at a regime-manned checkpoint."
    assert named(text, "Quneitra").place.country == "SYR"
    assert mentions("On Monday in March, gunmen attacked a bus.") == []
    # "region of" is as strong a cue as "in": the model reads "Dahuk" as a date here
    text = "Turkish forces conducted airstrikes in Haftanin region of Dahuk, Northern Iraq."
    assert (named(text, "Dahuk").place.country, named(text, "Dahuk").place.admin1) == ("IRQ", "Duhok")


def test_a_name_the_model_took_for_a_number_is_a_place_after_a_cue() -> None:
    # the small model labels "Malindi" CARDINAL here; "at" before it and "prison" after it make it the town
    text = "Two senior prison officers assaulted another prison officer at Malindi prison (Kilifi)."
    place = named(text, "Malindi").place
    assert (place.name, place.country, place.admin1, place.precision) == ("Malindi", "KEN", "Kilifi County", "city")
    assert mentions("At Two, gunmen attacked a bus.") == []


def test_regions_in_brackets_after_any_place_noun() -> None:
    text = "An unidentified armed group attacked and killed 4 people at Cahi hill (Mwumba, Ngozi)."
    assert [(m.text, m.place.country) for m in mentions(text)] == [("Mwumba", "BDI"), ("Ngozi", "BDI")]


def test_a_mission_outvotes_a_namesake_town_abroad() -> None:
    # the OSCE SMM reports only from Ukraine: "Mine" of Japan is no reading of "near Mine 6/7"
    assert mentions("On 6 May 2020, the OSCE SMM observed a total of 6 explosions near Mine 6/7.") == []


def test_two_hamlets_of_two_countries_do_not_drop_each_other() -> None:
    text = "Bombs hit a market in Bergeforsen and a school in Mouilleron-en-Pareds."
    assert [(m.text, m.place.country) for m in mentions(text)] == [("Bergeforsen", "SWE"),
                                                                   ("Mouilleron-en-Pareds", "FRA")]



def test_a_town_said_to_lie_in_a_region_of_one_country() -> None:
    # the text puts Bara in Idleb: the Bara of Nigeria is not meant; the town keeps its name at its region's point
    text = "A landmine exploded in the outskirts of Bara town in Idleb countryside, killing a man."
    assert [(m.text, m.place.country, m.place.admin1, m.place.precision) for m in mentions(text)] == \
        [("Bara", "SYR", "Idlib", "admin1"), ("Idleb", "SYR", "Idlib", "admin1")]
    # a region many countries have ("Eastern Province") decides nothing; the article's country does
    doc = load_nlp()("Residents of Isiolo town in Eastern Province held a demo.")
    assert [(m.text, m.place.country) for m in place_mentions(doc, countries=("KEN",))] == [("Isiolo", "KEN")]



def test_a_hamlet_abroad_holds_no_town() -> None:
    # "Kashmir" finds only Cashmere, a hamlet of Washington state: Handwara is not dropped for it
    text = "Soldiers were injured in a grenade explosion at Rajwar area of Handwara in north Kashmir's Kupwara district."
    assert [(m.text, m.place.country) for m in mentions(text)][:1] == [("Handwara", "IND")]


def test_a_stray_namesake_does_not_overrule_its_region() -> None:
    # Irobo is also a town of Ivory Coast, dropped as a stray; it must not take the Kenyan county down with it
    text = "On 15 Sept 2018, a man shot dead his neighbour in Irobo village, Shinyalu, Kakamega county."
    assert [(m.text, m.place.country, m.place.admin1) for m in mentions(text)] == \
        [("Shinyalu", "KEN", "Kakamega County"), ("Kakamega county", "KEN", "Kakamega County")]


def test_kenyan_wards_and_constituencies_are_places() -> None:
    # admin_units.tsv: names GeoNames' cities500 lacks, placed at their constituency's centre
    likoni = named("On 14 December, a mob killed a suspected criminal in Likoni.", "Likoni")
    assert (likoni.place.country, likoni.place.admin1, likoni.place.geonames_id) == ("KEN", "Mombasa County", None)
    kayole = named("Kayole residents protested as demolitions continued in the estate.", "Kayole")
    assert (kayole.place.country, kayole.place.admin1) == ("KEN", "Nairobi County")


def test_a_ward_gives_way_to_the_town_beside_it() -> None:
    # Ndarugu is a ward with no point of its own; the GeoNames town of its county named beside it is the place
    text = "Workers at Ndarugu, Juja town, blocked the road."
    assert [(m.text, m.place.geonames_id is not None) for m in mentions(text)] == [("Juja", True)]


def test_the_object_of_an_attack_is_a_place_whatever_the_model_calls_it() -> None:
    # the model reads Witu as a person here; "attack Witu" makes it the place attacked
    text = "Between 10 and 15 suspected al Shabaab assailants attack Witu. A witness said the attackers shot them."
    assert [(m.text, m.place.country) for m in mentions(text)] == [("Witu", "KEN")]


def test_streets_and_currencies_name_no_place() -> None:
    # "US dollar" gives no vote to the United States, so Sidon stays in Lebanon; "the Ilya intersection" is no town
    text = ("Rioters damaged the front of Audi Bank building at the Ilya intersection in Sidon, after the US dollar "
            "exchange rate increased.")
    assert [(m.text, m.place.country) for m in mentions(text)] == [("Sidon", "LBN")]


def test_a_village_of_a_missions_area_missing_from_the_gazetteer_lies_in_the_area() -> None:
    # Kashtanove is known only as a hamlet of Crimea, Trudovskiye not at all: the SMM reports from Donetsk and
    # Luhansk, so both are placed at the mission's main region under the text's name
    for text, name in [("The OSCE SMM observed a total of 5 explosions near Kashtanove.", "Kashtanove"),
                       ("The OSCE SMM observed 2 shots involving small arms near Trudovskiye.", "Trudovskiye")]:
        assert [(m.text, m.place.admin1, m.place.precision) for m in mentions(text)] == [(name, "Donetsk", "admin1")]
    # a village of another region, with no mission named, keeps its own reading
    assert named("Protesters gathered near Kashtanove.", "Kashtanove").place.admin1 == "Crimea"


def test_second_level_divisions_place_villages_the_gazetteer_lacks() -> None:
    # Yagha is a province of Burkina Faso (GeoNames admin2, at its seat Sebba); the Malian group named does not
    # make it Mali
    text = "On 5 May 2020, JNIM militants abducted a civilian in Mansila (Mansila, Yagha)."
    assert [(m.text, m.place.country, m.place.admin1, m.place.precision) for m in mentions(text)][-1:] == \
        [("Yagha", "BFA", "Sahel", "near")]
    # a town of some size outranks a division of unknown size that bears its name: Poonch, India, not Pakistan's
    text = "Forces of India and Pakistan exchanged fire across the LoC in Degwar sector area (Poonch district, J&K)."
    assert named(text, "Poonch").place.country == "IND"


def test_a_common_noun_opening_a_sentence_is_no_place() -> None:
    # "Council" (a hamlet of Idaho) and "Coffee" (US counties) are capitalised only because they open the note;
    # a town in the same place stays one
    assert mentions("Council workers go on strike, block roads and office entrance in protest over unpaid arrears") \
        == []
    assert mentions("Coffee farmers riot and take over factory to express grievances") == []
    assert [(m.text, m.place.country) for m in mentions("Mandera residents held a demonstration.")] == \
        [("Mandera", "KEN")]


def test_an_estate_lies_in_the_town_named_next() -> None:
    # Dallas estate is a housing estate of Embu, not Dallas, Texas; "the River Chania" is no "The River" of the US
    text = "A man was lynched by residents at Dallas estate in Embu town."
    assert [(m.text, m.place.country) for m in mentions(text)] == [("Embu", "KEN")]
    assert mentions("The two bodies were dumped in the River Chania.") == []


def test_a_chain_end_name_is_the_region_of_a_town_outside_its_city() -> None:
    # Buruku is known only as a division of Benue; "(Chikun LGA, Kaduna)" puts it in Kaduna State, not Kaduna city
    text = "Gunmen clashed with communal militiamen in Buruku (Chikun LGA, Kaduna) and killed 4 militiamen."
    assert [(m.text, m.place.admin1, m.place.precision) for m in mentions(text)] == \
        [("Buruku", "Kaduna State", "near"), ("Chikun", "Kaduna State", "near"), ("Kaduna", "Kaduna State", "admin1")]
    # the same for a district the gazetteer knows only in another province
    text = "Taliban militants attacked an Afghan military convoy in Nadir Shah Kot district, Khost."
    assert [(m.text, m.place.admin1, m.place.precision) for m in mentions(text)] == \
        [("Nadir Shah Kot", "Khowst", "admin1"), ("Khost", "Khowst", "admin1")]


def test_a_district_in_a_town_is_a_part_of_it_though_a_region_bears_its_name() -> None:
    # Qadissiya is also a governorate (Al-Qadisiyah); "district in southwestern Baghdad" makes it part of Baghdad
    text = "A sticky bomb exploded in Qadissiya district in southwestern Baghdad, Baghdad governorate, Iraq."
    first = mentions(text)[0]
    assert (first.text, first.place.name, first.place.precision) == ("Qadissiya", "Baghdad", "city")


def test_the_ends_of_a_road_are_places_but_a_nearer_one_wins() -> None:
    # the dash of a road joins two towns; each is a place, marked as a road's end
    text = "Boko Haram ambushed a convoy of the Nigerian Armed Forces on the Damboa - Maiduguri road."
    assert [(m.text, m.place.country, m.cue) for m in mentions(text)] == \
        [("Damboa", "NGA", "road"), ("Maiduguri", "NGA", "road")]
    assert primary(mentions(text)).text == "Damboa"
    text = "Youth paralysed business on the Nairobi-Mombasa highway and lit fires in Voi."
    assert primary(mentions(text)).text == "Voi"
    # a dash without a road word after it stays inside one name
    assert [m.text for m in mentions("A policeman was beaten in Pimpri - Chinchwad city (Pune, Maharashtra).")][0] \
        == "Pimpri - Chinchwad"


def test_the_second_of_a_pair_is_a_place_but_not_the_first_choice() -> None:
    text = "Militants attacked troops between the municipalities of Apartado and Mutata, Antioquia, Colombia."
    assert [(m.text, m.cue) for m in mentions(text)][:2] == [("Apartado", None), ("Mutata", "and")]
    assert primary(mentions(text)).text == "Apartado"
    # a pair of groups is no pair of places
    assert mentions("Fighting between Mungiki and Taliban gangs") == []


@pytest.mark.parametrize(("text", "name", "country"), [
    # a country named for its border does not make a town on the other side a stray
    ("Gunmen killed three police officers in Lamu near the Somalia border.", "Lamu", "KEN"),
    ("Gunmen attacked a police post in Hulugho near the border with Somalia.", "Hulugho", "KEN"),
    ("Militants attacked a base in Lamu Island near Somalia border.", "Lamu", "KEN"),
])
def test_a_town_near_a_border_stays_on_its_side(text: str, name: str, country: str) -> None:
    assert named(text, name).place.country == country


def test_a_border_outvotes_towns_on_neither_side() -> None:
    text = "Five pastoralists are killed by gunmen at Wari walo village some 10 kilometres from Kenya border."
    assert [(m.text, m.place.country) for m in mentions(text)] == [("Kenya", "KEN")]


@pytest.mark.parametrize(("text", "start", "end", "border"), [
    ("in Lamu near the Somalia border", 4, 5, True),
    ("along the Kenya-Somalia border", 2, 3, True),
    ("near the border with neighbouring Somalia", 5, 6, True),
    ("shelling inside the Kenyan border", 3, 4, False),
    ("in Lamu near Somalia", 3, 4, False),
])
def test_names_a_border(text: str, start: int, end: int, border: bool) -> None:
    from eventcoder.geoparse import names_a_border
    doc = load_nlp()(text)
    assert names_a_border(doc, start, end) is border


def test_a_list_of_towns_ending_in_and_is_no_chain() -> None:
    # three towns: the second is no region of the first, and the one after "and" is a place too
    found = [(m.text, m.place.name, m.place.admin1) for m in mentions("Teachers protested in Nairobi, Kisumu and "
                                                                        "Mombasa on Monday.")]
    assert found == [("Nairobi", "Nairobi", "Nairobi County"), ("Kisumu", "Kisumu", "Kisumu County"),
                     ("Mombasa", "Mombasa", "Mombasa County")]


def test_towns_each_with_its_state_stay_chains() -> None:
    found = [(m.text, m.place.admin1) for m in mentions("Gunmen attacked police in Guadalupe, Zacatecas and "
                                                        "Monterrey, Nuevo Leon.")]
    assert found[0] == ("Guadalupe", "Zacatecas")


def test_catole_do_rocha_keeps_its_portuguese_connector() -> None:
    assert named("On 7 May 2020, in Catole do Rocha, Paraiba, two brothers were shot.", "Catole do Rocha").place \
        .admin1 == "Paraiba"


def test_a_neighbour_of_the_articles_country_beats_a_namesake_abroad() -> None:
    # Somali gunmen give Somalia a vote; Maua of Kenya borders it, Maua of Brazil (the bigger) does not
    m = named("Somali gunmen attacked a bus in Maua on Monday.", "Maua")
    assert (m.place.country, m.place.admin1) == ("KEN", "Meru County")


def test_a_town_keeps_its_own_country_over_a_neighbours_namesake() -> None:
    # Herat's own vote for Afghanistan must not count for Herat of Iran, Afghanistan's neighbour
    assert named("A judge was killed by unknown gunmen in PD12 of Herat city.", "Herat").place.country == "AFG"


@pytest.mark.parametrize("text, name, admin1", [
    ("On 8 May 2020, two mobs clashed with each other in Kotwali Nagar, Pratapgarh (UP).", "Pratapgarh",
     "Uttar Pradesh"),
    ("Military forces of India and Pakistan exchanged fire in Shahpur sector area (Poonch district, J&K).", "Poonch",
     "Jammu and Kashmir"),
])
def test_state_abbreviations_name_their_state(text: str, name: str, admin1: str) -> None:
    m = named(text, name)
    assert m.place.admin1 == admin1


def test_a_town_in_the_countryside_of_a_region_lies_in_it() -> None:
    # GeoNames lacks the Syrian Foah; the French town it spells (Foix) is not where a raid in Idleb happened
    found = [(m.text, m.place.country) for m in mentions(
        "On 3 May 2020, unidentified gunmen raided the headquarters of Al Sham Corps in the town of Foah in the "
        "countryside of Idleb.")]
    assert found == [("Idleb", "SYR")]


def test_a_town_said_to_lie_in_a_region_is_no_namesake_abroad() -> None:
    # GeoNames has no Karak in Syria; the text puts this one in Dar'a, so the Jordanian region is not meant: the
    # town keeps its name at the point of the governorate Dar'a city is named like
    found = [(m.text, m.place.country, m.place.admin1, m.place.precision) for m in mentions(
        "On 4 May 2020, clashes took place between two armed families in the town of Karak in Dar'a.")]
    assert found == [("Karak", "SYR", "Daraa", "admin1"), ("Dar'a", "SYR", "Daraa", "city")]


def test_a_region_that_many_countries_name_does_not_overrule_the_town_in_it() -> None:
    m = primary(mentions("Residents of Isiolo town in Eastern Province of Kenya held a demo on 30/06."))
    assert m is not None and (m.text, m.place.country) == ("Isiolo", "KEN")


def test_a_region_in_brackets_that_is_no_name_of_its_own_picks_the_namesake() -> None:
    # "Central" alone is too common a word to be read as a place, but it is San Lorenzo's department in Paraguay
    m = named("On 5 May 2020, in San Lorenzo (Central), bus drivers protested to demand their salary.", "San Lorenzo")
    assert (m.place.country, m.place.admin1) == ("PRY", "Central Department")


def test_a_peoples_name_before_a_region_noun_is_the_region() -> None:
    found = [(m.text, m.place.country, m.place.admin1) for m in mentions(
        "On 3 May 2020, police shot and killed a civilian in Goday, Shabelle Zone (Somali region).")]
    assert ("Somali", "ETH", "Somali") in found
    # a people's region of a place is that place's: "the Somali region of Gedo" is Gedo of Somalia
    assert [(m.text, m.place.country) for m in mentions("Troops attacked the Somali region of Gedo.")] \
        == [("Gedo", "SOM")]


def test_a_town_outvoted_abroad_is_read_as_its_namesake_region() -> None:
    # the demonyms vote for Israel and Iran; Dar'a, a town of under 100,000, would be dropped as a stray, but its
    # name is also its governorate's
    doc = load_nlp()("Israeli airstrikes targeted Iranian militia positions in the western countryside of Dar'a.")
    found = [(m.text, m.place.country, m.place.precision) for m in place_mentions(doc, countries=("ISR", "IRN"))]
    assert found == [("Dar'a", "SYR", "admin1")]


@pytest.mark.parametrize("village", ["Mineralne", "Kalynove-Borshchuvate"])
def test_a_mission_observing_near_an_unknown_village_places_it_in_its_region(village: str) -> None:
    # the model reads the unknown names as organisations; near them, the mission saw fire in its region
    found = [(m.text, m.place.country, m.place.admin1, m.place.precision) for m in mentions(
        f"On 6 May 2020, the OSCE SMM observed a total of 12 explosions near {village}.")]
    assert found == [(village, "UKR", "Donetsk", "admin1")]


@pytest.mark.parametrize("text, expected", [
    ("Raiders attacked a Kenyan village at night.", [("Kenyan village", "KEN", "country")]),
    ("Militia attacked a Kenyan border town, killing two.", [("Kenyan border town", "KEN", "country")]),
    # the place named after the village is the place
    ("A bomber detonated in the Hazara town in Quetta.", [("Quetta", "PAK", "city")]),
])
def test_a_village_named_by_its_peoples_country_lies_in_that_country(text: str, expected: list) -> None:
    assert [(m.text, m.place.country, m.place.precision) for m in mentions(text)] == expected


def test_a_country_naming_an_embassy_is_no_place_despite_a_hamlet_namesake() -> None:
    # "US" is also Us, a village of France: the country reading still makes it whose embassy, not where
    found = [(m.text, m.place.country) for m in mentions("Police shot a man outside the US embassy in Nairobi.")]
    assert found == [("Nairobi", "KEN")]


def test_a_foreign_city_reached_by_another_of_its_names_is_no_place() -> None:
    # "Kotwali" is a police area in many Indian towns, and also one of Rangpur's (Bangladesh) other names
    found = [(m.text, m.place.country, m.place.precision) for m in mentions(
        "Police assaulted a family in Kotwali police area of Nimbahera taluka (Chittorgarh, Rajasthan).")]
    assert found == [("Nimbahera", "IND", "near"), ("Chittorgarh", "IND", "city"), ("Rajasthan", "IND", "admin1")]


def test_a_city_by_another_name_stays_without_a_rival_country() -> None:
    m = primary(mentions("Protesters gathered in Kotwali on Friday."))
    assert m is not None and (m.place.name, m.place.country) == ("Kotwali", "BGD")


def test_a_city_called_one_outweighs_the_wrong_region_beside_it() -> None:
    found = [(m.text, m.place.country, m.place.admin1, m.place.precision) for m in mentions(
        "Journalists held a protest outside the press club in Nawabshah city (Nawabshah, Punjab).")]
    assert found[0] == ("Nawabshah", "PAK", "Sindh", "city")
    # a district is not: the region beside it decides ("Nasirabad District, Balochistan" is not the Sindh town)
    m = primary(mentions("Militants blew up a railway track near the Nautal area of Nasirabad District, Balochistan."))
    assert m is not None and (m.place.admin1, m.place.precision) == ("Balochistan", "admin1")


def test_a_district_at_its_regions_point_gives_way_to_its_town_spelt_otherwise() -> None:
    m = primary(mentions("Militants attacked a security post at the main market in Bossaso town (Bossaso, Bari)."))
    assert m is not None and (m.text, m.place.country, m.place.admin1, m.place.precision) == \
        ("Bossaso", "SOM", "Bari", "city")
    assert m.place.geonames_id is not None


def test_an_unknown_name_beside_a_region_is_its_town_one_slip_away() -> None:
    found = [(m.text, m.place.admin1, m.place.precision, m.place.geonames_id)
             for m in mentions("In the municipality of Patzuaro, Michoacan, students blocked the highway.")]
    assert found == [("Patzuaro", "Michoacan", "city", 3993179), ("Michoacan", "Michoacan", "admin1", None)]
    # a short name has too many neighbours one letter away: "Chare" keeps the region's point (Charo is one slip away)
    assert [(m.text, m.place.precision) for m in mentions("Gunmen attacked a bus in Chare, Michoacan.")][0] == \
        ("Chare", "admin1")


@pytest.mark.parametrize(("text", "expected"), [
    # a city named like its governorate stands for the governorate: the unknown town lies in it
    ("Regime forces shelled the village of Kansafra in Idleb.", ("Kansafra", "Idlib", "admin1")),
    # ... and a town of the governorate one slip away is that town ("Saraqab" is GeoNames' "Saraqib")
    ("Turkish forces shelled regime positions in Saraqab in Idleb.", ("Saraqab", "Idlib", "city")),
    # a square, street or zone in a city is in the city itself
    ("Police dispersed protesters at Skanderbeg Square in Tirana.", ("Tirana", "Tirana", "city")),
])
def test_an_unknown_place_in_a_city_named_like_its_region(text: str, expected: tuple[str, str, str]) -> None:
    first = mentions(text)[0]
    assert (first.text, first.place.admin1, first.place.precision) == expected


def test_regions_in_brackets_two_nouns_after_the_name() -> None:
    # the model makes "Hodeidah Red Sea" an organisation; the brackets still give the district and governorate
    found = [(m.text, m.place.admin1, m.place.precision) for m in mentions(
        "Forces shelled the east of Hodeidah Red Sea port city (Al Hali, Al Hudaydah) on Tuesday.")]
    assert found == [("Al Hali", "Al Hudaydah", "admin1"), ("Al Hudaydah", "Al Hudaydah", "admin1")]


def test_an_unknown_name_before_a_bracketed_town_is_a_town_one_slip_away_in_its_region() -> None:
    # Kileleshwa, a ward of Nairobi: its own point, not Nairobi's
    found = [(m.text, m.place.admin1, m.place.precision) for m in mentions(
        "Three men attacked a former county official as he was returning home from a mosque in Kilelshwa (Nairobi).")]
    assert found[0] == ("Kilelshwa", "Nairobi County", "city")


def test_an_unknown_name_alone_in_its_sentence_is_a_town_of_the_storys_country_one_slip_away() -> None:
    doc = load_nlp()("Kenyan police said on Tuesday that Al Shabaab militants raided homes in Mpekatoni.")
    found = [(m.text, m.place.country, m.place.admin1, m.place.precision) for m in place_mentions(doc, countries=("KEN",))]
    assert found == [("Mpekatoni", "KEN", "Lamu", "city")]
    # not where the sentence names a known place: that place says more than a namesake one slip away elsewhere
    # in the country (a Naguluru of Maharashtra is not meant)
    doc = load_nlp()("Militants shot two men at Nagulurru village in Malkangiri, Odisha.")
    assert [m.text for m in place_mentions(doc, countries=("IND",))] == ["Malkangiri", "Odisha"]


def test_regions_in_brackets_after_a_gloss_in_square_brackets() -> None:
    # "[" after a word opens a gloss, not a sentence; the regions after it are the mountain's
    text = ("On 8 May 2020, a Saudi-led coalition airstrike was reported on Thirah mountain [Aqabat Thirah] "
            "(Mukayras, Al Bayda) with no reports of fatalities or injuries.")
    found = {(m.text, m.place.country, m.place.precision) for m in mentions(text)}
    assert found == {("Mukayras", "YEM", "city"), ("Al Bayda", "YEM", "admin1")}


def test_a_village_of_a_region_lies_in_it_whatever_famous_place_shares_its_name() -> None:
    found = [(m.text, m.place.country, m.place.precision) for m in
             mentions("A woman was stoned to death by a mob in Jerusalem village of Kirinyaga County.")]
    assert found == [("Jerusalem", "KEN", "admin1"), ("Kirinyaga County", "KEN", "admin1")]
    # a name that modifies the noun is the region, and the name after "of" the village
    found = [(m.text, m.place.country) for m in mentions("Gunmen attacked the Turkana village of Runo on Monday.")]
    assert found[0] == ("Turkana", "KEN")
