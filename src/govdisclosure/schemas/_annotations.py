"""What the schema generators share: which model classes a schema covers, and where annotations come from.

Both the JSON Schema and the XSD annotate a field with the regulation heading
it stands for: the official zh label as its title, the English name with its
article references and unit as its description.  A class without a heading
is described by the first line of its docstring.  The helpers here find those
headings and texts, so the two generators cannot tell a different story.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import Any, Final

import attrs

from govdisclosure.model import REPORT_CLASSES, SCHEMA
from govdisclosure.model._fields import CHOICES, MODEL
from govdisclosure.regulation import NARRATIVE, Heading, TemplateVersion

__all__ = [
    "URN",
    "description",
    "field_heading",
    "field_headings",
    "model_classes",
    "report_template",
    "summary",
    "template_description",
]

#: The URN of the document format: the JSON Schema's ``$id`` and the XML namespace.
URN: Final = "urn:" + SCHEMA.replace("/", ":")


def model_classes(roots: Iterable[type[Any]]) -> list[type[Any]]:
    """Every model class reachable from *roots*, once each, parents before children.

    Raises:
        ValueError: when two classes share a name: both schemas name their
            definitions after the classes.
    """
    found: list[type[Any]] = list(roots)
    index = 0
    while index < len(found):
        for field in attrs.fields(found[index]):
            model = field.metadata.get(MODEL)
            if model is not None and model not in found:
                found.append(model)
        index += 1
    names = [cls.__name__ for cls in found]
    if len(set(names)) != len(names):
        raise ValueError(f"model class names must be unique for the schemas' definitions: {names}")
    return found


def report_template(cls: type[Any]) -> TemplateVersion | None:
    """The template of report class *cls*; ``None`` for any other model class."""
    if cls in REPORT_CLASSES.values():
        template: TemplateVersion = cls.template
        return template
    return None


def field_headings(cls: type[Any]) -> dict[str, Heading]:
    """The heading each field of *cls* stands for, by field name (fields without one left out).

    A class bound to the vocabulary has its own; a report class's tables and
    narrative stand for its template's tables and the narrative sections.
    """
    bound: dict[str, Heading] | None = getattr(cls, "__headings__", None)
    if bound is not None:
        return bound
    template = report_template(cls)
    if template is None:
        return {}
    tables = (template.proactive, template.requests, template.review_litigation, NARRATIVE)
    return {heading.key: heading for heading in tables if heading is not None}


def field_heading(field: attrs.Attribute[Any], headings: dict[str, Heading]) -> Heading | None:
    """The heading that annotates *field*: its own from *headings*, or for a keyword the one it chooses from."""
    heading = headings.get(field.name)
    if heading is None and CHOICES in field.metadata:
        choices: Heading = field.metadata[CHOICES]
        return choices
    return heading


def summary(cls: type[Any]) -> str | None:
    """The first line of *cls*'s docstring, or ``None`` when it has none."""
    doc = inspect.getdoc(cls)
    return doc.splitlines()[0] if doc else None


def description(heading: Heading) -> str:
    """*heading*'s English name, with its article references and unit: ``State secret (Art. 14)``."""
    text = heading.en
    if heading.articles:
        text += " (" + ", ".join(ref.en for ref in heading.articles) + ")"
    if heading.unit:
        text += f", in {heading.unit}"
    return text


def template_description(template: TemplateVersion) -> str:
    """*template*'s English name, with the notice that issued it where there is one."""
    return template.en if template.document is None else f"{template.en}, {template.document}"
