"""A field kind defined once, in one object, is read by every layer."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure._errors import ProblemLog
from govdisclosure.codecs._problems import collect
from govdisclosure.codecs._structure import structure_fn, unstructure_fn
from govdisclosure.model.kinds import KIND, REQUIRED, FieldKind, XsdType
from govdisclosure.strategies import models


def _check_percent(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or not 0 <= value <= 100):
        raise ValueError(f"{attribute.name}: expected a percentage, got {value!r}")


def _percents(field: attrs.Attribute[Any]) -> st.SearchStrategy[Any]:
    return st.none() | st.integers(0, 100)


#: A plugin's kind: a whole percentage, 0 to 100, blank as None.
PERCENT = FieldKind(
    name="percent",
    check=_check_percent,
    expected="a whole percentage from 0 to 100",
    json_schema=lambda field, ref: {"type": ["integer", "null"], "minimum": 0, "maximum": 100},
    json_code="if v is not None and (type(v) is not int or v < 0 or v > 100): raise _Declined",
    pattern=r"^(0|[1-9][0-9]?|100)$",
    text_expected="a whole percentage from 0 to 100",
    from_text=int,
    minimum=0,
    maximum=100,
    xsd=XsdType("xs:integer", "0|[1-9][0-9]?|100", 0, 100),
    strategy=_percents,
)


@attrs.frozen(kw_only=True)
class Share:
    """A plugin's model with one field of the plugin's kind."""

    online: int | None = attrs.field(default=None, validator=PERCENT.check, metadata={KIND: PERCENT, REQUIRED: False})


def test_compiled_path_reads_the_kind() -> None:
    """The compiled JSON reader checks a value by the kind's own snippet, and writes it back."""
    share = structure_fn(Share)({"online": 40})
    assert share == Share(online=40)
    assert unstructure_fn(Share)(share) == {"online": 40}


def test_careful_path_says_what_the_kind_expects() -> None:
    """The careful reader refuses a value with the kind's own message, null allowed for a blank."""
    problems = ProblemLog()
    assert collect(Share, {"online": 140}, "", problems) is None
    assert [problem.message for problem in problems] == ["expected a whole percentage from 0 to 100 or null, got 140"]


def test_text_form_is_the_kinds() -> None:
    """The kind reads its own text form, as the XML and CSV readers do."""
    assert PERCENT.matches("100")
    assert not PERCENT.matches("101")
    assert PERCENT.from_text is int


@given(models(Share))
def test_strategy_comes_with_the_kind(share: Share) -> None:
    """The strategies draw a field of the kind from the kind's own strategy."""
    assert share.online is None or 0 <= share.online <= 100


def test_xml_reads_the_kind() -> None:
    """The compiled XML walk reads an element of the kind by its pattern and conversion."""
    from lxml import etree

    from govdisclosure.codecs._xml_read import NAMESPACE, _structure_fn

    element = etree.fromstring(f'<share xmlns="{NAMESPACE}"><online>40</online></share>')
    assert _structure_fn(Share)(element) == Share(online=40)


def test_schemas_take_the_kinds_fragments() -> None:
    """The JSON Schema fragment and the XSD simple type are the kind's."""
    from govdisclosure.schemas._xsd import _Builder

    field = attrs.fields(Share).online
    assert PERCENT.json_schema(field, lambda name: {"$ref": name}) == {
        "type": ["integer", "null"],
        "minimum": 0,
        "maximum": 100,
    }
    assert _Builder()._simple_type(PERCENT) == "gd:Percent"


def test_every_built_in_field_has_a_built_in_kind() -> None:
    """Every field of every report class records one of the built-in kinds, looked up by name in KINDS."""
    from govdisclosure.model import REPORT_CLASSES
    from govdisclosure.model.kinds import KINDS, kind_of
    from govdisclosure.schemas._annotations import model_classes

    for cls in model_classes(REPORT_CLASSES.values()):
        for field in attrs.fields(cls):
            kind = kind_of(field)
            assert KINDS[kind.name] is kind
