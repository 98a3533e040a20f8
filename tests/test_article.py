"""The article stage: main text without boilerplate, typed errors, language and size limits."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from eventcoder.article import (
    MAX_TEXT_CHARS,
    _boilerplate_rules,
    build_article,
    content_hash,
    detect_language,
    remove_boilerplate,
)
from eventcoder.errors import ExtractionError, InputError, LanguageError
from eventcoder.inputs import read_documents
from eventcoder.records import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BOILERPLATE = (
    "Leave a Reply",
    "Your email address will not be published",
    "Required fields are marked",
    "Share on Facebook",
    "Share on Twitter",
    "Click to share",
    "We use cookies",
    "This website uses cookies",
    "Accept all cookies",
    "Subscribe to our newsletter",
    "Sign up for our daily newsletter",
    "Related posts",
    "You may also like",
    "Comments",
    "Advertisement",
    "All rights reserved",
)
ARABIC_PAGE = (
    '<html lang="ar" dir="rtl"><head><title>غارة جوية على سوق في صعدة</title></head><body><article>'
    "<h1>غارة جوية على سوق في صعدة</h1>"
    "<p>قُتل تسعة مدنيين وأصيب أربعة عشر آخرون عندما أصابت غارة جوية سوقاً مزدحماً للخضار في مدينة صعدة "
    "شمال اليمن صباح يوم الثلاثاء، بحسب ما أعلنته وزارة الصحة في المدينة.</p>"
    "<p>وقال شهود عيان إن صاروخين سقطا على الطرف الشرقي من السوق بينما كان التجار يفرغون بضائعهم، "
    "ونقلت سيارات الإسعاف الجرحى إلى المستشفى الجمهوري.</p>"
    "</article></body></html>"
)
STORY = (
    "Gunmen attacked a police station in the town on Friday, killing two officers and wounding four others, "
    "officials said. The attackers fled on motorcycles before reinforcements arrived, a police spokesman added."
)


def _example(name: str) -> Document:
    [doc] = read_documents([str(EXAMPLES / name)])
    assert isinstance(doc, Document)
    return doc


def test_example_text_article_loses_its_comment_form() -> None:
    article = build_article(_example("kataeb-hezbollah-rebuke.txt"))
    assert "Leave a Reply" not in article.text
    assert "Your email address will not be published" not in article.text
    assert article.text.startswith("Sat. Mar 2nd, 2024\n\nIraq’s Kataeb Hezbollah issued a scathing rebuke")
    assert article.text.endswith("at the request of the Iraqi government.")
    assert (article.publication_date, article.publication_date_source) == ("2024-03-02", "header")
    assert article.language == "en"
    assert article.id == "kataeb-hezbollah-rebuke"
    normalised = " ".join(article.text.split())
    assert article.content_hash == hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    ("name", "title", "first_sentence", "date", "source"),
    [
        (
            "saada-market-airstrike.html",
            "Airstrike on Saada market kills nine, health officials say",
            "An airstrike hit a crowded vegetable market in the northern Yemeni city of Saada on Tuesday morning,",
            "2024-02-14",
            "meta",
        ),
        (
            "nairobi-protest-arrests.html",
            "Police fire tear gas at Nairobi tax protest, dozens arrested",
            "Kenyan police fired tear gas and water cannon on Tuesday to disperse hundreds of protesters",
            "2024-06-18",
            "meta",
        ),
        (
            "gedo-aid-workers-kidnapped.html",
            "Al-Shabaab fighters abduct three aid workers in Somalia's Gedo region",
            "MOGADISHU, May 7, 2024 (Horn Observer) — Al-Shabaab fighters abducted three Somali aid workers",
            "2024-05-07",
            "dateline",
        ),
        (
            "cairo-derby-thrashing.html",
            "Al Ahly thrash Zamalek 4-0 in one-sided Cairo derby",
            "Al Ahly thrashed arch-rivals Zamalek 4-0 at Cairo International Stadium on Monday night,",
            "2024-04-22",
            "meta",
        ),
    ],
)
def test_html_examples(name: str, title: str, first_sentence: str, date: str, source: str) -> None:
    article = build_article(_example(name))
    assert article.title == title
    assert article.text.startswith(first_sentence)
    assert (article.publication_date, article.publication_date_source) == (date, source)
    for phrase in BOILERPLATE:
        assert phrase not in article.text, phrase
    assert "\n\n" in article.text and "\n\n\n" not in article.text


def test_html_example_keeps_all_paragraphs_and_drops_related_links() -> None:
    article = build_article(_example("saada-market-airstrike.html"))
    assert article.site == "Gulf Ledger"
    assert len(article.text.split("\n\n")) == 5
    assert "Yemen truce talks stall" not in article.text
    assert "Home" not in article.text.split()


def test_arabic_page_is_a_language_error() -> None:
    with pytest.raises(LanguageError, match=r"^article language is 'ar', only English is supported$"):
        build_article(Document(id="ar", html=ARABIC_PAGE))


def test_french_text_is_a_language_error() -> None:
    text = (
        "Des hommes armés ont attaqué un poste de police dans la ville vendredi, tuant deux agents et en "
        "blessant quatre autres, selon les autorités locales. Les assaillants ont pris la fuite à moto avant "
        "l'arrivée des renforts, a précisé un porte-parole de la police dans un communiqué."
    )
    with pytest.raises(LanguageError, match=r"^article language is 'fr', only English is supported$"):
        build_article(Document(id="fr", text=text))


def test_page_without_article_text_is_an_extraction_error() -> None:
    html = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(ExtractionError, match=r"^no article text found in page \(57 bytes of HTML\)$"):
        build_article(Document(id="nav", html=html))


def test_text_of_only_boilerplate_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match=r"^no article text found in document \(only boilerplate lines\)$"):
        build_article(Document(id="bp", text="Share on Facebook\n\nAdvertisement\n"))


def test_document_without_content_is_an_input_error() -> None:
    with pytest.raises(InputError, match="^empty document$"):
        build_article(Document(id="none", text="  ", html=None))


def test_html_fragment_is_extracted() -> None:
    article = build_article(Document(id="frag", html=f"<p>{STORY}</p>", url="https://x.org/2024/03/02/a"))
    assert article.text == STORY
    assert (article.publication_date, article.publication_date_source) == ("2024-03-02", "url")


def test_given_date_reaches_the_article() -> None:
    article = build_article(Document(id="g", text=STORY, published="2024-01-09"))
    assert (article.publication_date, article.publication_date_source) == ("2024-01-09", "given")


def test_20_mb_page_of_inline_script_keeps_its_article() -> None:
    blob = '{"id": 1, "payload": "' + "x" * 100 + '"},'
    paragraphs = "".join(f"<p>Paragraph {i}. {STORY}</p>" for i in range(5))
    html = (
        "<html><head><title>Gunmen attack police station</title><script>var state = ["
        + blob * (20_000_000 // len(blob))
        + "];</script></head><body><article><h1>Gunmen attack police station</h1>"
        + paragraphs
        + "</article></body></html>"
    )
    assert len(html) > 20_000_000
    started = time.monotonic()
    article = build_article(Document(id="big", html=html))
    assert time.monotonic() - started < 15
    assert article.text.split("\n\n") == [f"Paragraph {i}. {STORY}" for i in range(5)]


def test_20_mb_page_of_text_is_cut_and_stays_fast() -> None:
    paragraph = "<p>Paragraph {}. " + STORY + "</p>\n"
    html = "<html><body><article><h1>A very long page</h1>" + "".join(
        paragraph.format(i) for i in range(20_000_000 // len(paragraph))
    ) + "</article></body></html>"
    assert len(html) > 20_000_000
    started = time.monotonic()
    article = build_article(Document(id="huge", html=html))
    assert time.monotonic() - started < 20
    assert article.text.startswith(f"Paragraph 0. {STORY}\n\nParagraph 1. ")
    assert len(article.text) <= MAX_TEXT_CHARS


def test_remove_boilerplate_drops_lines_and_cuts_comment_sections() -> None:
    text = (
        "Skip to content\n\nRebels seized the airport.\nThey met little resistance.\n\n"
        "Share on Twitter\nClick to share on WhatsApp (Opens in new window)\n\n"
        "We use cookies to improve your experience. By continuing you agree.\n\n"
        "Officials confirmed the capture.\n\nADVERTISEMENT\n\n"
        "Related Posts\n\nTroops shell rebel positions\n\n3 Comments\n\nGreat article!"
    )
    assert remove_boilerplate(text) == (
        "Rebels seized the airport.\nThey met little resistance.\n\nOfficials confirmed the capture."
    )


def test_tail_marker_before_any_text_is_only_dropped() -> None:
    assert remove_boilerplate("Comments\n\nPolice arrested 12 people.") == "Police arrested 12 people."


def test_boilerplate_rules_are_loaded_once() -> None:
    assert _boilerplate_rules() is _boilerplate_rules()
    assert _boilerplate_rules().line.fullmatch("Your email address will not be published. Required fields are marked *")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (STORY, "en"),
        ("Bewaffnete haben am Freitag eine Polizeiwache in der Stadt angegriffen und zwei Beamte getötet, "
         "wie die Behörden mitteilten. Die Angreifer sind auf Motorrädern geflohen, bevor die Verstärkung "
         "eintraf, sagte ein Sprecher der Polizei.", "de"),
        ("Взрыв прогремел в центре города в пятницу, погибли два человека.", "ru"),
        ("Short line.", "en"),
        # a short note heavy with names, one stop word under the share of prose: still English
        ("On 7 May 2020, 5 coalition airstrikes reportedly targeted Khabb wa ash Shaaf district (Al Jawf), damaging "
         "two farms. No fatalities nor injuries reported.", "en"),
        # a list of names with no language's words is no prose
        ("Ahmadi Karimi Rostami Tehrani Shirazi Esfahani Mashhadi Tabrizi Kermani Yazdi Qomi Kashani Hamadani "
         "Zanjani Ardabili Gilani Mazandarani Khorasani Sistani Balochi Kordestani", "unknown"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


def test_content_hash_ignores_whitespace_differences() -> None:
    assert content_hash("Rebels  seized\n\nthe airport.") == content_hash("Rebels seized the airport.")
    assert content_hash("Rebels seized the airport.") != content_hash("Rebels seized the port.")
