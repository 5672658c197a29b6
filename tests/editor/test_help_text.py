"""Every field editors fill in on this site's page types says what it is for."""

import pytest
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Page

from home.models import HomePage, StandardPage
from reviews.models import BriefingPage, ReviewIndexPage, ReviewPage

PAGE_TYPES = [HomePage, StandardPage, ReviewIndexPage, ReviewPage, BriefingPage]
BASE_FIELDS = {field.name for field in Page._meta.get_fields()}


def field_panels(panel):
    if isinstance(panel, FieldPanel):
        yield panel
    if isinstance(panel, InlinePanel):
        yield from field_panels(panel.child_edit_handler)  # the related model's own panels
        return
    for child in getattr(panel, "children", []):
        yield from field_panels(child)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_field_of_the_page_type_has_help_text(model):
    missing = []
    for panel in field_panels(model.get_edit_handler()):
        if panel.field_name in BASE_FIELDS:
            continue  # Wagtail's own fields (title, slug, dates) carry Wagtail's help
        db_field = panel.model._meta.get_field(panel.field_name)
        if not (panel.help_text or db_field.help_text):
            missing.append(f"{panel.model.__name__}.{panel.field_name}")
    assert missing == []


def test_the_review_form_follows_the_editor_s_task():
    tabs = [tab.heading for tab in ReviewPage.get_edit_handler().children]
    assert tabs == ["Content", "Learning", "Recommendations", "Documents", "Promote", "Settings"]
