"""Editors create and check contact panels through the snippet admin.

Every rule an editor can break gets a message on the row that has to change,
saying what to do; nothing is saved while any remains.
"""

from __future__ import annotations

import datetime as dt

from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.demo.contact_panels import CHILD_ABUSE_OR_NEGLECT, ensure_contact_panels
from sscp_wagtail.models import ContactLine, ContactPanel

ADD_URL = "wagtailsnippets_sscp_wagtail_contactpanel:add"
EDIT_URL = "wagtailsnippets_sscp_wagtail_contactpanel:edit"
STATUS_URL = "wagtailsnippets_sscp_wagtail_contactpanel:status"
PREVIEW_URL = "wagtailsnippets_sscp_wagtail_contactpanel:preview_on_add"


def period(weekday: int, opens: str, closes: str, overnight: bool = False) -> dict:
    data = {"weekday": str(weekday), "opens": opens, "closes": closes}
    if overnight:
        data["overnight"] = "on"
    return data


def line(label: str, phone: str, periods=(), *, bank_holidays=True, always_open=False, out_of_hours=False, **extra):
    data = {"label": label, "phone": phone, "email": "", "periods": inline_formset(list(periods)), **extra}
    for field, ticked in [
        ("closed_on_bank_holidays", bank_holidays),
        ("always_open", always_open),
        ("out_of_hours", out_of_hours),
    ]:
        if ticked:
            data[field] = "on"
    return data


OFFICE = [period(day, "08:30", "17:00") for day in range(4)] + [period(4, "08:30", "16:30")]


def panel_form(lines=None, closures=(), specials=(), **fields) -> dict:
    return nested_form_data(
        {
            "title": "Child abuse or neglect",
            "lead": "Do not ignore it",
            "lines": inline_formset(
                lines
                if lines is not None
                else [
                    line("Office hours", "0161 217 6028", OFFICE),
                    line("Evenings and weekends", "0161 718 2118", bank_holidays=False, out_of_hours=True),
                ],
                min=1,
            ),
            "closures": inline_formset(list(closures)),
            "special_openings": inline_formset(list(specials)),
            **fields,
        }
    )


class ContactPanelAdminTests(WagtailTestUtils, TestCase):
    def setUp(self):
        self.user = self.login()

    def post_new(self, data, publish=True):
        if publish:
            data = {**data, "action-publish": "action-publish"}
        return self.client.post(reverse(ADD_URL), data)

    def assertRowError(self, response, message_part):
        self.assertEqual(response.status_code, 200, "the form is shown again, not saved")
        self.assertContains(response, message_part)
        self.assertEqual(ContactPanel.objects.count(), 0, "nothing is saved")

    def test_editor_creates_and_publishes_a_panel(self):
        response = self.post_new(panel_form(closures=[{"date": "2026-12-24", "reason": "Christmas Eve closure"}]))
        panel = ContactPanel.objects.get()
        self.assertRedirects(response, reverse("wagtailsnippets_sscp_wagtail_contactpanel:list") + "?locale=en-gb")
        self.assertTrue(panel.live)
        self.assertIsNotNone(panel.live_revision)
        self.assertEqual(panel.locale, Locale.get_default())
        office, out_of_hours = panel.lines.all()
        self.assertEqual(office.phone, "0161 217 6028")
        self.assertEqual(office.tel, "+441612176028")
        self.assertEqual(
            [(p.weekday, p.opens, p.closes) for p in office.periods.all()][-1], (4, dt.time(8, 30), dt.time(16, 30))
        )
        self.assertTrue(out_of_hours.out_of_hours)
        self.assertEqual(panel.closures.get().reason, "Christmas Eve closure")

    def test_save_draft_keeps_the_panel_off_the_site(self):
        self.post_new(panel_form(), publish=False)
        panel = ContactPanel.objects.get()
        self.assertFalse(panel.live)

    def test_overnight_hours_need_the_runs_past_midnight_box(self):
        night = [line("Night team", "0161 000 0001", [period(0, "22:00", "02:00")])]
        response = self.post_new(panel_form(lines=night))
        self.assertRowError(response, "It closes at 2am, before it opens at 10pm.")
        self.assertContains(response, "tick “Runs past midnight”")

        night = [line("Night team", "0161 000 0001", [period(0, "22:00", "02:00", overnight=True)])]
        self.post_new(panel_form(lines=night))
        self.assertTrue(ContactPanel.objects.get().lines.get().periods.get().overnight)

    def test_box_ticked_for_hours_that_end_the_same_day(self):
        response = self.post_new(
            panel_form(lines=[line("Office", "0161 217 6028", [period(0, "09:00", "17:00", True)])])
        )
        self.assertRowError(response, "does not run past midnight: untick “Runs past midnight”")

    def test_closing_at_midnight_needs_no_box(self):
        self.post_new(panel_form(lines=[line("Evening", "0161 217 6028", [period(0, "17:00", "00:00")])]))
        self.assertEqual(ContactPanel.objects.count(), 1)

    def test_zero_length_period(self):
        response = self.post_new(panel_form(lines=[line("Office", "0161 217 6028", [period(0, "09:00", "09:00")])]))
        self.assertRowError(response, "It opens and closes at the same time (9am).")

    def test_impossible_time(self):
        response = self.post_new(panel_form(lines=[line("Office", "0161 217 6028", [period(0, "09:00", "25:00")])]))
        self.assertRowError(response, "Enter a time on the 24-hour clock between 00:00 and 23:59")

    def test_overlapping_periods_name_the_other_row(self):
        periods = [period(0, "08:30", "17:00"), period(0, "16:00", "18:00")]
        response = self.post_new(panel_form(lines=[line("Office", "0161 217 6028", periods)]))
        self.assertRowError(response, "These hours overlap Monday 8:30am to 5pm in another row.")

    def test_overnight_period_overlapping_the_next_morning(self):
        periods = [period(6, "22:00", "09:00", overnight=True), period(0, "08:30", "17:00")]
        response = self.post_new(panel_form(lines=[line("Office", "0161 217 6028", periods)]))
        self.assertRowError(response, "These hours overlap Sunday 10pm to 9am in another row.")

    def test_duplicate_closures(self):
        closures = [{"date": "2026-12-24", "reason": ""}, {"date": "2026-12-24", "reason": "Christmas"}]
        response = self.post_new(panel_form(closures=closures))
        self.assertRowError(response, "Thursday 24 December 2026 is already in the list of closures.")

    def test_special_opening_on_a_closed_day(self):
        closures = [{"date": "2026-12-24", "reason": ""}]
        specials = [{"date": "2026-12-24", "opens": "10:00", "closes": "12:00"}]
        response = self.post_new(panel_form(closures=closures, specials=specials))
        self.assertRowError(response, "The office is closed on Thursday 24 December 2026 (see closures)")

    def test_phone_number_must_be_a_uk_number(self):
        response = self.post_new(panel_form(lines=[line("Office", "0161 217 602", OFFICE)]))
        self.assertRowError(response, "0161 217 602 is too short")
        response = self.post_new(panel_form(lines=[line("Office", "+33 1 23 45 67 89", OFFICE)]))
        self.assertRowError(response, "Numbers in other countries are not supported.")

    def test_line_with_no_hours_at_all(self):
        response = self.post_new(panel_form(lines=[line("Office", "0161 217 6028")]))
        self.assertRowError(response, "This line has no opening times, so it would never be shown as open.")

    def test_only_one_line_can_cover_the_gaps(self):
        lines = [
            line("Office", "0161 217 6028", OFFICE),
            line("Evenings", "0161 718 2118", out_of_hours=True),
            line("Also evenings", "0161 718 2119", out_of_hours=True),
        ]
        response = self.post_new(panel_form(lines=lines))
        self.assertRowError(response, "Line 2 already answers whenever the other lines are closed.")

    def test_always_open_line_with_hours(self):
        lines = [line("Helpline", "0808 800 5000", OFFICE, always_open=True)]
        response = self.post_new(panel_form(lines=lines))
        self.assertRowError(response, "A line that is open 24 hours does not need opening times")

    def test_deleted_rows_are_not_checked(self):
        periods = [period(0, "08:30", "17:00"), {**period(0, "16:00", "18:00"), "DELETE": "1"}]
        self.post_new(panel_form(lines=[line("Office", "0161 217 6028", periods)]))
        self.assertEqual(ContactPanel.objects.get().lines.get().periods.count(), 1)

    def test_preview_renders_the_draft_with_its_status(self):
        response = self.client.post(reverse(PREVIEW_URL), panel_form())
        self.assertEqual(response.json(), {"is_valid": True, "is_available": True})
        response = self.client.get(reverse(PREVIEW_URL))
        self.assertContains(response, '<a href="tel:+441612176028">0161 217 6028</a>', html=True)
        self.assertContains(response, "Monday to Thursday, 8:30am to 5pm")


class StatusCheckViewTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.panel = ensure_contact_panels()[CHILD_ABUSE_OR_NEGLECT]

    def setUp(self):
        self.login()

    def status(self, **params):
        return self.client.get(reverse(STATUS_URL, args=[self.panel.pk]), params)

    def test_edit_view_links_to_the_status_check(self):
        response = self.client.get(reverse(EDIT_URL, args=[self.panel.pk]))
        self.assertContains(response, reverse(STATUS_URL, args=[self.panel.pk]))
        response = self.client.get(reverse("wagtailsnippets_sscp_wagtail_contactpanel:list"), {"q": "neglect"})
        self.assertContains(response, "Child abuse or neglect")
        self.assertNotContains(response, "Queries about past serious case reviews")

    def test_status_at_a_chosen_uk_time(self):
        response = self.status(at="2026-11-13T16:45")
        self.assertContains(response, "At 4:45pm on Friday 13 November 2026 (GMT)")
        self.assertContains(
            response,
            "Closed now. Call 0161 718 2118 (evenings and weekends). The office opens again Monday at 8:30am.",
        )
        self.assertContains(response, "Evenings and weekends: 0161 718 2118")

    def test_summer_time_is_read_as_uk_time(self):
        response = self.status(at="2026-07-17T16:29")
        self.assertContains(response, "(BST)")
        self.assertContains(response, "Open now until 4:30pm: call 0161 217 6028")

    def test_draft_and_published_versions_side_by_side(self):
        draft = self.panel.get_latest_revision_as_object()
        lines = list(draft.lines.all())
        lines[0].phone = "0161 217 6000"
        draft.lines = lines
        draft.save_revision()
        response = self.status(at="2026-11-16T10:00")
        self.assertContains(response, "Published version (what the public sees)")
        self.assertContains(response, "Open now until 5pm: call 0161 217 6028")
        self.assertContains(response, "Latest draft")
        self.assertContains(response, "Open now until 5pm: call 0161 217 6000")
        # Saving a draft changed nothing the public sees.
        self.assertEqual(ContactLine.objects.get(panel=self.panel, label="Office hours").phone, "0161 217 6028")

    def test_a_bad_time_is_a_form_error_not_a_crash(self):
        for value in ["tomorrow", "2026-13-01T10:00", "3000-01-01T10:00"]:
            response = self.status(at=value)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "error")

    def test_needs_admin_access(self):
        self.client.logout()
        response = self.status()
        self.assertEqual(response.status_code, 302)


class ContactPanelAdminPagesTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.panel = ensure_contact_panels()[CHILD_ABUSE_OR_NEGLECT]

    def setUp(self):
        self.login()

    def test_listing_offers_the_status_check(self):
        response = self.client.get(reverse("wagtailsnippets_sscp_wagtail_contactpanel:list"))
        self.assertContains(response, "Child abuse or neglect")
        self.assertContains(response, reverse(STATUS_URL, args=[self.panel.pk]))
        response = self.client.get(reverse("wagtailsnippets_sscp_wagtail_contactpanel:list"), {"q": "neglect"})
        self.assertContains(response, "Child abuse or neglect")
        self.assertNotContains(response, "Queries about past serious case reviews")

    def test_history_and_copy_views_work(self):
        for name in ("history", "copy", "usage"):
            response = self.client.get(
                reverse(f"wagtailsnippets_sscp_wagtail_contactpanel:{name}", args=[self.panel.pk])
            )
            self.assertEqual(response.status_code, 200, name)

    def test_changes_can_go_through_moderation(self):
        # The "Safeguarding sign-off" workflow (sscp_wagtail/workflows/) covers panels from the first migrate.
        self.assertEqual(ContactPanel.get_default_workflow().name, "Safeguarding sign-off")
        data = panel_form(title="Submitted panel")
        data["action-submit"] = "action-submit"
        response = self.client.post(reverse(ADD_URL), data)
        self.assertEqual(response.status_code, 302)
        submitted = ContactPanel.objects.get(title="Submitted panel")
        self.assertFalse(submitted.live, "nothing goes public before it is approved")
        self.assertEqual(submitted.current_workflow_state.status, "in_progress")
