"""The identifying-information check: what it flags, and what it leaves alone."""

import pytest

from sscp_wagtail.editor.identifying import (
    DATE_OF_BIRTH,
    EMAIL,
    NAME,
    PHONE,
    POSTCODE,
    find_identifying_information,
)

PANEL_NUMBERS = ["0161 217 6028", "0161 718 2118"]
ALLOWED = ["Maureen Noble, independent reviewer"]


def kinds(text: str) -> list[tuple[str, str]]:
    findings = find_identifying_information(text, allowed_names=ALLOWED, known_phone_numbers=PANEL_NUMBERS)
    return [(finding.kind, finding.text) for finding in findings]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dates of birth: a full date in figures, or a worded one after "born" or "DOB".
        ("Jane Smith, born 03/04/2016", [(NAME, "Jane Smith"), (DATE_OF_BIRTH, "03/04/2016")]),
        ("seen on 3.4.16 at home", [(DATE_OF_BIRTH, "3.4.16")]),
        ("dated 31-12-2015.", [(DATE_OF_BIRTH, "31-12-2015")]),
        ("The baby was born on 3rd of April 2016.", [(DATE_OF_BIRTH, "3rd of April 2016")]),
        ("DOB: 4 May 2015", [(DATE_OF_BIRTH, "4 May 2015")]),
        ("date of birth 12 Sept 2014", [(DATE_OF_BIRTH, "12 Sept 2014")]),
        # Postcodes, full ones only.
        ("lived at SK1 3XE with her aunt", [(POSTCODE, "SK1 3XE")]),
        ("moved to M11AA in 2018", [(POSTCODE, "M11AA")]),
        ("EC1A 1BB", [(POSTCODE, "EC1A 1BB")]),
        # Phone numbers that are not the partnership's.
        ("call 07700 900123 any time", [(PHONE, "07700 900123")]),
        ("on +44 161 496 0000", [(PHONE, "+44 161 496 0000")]),
        ("or 0161-496-0001", [(PHONE, "0161-496-0001")]),
        # Email addresses.
        ("write to jane.smith+school@example.org today", [(EMAIL, "jane.smith+school@example.org")]),
        # Names: a common first name and a capitalised surname, or a title and a surname.
        ("Mr Jones said the flat was cold.", [(NAME, "Mr Jones")]),
        ("Her aunt, Mrs Ann Smith, was there.", [(NAME, "Mrs Ann Smith")]),
        ("Mohammed Khan and Chloe O'Brien", [(NAME, "Mohammed Khan"), (NAME, "Chloe O'Brien")]),
        # Each distinct text once, in the order found.
        ("Jane Smith. Jane Smith again.", [(NAME, "Jane Smith")]),
    ],
)
def test_flags_what_looks_identifying(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # How reviews describe a child and their circumstances.
        "No agency had concerns about the parenting of Baby M, who was born in March 2017.",
        "Child E was 3 years old. Neglect was reported with Child C in 2014.",
        "The review was published on 1 July 2019 and presented to the Board on 12 September 2019.",
        # Headings and organisations are capitalised pairs without a given name.
        "Stockport Safeguarding Children Board commissioned a Serious Case Review. Safe Sleep, Discharge Planning.",
        # The partnership's own numbers, in any format, and short numbers.
        "Call 0161 217 6028, or +44 (0)161 718 2118 in the evening, or 999 in an emergency.",
        # An allowed name.
        "The review was led by Maureen Noble.",
        # Not dates: versions, ratios, money, impossible dates.
        "version 1.2.3, a ratio of 3/4, £12.50, 31/13/2019 and 10:30.",
        # Not postcodes: lower case and partial ones.
        "in the SK1 area, near sk1 3xe",
        # Not phone numbers: years, counts and too few digits.
        "293 serious case reviews from 2011 to 2014; 0161 217.",
        # Not emails.
        "an @ sign alone, or user@localhost",
        "",
    ],
)
def test_stays_quiet_on_ordinary_review_text(text):
    assert kinds(text) == []


def test_every_finding_says_what_it_is():
    (finding,) = find_identifying_information("born 03/04/2016")
    assert finding.label == "A date that could be a date of birth"
