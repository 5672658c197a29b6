"""schema.org JSON-LD, safe to place inside a ``<script type="application/ld+json">``."""

from __future__ import annotations

import json
from typing import Any

from django.utils.safestring import SafeString, mark_safe

# As Django's json_script does: characters that could close the script element
# or open a comment are written as JSON escapes, which parse to the same text.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict[str, Any]) -> SafeString:
    return mark_safe(json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_ESCAPES))  # noqa: S308
