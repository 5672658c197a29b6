"""Contact panel rows: phone numbers, per-row rules, the adapter to the
engine, bank holidays and translation."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import TranslationSource

from home.demo.contact_panels import CHILD_ABUSE_OR_NEGLECT, SAFEGUARDING_UNIT, ensure_contact_panels
from sscp_wagtail.bank_holidays import bank_holidays_around, bank_holidays_in
from sscp_wagtail.contact_panels.schedule import load_rows, panel_data
from sscp_wagtail.contact_panels.validation import (
    LineRow,
    duplicate_closure_errors,
    hours_row_errors,
    line_errors,
    period_overlap_errors,
)
from sscp_wagtail.models import Closure, ContactLine, ContactPanel, OpeningPeriod, SpecialOpening
from sscp_wagtail.opening_hours import LONDON, Period, status_sentence
from sscp_wagtail.phone_numbers import PhoneNumberError, parse_uk_phone_number

T = dt.time


@pytest.mark.parametrize(
    ("typed", "display", "tel"),
    [
        ("0161 217 6028", "0161 217 6028", "+441612176028"),
        ("  0161  217 6028 ", "0161 217 6028", "+441612176028"),
        ("+44 161 217 6028", "+44 161 217 6028", "+441612176028"),
        ("+44 (0)161 217 6028", "+44 (0)161 217 6028", "+441612176028"),
        ("0044 161 217 6028", "0044 161 217 6028", "+441612176028"),
        ("0161-217-6028", "0161-217-6028", "+441612176028"),
        ("020 7946 0000", "020 7946 0000", "+442079460000"),
        ("07700 900123", "07700 900123", "+447700900123"),
        ("0808 800 5000", "0808 800 5000", "+448088005000"),
        ("0800 1111", "0800 1111", "+448001111"),  # Childline
        ("01387 12345", "01387 12345", "+44138712345"),  # a ten-digit 01 number
        ("999", "999", "999"),
        ("116 123", "116 123", "116123"),
    ],
)
def test_uk_numbers_become_tel_links(typed, display, tel):
    number = parse_uk_phone_number(typed)
    assert (number.display, number.tel) == (display, tel)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Enter a phone number"),
        ("0161 217 602", "0161 217 602 is too short"),
        ("0161 217 60288", "is too long"),
        ("020 7946 000", "is too short"),
        ("+33 1 23 45 67 89", "Numbers in other countries are not supported"),
        ("161 217 6028", "Start the number with 0 and its area code"),
        ("0461 217 6028", "UK numbers do not start 04"),
        ("0161 217 6028 ext 2", "Use only digits and spaces"),
        ("0161 + 217 6028", "A + can only come at the start"),
    ],
)
def test_numbers_that_cannot_be_dialled_are_refused_with_a_reason(typed, message):
    with pytest.raises(PhoneNumberError, match=re.escape(message)):
        parse_uk_phone_number(typed)


def test_text_relay_prefixes_the_national_number():
    assert parse_uk_phone_number("0161 217 6028").relay_tel == "18001016121760" + "28"
    assert parse_uk_phone_number("999").relay_tel is None


@pytest.mark.parametrize(
    ("opens", "closes", "overnight", "field"),
    [
        (T(8, 30), T(17), False, None),
        (T(17), T(0), False, None),  # to midnight
        (T(17), T(0), True, None),
        (T(22), T(2), True, None),
        (T(22), T(2), False, "closes"),
        (T(9), T(17), True, "overnight"),
        (T(9), T(9), False, "closes"),
        (T(9), T(9), True, "closes"),
        (None, T(9), False, None),  # the field's own error is enough
    ],
)
def test_hours_row_rules(opens, closes, overnight, field):
    errors = hours_row_errors(opens, closes, overnight)
    assert list(errors) == ([field] if field else [])


def test_overlap_is_reported_once_on_the_later_row():
    periods = [
        Period(0, T(8, 30), T(17)),
        None,  # a deleted or invalid row is skipped, not compared
        Period(0, T(16), T(18)),
        Period(1, T(8, 30), T(17)),
    ]
    assert list(period_overlap_errors(periods)) == [2]


def test_duplicate_closure_dates():
    day = dt.date(2026, 12, 24)
    assert list(duplicate_closure_errors([day, None, dt.date(2026, 12, 31), day])) == [3]


def test_line_rules():
    rows = [
        LineRow(always_open=False, out_of_hours=False, has_periods=True),
        LineRow(always_open=False, out_of_hours=True, has_periods=False),
        LineRow(always_open=False, out_of_hours=True, has_periods=False),
        LineRow(always_open=True, out_of_hours=False, has_periods=True),
        LineRow(always_open=False, out_of_hours=False, has_periods=False),
    ]
    assert {index: list(fields) for index, fields in line_errors(rows).items()} == {
        2: ["out_of_hours"],
        3: ["always_open"],
        4: [None],
    }


def test_model_validation_refuses_an_unticked_overnight_row():
    row = OpeningPeriod(weekday=0, opens=T(22), closes=T(2))
    with pytest.raises(ValidationError) as caught:
        row.clean()
    assert "tick “Runs past midnight”" in caught.value.message_dict["closes"][0]
    SpecialOpening(date=dt.date(2026, 12, 24), opens=T(22), closes=T(2), overnight=True).clean()


def test_bank_holidays_are_cached_per_year_and_cover_the_search_horizon():
    assert bank_holidays_in(2026) is bank_holidays_in(2026)
    around = bank_holidays_around(2026)
    assert around[dt.date(2026, 12, 28)] == "Boxing Day (observed)"
    assert dt.date(2025, 12, 26) in around  # the day before 1 January can be asked about
    assert dt.date(2028, 1, 3) in around  # 366 days on from late 2027... and from 31 December 2026
    with pytest.raises(TypeError):
        around[dt.date(2026, 1, 1)] = "No"  # read-only: shared between requests


@pytest.mark.django_db
def test_adapter_turns_rows_into_the_engine_schedule(django_assert_num_queries):
    panels = ensure_contact_panels()
    panel = ContactPanel.objects.get(pk=panels[CHILD_ABUSE_OR_NEGLECT].pk)
    # lines, their periods, closures, special openings: four queries however many lines
    with django_assert_num_queries(4):
        load_rows(panel)
        data = panel_data(panel, year=2026)
    office, out_of_hours = data.schedule.lines
    assert office.periods[-1] == Period(4, T(8, 30), T(16, 30))
    assert office.closed_on_bank_holidays and not out_of_hours.closed_on_bank_holidays
    assert out_of_hours.covers_gaps
    friday_1645 = dt.datetime(2026, 11, 13, 16, 45, tzinfo=LONDON)
    assert status_sentence(data.schedule.status(friday_1645)) == (
        "Closed now. Call 0161 718 2118 (evenings and weekends). The office opens again Monday at 8:30am."
    )
    unit = panel_data(panels[SAFEGUARDING_UNIT], year=2026)
    assert [line.phone for line in unit.schedule.lines] == ["0161 474 5657"]


@pytest.mark.django_db
def test_panel_closures_close_office_lines_not_the_out_of_hours_line():
    panel = ensure_contact_panels()[CHILD_ABUSE_OR_NEGLECT]
    Closure.objects.create(panel=panel, date=dt.date(2026, 12, 24), reason="Christmas Eve closure")
    panel = ContactPanel.objects.get(pk=panel.pk)
    data = panel_data(panel, year=2026)
    status = data.schedule.status(dt.datetime(2026, 12, 24, 10, tzinfo=LONDON))
    assert not status.open
    assert status.current.phone == "0161 718 2118"
    assert status.closed_reason == "Christmas Eve closure"


@pytest.mark.django_db
def test_demo_panels_are_idempotent_and_leave_edited_panels_alone():
    first = ensure_contact_panels()
    panel = first[CHILD_ABUSE_OR_NEGLECT]
    assert panel.live and panel.live_revision is not None
    panel.title = "Worried about a child?"
    panel.save_revision().publish()
    second = ensure_contact_panels()
    assert {name: p.pk for name, p in second.items()} == {name: p.pk for name, p in first.items()}
    assert ContactPanel.objects.get(pk=panel.pk).title == "Worried about a child?"
    assert ContactPanel.objects.count() == 2


def test_numbers_emails_and_dates_are_synchronised_not_translated():
    def kinds(model):
        return {field.field_name: type(field) for field in get_translatable_fields(model)}

    line = {f.field_name: f for f in get_translatable_fields(ContactLine)}
    assert isinstance(line["phone"], SynchronizedField) and not line["phone"].is_overridable(None)
    assert isinstance(line["email"], SynchronizedField) and not line["email"].is_overridable(None)
    assert kinds(ContactLine)["label"] is TranslatableField
    assert kinds(ContactLine)["periods"] is SynchronizedField
    assert kinds(Closure)["date"] is SynchronizedField
    assert kinds(Closure)["reason"] is TranslatableField
    panel = kinds(ContactPanel)
    assert panel["title"] is TranslatableField and panel["lines"] is TranslatableField
    assert panel["special_openings"] is SynchronizedField


LANGUAGES = [("en-gb", "English"), ("fr", "French")]


@pytest.mark.django_db
@override_settings(WAGTAIL_CONTENT_LANGUAGES=LANGUAGES, LANGUAGES=LANGUAGES)
def test_a_translated_panel_follows_the_source_numbers_and_hours():
    panel = ensure_contact_panels()[CHILD_ABUSE_OR_NEGLECT]
    french = Locale.objects.create(language_code="fr")
    source, _ = TranslationSource.get_or_create_from_instance(panel)
    source.create_or_update_translation(french, fallback=True)
    translated = panel.get_translation(french)
    assert [(line.phone, line.locale) for line in translated.lines.all()] == [
        ("0161 217 6028", french),
        ("0161 718 2118", french),
    ]
    assert translated.lines.all()[0].periods.count() == 5

    # The office number changes in English: the French panel follows on sync.
    office = panel.lines.get(label="Office hours")
    office.phone = "0161 217 6000"
    office.save()
    source.update_from_db()
    source.create_or_update_translation(french, fallback=True)
    assert translated.lines.get(translation_key=office.translation_key).phone == "0161 217 6000"
