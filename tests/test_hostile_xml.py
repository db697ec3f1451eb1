"""Hostile XML input: documents built to make the reader do too much, or read something else."""

from __future__ import annotations

import difflib
from typing import Any

import pytest

import govdisclosure as gd
from govdisclosure.codecs import xml as xml_codec

NS = xml_codec.NAMESPACE
HEAD = (
    f'<annual-report xmlns="{NS}"><schema>govdisclosure/annual-report/1</schema><template>2021</template>'
    "<year>2021</year><agency><name>某局</name></agency>"
)


def document(body: str = "", head: str = HEAD) -> str:
    """A minimal 2021 report document with *body* after the agency."""
    return f"{head}{body}</annual-report>"


def error_of(data: str | bytes, **options: Any) -> gd.ParseError:
    """The ParseError loading *data* as XML raises."""
    with pytest.raises(gd.ParseError) as caught:
        xml_codec.loads(data, **options)
    return caught.value


class TestProblemAmplification:
    """A document with a million problems costs what its size does, not a million messages."""

    def test_unknown_elements_are_capped(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """20,000 unknown elements keep 100 problems, count all, and work out at most 100 suggestions."""
        calls = []
        original = difflib.get_close_matches

        def counting(*args: Any, **kwargs: Any) -> list[str]:
            calls.append(args[0])
            matches: list[str] = original(*args, **kwargs)
            return matches

        monkeypatch.setattr(difflib, "get_close_matches", counting)
        error = error_of(document("<a/>" * 20_000))
        assert (len(error.problems), error.total) == (100, 20_000)
        assert str(error).endswith("\n  and 19900 more")
        assert error.problems[0].line == 1
        assert len(calls) == 100


class TestRepeatedKeys:
    """An extension's JSON text that repeats a key is refused at the key's pointer."""

    def test_a_repeated_key_in_an_extension_is_refused(self) -> None:
        """The compiled walk declines it and the careful reading names the key's pointer."""
        error = error_of(document('<extensions><extension name="ns">{"a":{"b":1,"b":2}}</extension></extensions>'))
        assert [(p.pointer, p.message) for p in error.problems] == [
            ("/extensions/ns/a/b", 'the key "b" appears more than once in the same object')
        ]
        assert error.problems[0].line == 1
