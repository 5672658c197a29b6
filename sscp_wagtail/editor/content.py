"""Plain-English content checks on what editors write: standard library only.

Each check reads Wagtail's stored rich-text HTML (``<a linktype="document" id="3">``,
``<a href="...">``, ``<h2>``) and returns warnings an editor can act on. They run
on the version being edited and are shown in the edit form beside the page, so
they catch what the public would meet before an approver does:

* link text that does not say where the link goes ("click here", "read more");
* a web address as the link text (screen readers spell it out);
* a document link whose text is a file name, or empty;
* a heading level skipped (an h4 straight after an h2), or the first heading
  below h2 (the page title is the only h1); in a part of the page with its own
  h2 (a review's sections), an editor's h2 that would break it in two;
* a paragraph too long to read on a phone;
* a summary longer than the three sentences its help text asks for;
* an image whose alternative text says nothing: a file name, "image of ...",
  "photo" (the same test as the preview's accessibility checker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

VAGUE_LINK_TEXT = frozenset(
    {
        "click here",
        "click",
        "here",
        "this",
        "link",
        "this link",
        "this page",
        "read more",
        "more",
        "more info",
        "more information",
        "find out more",
        "learn more",
        "see more",
        "go",
        "download",
    }
)
LONG_PARAGRAPH_WORDS = 120
SUMMARY_SENTENCES = 3
# Alt text that says nothing: empty, a file name, a placeholder, or "image of ...".
UNHELPFUL_ALT_TEXT = (
    r"^\s*$"
    r"|\.(avif|gif|jpe?g|png|svg|webp)\s*$"
    r"|^\s*(image|picture|photo|photograph|graphic|img|icon|logo|placeholder|untitled|alt)\s*$"
    r"|^\s*(an? )?(image|picture|photo|photograph) (of|showing)\b"
    r"|_"
)
_URL_TEXT = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_FILE_NAME = re.compile(r"^[\w\-. ]+\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf|csv|txt)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


@dataclass(frozen=True)
class ContentWarning:
    check: str
    message: str
    text: str = ""


class _Reader(HTMLParser):
    """Collects links (with their text), headings and paragraphs from rich-text HTML."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[dict[str, str], str]] = []
        self.headings: list[tuple[int, str]] = []
        self.paragraphs: list[str] = []
        self._open: list[tuple[str, dict[str, str], list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag in {"a", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li"}:
            self._open.append((tag, {name: value or "" for name, value in attrs}, []))

    def handle_endtag(self, tag):
        for position in range(len(self._open) - 1, -1, -1):
            if self._open[position][0] == tag:
                name, attrs, parts = self._open.pop(position)
                text = " ".join("".join(parts).split())
                if name == "a":
                    self.links.append((attrs, text))
                elif name == "p":
                    self.paragraphs.append(text)
                elif name.startswith("h"):
                    self.headings.append((int(name[1]), text))
                break

    def handle_data(self, data):
        for _name, _attrs, parts in self._open:
            parts.append(data)


def read_rich_text(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html or "")
    reader.close()
    return reader


def link_warnings(html: str) -> list[ContentWarning]:
    warnings = []
    for attrs, text in read_rich_text(html).links:
        plain = text.strip(" .:;!?,…").casefold()
        if attrs.get("linktype") == "document" and (not plain or _FILE_NAME.match(text)):
            warnings.append(
                ContentWarning(
                    "document-link", "A document link should say what the document is, not its file name.", text
                )
            )
        elif not plain:
            warnings.append(ContentWarning("empty-link", "A link has no text: readers cannot tell where it goes."))
        elif plain in VAGUE_LINK_TEXT:
            warnings.append(
                ContentWarning("vague-link", "Link text should say where the link goes, not “click here”.", text)
            )
        elif _URL_TEXT.match(text):
            warnings.append(
                ContentWarning(
                    "url-link", "A web address as link text is read out letter by letter: describe it.", text
                )
            )
    return warnings


def paragraph_warnings(html: str) -> list[ContentWarning]:
    return [
        ContentWarning(
            "long-paragraph",
            f"A paragraph of {len(text.split())} words is hard to read on a phone: "
            f"split it (aim for under {LONG_PARAGRAPH_WORDS}).",
            " ".join(text.split()[:8]) + " …",
        )
        for text in read_rich_text(html).paragraphs
        if len(text.split()) > LONG_PARAGRAPH_WORDS
    ]


def heading_warnings(levels: list[tuple[int, str]], start: int = 1) -> list[ContentWarning]:
    """``levels``: headings in order, as (level, text). They sit under the page title (the h1), or,
    with ``start=2``, in a part of the page that has its own h2 already (a review's "Recommendations")."""
    warnings = []
    previous = start
    for level, text in levels:
        if level == 1:
            warnings.append(ContentWarning("heading-h1", "Only the page title is a main heading (h1): use h2.", text))
        elif level <= start:
            warnings.append(
                ContentWarning(
                    "heading-in-section",
                    f"This part of the page already has its own heading (h{start}): start at h{start + 1}.",
                    text,
                )
            )
        elif level > previous + 1:
            warnings.append(
                ContentWarning(
                    "heading-skipped",
                    f"This h{level} follows an h{previous}: use h{previous + 1}, so the outline has no gaps.",
                    text,
                )
            )
        previous = level
    return warnings


def summary_warnings(summary: str) -> list[ContentWarning]:
    sentences = len(_SENTENCE_END.findall((summary or "").strip()))
    if sentences > SUMMARY_SENTENCES:
        return [
            ContentWarning(
                "long-summary",
                f"The summary has {sentences} sentences: lists and search results show it best "
                f"in {SUMMARY_SENTENCES} or fewer.",
            )
        ]
    return []


def alt_text_warnings(alt: str) -> list[ContentWarning]:
    # The pattern is written so JavaScript (the preview's checker) and Python read it alike.
    if re.search(UNHELPFUL_ALT_TEXT, alt or "", re.IGNORECASE):
        return [
            ContentWarning(
                "image-alt",
                "This image's alternative text does not say what it shows: describe the image, "
                "not its file name or “image of”.",
                alt,
            )
        ]
    return []
