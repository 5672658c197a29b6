"""The rich-text editor every field and block uses: Wagtail's Draftail, made robust to bad input.

Draftail posts its content as JSON, which Wagtail converts to stored HTML
keeping only the field's features. A request that sends HTML instead (a
script, a browser extension, an old form) made Wagtail raise a server error.
Here such input goes through the same feature whitelist a paste does: the
allowed markup and all the words are kept, anything else (an ``<h1>``, a
``<script>``) is not.
"""

from __future__ import annotations

import json

from wagtail.admin.rich_text import DraftailRichTextArea


class RichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        posted = data.get(name)
        if isinstance(posted, str) and posted.strip():
            try:
                json.loads(posted)
            except ValueError:
                return self.converter.to_database_format(self.converter.from_database_format(posted))
        return super().value_from_datadict(data, files, name)
