"""Offline GeoNames gazetteer: place rows, normalised names and an Aho-Corasick matcher, loaded lazily once."""

from __future__ import annotations

import gzip
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from eventcoder.records import Place

# Leading articles dropped from a name as a second index key ("Al-Qaim" is also found as "Qaim").
ARTICLES = frozenset({"al", "el", "the", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es", "et", "ez"})
# Apostrophe-like marks removed inside names ("Ba'quba" = "Baquba", "Qā’im" = "Qaim").
APOSTROPHES = "'’‘`ʼʻʿʾ´′"
# Letters NFKD does not decompose, folded by hand to their usual Latin transliteration.
EXTRA_FOLDS = {"ł": "l", "ø": "o", "đ": "d", "ı": "i", "ß": "s", "æ": "a", "œ": "o", "þ": "t", "ð": "d",
               "ħ": "h", "ŧ": "t", "ə": "e", "ŋ": "n"}
# Code points the fold table covers: Latin, Greek/Cyrillic (kept as is), punctuation blocks.
FOLD_RANGE = 0x2100
# Mark used for a removed character before it is squeezed out (one char in, one char out keeps offsets).
DROP = "\x00"
POSSESSIVE = re.compile(DROP + r"s(?![a-z0-9])")


@cache
def _fold_table() -> dict[int, str]:
    """One character in, one character out: lower-case base letter, space for punctuation, DROP for apostrophes."""
    table: dict[int, str] = {}
    for code in range(FOLD_RANGE):
        char = chr(code)
        if char in APOSTROPHES:
            table[code] = DROP
            continue
        low = char.lower()
        base = EXTRA_FOLDS.get(low) or "".join(c for c in unicodedata.normalize("NFKD", low)
                                               if not unicodedata.combining(c))
        if len(base) == 1 and base.isalnum():
            table[code] = base.lower() if len(base.lower()) == 1 else base
        elif char.isalnum():
            table[code] = low if len(low) == 1 else char
        else:
            table[code] = " "
    for mark in APOSTROPHES:
        table[ord(mark)] = DROP
    return table


def fold_chars(text: str) -> str:
    """Same length as text: lower-cased, accents stripped, punctuation as spaces, apostrophes and possessive 's as DROP."""
    return POSSESSIVE.sub(DROP * 2, text.translate(_fold_table()))


def fold(name: str) -> str:
    """A name's matching key: folded, apostrophes removed, words separated by single spaces."""
    return " ".join(fold_chars(name).replace(DROP, "").split())


def keys(name: str) -> list[str]:
    """Index keys for a name: the folded form, and without its leading article ("al qaim", "qaim")."""
    key = fold(name)
    words = key.split()
    out = [key] if key else []
    if len(words) > 1 and words[0] in ARTICLES:
        out.append(" ".join(words[1:]))
    return out
