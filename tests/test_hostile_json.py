"""Hostile JSON input: documents built to make the reader do too much, or read something else."""

from __future__ import annotations

import difflib
import json
import pickle
import tracemalloc
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure._errors import MAX_PROBLEMS
from govdisclosure.codecs import json as json_codec

HEAD: dict[str, Any] = {"schema": "govdisclosure/annual-report/1", "template": "2021", "year": 2021}


def document(**fields: Any) -> dict[str, Any]:
    """A minimal 2021 report document with *fields* added."""
    return {**HEAD, "agency": {"name": "某局"}, **fields}


def legacy(figures: list[Any]) -> str:
    """A legacy report document holding *figures*."""
    data = {**HEAD, "template": "legacy", "year": 2010, "agency": {"name": "某局"}, "figures": figures}
    return json.dumps(data, ensure_ascii=False)


def error_of(data: str | bytes) -> gd.ParseError:
    """The ParseError loading *data* as JSON raises."""
    with pytest.raises(gd.ParseError) as caught:
        json_codec.loads(data)
    return caught.value


class TestProblemAmplification:
    """A document with a million problems costs what its size does, not a million messages."""

    def test_problems_are_capped_and_the_rest_counted(self) -> None:
        """5,000 empty figures (three problems each) keep the first 100 problems and count all 15,000."""
        error = error_of(legacy([{}] * 5000))
        assert len(error.problems) == MAX_PROBLEMS == 100
        assert error.total == 15000
        assert error.omitted == 14900
        assert str(error).startswith("15000 problems\n")
        assert str(error).endswith("\n  and 14900 more")
        assert error.problems[0].pointer == "/figures/0/measure"

    def test_the_message_stays_small(self) -> None:
        """The text of the error does not grow with the number of problems."""
        assert len(str(error_of(legacy([{}] * 50_000)))) < 20_000

    def test_memory_stays_small(self) -> None:
        """Reading 50,000 empty figures peaks at a small multiple of the parsed document, not gigabytes."""
        data = legacy([{}] * 50_000).encode()
        tracemalloc.start()
        try:
            error_of(data)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 20 * 1024 * 1024  # the parsed document alone is ~4 MB; before the cap it was ~140 MB

    def test_no_suggestion_is_worked_out_past_the_cap(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """20,000 unknown keys cost at most 100 ``difflib`` suggestions."""
        calls = []
        original = difflib.get_close_matches

        def counting(*args: Any, **kwargs: Any) -> list[str]:
            calls.append(args[0])
            matches: list[str] = original(*args, **kwargs)
            return matches

        monkeypatch.setattr(difflib, "get_close_matches", counting)
        error = error_of(json.dumps(document(**{f"key{n}": 0 for n in range(20_000)})))
        assert error.total == 20_000
        assert len(calls) == MAX_PROBLEMS

    def test_the_error_pickles_with_its_count(self) -> None:
        """A capped error keeps its total through pickle and ``with_source``."""
        error = error_of(legacy([{}] * 200))
        for copy in (pickle.loads(pickle.dumps(error)), error.with_source("a.json")):
            assert (copy.problems, copy.total) == (error.problems, 600)
        assert str(error.with_source("a.json")).startswith("a.json: 600 problems")

    def test_a_parse_error_keeps_no_more_than_the_cap(self) -> None:
        """Built from a long iterable of problems, a ParseError keeps the first 100 and counts the rest."""
        error = gd.ParseError(gd.Problem(pointer=f"/{n}", message="bad") for n in range(250))
        assert (len(error.problems), error.total, error.omitted) == (100, 250, 150)
        assert gd.ParseError([gd.Problem(pointer="", message="bad")]).omitted == 0


class TestRepeatedKeys:
    """A key given twice in one object is refused at its pointer, never resolved last-wins."""

    @pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "str"])
    @pytest.mark.parametrize(
        ("text", "pointer"),
        [
            ('{"name": "甲局", "name": "乙局"}', "/agency/name"),
            ('{"name": "甲局", "uscc": null, "uscc": null}', "/agency/uscc"),
        ],
    )
    def test_a_repeated_key_is_refused_at_its_pointer(self, text: str, pointer: str, as_bytes: bool) -> None:
        """Whichever reader runs (orjson for bytes, the standard library for text), the repeat is named."""
        data = json.dumps(document()).replace('{"name": "\\u67d0\\u5c40"}', text)
        assert text in data
        error = error_of(data.encode() if as_bytes else data)
        assert [(p.pointer, p.message) for p in error.problems] == [
            (pointer, f'the key "{pointer.rsplit("/", 1)[1]}" appears more than once in the same object')
        ]

    def test_every_repeat_and_every_other_problem_is_listed(self) -> None:
        """Repeats deep inside arrays and extensions are each located, beside the document's other problems."""
        text = (
            '{"schema": "govdisclosure/annual-report/1", "template": "legacy", "year": 2010, "agency": {"name": "x"},'
            ' "figures": [{"measure": "fees", "measure": "fees"}], "extensions": {"ns": {"a": 1, "a": 1}},'
            ' "year": 2010}'
        )
        pointers = [problem.pointer for problem in error_of(text.encode()).problems]
        assert pointers[:3] == ["/year", "/figures/0/measure", "/extensions/ns/a"]
        assert "/figures/0/value" in pointers[3:]

    def test_an_escaped_colon_cannot_hide_a_repeat(self) -> None:
        r"""The fast path's colon count is not fooled by a colon written ``\u003a`` in a string."""
        data = document(extensions={"ns": {"s": ":"}})
        text = json.dumps(data).replace('{"s": ":"}', '{"s": "\\u003a", "t": 1, "t": 2}')
        assert [problem.pointer for problem in error_of(text.encode()).problems] == ["/extensions/ns/t"]

    def test_colons_inside_strings_are_not_repeats(self) -> None:
        """A document whose strings hold colons (a URL, a time) loads as before."""
        data = document(extensions={"ns": {"url": "https://example.org/a:b", "key:with:colons": "12:30"}})
        for text in (json.dumps(data), json.dumps(data, ensure_ascii=False).encode()):
            assert json_codec.loads(text).extensions == data["extensions"]


class TestSizeLimit:
    """The size limit counts bytes, for text as for bytes."""

    def test_text_counts_its_utf8_bytes(self) -> None:
        """A document of 153 characters but 273 bytes in UTF-8 exceeds a limit of 200 bytes."""
        text = json.dumps(document(agency={"name": "局" * 60}), ensure_ascii=False, separators=(",", ":"))
        size = len(text.encode())
        assert len(text) < 200 < size
        for data in (text, text.encode()):
            with pytest.raises(gd.ParseError) as caught:
                json_codec.loads(data, max_size=200)
            [problem] = caught.value.problems
            unit = "bytes in UTF-8" if isinstance(data, str) else "bytes"
            assert problem.message == f"document of {size} {unit} exceeds the limit of 200"

    def test_text_longer_than_the_limit_is_refused_without_encoding(self) -> None:
        """More characters than the limit allows bytes: refused at once."""
        with pytest.raises(gd.ParseError, match=r"^document of 11 characters \(as many bytes at least\) exceeds"):
            json_codec.loads(" " * 11, max_size=10)

    def test_text_within_the_limit_loads(self) -> None:
        """ASCII text and text of up to a quarter of the limit are not encoded to be measured, and load."""
        text = json.dumps(document(agency={"name": "局"}), ensure_ascii=False)
        assert json_codec.loads(text, max_size=len(text.encode())).agency.name == "局"
        with pytest.raises(gd.ParseError, match="exceeds the limit"):
            json_codec.loads(text, max_size=len(text.encode()) - 1)
