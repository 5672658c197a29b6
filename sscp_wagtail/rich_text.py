"""Rich text features and link rendering shared by every page type."""

from __future__ import annotations

from django.utils.html import format_html
from wagtail.documents.rich_text import DocumentLinkHandler

# Public-sector content: the page title is the h1, so editors start at h2;
# no raw HTML, no embeds, no colour or underline.
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class DescribedDocumentLinkHandler(DocumentLinkHandler):
    """Document links in rich text that carry the file's type and size.

    A link handler can only write the opening ``<a>`` tag, so the description
    travels in ``data-file`` and the stylesheet shows it after the link text;
    generated content is part of the link's accessible name in current
    browsers and screen readers. One query fetches every document in a field.
    """

    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list:
        from .api.links import cached_many  # one query per API response, not per field

        return cached_many("document", attrs_list, super().get_many)

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        from .files import document_description

        return [
            format_html('<a href="{}" data-file="{}">', doc.url, document_description(doc)) if doc else "<a>"
            for doc in cls.get_many(attrs_list)
        ]


__all__ = ["RICH_TEXT_FEATURES", "DescribedDocumentLinkHandler"]
