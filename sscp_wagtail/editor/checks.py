"""Running the editor checks over a page's own fields."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import models
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText, get_text_for_indexing

from ..blocks import HeadingBlock, ImageBlock
from ..learning.blocks import LearningThemeBlock
from ..models import ContactLine
from .content import (
    ContentWarning,
    alt_text_warnings,
    heading_warnings,
    link_warnings,
    paragraph_warnings,
    read_rich_text,
    summary_warnings,
)
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


def _walk(block, value, block_heading_level: int = 2) -> Iterator[tuple[str, object]]:
    """("html", source) and ("heading", (level, text)) for a block value, in reading order.

    A learning block's own heading is shown at ``block_heading_level``: h2 on
    its own, h3 inside a review's "What did we learn?" section.
    """
    if value is None:
        return
    if isinstance(block, HeadingBlock):
        level = str(value.get("level") or "h2")
        yield "heading", (int(level[1]) if level[1:].isdigit() else 2, value.get("text") or "")
    elif isinstance(block, ImageBlock):
        yield "alt", value.get("alt_text") or ""
    elif isinstance(block, LearningThemeBlock):
        yield "heading", (block_heading_level, value.get("heading") or "")
        yield "html", value["learning"].source if value.get("learning") else ""
    elif isinstance(value, RichText):
        yield "html", value.source
    elif isinstance(value, StreamValue):
        for child in value:
            yield from _walk(child.block, child.value, block_heading_level)
    elif isinstance(value, StructValue):
        for name, child_value in value.items():
            yield from _walk(block.child_blocks[name], child_value, block_heading_level)
    elif isinstance(value, ListValue):
        for child_value in value:
            yield from _walk(block.child_block, child_value, block_heading_level)


def field_content(
    instance: models.Model, name: str, block_heading_level: int = 2
) -> tuple[list[str], list[tuple[int, str]]]:
    """The rich-text HTML pieces of one field and its headings, in the order the page shows them."""
    pieces: list[str] = []
    headings: list[tuple[int, str]] = []
    field = instance._meta.get_field(name)
    value = getattr(instance, name)
    if isinstance(field, StreamField):
        parts = list(_walk(field.stream_block, value, block_heading_level))
    elif isinstance(field, RichTextField):
        parts = [("html", str(value or ""))]
    else:
        parts = []
    for kind, part in parts:
        if kind == "html":
            pieces.append(part)
            headings.extend(read_rich_text(part).headings)
        elif kind == "heading":
            headings.append(part)
    return pieces, headings


def alt_texts(instance: models.Model, fields: Iterable[str]) -> list[str]:
    """The alternative text of every image block in ``fields``."""
    texts: list[str] = []
    for name in fields:
        field = instance._meta.get_field(name)
        if isinstance(field, StreamField):
            texts += [part for kind, part in _walk(field.stream_block, getattr(instance, name)) if kind == "alt"]
    return texts


def page_content(instance: models.Model, fields: Iterable[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """The rich-text HTML pieces of ``fields`` and every heading, in the order the page shows them."""
    pieces: list[str] = []
    headings: list[tuple[int, str]] = []
    for name in fields:
        field_pieces, field_headings = field_content(instance, name)
        pieces += field_pieces
        headings += field_headings
    return pieces, headings


def check_content(
    instance: models.Model,
    fields: Iterable[str],
    summary_field: str | None = None,
    sectioned: bool = False,
) -> list[ContentWarning]:
    """Link text, document links, heading levels, paragraph length and summary length.

    ``sectioned``: the template shows each field under its own h2 (as a review
    does), so editors' headings there start at h3 and blocks' own headings
    (a learning block's) are h3.
    """
    if sectioned:
        pieces, heading_warning_list = [], []
        for name in fields:
            field_pieces, field_headings = field_content(instance, name, block_heading_level=3)
            pieces += field_pieces
            heading_warning_list += heading_warnings(field_headings, start=2)
    else:
        pieces, headings = page_content(instance, fields)
        heading_warning_list = heading_warnings(headings)
    warnings: list[ContentWarning] = []
    for html in pieces:
        warnings += link_warnings(html)
    warnings += heading_warning_list
    for html in pieces:
        warnings += paragraph_warnings(html)
    for text in alt_texts(instance, fields):
        warnings += alt_text_warnings(text)
    if summary_field:
        warnings += summary_warnings(getattr(instance, summary_field) or "")
    return warnings
