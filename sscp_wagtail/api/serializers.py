"""How contact-panel values look in the API.

The model's ``api_fields`` say which fields are exposed; these fields say how
the values that are not plain columns are written. They import nothing from
the models so ``models.py`` can use them in ``api_fields``.
"""

from __future__ import annotations

import datetime as dt

from django.utils.encoding import force_str
from rest_framework.fields import Field

from sscp_wagtail.i18n.choices import ChoiceLabels
from sscp_wagtail.opening_hours import ENGLISH, status_sentence


class WeekdayNameField(Field):
    """Weekday names rather than 0 to 6: numbering conventions differ (ISO 8601 starts at 1)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value: int) -> str:
        return ENGLISH.weekdays[value]


class LocaleCodeField(Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value) -> str:
        return value.language_code


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


class ContactPanelStatusField(Field):
    """``{"at", "open", "current", "next_change", "sentence"}`` for the moment
    the view parsed from ``?at=`` (or now).

    ``open`` is whether any office (not out-of-hours) line is open; ``current``
    is the line to call at that moment, or null if none is answered; times are
    ISO 8601 with the Europe/London offset in force at that instant.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, panel) -> dict:
        return panel_status(panel, self.context["view"].status_at)


def panel_status(panel, at: dt.datetime) -> dict:
    """A contact panel's status at ``at``, as the API writes it everywhere."""
    from sscp_wagtail.contact_panels.schedule import load_rows, panel_data
    from sscp_wagtail.opening_hours import LONDON

    load_rows(panel)
    data = panel_data(panel, year=at.astimezone(LONDON).year)
    status = data.schedule.status(at)
    contact = data.contact_for(status.current)
    return {
        "at": status.at.isoformat(),
        "open": status.open,
        "current": (
            {"label": status.current.label, "phone": status.current.phone, "tel": contact.tel}
            if status.current is not None and contact is not None
            else None
        ),
        "next_change": _iso(status.next_change),
        "sentence": status_sentence(status),
    }


def _private_paths(context: dict) -> tuple[str, ...]:
    """Tree paths of every page with a view restriction, read once per response.

    The API is public whoever asks, so any restriction (password, login, groups)
    hides the page and everything under it, even from a signed-in editor.
    """
    if "_sscp_private_paths" not in context:
        from wagtail.models import PageViewRestriction

        context["_sscp_private_paths"] = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
    return context["_sscp_private_paths"]


def is_public_page(page, context: dict) -> bool:
    return page.live and not page.path.startswith(_private_paths(context) or ("\0",))


_MODEL_CHOICE_LABELS: dict[tuple[type, str], ChoiceLabels] = {}


class ChoiceLabelField(Field):
    """The human label of a choice field, e.g. "Serious Case Review" for
    ``serious_case_review``: front ends should not keep their own copy."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        self.choice_field = kwargs.pop("choice_field")
        super().__init__(**kwargs)

    def to_representation(self, instance) -> str:
        # As ``get_<field>_display()`` answers, with the labels translated once per language.
        key = (type(instance), self.choice_field)
        labels = _MODEL_CHOICE_LABELS.get(key)
        if labels is None:
            field = instance._meta.get_field(self.choice_field)
            labels = _MODEL_CHOICE_LABELS[key] = ChoiceLabels(field.flatchoices)
        value = getattr(instance, self.choice_field)
        return labels.get(value, force_str(value, strings_only=True))


class LiveThemesField(Field):
    """Learning themes as ``[{"id", "name", "slug"}]``, published ones only, by name."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, manager) -> list[dict]:
        themes = sorted((theme for theme in manager.all() if theme.live), key=lambda theme: theme.name)
        return [{"id": theme.pk, "name": theme.name, "slug": theme.slug} for theme in themes]


class RelatedReviewsField(Field):
    """Related reviews that are live and public, in the editor's order, as page links."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, manager) -> list[dict]:
        from .representations import page_link_data

        links = [link.review for link in manager.all() if link.review_id]
        return [page_link_data(page, self.context) for page in links if is_public_page(page, self.context)]


class ContactPanelField(Field):
    """A contact panel chosen on a page: see ``representations.contact_panel_data``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, panel) -> dict | None:
        from .representations import contact_panel_data

        return contact_panel_data(panel, self.context)


class TranslationsField(Field):
    """The page in every other language it is published in: ``[{"locale", "id", "title", "url"}]``."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        kwargs.setdefault("source", "*")
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[dict]:
        request = self.context.get("request")
        translations = page.get_translations().live().select_related("locale").order_by("locale__language_code")
        return [
            {
                "locale": translation.locale.language_code,
                "id": translation.pk,
                "title": translation.title,
                "url": translation.get_url(request=request),
            }
            for translation in translations
            if is_public_page(translation, self.context)
        ]


class ThemeReviewsField(Field):
    """A theme's live, public reviews, newest first, as page links with their type and date."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, manager) -> list[dict]:
        from .representations import page_link_data

        reviews = sorted(
            (page for page in manager.all() if is_public_page(page, self.context)),
            key=lambda page: (page.publication_date, page.pk),
            reverse=True,
        )
        return [
            {
                **page_link_data(page, self.context),
                "review_type": page.review_type,
                "publication_date": page.publication_date.isoformat(),
            }
            for page in reviews
        ]
