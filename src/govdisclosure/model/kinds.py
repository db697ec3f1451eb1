"""Field kinds: each kind of value a model field holds, defined once.

A :class:`FieldKind` owns everything the layers above need to know about
its values: its name, its lexical form where it is written as text (XML,
CSV) and how that text is read, its range, the Python check the models run,
the message saying what it expects, its JSON Schema fragment, its XSD simple
type, and the snippets the compiled codecs are generated from.  The codecs,
the schema generators and the strategies look a field's kind up
(:func:`kind_of`) and read from it; none of them restates a pattern, a
range or a message.

Whether a field must be given is the field's own property
(:func:`is_required`), not the kind's: a text may be required or not.

A new kind, a plugin's for instance, is one more :class:`FieldKind`.

    >>> from govdisclosure.model import RequestRow
    >>> total = attrs.fields_dict(RequestRow)["total"]
    >>> kind_of(total) is COUNT, is_required(total)
    (True, False)
    >>> COUNT.matches("007"), COUNT.from_text("7"), YEAR.minimum, YEAR.maximum
    (False, 7, 1000, 9999)
"""

from __future__ import annotations

import copy
import datetime
import decimal
import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import attrs

from ._json import MAX_TEXT_LENGTH, UNWRITABLE_TEXT, extensions_problem, length_problem, unwritable_character

__all__ = [
    "CHOICES",
    "CHOICE_KEYS",
    "COUNT",
    "DATE",
    "DELTA",
    "DIGITS_RULE",
    "JSON",
    "JSON_VALUE",
    "KEYWORD",
    "KIND",
    "KINDS",
    "MAX_COUNT",
    "MAX_DIGITS",
    "MAX_NAME_LENGTH",
    "MODEL",
    "MONEY",
    "NAME",
    "NAMED_CHOICES",
    "NESTED",
    "NUMBER",
    "OFFSET",
    "OPTIONAL",
    "REQUIRED",
    "SEQUENCE",
    "TEXT",
    "YEAR",
    "FieldKind",
    "JsonFragment",
    "XsdType",
    "digits_problem",
    "is_required",
    "kind_of",
]

#: The metadata key under which each field records its :class:`FieldKind`.
KIND: Final = "govdisclosure.kind"
#: The metadata key under which each field records whether a document must give it.
REQUIRED: Final = "govdisclosure.required"
#: The metadata key for the heading whose children's keys a :data:`KEYWORD` field accepts.
CHOICES: Final = "govdisclosure.choices"
#: The metadata key for the keys of those children, in printed order (what a :data:`KEYWORD` field's check reads).
CHOICE_KEYS: Final = "govdisclosure.choice_keys"
#: The metadata key for the model class of a :data:`NESTED`, :data:`OPTIONAL` or :data:`SEQUENCE` field.
MODEL: Final = "govdisclosure.model"

#: The ``$defs`` name of plain JSON data (the values inside ``extensions``).
JSON_VALUE: Final = "JsonValue"

#: An attrs validator: ``(instance, attribute, value)``, raising TypeError or ValueError.
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]
#: The JSON Schema of a field's value, given the field and a function that
#: refers to a ``$defs`` entry by name.
JsonFragment = Callable[["attrs.Attribute[Any]", Callable[[str], dict[str, Any]]], dict[str, Any]]


@attrs.frozen
class XsdType:
    """An XSD simple type: a restriction of *base* to *pattern*, within *minimum*–*maximum*."""

    base: str
    pattern: str | None = None
    minimum: int | None = None
    maximum: int | None = None


def _xsd_pattern(pattern: str) -> str:
    """*pattern* in the XSD pattern language, which is anchored: without ``^`` and ``$``."""
    return pattern.removeprefix("^").removesuffix("$")


def _fullmatch(pattern: str | None) -> Callable[[str], re.Match[str] | None] | None:
    return None if pattern is None else re.compile(pattern).fullmatch


@attrs.frozen(eq=False, repr=False)
class FieldKind:
    """One kind of field value, and every form it takes.

    *check* is the attrs validator the models run.  *expected* says what a
    document must hold, as JSON (``"an integer ≥ 0"``; the codecs add
    ``or null`` where a blank is allowed); *text_expected* says it where the
    value is text, for the XML and CSV readers.  *pattern* is the lexical
    form of that text (anchored, Python syntax), *from_text* turns matching
    text into the value, and *unconvertible* says why matching text may still
    be refused (a date that is not in the calendar).  *minimum* and *maximum*
    are the range of an integer kind; *max_length* is the most characters
    a text kind's value may hold (None for the kinds that are not text).

    *json_schema* gives the JSON Schema of a field's value; *xsd* the XSD
    simple type (None when the XSD generator builds the type from the field
    itself).  *json_code* and *json_code_required* are the snippets the
    compiled JSON reader checks and converts ``v`` with, for a field a
    document may leave out and for one it must give (None where the kind
    cannot be that); ``{n}`` stands for the field name.  *text_code* and
    *text_code_required* do the same for the compiled XML reader, from the
    element's text ``t``; a kind with a *pattern* and no *text_code* is read
    by its pattern and *from_text*.  *dump_code* turns ``o.{n}`` into its
    plain-data value.  *code_globals* holds the names the snippets use
    beyond those every compiled reader binds (``_Declined``, ``_MISSING``, and
    per field ``_choices_{n}``, ``_structure_{n}``, ``_unstructure_{n}``,
    ``_empty_{n}``, ``_match_{n}``, ``_from_text_{n}``).

    *strategy*, for a kind defined outside this module, returns the
    Hypothesis strategy of a field's values (importing Hypothesis itself);
    the built-in kinds' strategies are in :mod:`govdisclosure.strategies`.

    *cell* marks the kinds that are table cells; *model* the kinds that hold
    a nested model class (in the field's metadata under ``MODEL``).

    Kinds compare by identity: two kinds are the same only if they are one object.
    """

    name: str
    check: Validator
    expected: str
    json_schema: JsonFragment
    json_code: str | None = None
    json_code_required: str | None = None
    dump_code: str = "o.{n}"
    pattern: str | None = None
    text_expected: str | None = None
    from_text: Callable[[str], Any] | None = None
    unconvertible: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    xsd: XsdType | None = None
    text_code: str | None = None
    text_code_required: str | None = None
    code_globals: Mapping[str, Any] = attrs.field(factory=dict)
    strategy: Callable[[attrs.Attribute[Any]], Any] | None = None
    cell: bool = False
    model: bool = False
    max_length: int | None = None
    #: The fullmatch of *pattern* (None without one).
    match: Callable[[str], re.Match[str] | None] | None = attrs.field(
        init=False, default=attrs.Factory(lambda self: _fullmatch(self.pattern), takes_self=True)
    )

    def __repr__(self) -> str:
        return f"<FieldKind {self.name}>"

    def matches(self, text: str) -> bool:
        """Whether *text* is in the kind's lexical form (never, for a kind without one)."""
        return self.match is not None and self.match(text) is not None

    def json_snippet(self, *, required: bool) -> str:
        """The compiled JSON reader's snippet for a field of this kind.

        Raises:
            TypeError: when no field of this kind can be *required* (or optional).
        """
        code = self.json_code_required if required else self.json_code
        if code is None:
            raise TypeError(f"a {self.name} field cannot be {'required' if required else 'optional'}")
        return code

    def text_snippet(self, *, required: bool) -> str:
        """The compiled XML reader's snippet for a leaf of this kind, from its text ``t``.

        Raises:
            TypeError: when the kind is not read from text.
        """
        code = self.text_code_required if required and self.text_code_required is not None else self.text_code
        if code is not None:
            return code
        if self.match is None:
            raise TypeError(f"a {self.name} field is not read from text")
        return "if t is None or _match_{n}(t) is None: raise _Declined\nv = _from_text_{n}(t)"


def kind_of(field: attrs.Attribute[Any]) -> FieldKind:
    """The kind of *field*, a model field made by one of the field factories.

    Raises:
        TypeError: when *field* records no kind.
    """
    kind = field.metadata.get(KIND)
    if not isinstance(kind, FieldKind):
        raise TypeError(f"field {field.name!r} has no field kind")
    return kind


def is_required(field: attrs.Attribute[Any]) -> bool:
    """Whether a document must give *field* (it has no default)."""
    return bool(field.metadata.get(REQUIRED, False))


# ------------------------------------------------------------------ how many digits a number has

#: The most digits a number in a report may have: a count, a change (本年增/减)
#: or an offset at most 30 (far past any count of requests, and past 64 bits),
#: an amount at most 30 before its decimal point and 30 after it.  Every codec
#: writes and reads such a value exactly, each in a few bytes; far larger ones
#: could not even be written (Python refuses to turn an integer of more than
#: 4,300 digits into text, :func:`sys.set_int_max_str_digits`).
MAX_DIGITS: Final = 30
#: The largest count (and the largest size of a change): thirty nines.
MAX_COUNT: Final = 10**MAX_DIGITS - 1
#: The rule :data:`MAX_DIGITS` sets, as messages state it.
DIGITS_RULE: Final = f"at most {MAX_DIGITS} digits (an amount: {MAX_DIGITS} before its decimal point and after it)"


def digits_problem(value: int | decimal.Decimal) -> str | None:
    """Why *value* has more digits than a report's number may (see :data:`MAX_DIGITS`), or None."""
    if isinstance(value, int):
        fits = -MAX_COUNT <= value <= MAX_COUNT
    else:
        exponent = value.as_tuple().exponent
        fits = (not value or value.adjusted() < MAX_DIGITS) and (type(exponent) is int and -exponent <= MAX_DIGITS)
    return None if fits else f"too many digits: {DIGITS_RULE}"


# ------------------------------------------------------------------ the Python checks


def _owner(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _check_digits(instance: object, attribute: attrs.Attribute[Any], value: int | decimal.Decimal) -> None:
    problem = digits_problem(value)
    if problem is not None:  # the value is never shown: Python may refuse to write the integer out
        raise ValueError(f"{_owner(instance, attribute)}: {problem}")


def _check_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if type(value) is not int:
        raise TypeError(f"{_owner(instance, attribute)}: expected an integer ≥ 0 or None, got {value!r}")
    if value < 0:
        raise ValueError(f"{_owner(instance, attribute)}: expected an integer ≥ 0 or None, got {value!r}")
    _check_digits(instance, attribute, value)


def _check_delta(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not int:
        raise TypeError(f"{_owner(instance, attribute)}: expected an integer or None, got {value!r}")
    if value is not None:
        _check_digits(instance, attribute, value)


def _check_offset(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        raise TypeError(f"{_owner(instance, attribute)}: expected an integer ≥ 0, got {value!r}")
    if value < 0:
        raise ValueError(f"{_owner(instance, attribute)}: expected an integer ≥ 0, got {value!r}")
    _check_digits(instance, attribute, value)


#: The report years a model accepts: four digits.
_FIRST_YEAR: Final = 1000
_LAST_YEAR: Final = 9999


def _check_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int:
        raise TypeError(f"{_owner(instance, attribute)}: expected a four-digit year, got {value!r}")
    if not _FIRST_YEAR <= value <= _LAST_YEAR:
        raise ValueError(f"{_owner(instance, attribute)}: expected a four-digit year, got {value!r}")


def _check_money(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, decimal.Decimal):
        raise TypeError(f"{_owner(instance, attribute)}: expected a Decimal amount in 万元 or None, got {value!r}")
    if not value.is_finite() or value.is_signed():
        raise ValueError(f"{_owner(instance, attribute)}: expected a finite amount ≥ 0, got {value!r}")
    _check_digits(instance, attribute, value)


def _check_number(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int and not isinstance(value, decimal.Decimal):
        raise TypeError(f"{_owner(instance, attribute)}: expected an integer or Decimal ≥ 0, got {value!r}")
    negative = value < 0 if type(value) is int else not value.is_finite() or value.is_signed()  # type: ignore[union-attr]
    if negative:
        raise ValueError(f"{_owner(instance, attribute)}: expected an integer or Decimal ≥ 0, got {value!r}")
    _check_digits(instance, attribute, value)


def _check_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not datetime.date:
        raise TypeError(f"{_owner(instance, attribute)}: expected a datetime.date or None, got {value!r}")


def _check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    required = is_required(attribute)
    if value is None and not required:
        return
    if type(value) is not str:
        raise TypeError(f"{_owner(instance, attribute)}: expected a string, got {value!r}")
    character = unwritable_character(value)
    if character is not None:
        raise ValueError(f"{_owner(instance, attribute)}: {character} cannot be written in a report: {value!r}")
    kind = kind_of(attribute)
    too_long = length_problem(value, kind.max_length or MAX_TEXT_LENGTH, kind.name)
    if too_long is not None:
        raise ValueError(f"{_owner(instance, attribute)}: {too_long}")
    if required and not value.strip():
        raise ValueError(f"{_owner(instance, attribute)}: must not be empty")


#: Beyond this many choices a message names the closest to what was given, not every choice.
NAMED_CHOICES: Final = 12


def choices_text(keys: Sequence[str], given: object = None, *, quote: bool = True) -> str:
    """The choices of a keyword field as a message names them: ``one of "a", "b"``.

    With more than :data:`NAMED_CHOICES` choices (the legacy measures) the
    message stays short: how many there are and the few closest to *given*
    (else the first few).

    >>> choices_text(["a", "b"])
    'one of "a", "b"'
    >>> choices_text([f"k{i}" for i in range(20)], "k7x")
    'one of 20 keys (closest: "k7", "k17")'
    >>> choices_text([f"k{i}" for i in range(20)], None, quote=False)
    'one of 20 keys (k0, k1, k2, …)'
    """
    shown = (lambda key: f'"{key}"') if quote else str
    if len(keys) <= NAMED_CHOICES:
        return "one of " + ", ".join(map(shown, keys))
    close = difflib.get_close_matches(given, keys, n=3) if isinstance(given, str) else []
    if close:
        return f"one of {len(keys)} keys (closest: {', '.join(map(shown, close))})"
    return f"one of {len(keys)} keys ({', '.join(map(shown, keys[:3]))}, …)"


def _check_keyword(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    keys = attribute.metadata[CHOICE_KEYS]
    if (value is not None or is_required(attribute)) and value not in keys:
        expected = choices_text(keys, value, quote=False)
        raise ValueError(f"{_owner(instance, attribute)}: expected {expected}, got {value!r}")


def _check_json(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Mapping):
        raise TypeError(f"{_owner(instance, attribute)}: expected a mapping or None, got {type(value).__name__}")
    problem = extensions_problem(value)
    if problem:
        raise TypeError(f"{_owner(instance, attribute)}: {problem}")


def _check_model(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    model = attribute.metadata[MODEL]
    if value is None and attribute.metadata[KIND] is OPTIONAL:
        return
    if not isinstance(value, model):
        raise TypeError(f"'{attribute.name}' must be {model!r} (got {value!r} that is a {type(value)!r}).")


def _check_sequence(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    model = attribute.metadata[MODEL]
    for item in value:  # type: ignore[attr-defined]
        if not isinstance(item, model):
            raise TypeError(f"'{attribute.name}' must be {model!r} (got {item!r} that is a {type(item)!r}).")


# ------------------------------------------------------------------ JSON Schema fragments


def _fixed(schema: dict[str, Any]) -> JsonFragment:
    """The fragment of a kind whose schema does not depend on the field (a fresh copy each time)."""
    return lambda field, ref: copy.deepcopy(schema)


def _text_schema(field: attrs.Attribute[Any], ref: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    longest = kind_of(field).max_length
    if is_required(field):
        return {"type": "string", "minLength": 1, "maxLength": longest, "pattern": r"\S"}
    return {"type": ["string", "null"], "maxLength": longest}


def _keyword_schema(field: attrs.Attribute[Any], ref: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    keys: list[str | None] = list(field.metadata[CHOICES].keys())
    if not is_required(field):
        keys.append(None)
    return {"enum": keys}


def _model_name(field: attrs.Attribute[Any]) -> str:
    name: str = field.metadata[MODEL].__name__
    return name


# ------------------------------------------------------------------ plain-data forms


def money_text(value: decimal.Decimal | None) -> str | None:
    """An amount as the interchange shape writes it: plain decimal notation, no exponent."""
    return None if value is None else format(value, "f")


def number_value(value: int | decimal.Decimal) -> int | str:
    """A figure's value in a document: counts stay integers, amounts become decimal strings."""
    return value if type(value) is int else format(value, "f")


def date_text(value: datetime.date | None) -> str | None:
    """A date as ``YYYY-MM-DD``."""
    return None if value is None else value.isoformat()


def plain_json(value: Any) -> Any:
    """A deep copy of JSON data with every mapping a dict and every sequence a list."""
    if isinstance(value, Mapping):
        return {key: plain_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_json(item) for item in value]
    return value


# ------------------------------------------------------------------ the kinds

_UP_TO: Final = f"{{0,{MAX_DIGITS - 1}}}"  # the digits after a leading non-zero one
_COUNT_PATTERN: Final = rf"^(0|[1-9][0-9]{_UP_TO})$"
_MONEY_PATTERN: Final = rf"^(0|[1-9][0-9]{_UP_TO})(\.[0-9]{{1,{MAX_DIGITS}}})?$"
_DELTA_PATTERN: Final = rf"^(0|-?[1-9][0-9]{_UP_TO})$"
_BOUND: Final = {"_MAX_COUNT": MAX_COUNT}
_YEAR_PATTERN: Final = r"^[1-9][0-9]{3}$"
_DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_MONEY_GLOBALS: Final = {"_money_match": re.compile(_MONEY_PATTERN).fullmatch, "_Decimal": decimal.Decimal, **_BOUND}

#: A count cell: an integer ≥ 0, blank as ``None``; written without sign, spaces or leading zeros.
COUNT: Final = FieldKind(
    name="count",
    check=_check_count,
    expected="an integer ≥ 0",
    json_schema=_fixed({"type": ["integer", "null"], "minimum": 0, "maximum": MAX_COUNT}),
    json_code="if v is not None and (type(v) is not int or v < 0 or v > _MAX_COUNT): raise _Declined",
    code_globals=_BOUND,
    pattern=_COUNT_PATTERN,
    text_expected="an integer ≥ 0",
    from_text=int,
    minimum=0,
    maximum=MAX_COUNT,
    xsd=XsdType("xs:string", _xsd_pattern(_COUNT_PATTERN)),
    cell=True,
)

#: A signed change (本年增/减): any integer, blank as ``None``.
DELTA: Final = FieldKind(
    name="delta",
    check=_check_delta,
    expected="an integer (negative for a decrease)",
    json_schema=_fixed({"type": ["integer", "null"], "minimum": -MAX_COUNT, "maximum": MAX_COUNT}),
    json_code="if v is not None and (type(v) is not int or v < -_MAX_COUNT or v > _MAX_COUNT): raise _Declined",
    code_globals=_BOUND,
    minimum=-MAX_COUNT,
    maximum=MAX_COUNT,
    pattern=_DELTA_PATTERN,
    text_expected="an integer (negative for a decrease)",
    from_text=int,
    xsd=XsdType("xs:string", _xsd_pattern(_DELTA_PATTERN)),
    cell=True,
)

#: An amount of money in 万元, a :class:`~decimal.Decimal` ≥ 0, written as a plain
#: decimal string: no sign, exponent, spaces or leading zeros ("5.02").
MONEY: Final = FieldKind(
    name="money",
    check=_check_money,
    expected='a decimal string in 万元 such as "5.02"',
    json_schema=_fixed({"type": ["string", "null"], "pattern": _MONEY_PATTERN}),
    json_code=(
        "if v is not None:\n    if type(v) is not str or _money_match(v) is None: raise _Declined\n    v = _Decimal(v)"
    ),
    dump_code="_money_text(o.{n})",
    code_globals={**_MONEY_GLOBALS, "_money_text": money_text},
    pattern=_MONEY_PATTERN,
    text_expected='an amount in 万元 such as "5.02"',
    from_text=decimal.Decimal,
    xsd=XsdType("xs:string", _xsd_pattern(_MONEY_PATTERN)),
    cell=True,
)

#: A character offset into a text: an integer ≥ 0, always given.
OFFSET: Final = FieldKind(
    name="offset",
    check=_check_offset,
    expected="an integer ≥ 0",
    json_schema=_fixed({"type": "integer", "minimum": 0, "maximum": MAX_COUNT}),
    json_code_required="if type(v) is not int or v < 0 or v > _MAX_COUNT: raise _Declined",
    code_globals=_BOUND,
    pattern=_COUNT_PATTERN,
    text_expected="an integer ≥ 0",
    from_text=int,
    minimum=0,
    maximum=MAX_COUNT,
    xsd=XsdType("xs:string", _xsd_pattern(_COUNT_PATTERN)),
)

#: A report year: four digits, 1000 to 9999, always given.
YEAR: Final = FieldKind(
    name="year",
    check=_check_year,
    expected="a four-digit year such as 2021",
    json_schema=_fixed({"type": "integer", "minimum": _FIRST_YEAR, "maximum": _LAST_YEAR}),
    json_code_required=f"if type(v) is not int or v < {_FIRST_YEAR} or v > {_LAST_YEAR}: raise _Declined",
    pattern=_YEAR_PATTERN,
    text_expected="a four-digit year such as 2021",
    from_text=int,
    minimum=_FIRST_YEAR,
    maximum=_LAST_YEAR,
    xsd=XsdType("xs:integer", _xsd_pattern(_YEAR_PATTERN), _FIRST_YEAR, _LAST_YEAR),
)

#: A legacy figure's value: an integer count or a Decimal amount, ≥ 0, always given.
NUMBER: Final = FieldKind(
    name="number",
    check=_check_number,
    expected='an integer ≥ 0 or a decimal string such as "5.02"',
    json_schema=_fixed(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": MAX_COUNT},
                {"type": "string", "pattern": _MONEY_PATTERN},
            ]
        }
    ),
    json_code_required=(
        "if type(v) is not int or v < 0 or v > _MAX_COUNT:\n"
        "    if type(v) is not str or _money_match(v) is None: raise _Declined\n"
        "    v = _Decimal(v)"
    ),
    dump_code="_number_value(o.{n})",
    code_globals={**_MONEY_GLOBALS, "_number_value": number_value},
    minimum=0,
    maximum=MAX_COUNT,
)


#: A calendar date in ISO 8601 (``YYYY-MM-DD``), or ``None`` when unknown.
DATE: Final = FieldKind(
    name="date",
    check=_check_date,
    expected="a date written YYYY-MM-DD",
    json_schema=_fixed({"type": ["string", "null"], "format": "date", "pattern": _DATE_PATTERN}),
    json_code=(
        "if v is not None:\n"
        "    if type(v) is not str or _date_match(v) is None: raise _Declined\n"
        "    v = _fromisoformat(v)"
    ),
    dump_code="_date_text(o.{n})",
    code_globals={
        "_date_match": re.compile(_DATE_PATTERN).fullmatch,
        "_fromisoformat": datetime.date.fromisoformat,
        "_date_text": date_text,
    },
    pattern=_DATE_PATTERN,
    text_expected="a date written YYYY-MM-DD",
    from_text=datetime.date.fromisoformat,
    unconvertible="is not a calendar date",
    xsd=XsdType("xs:date", _xsd_pattern(_DATE_PATTERN)),
)


def _text_kind(name: str, max_length: int) -> FieldKind:
    """A kind of string of at most *max_length* characters, each one every document can carry."""
    longest = f"_max_{name}_length"  # one global per kind: a class may have fields of both
    return FieldKind(
        name=name,
        check=_check_text,
        expected="a string",
        json_schema=_text_schema,
        json_code=(
            f"if v is not None and (type(v) is not str or len(v) > {longest} or _unwritable_search(v)): raise _Declined"
        ),
        json_code_required=(
            f"if type(v) is not str or not v.strip() or len(v) > {longest} or _unwritable_search(v): raise _Declined"
        ),
        text_code=f"if t is not None and len(t) > {longest}: raise _Declined\nv = t or ''",
        text_code_required=f"if not t or not t.strip() or len(t) > {longest}: raise _Declined\nv = t",
        code_globals={"_unwritable_search": UNWRITABLE_TEXT.search, longest: max_length},
        max_length=max_length,
    )


#: A string holding only characters every document can carry, at most
#: :data:`MAX_TEXT_LENGTH` of them (a narrative section, a figure's source
#: text); a required one is not blank.
TEXT: Final = _text_kind("text", MAX_TEXT_LENGTH)

#: The most characters a name or code may hold (:data:`NAME`).  A CSV table
#: repeats the agency's name and USCC on every row, some three hundred times:
#: at this length, even in four-byte characters, that stays far under the
#: default document size limit, so whatever the model accepts every codec
#: reads back.
MAX_NAME_LENGTH: Final = 1_000

#: A name or code (an agency's name, USCC and parent, a figure's unit): a
#: :data:`TEXT` of at most :data:`MAX_NAME_LENGTH` characters.
NAME: Final = _text_kind("name", MAX_NAME_LENGTH)

#: One of the keys of a heading's children (the heading is in the field's metadata under ``CHOICES``);
#: the readers name the choices themselves.
KEYWORD: Final = FieldKind(
    name="keyword",
    check=_check_keyword,
    expected="one of the keys",
    json_schema=_keyword_schema,
    json_code="if v is not None and (type(v) is not str or v not in _choices_{n}): raise _Declined",
    json_code_required="if type(v) is not str or v not in _choices_{n}: raise _Declined",
    text_code="if t not in _choices_{n}: raise _Declined\nv = t",
)

#: A mapping of plain JSON data (a report's extensions), carried through untouched.
JSON: Final = FieldKind(
    name="json",
    check=_check_json,
    expected="an object",
    json_schema=_fixed({"type": ["object", "null"], "additionalProperties": {"$ref": f"#/$defs/{JSON_VALUE}"}}),
    json_code="if v is not None and (type(v) is not dict or _extensions_problem(v) is not None): raise _Declined",
    dump_code="_plain_json(o.{n})",
    code_globals={"_extensions_problem": extensions_problem, "_plain_json": plain_json},
)

#: A nested model; unless required, left out means "all its cells blank".
NESTED: Final = FieldKind(
    name="nested",
    check=_check_model,
    expected="an object",
    json_schema=lambda field, ref: ref(_model_name(field)),
    json_code="if v is _MISSING: v = _empty_{n}\nelse: v = _structure_{n}(v)",
    json_code_required="if v is _MISSING: raise _Declined\nv = _structure_{n}(v)",
    dump_code="_unstructure_{n}(o.{n})",
    model=True,
)

#: A nested model that may be absent altogether (``None``).
OPTIONAL: Final = FieldKind(
    name="optional",
    check=_check_model,
    expected="an object",
    json_schema=lambda field, ref: {"anyOf": [ref(_model_name(field)), {"type": "null"}]},
    json_code="if v is not None: v = _structure_{n}(v)",
    dump_code="None if o.{n} is None else _unstructure_{n}(o.{n})",
    model=True,
)

#: A sequence of nested models, stored as a tuple; empty when left out.
SEQUENCE: Final = FieldKind(
    name="sequence",
    check=_check_sequence,
    expected="an array",
    json_schema=lambda field, ref: {"type": "array", "items": ref(_model_name(field))},
    json_code=(
        "if v is _MISSING: v = ()\n"
        "elif type(v) is not list: raise _Declined\n"
        "else: v = tuple([_structure_{n}(item) for item in v])"
    ),
    dump_code="[_unstructure_{n}(item) for item in o.{n}]",
    model=True,
)

#: Every built-in kind, by name.
KINDS: Final[Mapping[str, FieldKind]] = {
    kind.name: kind
    for kind in (
        COUNT,
        DELTA,
        MONEY,
        OFFSET,
        YEAR,
        NUMBER,
        DATE,
        TEXT,
        NAME,
        KEYWORD,
        JSON,
        NESTED,
        OPTIONAL,
        SEQUENCE,
    )
}
