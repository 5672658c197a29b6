"""Spotting what might identify a child or family in a review: pure Python, standard library only.

A review must not identify the child, the family or the practitioners it
discusses. Editors are not lawyers, so before an approver sees a review the
admin points at text that *looks like* identifying information: a date of
birth, a full postcode, a phone number that is not one of the partnership's
own, an email address, a first-and-last-name pair. These are warnings, never
errors: a reviewer's name or an agency's address may belong there, and only a
person can tell. Names the partnership uses openly go in an allow-list.

The checks are deliberately cautious in the other direction too: a month and
year ("born in March 2017") is how reviews describe a child and is not
flagged; a full date is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATE_OF_BIRTH = "date_of_birth"
POSTCODE = "postcode"
PHONE = "phone"
EMAIL = "email"
NAME = "name"

KIND_LABELS = {
    DATE_OF_BIRTH: "A date that could be a date of birth",
    POSTCODE: "A full postcode",
    PHONE: "A phone number that is not one of the partnership's contact numbers",
    EMAIL: "An email address",
    NAME: "A person's first and last name",
}

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# 03/04/2016, 3.4.16, 03-04-2016: a full date in figures, rarely needed in a public review.
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/-]|\.\d)")
# 3 April 2016, 3rd of April 2016: flagged only after "born", "birth" or "DOB".
_WORDED_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}\b", re.IGNORECASE)
# "born on", "date of birth:", "DOB" just before the date, in the same clause.
_BIRTH_BEFORE = re.compile(r"\b(?:born|birth|d\.?o\.?b)\b[^.;!?\d]{0,12}$", re.IGNORECASE)
_BIRTH_WINDOW = 30
# A full UK postcode (outward and inward code), as postcodes are written: in capitals.
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2}\b")
# A UK number of 10 or 11 digits, national or international form, spaces or hyphens allowed.
_PHONE = re.compile(r"(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|0)\d(?:[\s-]?\d){8,9}(?!\d)")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Smith, O'Brien, McDonald, Smith-Jones.
_CAPITALISED = r"(?:[A-Z]['’][A-Z][a-z]+|[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z][a-z]+)?)"
_NAME = re.compile(rf"\b(?P<first>{_CAPITALISED})\s+(?P<last>{_CAPITALISED})\b")
# "Mr Jones", "Mrs Ann Smith": a title makes one capitalised word enough.
_TITLED_NAME = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+{_CAPITALISED}(?:\s+{_CAPITALISED})?\b")


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


@cache
def given_names() -> frozenset[str]:
    path = Path(__file__).with_name("given_names.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(word for line in lines if not line.startswith("#") for word in line.split())


def phone_digits(number: str) -> str:
    """A number reduced to its national digits: "+44 (0)161 217 6028" and "0161-217-6028" agree."""
    digits = re.sub(r"\D", "", number.replace("(0)", ""))
    return "0" + digits[2:] if digits.startswith("44") else digits


def _is_real_date(day: str, month: str) -> bool:
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def find_identifying_information(
    text: str,
    *,
    allowed_names: Iterable[str] = (),
    known_phone_numbers: Iterable[str] = (),
) -> list[Finding]:
    """What in ``text`` looks identifying, in the order found, each distinct text once.

    ``allowed_names``: text the partnership uses openly (a reviewer's name, an
    agency); a name pair inside any of them is not flagged. ``known_phone_numbers``:
    the partnership's own numbers, in any format.
    """
    found_at: list[tuple[int, Finding]] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, found: str, position: int) -> None:
        if (kind, found) not in seen:
            seen.add((kind, found))
            found_at.append((position, Finding(kind, found)))

    for match in _NUMERIC_DATE.finditer(text):
        if _is_real_date(match.group(1), match.group(2)):
            add(DATE_OF_BIRTH, match.group(), match.start())
    for match in _WORDED_DATE.finditer(text):
        if _BIRTH_BEFORE.search(text[max(0, match.start() - _BIRTH_WINDOW) : match.start()]):
            add(DATE_OF_BIRTH, match.group(), match.start())
    for match in _POSTCODE.finditer(text):
        add(POSTCODE, match.group(), match.start())
    known = {phone_digits(number) for number in known_phone_numbers}
    for match in _PHONE.finditer(text):
        if phone_digits(match.group()) not in known:
            add(PHONE, match.group(), match.start())
    for match in _EMAIL.finditer(text):
        add(EMAIL, match.group(), match.start())
    allowed = [name.casefold() for name in allowed_names if name]
    names = given_names()
    for match in _TITLED_NAME.finditer(text):
        if not any(match.group().casefold() in entry for entry in allowed):
            add(NAME, match.group(), match.start())
    titled = {finding.text for _position, finding in found_at if finding.kind == NAME}
    for match in _NAME.finditer(text):
        pair = match.group()
        if match.group("first") not in names or any(pair in name for name in titled):
            continue
        if not any(pair.casefold() in entry for entry in allowed):
            add(NAME, pair, match.start())
    return [finding for _position, finding in sorted(found_at, key=lambda pair: pair[0])]
