"""Each role opens the edit forms it needs, arranged by task, with help beside every field."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from home.models import HomePage, StandardPage
from reviews.models import BriefingPage, ReviewIndexPage, ReviewPage
from sscp_wagtail.learning.models import LearningTheme
from sscp_wagtail.models import ContactPanel
from sscp_wagtail.referrals.models import ReferralFormPage
from tests.conftest import page_at, soup
from tests.workflows.helpers import add_review_url, make_user, review_form

pytestmark = pytest.mark.django_db

PAGE_TYPES = [HomePage, StandardPage, ReviewIndexPage, ReviewPage, BriefingPage, ReferralFormPage]
SNIPPETS = [ContactPanel, LearningTheme]
ROLES = {"editor": "Editors", "moderator": "Moderators", "safeguarding": "Safeguarding Unit", "admin": None}
EDITORIAL = {"editor", "moderator", "admin"}


@pytest.fixture
def user(request, db):
    role = request.param
    group = ROLES[role]
    return role, make_user(role, group, is_superuser=group is None)


def tabs(response) -> list[str]:
    labels = []
    for tab in soup(response).select("[role=tab]"):
        for counter in tab.select("[class*=errors]"):
            counter.decompose()  # the count of fields with errors, empty here
        labels.append(tab.get_text(" ", strip=True))
    return labels


def edit_url_for(obj) -> str:
    if isinstance(obj, ContactPanel | LearningTheme):
        meta = obj._meta
        return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:edit", args=[obj.pk])
    return reverse("wagtailadmin_pages:edit", args=[obj.pk])


@pytest.mark.parametrize("user", list(ROLES), indirect=True)
def test_each_role_opens_the_edit_forms_it_should(demo, client, user):
    role, person = user
    client.force_login(person)
    for model in PAGE_TYPES + SNIPPETS:
        obj = model.objects.order_by("pk").first()
        response = client.get(edit_url_for(obj))
        if role not in EDITORIAL:
            # The Safeguarding Unit reads referrals; it edits no content.
            assert response.status_code == 302, model
            assert response["Location"] == reverse("wagtailadmin_home")
            continue
        assert response.status_code == 200, model
        document = soup(response)
        assert document.select_one("form[data-edit-form], form#w-editor-form, main form") is not None
        assert document.select(".w-field__help"), model  # help text is on the page
        if model in PAGE_TYPES:
            assert tabs(response)[0] == "Content", model
            assert "Promote" in tabs(response), model


def test_an_editor_opening_baby_m_sees_it_by_task_with_help_on_each_field(demo, client):
    client.force_login(make_user("editor", "Editors"))
    baby_m = page_at("/serious-case-reviews/baby-m/")
    response = client.get(reverse("wagtailadmin_pages:edit", args=[baby_m.pk]))
    assert response.status_code == 200
    # The Settings tab holds only scheduled publishing, which Wagtail shows in the status side
    # panel (for those who may publish), so no empty tab is shown.
    assert tabs(response) == ["Content", "Learning", "Recommendations", "Documents", "Promote"]
    document = soup(response)
    panels = {panel["id"]: panel for panel in document.select("[role=tabpanel]")}
    assert set(panels) >= {"tab-content", "tab-learning", "tab-recommendations", "tab-documents", "tab-promote"}
    content = panels["tab-content"].get_text(" ", strip=True)
    for help_text in [
        "Two or three plain sentences for lists, search results and other websites.",
        "The kind of review, shown as a label on the page",
        "When the review was published.",
    ]:
        assert help_text in content
    assert "Each recommendation as the review worded it" in panels["tab-recommendations"].get_text(" ", strip=True)
    assert "One block per piece of learning" in panels["tab-learning"].get_text(" ", strip=True)
    # Baby M's own content is in the form.
    assert baby_m.summary in content


def test_a_new_review_starts_dated_today_and_needs_a_type(demo, client):
    client.force_login(make_user("editor", "Editors"))
    index = page_at("/serious-case-reviews/")
    form = soup(client.get(add_review_url(index)))
    assert form.select_one("input[name=publication_date]")["value"] == dt.date.today().isoformat()
    # Sent for sign-off without a type: refused with the field marked, nothing created.
    response = client.post(
        add_review_url(index), {**review_form(title="Child Y", slug="child-y", review_type=""), "action-submit": "1"}
    )
    assert response.status_code == 200
    assert "review_type" in response.context["form"].errors
    assert not ReviewPage.objects.filter(slug="child-y").exists()
    # Wagtail lets a draft be saved unfinished, so no work is lost; it cannot go further without a type.
    response = client.post(add_review_url(index), review_form(title="Child Y", slug="child-y", review_type=""))
    assert response.status_code == 302
    assert ReviewPage.objects.get(slug="child-y").live is False
