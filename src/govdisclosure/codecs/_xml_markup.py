"""Comments and processing instructions in a report document.

Between elements they are harmless and are dropped.  Inside a value they
are refused: ``<total>1<!--c-->2</total>`` would otherwise read as 12, a
number nobody wrote.  An element holds a value when it has no child
elements and holds text that is not white space.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final

import attrs
from lxml import etree

from .._errors import ProblemLog
from ..model import REPORT_CLASSES
from ..model._fields import MODEL, pointer_token
from ..model.kinds import SEQUENCE, kind_of
from ._xml_read import item_name

__all__ = ["may_hold_markup", "strip_markup"]

_PREFIX: Final = "gd"
_MARKUP: Final = etree.XPath("//comment() | //processing-instruction()")
#: The tags of the items of a sequence (a legacy report's <figure>), located by their index.
_ITEM_TAGS: Final = frozenset(
    item_name(field.metadata[MODEL])
    for cls in REPORT_CLASSES.values()
    for field in attrs.fields(cls)
    if kind_of(field) is SEQUENCE
)


#: The XML declaration, the one ``<?`` of a document that is not a processing instruction.
_DECLARATION: Final = re.compile(rb"<\?xml[ \t\r\n]")


def may_hold_markup(raw: bytes) -> bool:
    """Whether the document *raw* may hold a comment or processing instruction (False: it holds none).

    A comment starts with ``<!--`` and an instruction with ``<?``, which
    nothing else but a CDATA section holds (text escapes ``<``): a document
    without them, the XML declaration aside, needs no walk of its tree.
    """
    if b"<!--" in raw:
        return True
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    found = raw.find(b"<?", start)
    if found == start and _DECLARATION.match(raw, start):
        found = raw.find(b"<?", start + 2)
    return found != -1


def strip_markup(root: Any, problems: ProblemLog) -> None:
    """Record every comment or processing instruction inside a value in *problems*, then remove them all."""
    nodes: Any = _MARKUP(root)
    if not nodes:
        return
    for node in nodes:
        parent = node.getparent()
        if parent is None or not _holds_value(parent):
            continue  # before or after the root element, or between elements
        pointer, xpath = ("", "") if problems.full else _location(parent)  # past the cap only counted
        what = "a comment" if isinstance(node, etree._Comment) else "a processing instruction"
        message = f"{what} inside a value is not allowed (the text on either side would be joined)"
        problems.add(pointer, functools.partial(str, message), line=node.sourceline, xpath=xpath)
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)


def _holds_value(element: Any) -> bool:
    if any(isinstance(child.tag, str) for child in element):
        return False
    texts = [element.text, *(child.tail for child in element)]
    return any(text is not None and text.strip() for text in texts)


def _location(element: Any) -> tuple[str, str]:
    """The JSON Pointer and XPath of *element* in a report document."""
    tokens: list[str] = []
    steps: list[str] = []
    while True:
        parent = element.getparent()
        local = element.tag.rpartition("}")[2]
        if parent is None:
            steps.append(f"{_PREFIX}:{local}")
            break
        if local == "extension":
            index = 1 + sum(1 for sibling in element.itersiblings(preceding=True) if sibling.tag == element.tag)
            tokens.append(pointer_token(element.get("name") or ""))
            steps.append(f"{_PREFIX}:{local}[{index}]")
        elif local in _ITEM_TAGS:
            index = sum(1 for sibling in element.itersiblings(preceding=True) if isinstance(sibling.tag, str))
            tokens.append(str(index))
            steps.append(f"{_PREFIX}:{local}[{index + 1}]")
        else:
            tokens.append(local.replace("-", "_"))
            steps.append(f"{_PREFIX}:{local}")
        element = parent
    return "".join(f"/{token}" for token in reversed(tokens)), "".join(f"/{step}" for step in reversed(steps))
