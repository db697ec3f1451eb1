"""Field factories for the report models: one per kind of cell.

The kind of a field is recorded in its metadata under :data:`KIND`; the
codecs, schemas and strategies read it from there instead of guessing from
type annotations.  Validators here check one value's type and range; the
arithmetic between cells is the rules' business, so a flawed report still
loads.
"""

from __future__ import annotations

import datetime
import decimal
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final, TypeVar

import attrs

from ..regulation import Heading

__all__ = [
    "CHOICES",
    "COUNT_PATTERN",
    "DATE_PATTERN",
    "DELTA_PATTERN",
    "KIND",
    "MODEL",
    "MONEY_PATTERN",
    "OMIT_NONE",
    "UNWRITABLE_TEXT",
    "YEAR_PATTERN",
    "bind",
    "count_field",
    "date_field",
    "delta_field",
    "json_field",
    "json_problem",
    "keyword_field",
    "money_field",
    "nested_field",
    "number_field",
    "offset_field",
    "optional_field",
    "pointer_token",
    "sequence_field",
    "text_field",
    "unwritable_character",
]

#: The metadata key under which each field records its kind.
KIND: Final = "govdisclosure.kind"
#: The metadata key for the heading whose children's keys a ``keyword`` field accepts.
CHOICES: Final = "govdisclosure.choices"
#: The metadata key for the model class of a ``nested``, ``optional`` or ``sequence`` field.
MODEL: Final = "govdisclosure.model"

#: The metadata key marking a field the codecs leave out of a document when it is ``None``.
OMIT_NONE: Final = "govdisclosure.omit_none"

#: How an amount of money is written in the interchange shape: a plain
#: decimal string, no sign, exponent, spaces or leading zeros ("5.02").  Table
#: amounts are in 万元; a legacy figure carries its own unit.
MONEY_PATTERN: Final = r"^(0|[1-9][0-9]*)(\.[0-9]+)?$"
#: How a count is written where it is text (XML, CSV): no sign, spaces or leading zeros.
COUNT_PATTERN: Final = r"^(0|[1-9][0-9]*)$"
#: How a signed change (本年增/减) is written where it is text.
DELTA_PATTERN: Final = r"^(0|-?[1-9][0-9]*)$"
#: How a report year is written where it is text: four digits, 1000 to 9999.
YEAR_PATTERN: Final = r"^[1-9][0-9]{3}$"
#: How a date is written in the interchange shape: ISO 8601 calendar date.
DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

_T = TypeVar("_T")

_SURROGATE = re.compile("[\ud800-\udfff]")

#: Characters no report text may hold: lone surrogates (not UTF-8) and the
#: characters XML 1.0 cannot carry, even escaped.  A report's text must be
#: writable in every format it can be exchanged in.
UNWRITABLE_TEXT: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def unwritable_character(text: str) -> str | None:
    """A description of the first character of *text* no document can carry, or None."""
    found = UNWRITABLE_TEXT.search(text)
    return None if found is None else f"U+{ord(found.group()):04X}"


def _owner(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _check_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise TypeError(f"{_owner(instance, attribute)}: expected an integer ≥ 0 or None, got {value!r}")
    if value < 0:
        raise ValueError(f"{_owner(instance, attribute)}: expected an integer ≥ 0 or None, got {value!r}")


def _check_delta(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not int:
        raise TypeError(f"{_owner(instance, attribute)}: expected an integer or None, got {value!r}")


def _check_money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, decimal.Decimal):
        raise TypeError(f"{_owner(instance, attribute)}: expected a Decimal amount in 万元 or None, got {value!r}")
    if not value.is_finite() or value.is_signed():
        raise ValueError(f"{_owner(instance, attribute)}: expected a finite amount ≥ 0, got {value!r}")


def _check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None and attribute.default is None:
        return
    if type(value) is not str:
        raise TypeError(f"{_owner(instance, attribute)}: expected a string, got {value!r}")
    character = unwritable_character(value)
    if character is not None:
        raise ValueError(f"{_owner(instance, attribute)}: {character} cannot be written in a report: {value!r}")
    if attribute.default is attrs.NOTHING and not value.strip():
        raise ValueError(f"{_owner(instance, attribute)}: must not be empty")


def _check_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not datetime.date:
        raise TypeError(f"{_owner(instance, attribute)}: expected a datetime.date or None, got {value!r}")


def _check_json(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Mapping):
        raise TypeError(f"{_owner(instance, attribute)}: expected a mapping or None, got {type(value).__name__}")
    problem = extensions_problem(value)
    if problem:
        raise TypeError(f"{_owner(instance, attribute)}: {problem}")


def json_problem(value: object, pointer: str) -> str | None:
    """Why *value* is not plain JSON data the codecs can carry (None when it is).

    Floats are refused (amounts are decimal strings in this shape), and so are
    strings with lone surrogates, which no UTF-8 document can hold.
    """
    if value is None or type(value) in (int, bool):
        return None
    if type(value) is str:
        return f"{pointer or '/'}: lone surrogate in a string" if _SURROGATE.search(value) else None
    if type(value) is float:
        return f"{pointer or '/'}: floats are not allowed; use a decimal string"
    if isinstance(value, Mapping):
        for key, item in value.items():
            if type(key) is not str or _SURROGATE.search(key):
                return f"{pointer or '/'}: keys must be strings, got {key!r}"
            problem = json_problem(item, f"{pointer}/{pointer_token(key)}")
            if problem:
                return problem
        return None
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            problem = json_problem(item, f"{pointer}/{index}")
            if problem:
                return problem
        return None
    return f"{pointer or '/'}: {type(value).__name__} is not JSON data"


def extensions_problem(value: Mapping[str, object]) -> str | None:
    """Why *value* cannot be a report's extensions (None when it can).

    Its data must be plain JSON (see :func:`json_problem`), and each name,
    written as an XML attribute, must hold only characters a document can carry.
    """
    for key in value:
        if type(key) is str:
            character = unwritable_character(key)
            if character is not None:
                return f"/{pointer_token(key)}: the name holds {character}, a character no XML document can carry"
    return json_problem(value, "")


def pointer_token(key: str) -> str:
    """*key* as a JSON Pointer reference token (RFC 6901)."""
    return key.replace("~", "~0").replace("/", "~1")


def count_field() -> Any:
    """A count cell: an integer ≥ 0, or ``None`` for a blank cell."""
    return attrs.field(default=None, validator=_check_count, metadata={KIND: "count"})


def delta_field() -> Any:
    """A signed change (本年增/减): any integer, or ``None`` for a blank cell."""
    return attrs.field(default=None, validator=_check_delta, metadata={KIND: "delta"})


def money_field() -> Any:
    """An amount of money in 万元 as a :class:`~decimal.Decimal` ≥ 0, or ``None``."""
    return attrs.field(default=None, validator=_check_money, metadata={KIND: "money"})


def text_field(*, required: bool = False) -> Any:
    """A string; a required one must not be blank."""
    if required:
        return attrs.field(validator=_check_text, metadata={KIND: "text"})
    return attrs.field(default=None, validator=_check_text, metadata={KIND: "text"})


def keyword_field(choices: Heading, *, required: bool = False) -> Any:
    """One of the keys of *choices*' children (or ``None`` unless *required*)."""
    keys = choices.keys()

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (value is not None or required) and value not in keys:
            raise ValueError(f"{_owner(instance, attribute)}: expected one of {', '.join(keys)}, got {value!r}")

    metadata = {KIND: "keyword", CHOICES: choices}
    if required:
        return attrs.field(validator=check, metadata=metadata)
    return attrs.field(default=None, validator=check, metadata=metadata)


def _check_offset(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        raise TypeError(f"{_owner(instance, attribute)}: expected an integer ≥ 0, got {value!r}")
    if value < 0:
        raise ValueError(f"{_owner(instance, attribute)}: expected an integer ≥ 0, got {value!r}")


def offset_field() -> Any:
    """A character offset into a text: an integer ≥ 0."""
    return attrs.field(validator=_check_offset, metadata={KIND: "offset"})


def _check_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int and not isinstance(value, decimal.Decimal):
        raise TypeError(f"{_owner(instance, attribute)}: expected an integer or Decimal ≥ 0, got {value!r}")
    negative = value < 0 if type(value) is int else not value.is_finite() or value.is_signed()  # type: ignore[union-attr]
    if negative:
        raise ValueError(f"{_owner(instance, attribute)}: expected an integer or Decimal ≥ 0, got {value!r}")


def number_field() -> Any:
    """A figure's value: an integer count or a :class:`~decimal.Decimal` amount, ≥ 0."""
    return attrs.field(validator=_check_number, metadata={KIND: "number"})


def optional_field(model: type[Any], *, omit_none: bool = False) -> Any:
    """A nested *model* that may be absent altogether (``None``).

    With *omit_none*, documents leave the key out instead of writing null.
    """
    validator = attrs.validators.optional(attrs.validators.instance_of(model))
    metadata = {KIND: "optional", MODEL: model, OMIT_NONE: omit_none}
    return attrs.field(default=None, validator=validator, metadata=metadata)


def date_field() -> Any:
    """A calendar date, or ``None`` when unknown."""
    return attrs.field(default=None, validator=_check_date, metadata={KIND: "date"})


def json_field() -> Any:
    """A mapping of plain JSON data carried through untouched, or ``None``.

    The model keeps its own copy; treat it as read-only.  It takes no part in
    the report's hash, so reports stay hashable.
    """
    return attrs.field(
        default=None,
        converter=_copy_json,
        validator=_check_json,
        hash=False,
        metadata={KIND: "json", OMIT_NONE: True},
    )


def _copy_json(value: Any) -> Any:
    """A copy of JSON-like data, so the caller's later changes cannot reach into the model."""
    if isinstance(value, Mapping):
        return {key: _copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_json(item) for item in value]
    return value


def nested_field(model: type[Any], *, required: bool = False) -> Any:
    """A nested *model*; unless *required*, left out means "all its cells blank"."""
    validator = attrs.validators.instance_of(model)
    metadata = {KIND: "nested", MODEL: model}
    if required:
        return attrs.field(validator=validator, metadata=metadata)
    return attrs.field(factory=model, validator=validator, metadata=metadata)


def _to_tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    return tuple(value)


def sequence_field(model: type[Any]) -> Any:
    """A sequence of *model* items, stored as a tuple; empty when left out."""
    return attrs.field(
        factory=tuple,
        converter=_to_tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(model)),
        metadata={KIND: "sequence", MODEL: model},
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
