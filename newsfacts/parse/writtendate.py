"""Read a day as a page writes it for people, in the languages the pipeline meets: "publiziert am 25. September 2018",
"5 de octubre de 2018", "November 19th, 2019", "05/10/2018", "2018年8月16日". Pages without a machine-readable date
give their day only this way, and the order of a numeric day depends on where the page is from."""

from __future__ import annotations

import re
from datetime import date

# Month names and abbreviations in English, German, French, Spanish, Portuguese, Italian and Dutch.
_MONTH_NAMES = {
    1: "january januar jänner janvier enero janeiro gennaio januari jan ene gen",
    2: "february februar février fevrier febrero fevereiro febbraio februari feb fév fev",
    3: "march märz maerz mars marzo março marco maart mar mär",
    4: "april avril abril aprile apr avr abr",
    5: "may mai mayo maio maggio mei",
    6: "june juni juin junio junho giugno jun",
    7: "july juli juillet julio julho luglio jul juil",
    8: "august août aout agosto augustus aug ago",
    9: "september septembre septiembre setembro settembre sept sep set",
    10: "october oktober octobre octubre outubro ottobre oct okt out ott",
    11: "november novembre noviembre novembro nov",
    12: "december dezember décembre decembre diciembre dezembro dicembre dec dez dic déc",
}
_MONTH_OF = {name: month for month, names in _MONTH_NAMES.items() for name in names.split()}
_MONTH = "(" + "|".join(sorted(map(re.escape, _MONTH_OF), key=len, reverse=True)) + r")\.?(?![^\W\d_])"
_YEAR = r"((?:19|20)\d{2})(?!\d)"
_DAY_MONTH = re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|º)?\.?\s*(?:de\s+)?{_MONTH},?\s*(?:de\s+)?{_YEAR}",
                        re.I)
_MONTH_DAY = re.compile(rf"(?<![^\W\d_]){_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}", re.I)
_NUMERIC = re.compile(rf"(?<![\d.:/-])(\d{{1,2}})([./-])(\d{{1,2}})\2{_YEAR}")
_YEAR_FIRST = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[./-]|年|년)\s*(\d{1,2})\s*(?:[./-]|月|월)\s*(\d{1,2})(?!\d)")
# English-speaking places that still write the day first.
_DAY_FIRST_ENGLISH = ("en-gb", "en-au", "en-nz", "en-ie", "en-in", "en-za")


def month_first(lang: str | None) -> bool:
    """Whether a page in this language (its html lang) writes 11/05/2019 for November 5: American English only."""
    lang = (lang or "").strip().lower().replace("_", "-")
    return lang.startswith("en") and not lang.startswith(_DAY_FIRST_ENGLISH)


def written_day(text: str, month_first_order: bool = False) -> tuple[date, int] | None:
    """The first day written in the text and where it starts; a numeric day is read day first unless the page
    writes month first (or the first number cannot be a month)."""
    found: list[tuple[int, date]] = []
    for m in _DAY_MONTH.finditer(text):
        found += _day(m.start(), m[3], _MONTH_OF[m[2].lower()], m[1])
    for m in _MONTH_DAY.finditer(text):
        found += _day(m.start(), m[3], _MONTH_OF[m[1].lower()], m[2])
    for m in _NUMERIC.finditer(text):
        first, second = int(m[1]), int(m[3])
        if first > 12 or (second <= 12 and not month_first_order):
            found += _day(m.start(), m[4], second, first)
        else:
            found += _day(m.start(), m[4], first, second)
    for m in _YEAR_FIRST.finditer(text):
        found += _day(m.start(), m[1], int(m[2]), m[3])
    if not found:
        return None
    start, day = min(found)
    return day, start


def _day(start: int, year: str, month: int, day: str) -> list[tuple[int, date]]:
    try:
        return [(start, date(int(year), month, int(day)))]
    except ValueError:
        return []
