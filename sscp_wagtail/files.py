"""How a document is described next to its link: "PDF, 2.6 MB".

Readers on metered phone data need to know what they are about to download
(GOV.UK guidance on linking to attachments), so every document link says its
type and size.
"""

from __future__ import annotations

from django.template.defaultfilters import filesizeformat
from wagtail.documents.models import AbstractDocument


def document_description(document: AbstractDocument) -> str:
    """File type and size, e.g. ``"PDF, 2.6 MB"``; the size uses the stored value."""
    size = document.file_size if document.file_size is not None else document.get_file_size()
    parts = [document.file_extension.upper()] if document.file_extension else []
    if size:
        parts.append(filesizeformat(size))
    return ", ".join(parts)
