"""Choice labels are translated once per language, and always in the reader's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from reviews.blocks import RecommendationBlock, ReviewDocumentBlock, ReviewDocumentsStreamBlock
from reviews.models import ReviewPage, ReviewType
from sscp_wagtail.api.serializers import ChoiceLabelField


@pytest.mark.parametrize(
    ("language", "status", "kind"),
    [("en", "In progress", "Full report"), ("pl", "W toku", "Pełny raport"), ("en", "In progress", "Full report")],
)
def test_block_labels_follow_the_active_language(language, status, kind):
    block = RecommendationBlock()
    with translation.override(language):
        value = block.to_python({"text": "Share information.", "status": "in_progress"})
        assert value.status_label() == status
        assert RecommendationBlock.STATUS_LABELS.get("unknown") == ""
        assert ReviewDocumentBlock.KIND_LABELS.get("full_report") == kind


@pytest.mark.parametrize("language", ["en", "pl", "ur"])
def test_the_api_review_type_label_is_django_s_display_value(language, db):
    field = ChoiceLabelField(choice_field="review_type")
    with translation.override(language):
        for value in [*ReviewType.values, "not-a-type"]:
            review = ReviewPage(review_type=value)
            assert field.to_representation(review) == review.get_review_type_display()


def test_stored_choices_come_back_as_their_keys():
    stream = ReviewDocumentsStreamBlock()
    kind = stream.child_blocks["document"].child_blocks["kind"]
    assert [kind.to_python(text) for text in ("briefing", "other", "", None, "gone")] == [
        "briefing",
        "other",
        "",
        None,
        "gone",
    ]
