"""From printed labels to the cells they name, and back.

:func:`normalise_label` removes what does not distinguish one label from
another (width, bracket and quote shapes, spaces and line breaks); a
:class:`LabelIndex` finds the JSON Pointer of a cell from its labels, as
official or in a known variant (:data:`~govdisclosure.regulation.VARIANTS`),
and gives each cell's official labels back:

>>> index = LABELS["2021"]
>>> index.pointer("（三）不予公开", "5.属于三类内容事务信息", "总计")
'/requests/outcomes/withheld/internal_affairs/total'
>>> index.pointer("未经复议直接起诉", "结果维持")
'/review_litigation/litigation_direct/upheld'
>>> index.labels("/proactive/fees/amount")
('行政事业性收费', '本年收费金额（单位：万元）')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Final, Literal

import attrs

from ._headings import Heading
from .layout import LAYOUTS, TemplateLayout
from .variants import VARIANTS

__all__ = ["LABELS", "LabelError", "LabelIndex", "LabelMatch", "normalise_label"]

_QUOTES: Final = "“”„‟〝〞「」『』'＂"
_OPENING: Final = "〔【[〖"
_CLOSING: Final = "〕】]〗"
_UNIFY: Final = str.maketrans(
    {**dict.fromkeys(_QUOTES, '"'), **dict.fromkeys(_OPENING, "("), **dict.fromkeys(_CLOSING, ")")}
)
#: A leading enumerator written ``1、`` or ``1,`` instead of ``1.``.
_ENUMERATOR: Final = re.compile(r"^([0-9]+)[、,]")
#: A bracketed annotation appended to a label, e.g. ``(历史累计)``.
_ANNOTATION: Final = re.compile(r"\([^()]*\)$")


def normalise_label(text: str) -> str:
    """*text* as labels are compared: NFKC (full-width brackets, colons and digits in ASCII),
    every bracket ``()``, every quote ``"``, spaces and line breaks removed, a leading ``1、`` as ``1.``.

    >>> normalise_label("（二）部分公开（区分处理的，只计这一情形，\\n不计其他情形）")
    '(二)部分公开(区分处理的,只计这一情形,不计其他情形)'
    >>> normalise_label("3.危及「三安全一稳定」") == normalise_label("3．危及“三安全一稳定”")
    True
    >>> normalise_label("商业 企业"), normalise_label("１、属于国家秘密")
    ('商业企业', '1.属于国家秘密')
    """
    text = "".join(unicodedata.normalize("NFKC", text).translate(_UNIFY).split())
    return _ENUMERATOR.sub(r"\1.", text)


#: How a printed label matched: as the official label, as a known variant,
#: or as either with a bracketed annotation appended.
How = Literal["official", "variant", "annotated"]


@attrs.frozen
class LabelMatch:
    """A heading a printed label stands for, and how it matched."""

    heading: Heading
    how: How


class LabelError(KeyError):
    """No cell, or more than one, has the labels given.

    *candidates* are the pointers of the cells that matched (empty when none did).
    """

    def __init__(self, labels: tuple[str, ...], candidates: tuple[str, ...]) -> None:
        super().__init__(labels, candidates)
        #: The labels as given.
        self.labels = labels
        #: The pointers of the cells they match: none, or more than one.
        self.candidates = candidates

    def __str__(self) -> str:
        given = " · ".join(self.labels)
        if not self.candidates:
            return f"no cell is labelled {given!r}"
        shown = ", ".join(self.candidates[:5]) + (", …" if len(self.candidates) > 5 else "")
        return f"{len(self.candidates)} cells are labelled {given!r} ({shown}); give more of their labels"


@attrs.frozen
class _Name:
    """A heading that names a cell, with every normalised form its label is printed in."""

    heading: Heading
    forms: Mapping[str, How]


@attrs.frozen
class _Entry:
    pointer: str
    names: tuple[_Name, ...]  # row headings, then column headings, outermost first


class LabelIndex:
    """The cells of one template by their printed labels, and each cell's official labels.

    A cell's labels are its row headings, outermost first, then its column
    headings (a group header such as 法人或其他组织 or 行政诉讼 included,
    captions such as 申请人情况 not): ``("三、本年度办理结果", "（三）不予公开",
    "1.属于国家秘密", "总计")``.  *variants* are the variant wordings to accept,
    :data:`~govdisclosure.regulation.VARIANTS` unless given.
    """

    def __init__(self, layout: TemplateLayout, variants: Mapping[str, tuple[str, ...]] = VARIANTS) -> None:
        self.layout = layout
        names: dict[Heading, _Name] = {}
        entries = []
        for pointer, row, column in layout.cells():
            headings = (*row.headings, *column.names)
            entry_names = tuple(names.setdefault(h, _Name(h, _forms(h, variants))) for h in headings)
            entries.append(_Entry(pointer, entry_names))
        self._entries: tuple[_Entry, ...] = tuple(entries)
        self._by_pointer: dict[str, _Entry] = {entry.pointer: entry for entry in entries}
        self._names: tuple[_Name, ...] = tuple(names.values())

    def pointer(self, *labels: str) -> str:
        """The pointer of the one cell whose last label is ``labels[-1]`` and whose others include the rest, in order.

        Each label may be printed as official, as a known variant, with a
        bracketed annotation appended, and with any difference
        :func:`normalise_label` removes.

        Raises:
            LabelError: no cell has these labels, or more than one has.
        """
        given = tuple(normalise_label(label) for label in labels)
        found = tuple(entry.pointer for entry in self._entries if given and _matches(given, entry.names))
        if len(found) != 1:
            raise LabelError(labels, found)
        return found[0]

    def pointer_of(self, label: str) -> str:
        """The pointer of the cell whose labels, written one after the other, are *label*.

        Separators between the labels (spaces, ``·``, ``›``) are ignored, so the
        official name :meth:`govdisclosure.Cell.label` gives reads back.

        Raises:
            LabelError: no cell is named *label*, or more than one is.
        """
        text = normalise_label(label).replace("·", "").replace("›", "")
        found = tuple(entry.pointer for entry in self._entries if _concatenates(text, entry.names))
        if len(found) != 1:
            raise LabelError((label,), found)
        return found[0]

    def labels(self, pointer: str) -> tuple[str, ...]:
        """The official labels of the cell at *pointer*, outermost first.

        Raises:
            KeyError: the template has no cell at *pointer*.
        """
        return tuple(name.heading.zh for name in self._by_pointer[pointer].names)

    def pointers(self) -> Iterator[str]:
        """Every cell's pointer, in printed order."""
        return iter(self._by_pointer)

    def find(self, label: str) -> tuple[LabelMatch, ...]:
        """Every heading of the template's cells that the printed *label* stands for, and how it matched."""
        text = normalise_label(label)
        found = []
        for name in self._names:
            how = _how(text, name)
            if how is not None:
                found.append(LabelMatch(name.heading, how))
        return tuple(found)


def _forms(heading: Heading, variants: Mapping[str, tuple[str, ...]]) -> Mapping[str, How]:
    forms: dict[str, How] = {normalise_label(variant): "variant" for variant in variants.get(heading.zh, ())}
    forms[normalise_label(heading.zh)] = "official"
    return MappingProxyType(forms)


def _how(text: str, name: _Name) -> How | None:
    """How the normalised *text* matches *name*, or None."""
    how = name.forms.get(text)
    if how is not None:
        return how
    bare = _ANNOTATION.sub("", text)
    return "annotated" if bare != text and bare in name.forms else None


def _matches(given: tuple[str, ...], names: tuple[_Name, ...]) -> bool:
    """Whether the last of *given* names the cell's last heading and the rest name others, in order."""
    if _how(given[-1], names[-1]) is None:
        return False
    remaining = iter(names[:-1])
    return all(any(_how(text, name) is not None for name in remaining) for text in given[:-1])


def _concatenates(text: str, names: Iterable[_Name]) -> bool:
    """Whether *text* is one printed form of each of *names*, one after the other."""
    names = tuple(names)
    if not names:
        return text == ""
    first, rest = names[0], names[1:]
    return any(text.startswith(form) and _concatenates(text[len(form) :], rest) for form in first.forms)


#: The label index of each template that has tables, by the template's key.
LABELS: Final[Mapping[str, LabelIndex]] = MappingProxyType({key: LabelIndex(layout) for key, layout in LAYOUTS.items()})
