"""JSON for the API, written once per representation.

A listing served from the content cache used to parse each review's cached
JSON text and encode it again with the rest of the response: 135 KB through
the decoder and the encoder for twenty reviews that had not changed. Here a
representation already written out travels as ``EncodedJSON`` and the
renderer puts its text straight into the response.

``encode`` writes exactly what the renderer would write for the same value
(DRF's encoder, compact separators, the same escaping), so a response built
from encoded parts is byte for byte the one built from the values, and its
``ETag`` is the same. A client that asks for indented JSON gets the parts
decoded and indented like everything else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from rest_framework.renderers import JSONRenderer

SHORT_SEPARATORS = (",", ":")


class EncodedJSON:
    """A value already written as JSON text by ``encode``.

    Deliberately not a ``str`` (nor a mapping or an iterable): any encoder other
    than ``SiteJSONRenderer`` fails on it instead of quoting it as a string.
    """

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def decode(self) -> Any:
        return json.loads(self.text)


def encode(value: Any) -> str:
    """``value`` as the API's compact JSON, before the renderer's final escaping."""
    renderer = SiteJSONRenderer
    return json.dumps(
        value,
        cls=renderer.encoder_class,
        ensure_ascii=renderer.ensure_ascii,
        allow_nan=not renderer.strict,
        separators=SHORT_SEPARATORS,
    )


def _has_encoded(data: Any) -> bool:
    if isinstance(data, EncodedJSON):
        return True
    if isinstance(data, Mapping):
        return any(isinstance(value, EncodedJSON) or _has_encoded_items(value) for value in data.values())
    return _has_encoded_items(data)


def _has_encoded_items(value: Any) -> bool:
    return isinstance(value, list) and any(isinstance(item, EncodedJSON) for item in value)


def _splice(value: Any) -> str:
    """JSON text of a response whose top level or top-level lists hold ``EncodedJSON``."""
    if isinstance(value, EncodedJSON):
        return value.text
    if isinstance(value, Mapping):
        return "{" + ",".join(f"{encode(str(key))}:{_splice(item)}" for key, item in value.items()) + "}"
    if _has_encoded_items(value):
        return "[" + ",".join(_splice(item) for item in value) + "]"
    return encode(value)


def _decoded(value: Any) -> Any:
    if isinstance(value, EncodedJSON):
        return value.decode()
    if isinstance(value, Mapping):
        return {key: _decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decoded(item) for item in value]
    return value


class SiteJSONRenderer(JSONRenderer):
    """DRF's JSON renderer, which also writes ``EncodedJSON`` parts as they are."""

    compact = True

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None or not _has_encoded(data):
            return super().render(data, accepted_media_type, renderer_context)
        if self.get_indent(accepted_media_type, renderer_context or {}) is not None:
            return super().render(_decoded(data), accepted_media_type, renderer_context)
        text = _splice(data)
        return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").encode()
