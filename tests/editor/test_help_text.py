"""Every field editors fill in, on this site's page types and snippets, says what it is for."""

import pytest
from wagtail.admin.panels import FieldPanel, InlinePanel, get_edit_handler
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from home.models import HomePage, StandardPage
from reviews.models import BriefingPage, ReviewIndexPage, ReviewPage
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.models import ContactPanel
from sscp_wagtail.referrals.models import ReferralFormPage

PAGE_TYPES = [HomePage, StandardPage, ReviewIndexPage, ReviewPage, BriefingPage, ReferralFormPage]
SNIPPETS = [ContactPanel, LearningTheme]
BASE_FIELDS = {field.name for field in Page._meta.get_fields()}


def field_panels(panel):
    if isinstance(panel, FieldPanel):
        yield panel
    if isinstance(panel, InlinePanel):
        yield from field_panels(panel.child_edit_handler)  # the related model's own panels
        return
    for child in getattr(panel, "children", []):
        yield from field_panels(child)


def edit_handler(model):
    return model.get_edit_handler() if issubclass(model, Page) else get_edit_handler(model)


def test_every_snippet_is_checked():
    assert set(get_snippet_models()) == set(SNIPPETS)


@pytest.mark.parametrize("model", PAGE_TYPES + SNIPPETS, ids=lambda model: model.__name__)
def test_every_field_has_help_text(model):
    missing = []
    for panel in field_panels(edit_handler(model)):
        if panel.field_name in BASE_FIELDS:
            continue  # Wagtail's own fields (title, slug, dates) carry Wagtail's help
        db_field = panel.model._meta.get_field(panel.field_name)
        if not (panel.help_text or db_field.help_text):
            missing.append(f"{panel.model.__name__}.{panel.field_name}")
    assert missing == []


def test_the_review_form_follows_the_editor_s_task():
    tabs = [tab.heading for tab in ReviewPage.get_edit_handler().children]
    assert tabs == ["Content", "Learning", "Recommendations", "Documents", "Promote", "Settings"]


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        (ContactPanel, ["Panel", "Phone lines", "Closures and special hours"]),
        (LearningTheme, ["Content", "Promote"]),
        (ReferralFormPage, ["Content", "Promote", "Settings"]),
        (StandardPage, ["Content", "Promote", "Settings"]),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_snippets_and_pages_are_in_task_tabs(model, expected):
    assert [tab.heading for tab in edit_handler(model).children] == expected
