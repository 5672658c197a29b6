"""Running the identifying-information check over a page's own text."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import get_text_for_indexing

from ..models import ContactLine
from .identifying import Finding, find_identifying_information


def field_text(instance: models.Model, name: str) -> str:
    """The words a reader sees in one field: rich text without tags, every block's text."""
    field = instance._meta.get_field(name)
    value = getattr(instance, name)
    if not value:
        return ""
    if isinstance(field, StreamField):
        return "\n".join(str(text) for text in field.stream_block.get_searchable_content(value))
    if isinstance(field, RichTextField):
        return get_text_for_indexing(str(value))
    return str(value)


def partnership_phone_numbers() -> list[str]:
    """The numbers on the partnership's contact panels: naming them in a review is expected."""
    return list(ContactLine.objects.values_list("phone", flat=True).distinct())


def check_identifying_information(
    instance: models.Model, fields: Iterable[str], allowed_fields: Iterable[str] = ()
) -> list[Finding]:
    """Findings in ``fields`` of ``instance``.

    Names that appear in ``allowed_fields`` (a reviewer's name, say) and in the
    ``SSCP_IDENTIFYING_ALLOWED_NAMES`` setting are the partnership's to use.
    """
    text = "\n".join(field_text(instance, name) for name in fields)
    allowed = [field_text(instance, name) for name in allowed_fields]
    allowed += list(getattr(settings, "SSCP_IDENTIFYING_ALLOWED_NAMES", []))
    return find_identifying_information(text, allowed_names=allowed, known_phone_numbers=partnership_phone_numbers())
