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

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
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
class _Entry:
    pointer: str
    headings: tuple[Heading, ...]  # row headings, then column headings, outermost first


class LabelIndex:
    """The cells of one template by their printed labels, and each cell's official labels.

    A cell's labels are its row headings, outermost first, then its column
    headings (a group header such as 法人或其他组织 or 行政诉讼 included,
    captions such as 申请人情况 not): ``("三、本年度办理结果", "（三）不予公开",
    "1.属于国家秘密", "总计")``.  *variants* are the variant wordings to accept,
    :data:`~govdisclosure.regulation.VARIANTS` unless given.  Every lookup
    is a dictionary lookup on the normalised label.
    """

    def __init__(self, layout: TemplateLayout, variants: Mapping[str, tuple[str, ...]] = VARIANTS) -> None:
        self.layout = layout
        entries = [_Entry(pointer, (*row.headings, *column.names)) for pointer, row, column in layout.cells()]
        self._by_pointer: dict[str, _Entry] = {entry.pointer: entry for entry in entries}
        #: Each normalised form a label is printed in, with the headings that have it and how.
        self._forms: dict[str, dict[Heading, How]] = {}
        #: The cells by their last heading.
        self._by_last: dict[Heading, list[_Entry]] = {}
        #: The cells by their labels written one after the other (official or variant), normalised.
        self._by_name: dict[str, list[str]] = {}
        for entry in entries:
            self._by_last.setdefault(entry.headings[-1], []).append(entry)
            forms = [_forms(heading, variants) for heading in entry.headings]
            for heading, heading_forms in zip(entry.headings, forms, strict=True):
                for form, how in heading_forms.items():
                    self._forms.setdefault(form, {}).setdefault(heading, how)
            for parts in itertools.product(*forms):
                self._by_name.setdefault("".join(parts), []).append(entry.pointer)

    def pointer(self, *labels: str) -> str:
        """The pointer of the one cell whose last label is ``labels[-1]`` and whose others include the rest, in order.

        Each label may be printed as official, as a known variant, with a
        bracketed annotation appended, and with any difference
        :func:`normalise_label` removes.

        Raises:
            LabelError: no cell has these labels, or more than one has.
        """
        if not labels:
            raise LabelError(labels, ())
        matched = [self._matches(label) for label in labels]
        found = tuple(
            entry.pointer
            for heading in matched[-1]
            for entry in self._by_last.get(heading, ())
            if _in_order(matched[:-1], entry.headings[:-1])
        )
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
        found = tuple(dict.fromkeys(self._by_name.get(_without_separators(label), ())))
        if len(found) != 1:
            raise LabelError((label,), found)
        return found[0]

    def labels(self, pointer: str) -> tuple[str, ...]:
        """The official labels of the cell at *pointer*, outermost first.

        Raises:
            KeyError: the template has no cell at *pointer*.
        """
        return tuple(heading.zh for heading in self._by_pointer[pointer].headings)

    def pointers(self) -> Iterator[str]:
        """Every cell's pointer, in printed order."""
        return iter(self._by_pointer)

    def find(self, label: str) -> tuple[LabelMatch, ...]:
        """Every heading of the template's cells that the printed *label* stands for, and how it matched."""
        return tuple(LabelMatch(heading, how) for heading, how in self._matches(label).items())

    def _matches(self, label: str) -> Mapping[Heading, How]:
        """The headings *label* stands for: by its normalised form, else without a bracketed annotation."""
        text = normalise_label(label)
        found = self._forms.get(text)
        if found is not None:
            return found
        bare = _ANNOTATION.sub("", text)
        if bare == text or bare not in self._forms:
            return {}
        return dict.fromkeys(self._forms[bare], "annotated")


def _forms(heading: Heading, variants: Mapping[str, tuple[str, ...]]) -> dict[str, How]:
    """The normalised forms *heading*'s label is printed in: the official one first, then its variants."""
    forms: dict[str, How] = {normalise_label(heading.zh): "official"}
    for variant in variants.get(heading.zh, ()):
        forms.setdefault(normalise_label(variant), "variant")
    return forms


def _in_order(matched: Iterable[Mapping[Heading, How]], headings: tuple[Heading, ...]) -> bool:
    """Whether each of *matched* names one of *headings*, in order."""
    remaining = iter(headings)
    return all(any(heading in names for heading in remaining) for names in matched)


def _without_separators(label: str) -> str:
    return normalise_label(label).replace("·", "").replace("›", "")


class _Indexes(Mapping[str, LabelIndex]):
    """The label index of each template, built when first asked for."""

    def __getitem__(self, key: str) -> LabelIndex:
        return _index(key)

    def __iter__(self) -> Iterator[str]:
        return iter(LAYOUTS)

    def __len__(self) -> int:
        return len(LAYOUTS)


@functools.cache
def _index(key: str) -> LabelIndex:
    return LabelIndex(LAYOUTS[key])


#: The label index of each template that has tables, by the template's key
#: (each built when first used).
LABELS: Final[Mapping[str, LabelIndex]] = _Indexes()
