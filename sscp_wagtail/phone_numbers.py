"""UK phone numbers as editors type them and as phones dial them.

Standard library only, and deliberately small: the panel needs to refuse a
number that cannot be dialled from a UK phone and to turn a good one into an
E.164 ``tel:`` link, not to know every numbering plan in the world (that
would be the job of ``phonenumbers``, a large dependency for one field).

The rules follow Ofcom's national numbering plan closely enough to catch the
mistakes editors make: a digit dropped or doubled, a missing area code, a
foreign number, letters. Short service numbers (999, 111, 116 123, ...) are
accepted as they are, because E.164 has no form for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PhoneNumberError", "UKPhoneNumber", "parse_uk_phone_number"]

# Emergency and national service numbers that are dialled as they are.
SHORT_NUMBERS = frozenset({"999", "112", "111", "101", "105", "119"})
_HARMONISED_EUROPEAN = re.compile(r"116\d{3}")  # 116 000 missing children, 116 123 Samaritans
# Childline's number is shorter than the plan's usual 0800 length.
_SPECIAL_NATIONAL = frozenset({"08001111"})
_SEPARATORS = re.compile(r"[\s\-.()\u00a0\u2010-\u2015]")
_ALLOWED = re.compile(r"[+\d\s\-.()\u00a0\u2010-\u2015]+")
_EXAMPLE = "like 0161 217 6028 or +44 161 217 6028"


class PhoneNumberError(ValueError):
    """The message is written for editors and shown next to the field."""


@dataclass(frozen=True)
class UKPhoneNumber:
    display: str
    """As the editor wrote it, with runs of spaces collapsed."""
    national: str
    """Digits only, with the leading 0 (or the short number itself)."""
    tel: str
    """What goes after ``tel:``: E.164 (``+441612176028``) or a short number."""

    @property
    def is_short(self) -> bool:
        return not self.national.startswith("0")

    @property
    def relay_tel(self) -> str | None:
        """Relay UK: textphone users dial 18001 before the full national
        number. There is no relay form of a short number here (999 has its own
        text service), so None."""
        return None if self.is_short else f"18001{self.national}"


def _national_lengths(digits: str) -> set[int]:
    """Most UK numbers have 11 digits counting the 0. Ten-digit numbers exist
    only in 01 areas with four-figure codes (01xxx with five-digit local
    numbers, e.g. 01387 and 016977) and among 0800 and 0500 numbers. A city
    code such as 0161, 0113 or 020 always has 11."""
    if digits.startswith(("0800", "0500")):
        return {10, 11}
    if digits.startswith("01") and "1" not in digits[2:4]:
        return {10, 11}
    return {11}


def parse_uk_phone_number(value: str) -> UKPhoneNumber:
    """Returns the number or raises PhoneNumberError saying what to change."""
    display = " ".join(value.split())
    if not display:
        raise PhoneNumberError(f"Enter a phone number, {_EXAMPLE}.")
    if not _ALLOWED.fullmatch(display):
        raise PhoneNumberError(
            f"Use only digits and spaces in a phone number, {_EXAMPLE}. Write words such as "
            "'textphone' in the line's label instead."
        )
    # "+44 (0)161 ..." is a common way of writing a UK number for callers abroad.
    digits = _SEPARATORS.sub("", display.replace("(0)", ""))
    if digits.startswith("+44"):
        digits = "0" + digits[3:]
    elif digits.startswith("0044"):
        digits = "0" + digits[4:]
    elif digits.startswith("+"):
        raise PhoneNumberError(f"Enter a UK phone number, {_EXAMPLE}. Numbers in other countries are not supported.")
    if "+" in digits:
        raise PhoneNumberError(f"A + can only come at the start of a phone number, {_EXAMPLE}.")

    if digits in SHORT_NUMBERS or _HARMONISED_EUROPEAN.fullmatch(digits):
        return UKPhoneNumber(display=display, national=digits, tel=digits)
    if not digits.startswith("0"):
        raise PhoneNumberError(f"Start the number with 0 and its area code, {_EXAMPLE}.")
    if digits[1:2] in {"0", "4", "6"}:
        raise PhoneNumberError(f"UK numbers do not start {digits[:2]}: check the number, {_EXAMPLE}.")
    if digits not in _SPECIAL_NATIONAL:
        lengths = _national_lengths(digits)
        if len(digits) not in lengths:
            expected = " or ".join(str(n) for n in sorted(lengths))
            problem = "too short" if len(digits) < min(lengths) else "too long"
            raise PhoneNumberError(
                f"{display} is {problem}: a UK number starting {digits[:2]} has {expected} digits, "
                f"counting the first 0 ({len(digits)} entered)."
            )
    return UKPhoneNumber(display=display, national=digits, tel="+44" + digits[1:])
