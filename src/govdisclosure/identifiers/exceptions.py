"""The exceptions the identifier modules raise.

Every error is an :class:`InvalidIdentifier`, which is both a
:class:`~govdisclosure.GovDisclosureError` and a :class:`ValueError`.  Each
class has a default :attr:`~InvalidIdentifier.message`, so ``raise
InvalidLength(value)`` needs no text; a raise site that knows more passes a
more precise message and names the identifier.  ``str(error)`` is one
sentence naming the value:

    >>> str(InvalidLength('91350100M000100Y43X'))
    "'91350100M000100Y43X' is not a valid identifier: it has the wrong length."
    >>> error = InvalidLength('91350100M000100Y43X', 'it has 19 characters instead of 18', 'USCC')
    >>> str(error)
    "'91350100M000100Y43X' is not a valid USCC: it has 19 characters instead of 18."
    >>> error.value, isinstance(error, ValueError)
    ('91350100M000100Y43X', True)
"""

from __future__ import annotations

from .._errors import GovDisclosureError

__all__ = ["InvalidChecksum", "InvalidComponent", "InvalidFormat", "InvalidIdentifier", "InvalidLength"]


class InvalidIdentifier(GovDisclosureError, ValueError):
    """An identifier is not valid; the root of this family, normally raised only through a subclass.

    Args:
        value: The text that failed, as checked (usually compacted); for a
            value that is not a string at all, that value.
        message: What is wrong, as a clause without a final full stop; the
            class's default when omitted.
        identifier: The kind of identifier that was expected, for the message.
    """

    #: The default description of the problem, a clause that completes
    #: "… is not a valid identifier:"; a raise site may give its own.
    message: str = "it does not follow the identifier's rules"
    #: What kind of problem this is, in a few Chinese words (for localized reports).
    summary_zh: str = "不符合编码规则"
    #: The kind of identifier expected when the raise site does not say.
    identifier: str = "identifier"

    def __init__(self, value: object, message: str | None = None, identifier: str | None = None) -> None:
        super().__init__(value, message, identifier)
        #: The offending text, as it was checked (or the non-string value given).
        self.value = value
        if message is not None:
            self.message = message
        if identifier is not None:
            self.identifier = identifier

    def __str__(self) -> str:
        return f"{self.value!r} is not a valid {self.identifier}: {self.message}."


class InvalidFormat(InvalidIdentifier):
    """The text is not written the way the identifier is written: wrong characters or shape."""

    message = "it is not in a recognised format"
    summary_zh = "格式不符"


class InvalidLength(InvalidFormat):
    """The text has the wrong number of characters."""

    message = "it has the wrong length"
    summary_zh = "位数不符"


class InvalidChecksum(InvalidIdentifier):
    """A check character does not match the characters it protects."""

    message = "a check character does not match"
    summary_zh = "校验码不符"


class InvalidComponent(InvalidIdentifier):
    """A part of the identifier (a code, a year, a month) has a value that is not allowed."""

    message = "one of its parts has a value that is not allowed"
    summary_zh = "代码组成部分无效"
