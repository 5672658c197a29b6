"""Drafts, unpublished changes, private pages, private documents and form
submissions never leave through the API, whatever the endpoint or filter."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from home.factories import DocumentFactory

from .conftest import items, titles

pytestmark = pytest.mark.django_db

PAGES = "/api/v2/pages/"


@pytest.fixture
def secret(index, make_review, themes):
    """A published review behind a login restriction, a draft, and a live review
    with an unpublished change, all on the safe-sleep theme."""
    public = make_review("Public review", learning=[("Sleep", [themes["safe-sleep"]])])
    private = make_review("Zebra private review", learning=[("Sleep", [themes["safe-sleep"]])])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    draft = make_review("Zebra draft review", publish=False, learning=[("Sleep", [themes["safe-sleep"]])])
    public.title = "Zebra unpublished title"
    public.save_revision()
    return {"public": public, "private": private, "draft": draft}


QUERIES = [
    {},
    {"type": "reviews.ReviewPage"},
    {"type": "reviews.ReviewPage", "fields": "*"},
    {"type": "reviews.ReviewPage", "theme": "safe-sleep"},
    {"type": "reviews.ReviewPage,home.StandardPage"},
    {"search": "zebra"},
    {"search": "review", "type": "reviews.ReviewPage"},
    {"order": "-title"},
    {"locale": "en-gb"},
]


@pytest.mark.parametrize("query", QUERIES)
def test_listings_hold_only_live_public_content(client, secret, index, query):
    for extra in ({}, {"child_of": index.pk}, {"descendant_of": index.pk}):
        found = titles(client.get(PAGES, {**query, **extra}))
        assert not any("Zebra" in title for title in found), (query, extra, found)


@pytest.mark.parametrize("query", QUERIES)
def test_listings_from_the_content_cache_hold_only_live_public_content(client, secret, index, query, fragment_cache):
    for extra in ({}, {"child_of": index.pk}, {"descendant_of": index.pk}, {"locale": "pl"}):
        for _ in range(2):  # filling the cache, then served from it
            found = titles(client.get(PAGES, {**query, **extra}))
            assert not any("Zebra" in title for title in found), (query, extra, found)
            if extra.get("locale") == "pl":
                assert found == [], (query, found)


@pytest.mark.parametrize("as_editor", [False, True])
def test_private_and_draft_pages_have_no_detail_or_find(client, secret, as_editor, django_user_model):
    if as_editor:
        # Signed in or not, the API answers the same: a cache may keep it.
        client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    for page in (secret["private"], secret["draft"]):
        assert client.get(f"{PAGES}{page.pk}/").status_code == 404
        assert client.get(f"{PAGES}find/", {"id": page.pk}).status_code == 404
        assert client.get(f"{PAGES}find/", {"html_path": page.url_path.removeprefix("/home")}).status_code == 404
        for parent_filter in ("child_of", "descendant_of", "ancestor_of"):
            response = client.get(PAGES, {parent_filter: page.pk})
            assert response.status_code == 400, (parent_filter, response.content)


def test_a_live_page_is_served_as_published_not_as_its_draft(client, secret):
    body = client.get(f"{PAGES}{secret['public'].pk}/").json()
    assert body["title"] == "Public review"


def test_private_and_draft_reviews_are_left_out_of_themes_and_related_reviews(client, secret):
    for theme in client.get("/api/v2/themes/").json()["items"]:
        assert [review["title"] for review in theme["reviews"]] in ([], ["Public review"])
    public = secret["public"]
    public.related_reviews.create(review=secret["private"])
    public.related_reviews.create(review=secret["draft"])
    public.save_revision().publish()
    assert client.get(f"{PAGES}{public.pk}/").json()["related_reviews"] == []


def test_documents_in_restricted_collections_never_appear(client, django_user_model):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Safeguarding unit only")
    inner = private.add_child(name="Case files")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Case workers"))
    public_document = DocumentFactory(title="Annual report")
    hidden = [DocumentFactory(title="Zebra case file", collection=c) for c in (private, inner)]
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "x"))
    for query in ({}, {"search": "zebra"}, {"title": "Zebra case file"}, {"order": "-title"}):
        found = [item["title"] for item in items(client.get("/api/v2/documents/", query))]
        assert "Zebra case file" not in found, query
    assert "Annual report" in [item["title"] for item in items(client.get("/api/v2/documents/"))]
    for document in hidden:
        assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404
    assert get_document_model().objects.filter(pk=public_document.pk).exists()


def test_form_submissions_have_no_endpoint(client):
    for url in ("/api/v2/form-submissions/", "/api/v2/submissions/"):
        assert client.get(url).status_code == 404
    # The form endpoint only takes submissions: nothing lists them back.
    assert client.get("/api/v2/forms/").status_code == 404


def test_a_learning_resource_on_a_draft_page_is_left_out(client, index, make_review, themes):
    from home.factories import StandardPageFactory
    from reviews.factories import learning_block

    draft = StandardPageFactory(parent=index.get_parent(), title="Zebra unpublished guidance", live=False)
    review = make_review("Public review")
    review.learning = [
        learning_block(
            "Sleep",
            themes["safe-sleep"],
            resources=[{"title": "", "page": draft.pk, "document": None, "external_url": ""}],
        )
    ]
    review.save_revision().publish()
    body = client.get(f"/api/v2/pages/{review.pk}/").json()
    assert body["learning"][0]["value"]["resources"] == []
    assert "Zebra" not in str(body)
