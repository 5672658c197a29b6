"""Field types, length limits and the checks every referral value passes.

Pure Python and Django validators only, so the same rules apply to the HTML
form and the JSON endpoint (both build their form from ``forms.py``).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

ATTACHMENT = "attachment"

# Every text value is limited; an editor cannot make a field unbounded.
MAX_LENGTHS = {
    "singleline": 255,
    "multiline": 5000,
    "email": 254,
    "url": 500,
}


def max_length_for(field_type: str) -> int | None:
    return MAX_LENGTHS.get(field_type)


# C0 and C1 control characters, DEL and the Unicode line/paragraph separators.
# Multi-line text may keep tabs and line breaks; nothing else may.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029"
SINGLE_LINE_FORBIDDEN = re.compile(f"[{_CONTROL}\t\n\r]")
MULTI_LINE_FORBIDDEN = re.compile(f"[{_CONTROL}]")


def reject_control_characters(value: str) -> None:
    if isinstance(value, str) and SINGLE_LINE_FORBIDDEN.search(value):
        raise ValidationError(
            _("Remove the line breaks or hidden control characters from this answer."), code="control_characters"
        )


def reject_control_characters_multiline(value: str) -> None:
    if isinstance(value, str) and MULTI_LINE_FORBIDDEN.search(value):
        raise ValidationError(_("Remove the hidden control characters from this answer."), code="control_characters")


# --- Attachments -------------------------------------------------------------

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
CONTENT_TYPES = {"pdf": PDF, "docx": DOCX, "odt": ODT}
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class CheckedFile:
    extension: str
    content_type: str


def sniff(upload) -> str | None:
    """The file's real type from its content ("pdf", "docx", "odt"), or None.

    A DOCX and an ODT are both ZIP files: they are told apart by the entries
    the formats require, read from the ZIP directory only (nothing is
    decompressed except ODT's small ``mimetype`` entry).
    """
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and "content.xml" in names:
                info = archive.getinfo("mimetype")
                if info.file_size <= 100 and archive.read(info).strip() == ODT.encode():
                    return "odt"
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, RuntimeError):
        return None
    finally:
        upload.seek(0)
    return None


def check_attachment(upload) -> CheckedFile:
    """Refuse anything but a PDF, DOCX or ODT whose content matches its name, within the size limit."""
    limit = settings.SSCP_REFERRAL_MAX_ATTACHMENT_SIZE
    if upload.size > limit:
        raise ValidationError(
            _("The file must be smaller than %(limit)s.") % {"limit": filesizeformat(limit)}, code="file_too_large"
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="file_empty")
    extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    if extension not in CONTENT_TYPES:
        raise ValidationError(_("The file must be a PDF, DOCX or ODT document."), code="file_type")
    if sniff(upload) != extension:
        raise ValidationError(
            _("The file is not a real %(type)s document. Attach a PDF, DOCX or ODT file.")
            % {"type": extension.upper()},
            code="file_content",
        )
    return CheckedFile(extension, CONTENT_TYPES[extension])
