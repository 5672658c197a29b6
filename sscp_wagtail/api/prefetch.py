"""Load the StreamField content of many pages in one go.

Wagtail converts a StreamField's stored JSON lazily, one stream at a time: a
listing of twenty reviews would fetch each review's themes, documents and
linked pages with separate queries. ``prefetch_streams`` converts every
stream of a field across all the pages at once, block type by block type, so
the number of queries depends on the block types used, not on the number of
pages.

It relies on ``StreamValue``'s lazy cache (``_raw_data``/``_bound_blocks``),
which is why Wagtail is pinned exactly; ``tests/api/test_query_counts.py``
fails if a Wagtail upgrade changes it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from wagtail.blocks import StreamValue
from wagtail.fields import StreamField


def prefetch_streams(pages: Iterable, field_names: Iterable[str] | None = None) -> None:
    pages = list(pages)
    if not pages:
        return
    model = type(pages[0])
    names = [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and (field_names is None or field.name in field_names)
    ]
    for name in names:
        streams = [getattr(page, name) for page in pages if type(page) is model]
        _prefetch(stream for stream in streams if isinstance(stream, StreamValue) and stream.is_lazy)


def _prefetch(streams: Iterable[StreamValue]) -> None:
    pending: dict[tuple[int, str], list[tuple[StreamValue, int]]] = defaultdict(list)
    blocks = {}
    for stream in streams:
        for index, raw in enumerate(stream._raw_data):
            if stream._bound_blocks[index] is None and raw and raw.get("type") in stream.stream_block.child_blocks:
                key = (id(stream.stream_block), raw["type"])
                blocks[key] = stream.stream_block.child_blocks[raw["type"]]
                pending[key].append((stream, index))
    for key, items in pending.items():
        child_block = blocks[key]
        values = child_block.bulk_to_python([stream._raw_data[index]["value"] for stream, index in items])
        for (stream, index), value in zip(items, values, strict=True):
            stream._bound_blocks[index] = StreamValue.StreamChild(
                child_block, value, id=stream._raw_data[index].get("id")
            )
