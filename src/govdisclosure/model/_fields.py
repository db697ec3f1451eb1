"""Field factories for the report models: one per kind of cell.

Each factory makes an attrs field that records its kind (a
:class:`~govdisclosure.model.kinds.FieldKind`) in its metadata under
:data:`KIND`, and whether a document must give it under :data:`REQUIRED`;
the codecs, schemas and strategies read both from there instead of guessing
from type annotations.  The kind's check validates one value's type and
range; the arithmetic between cells is the rules' business, so a flawed
report still loads.

The factories make fields a document may leave out, and their return types
are the values' types, so a type checker holds each annotation to its kind.
A field a document must give is written ``attrs.field(**required(KIND, …))``:
attrs' mypy plugin then sees that it has no default, and a call that leaves
it out is a type error, as it is at run time.
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, TypeVar

import attrs

from ..regulation import Heading
from ._json import UNWRITABLE_TEXT, extensions_problem, json_problem, json_text, pointer_token, unwritable_character
from .kinds import (
    CHOICE_KEYS,
    CHOICES,
    COUNT,
    DATE,
    DELTA,
    JSON,
    KEYWORD,
    KIND,
    MODEL,
    MONEY,
    NAME,
    NESTED,
    OPTIONAL,
    REQUIRED,
    SEQUENCE,
    TEXT,
    FieldKind,
)

__all__ = [
    "CHOICES",
    "KIND",
    "MODEL",
    "OMIT_NONE",
    "REQUIRED",
    "UNWRITABLE_TEXT",
    "bind",
    "count_field",
    "date_field",
    "delta_field",
    "extensions_problem",
    "json_field",
    "json_problem",
    "keyword_field",
    "money_field",
    "name_field",
    "nested_field",
    "optional_field",
    "pointer_token",
    "required",
    "sequence_field",
    "text_field",
    "unwritable_character",
]

#: The metadata key marking a field the codecs leave out of a document when it is ``None``.
OMIT_NONE: Final = "govdisclosure.omit_none"

_T = TypeVar("_T")


def _metadata(kind: FieldKind, *, required: bool, **more: object) -> dict[str, object]:
    return {KIND: kind, REQUIRED: required, **more}


def required(kind: FieldKind, model: type[Any] | None = None, *, choices: Heading | None = None) -> dict[str, Any]:
    """The arguments of :func:`attrs.field` for a field of *kind* that a document must give.

    *model* is the class of a :data:`~govdisclosure.model.kinds.NESTED`
    field, *choices* the heading whose children's keys a
    :data:`~govdisclosure.model.kinds.KEYWORD` field accepts.  Spelled
    ``attrs.field(**required(YEAR))`` in a class body, so that attrs' mypy
    plugin sees a field without a default.

    Raises:
        TypeError: when *kind* cannot be required, or lacks its model or choices.
    """
    kind.json_snippet(required=True)  # refuses a kind that cannot be required
    more: dict[str, object] = {}
    if kind.model:
        if model is None:
            raise TypeError(f"a required {kind.name} field needs its model")
        more[MODEL] = model
    if kind is KEYWORD:
        if choices is None:
            raise TypeError("a required keyword field needs its choices")
        more.update({CHOICES: choices, CHOICE_KEYS: choices.keys()})
    return {"validator": kind.check, "metadata": _metadata(kind, required=True, **more)}


def count_field() -> int | None:
    """A count cell: an integer ≥ 0, or ``None`` for a blank cell."""
    return attrs.field(default=None, validator=COUNT.check, metadata=_metadata(COUNT, required=False))  # type: ignore[no-any-return]


def delta_field() -> int | None:
    """A signed change (本年增/减): any integer, or ``None`` for a blank cell."""
    return attrs.field(default=None, validator=DELTA.check, metadata=_metadata(DELTA, required=False))  # type: ignore[no-any-return]


def money_field() -> decimal.Decimal | None:
    """An amount of money in 万元 as a :class:`~decimal.Decimal` ≥ 0, or ``None``."""
    return attrs.field(default=None, validator=MONEY.check, metadata=_metadata(MONEY, required=False))  # type: ignore[no-any-return]


def text_field() -> str | None:
    """A string, or ``None`` when not given."""
    return attrs.field(default=None, validator=TEXT.check, metadata=_metadata(TEXT, required=False))  # type: ignore[no-any-return]


def name_field() -> str | None:
    """A name or code (:data:`~govdisclosure.model.kinds.NAME`), or ``None`` when not given."""
    return attrs.field(default=None, validator=NAME.check, metadata=_metadata(NAME, required=False))  # type: ignore[no-any-return]


def keyword_field(choices: Heading) -> str | None:
    """One of the keys of *choices*' children, or ``None``."""
    metadata = _metadata(KEYWORD, required=False, **{CHOICES: choices, CHOICE_KEYS: choices.keys()})
    return attrs.field(default=None, validator=KEYWORD.check, metadata=metadata)  # type: ignore[no-any-return]


def date_field() -> datetime.date | None:
    """A calendar date, or ``None`` when unknown."""
    return attrs.field(default=None, validator=DATE.check, metadata=_metadata(DATE, required=False))  # type: ignore[no-any-return]


def optional_field(model: type[_T], *, omit_none: bool = False) -> _T | None:
    """A nested *model* that may be absent altogether (``None``).

    With *omit_none*, documents leave the key out instead of writing null.
    """
    metadata = _metadata(OPTIONAL, required=False, **{MODEL: model, OMIT_NONE: omit_none})
    return attrs.field(default=None, validator=OPTIONAL.check, metadata=metadata)  # type: ignore[no-any-return]


def json_field() -> Mapping[str, Any] | None:
    """A mapping of plain JSON data carried through untouched, or ``None``.

    The model keeps its own copy; treat it as read-only.  It takes no part in
    the report's hash, so reports stay hashable.  Two values are equal only
    when they are written alike (:func:`~._json.json_text`): ``1`` is not
    ``true``, and keys in another order make another text.
    """
    return attrs.field(  # type: ignore[no-any-return]
        default=None,
        converter=_copy_json,
        validator=JSON.check,
        eq=json_text,
        hash=False,
        metadata=_metadata(JSON, required=False, **{OMIT_NONE: True}),
    )


def _copy_json(value: Any) -> Any:
    """A copy of JSON-like data, so the caller's later changes cannot reach into the model."""
    if isinstance(value, Mapping):
        return {key: _copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_json(item) for item in value]
    return value


def nested_field(model: type[_T]) -> _T:
    """A nested *model*; left out means "all its cells blank" (see :func:`required` for one that is not)."""
    metadata = _metadata(NESTED, required=False, **{MODEL: model})
    return attrs.field(factory=model, validator=NESTED.check, metadata=metadata)  # type: ignore[no-any-return]


def _to_tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(value)


def sequence_field(model: type[_T]) -> Sequence[_T]:
    """A sequence of *model* items, given as any iterable and stored as a tuple; empty when left out."""
    return attrs.field(
        factory=tuple,
        converter=_to_tuple,
        validator=SEQUENCE.check,
        metadata=_metadata(SEQUENCE, required=False, **{MODEL: model}),
    )


def bind(heading: Heading | Sequence[Heading]) -> Callable[[type[_T]], type[_T]]:
    """Tie a model class to the headings its fields stand for.

    The class's field names must be the headings' keys in printed order; this
    is checked once, when the class is defined, so the models cannot drift
    from the vocabulary.  The headings are kept as ``__headings__`` (a dict
    from field name to heading), and a whole *heading* as ``__heading__``.
    """
    children = tuple(heading.children if isinstance(heading, Heading) else heading)

    def decorate(cls: type[_T]) -> type[_T]:
        names = tuple(field.name for field in attrs.fields(cls))  # type: ignore[arg-type]
        keys = tuple(child.key for child in children)
        if names != keys:
            raise TypeError(f"{cls.__name__} fields {names} do not match the vocabulary {keys}")
        cls.__headings__ = dict(zip(keys, children, strict=True))  # type: ignore[attr-defined]
        cls.__heading__ = heading if isinstance(heading, Heading) else None  # type: ignore[attr-defined]
        return cls

    return decorate
