"""How a document is described next to its link: "PDF, 2.6 MB".

Readers on metered phone data need to know what they are about to download
(GOV.UK guidance on linking to attachments), so every document link says its
type and size.
"""

from __future__ import annotations

from django.template.defaultfilters import filesizeformat
from wagtail.documents.models import AbstractDocument


def document_size(document: AbstractDocument) -> int | None:
    """The stored size, or the file's own when none was stored (a document
    created in code rather than uploaded). Never saved from here: Wagtail's
    ``get_file_size()`` would write to the database while a reader's page renders."""
    if document.file_size is not None:
        return document.file_size
    try:
        return document.file.size
    except (OSError, ValueError):
        return None


def document_description(document: AbstractDocument) -> str:
    """File type and size, e.g. ``"PDF, 2.6 MB"``."""
    size = document_size(document)
    parts = [document.file_extension.upper()] if document.file_extension else []
    if size:
        parts.append(filesizeformat(size))
    return ", ".join(parts)
