"""The contact panel's admin form: puts every problem next to its row.

Per-row rules (a close before an open, a zero-length period, an impossible
time) are model validation and run on each row by itself. Rules that compare
rows (overlapping periods, duplicate closures, a special opening on a closed
day, two lines both covering "whenever the others are closed") need the whole
panel, so they run here, after every nested form has been cleaned, and add
their errors to the row that has to change.
"""

from __future__ import annotations

from collections.abc import Iterator

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from sscp_wagtail.opening_hours import Period, Schedule, SpecialOpening, validate_schedule

from .schedule import build_schedule_line
from .validation import (
    LineRow,
    closed_special_opening_errors,
    duplicate_closure_errors,
    hours_row_errors,
    line_errors,
    period_overlap_errors,
    special_opening_overlap_errors,
)


def _kept_forms(formset) -> Iterator[forms.Form]:
    """Rows that will be saved: not deleted, and not a blank row added and left empty."""
    for form in formset.forms:
        if formset.can_delete and formset._should_delete_form(form):
            continue
        if form.instance.pk is None and not form.has_changed():
            continue
        yield form


def _clean_hours(form) -> bool:
    data = getattr(form, "cleaned_data", {})
    if "opens" in form.errors or "closes" in form.errors or "overnight" in form.errors:
        return False
    return data.get("opens") is not None and not hours_row_errors(
        data.get("opens"), data.get("closes"), bool(data.get("overnight"))
    )


class ContactPanelForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if not hasattr(self, "formsets"):
            return cleaned_data
        # Clean every row, nested ones included, before comparing them.
        rows_valid = all([formset.is_valid() for formset in self.formsets.values()])  # noqa: C419 - clean them all
        found = self._check_lines()
        found |= self._check_closures_and_special_openings()
        if rows_valid and not found:
            self._check_with_engine()
        return cleaned_data

    def _check_lines(self) -> bool:
        found = False
        line_forms = list(_kept_forms(self.formsets["lines"]))
        rows: list[LineRow | None] = []
        for line_form in line_forms:
            period_forms = list(_kept_forms(line_form.formsets["periods"]))
            periods: list[Period | None] = []
            for form in period_forms:
                data = form.cleaned_data
                valid = _clean_hours(form) and data.get("weekday") is not None
                periods.append(Period(int(data["weekday"]), data["opens"], data["closes"]) if valid else None)
            for index, message in period_overlap_errors(periods).items():
                period_forms[index].add_error("opens", message)
                found = True
            data = getattr(line_form, "cleaned_data", {})
            rows.append(
                LineRow(
                    always_open=bool(data.get("always_open")),
                    out_of_hours=bool(data.get("out_of_hours")),
                    has_periods=bool(period_forms),
                )
            )
        for index, errors in line_errors(rows).items():
            for field, message in errors.items():
                line_forms[index].add_error(field, message)
                found = True
        return found

    def _check_closures_and_special_openings(self) -> bool:
        found = False
        closure_forms = list(_kept_forms(self.formsets["closures"]))
        closure_dates = [form.cleaned_data.get("date") for form in closure_forms]
        for index, message in duplicate_closure_errors(closure_dates).items():
            closure_forms[index].add_error("date", message)
            found = True

        special_forms = list(_kept_forms(self.formsets["special_openings"]))
        specials: list[SpecialOpening | None] = []
        for form in special_forms:
            data = form.cleaned_data
            valid = _clean_hours(form) and data.get("date") is not None
            specials.append(SpecialOpening(data["date"], data["opens"], data["closes"]) if valid else None)
        special_dates = [form.cleaned_data.get("date") for form in special_forms]
        for index, message in closed_special_opening_errors(closure_dates, special_dates).items():
            special_forms[index].add_error("date", message)
            found = True
        for index, message in special_opening_overlap_errors(specials).items():
            if special_forms[index].errors.get("date"):
                continue
            special_forms[index].add_error("opens", message)
            found = True
        return found

    def _check_with_engine(self) -> None:
        """A last check with the engine's own rules, so nothing the engine
        would warn about can be published even if no row-level rule caught it."""
        from sscp_wagtail.opening_hours import Closure

        closures = tuple(
            Closure(form.cleaned_data["date"], form.cleaned_data.get("reason", ""))
            for form in _kept_forms(self.formsets["closures"])
        )
        specials = tuple(
            SpecialOpening(form.cleaned_data["date"], form.cleaned_data["opens"], form.cleaned_data["closes"])
            for form in _kept_forms(self.formsets["special_openings"])
        )
        lines = []
        for line_form in _kept_forms(self.formsets["lines"]):
            data = line_form.cleaned_data
            periods = [
                Period(int(form.cleaned_data["weekday"]), form.cleaned_data["opens"], form.cleaned_data["closes"])
                for form in _kept_forms(line_form.formsets["periods"])
            ]
            lines.append(
                build_schedule_line(
                    label=data.get("label", ""),
                    phone=data.get("phone", ""),
                    periods=periods,
                    closed_on_bank_holidays=bool(data.get("closed_on_bank_holidays")),
                    always_open=bool(data.get("always_open")),
                    out_of_hours=bool(data.get("out_of_hours")),
                    closures=closures,
                    special_openings=specials,
                )
            )
        for message in validate_schedule(Schedule(lines=tuple(lines), bank_holidays={})):
            self.add_error(None, message)
