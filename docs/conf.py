"""Sphinx configuration for the govdisclosure documentation.

Build with ``python -m sphinx -W --keep-going -b html docs docs/_build/html``.

Nothing in the docs repeats an official label by hand: the tables of
``regulation.md`` and the sample outputs of ``errors.md`` and ``cli.md`` are
generated here, at build time, from :mod:`govdisclosure.regulation`, the
codec and the command line, into ``docs/_generated/`` (not committed), and
included from the pages.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import io
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
GENERATED = DOCS / "_generated"

# Document the source tree beside this file, installed or not.
sys.path.insert(0, str(ROOT / "src"))

import govdisclosure as gd  # noqa: E402
from govdisclosure import cli  # noqa: E402
from govdisclosure.regulation import (  # noqa: E402
    AGENCY_KINDS,
    AGENCY_LEVELS,
    APPLICANTS,
    ARTICLE_20,
    BALANCE_NOTE,
    ITEM_UNITS,
    LEGACY_BREAKDOWNS,
    LEGACY_MEASURES,
    NARRATIVE,
    SECTIONS_2008,
    SECTIONS_2019,
    TEMPLATE_2019,
    TEMPLATE_2021,
    TEMPLATES,
    ArticleRef,
    Heading,
    item_label,
)

# -- Project information -------------------------------------------------------

project = "govdisclosure"
author = "govdisclosure developers"
copyright = "govdisclosure developers"
try:
    release = importlib.metadata.version("govdisclosure")
except importlib.metadata.PackageNotFoundError:  # not installed: the docs still build
    release = "unreleased"
version = release

# -- General configuration -----------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated", "Thumbs.db", ".DS_Store"]
language = "en"
nitpicky = False

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# -- HTML output -----------------------------------------------------------------

html_theme = "furo"
html_title = "govdisclosure"
html_static_path: list[str] = []


# -- Generated pages -------------------------------------------------------------


def _cell(text: str | None) -> str:
    """*text* safe inside a Markdown table cell."""
    return "" if text is None else text.replace("|", "\\|").replace("\n", " ")


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def _articles(refs: tuple[ArticleRef, ...]) -> str:
    """Article references as 第…条 (Art. …), marking interpretive ones; the references name any order but 711."""
    parts = []
    for ref in refs:
        text = f"{ref.zh} ({ref.en})"
        if ref.interpretive:
            text += " *interpretive*"
        parts.append(text)
    return "; ".join(parts)


def _key(path: tuple[str, ...]) -> str:
    return "`" + "/".join(path) + "`"


def _columns(row: Heading) -> str:
    return " · ".join(f"{column.zh} `{column.key}`" for column in row.children)


def _templates_md() -> str:
    rows = []
    for template in TEMPLATES.values():
        years = f"{template.first_year}–{template.last_year or ''}"
        deadlines = "; ".join(
            f"{kind}: {deadline.month}月{deadline.day}日 ({deadline.article.zh})"
            for kind, deadline in template.deadlines.items()
        )
        rows.append(
            (f"`{template.key}`", template.zh, template.document or "—", years, template.regulation.zh, deadlines)
        )
    header = ("`template`", "format", "issued by", "report years", "regulation", "deadline (next year)")
    return _table(header, rows)


def _article_20_md() -> str:
    in_table = {
        ref.item
        for template in (TEMPLATE_2019, TEMPLATE_2021)
        if template.proactive
        for row in template.proactive.children
        for ref in row.articles
    }
    rows = [
        (
            item_label(heading.articles[0].item or 0),
            f"`{heading.key}`",
            heading.zh,
            heading.en,
            "yes" if heading.articles[0].item in in_table else "",
        )
        for heading in ARTICLE_20
    ]
    return _table(("item", "key", "第二十条", "English", "counted in table 二"), rows)


def _proactive_md(template: Any) -> str:
    rows = []
    for row in template.proactive.children:
        unit = ", ".join(f"{c.key}: {c.unit}" for c in row.children if c.unit)
        rows.append((item_label(row.articles[0].item or 0), f"`{row.key}`", row.zh, row.en, _columns(row), unit))
    return _table(("小标题", "key", "信息内容", "English", "columns", "unit"), rows)


def _proactive_diff_md() -> str:
    assert TEMPLATE_2019.proactive is not None
    assert TEMPLATE_2021.proactive is not None
    old = {row.key: row for row in TEMPLATE_2019.proactive.children}
    new = {row.key: row for row in TEMPLATE_2021.proactive.children}
    rows = []
    for key in [*old, *(k for k in new if k not in old)]:
        before, after = old.get(key), new.get(key)
        rows.append(
            (
                f"`{key}`",
                f"{before.zh}: {_columns(before)}" if before else "—",
                f"{after.zh}: {_columns(after)}" if after else "—",
                "same" if before == after else "changed",
            )
        )
    return _table(("row", "2019 template", "2021 template", ""), rows)


def _requests_md(template: Any) -> str:
    rows = [
        (_key(path), "　" * (len(path) - 1) + heading.zh, heading.en, _articles(heading.articles))
        for path, heading in template.requests.walk()
    ]
    return _table(("key path", "row", "English", "rests on"), rows)


def _requests_diff_md() -> str:
    assert TEMPLATE_2019.requests is not None
    assert TEMPLATE_2021.requests is not None
    old = dict(TEMPLATE_2019.requests.walk())
    new = dict(TEMPLATE_2021.requests.walk())
    rows = []
    for path in [*old, *(p for p in new if p not in old)]:
        before, after = old.get(path), new.get(path)
        if before is not None and after is not None and before.zh == after.zh and before.keys() == after.keys():
            continue
        rows.append((_key(path), before.zh if before else "—", after.zh if after else "—"))
    return _table(("key path", "2019 template", "2021 template"), rows)


def _applicants_md() -> str:
    rows = [(f"`{c.key}`", c.zh, c.en, c.group or "") for c in APPLICANTS.children]
    return _table(("key", "column", "English", "printed under"), rows)


def _review_md() -> str:
    review = TEMPLATE_2021.review_litigation
    assert review is not None
    rows = [
        (f"`{group.key}`", (group.group + " · " if group.group else "") + group.zh, group.en, _columns(group))
        for group in review.children
    ]
    same = "identical" if TEMPLATE_2019.review_litigation == TEMPLATE_2021.review_litigation else "different"
    return _table(("group", "header", "English", "columns"), rows) + f"\nThe two templates' table 四 are {same}.\n"


def _headings_md(heading: Heading, *, units: bool = False) -> str:
    header: tuple[str, ...] = ("key", "label", "English", "rests on")
    rows: list[tuple[str, ...]] = [(f"`{h.key}`", h.zh, h.en, _articles(h.articles)) for h in heading.children]
    if units:
        header = (*header, "unit")
        rows = [(*row, h.unit or "") for row, h in zip(rows, heading.children, strict=True)]
    return _table(header, rows)


def _breakdowns_md() -> str:
    """Each legacy breakdown: its whole, how its parts relate, and the parts, by key and label."""

    def named(key: str) -> str:
        return f"`{key}` {LEGACY_MEASURES[key].zh}"

    rows = [(named(b.whole), f"`{b.kind}`", "<br>".join(named(part) for part in b.parts)) for b in LEGACY_BREAKDOWNS]
    return _table(("whole", "kind", "parts"), rows)


def _layout_html(template: str, table: str) -> str:
    """One table of *template* as printed, as an HTML table with its spans; each value cell shows its pointer's tail."""
    from html import escape

    from govdisclosure.regulation import LAYOUTS

    layout = LAYOUTS[template][table]
    lines = ['<table class="docutils govdisclosure-layout">']

    def cell(tag: str, text: str, colspan: int = 1, rowspan: int = 1) -> str:
        spans = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
        return f"<{tag}{spans}>{escape(text)}</{tag}>"

    for block in layout.blocks:
        pad = layout.width - block.width  # a narrower block's last column is widened to the table's width
        if block.title is not None:
            lines.append("<tr>" + cell("th", block.title.text, layout.width) + "</tr>")
        for level, header in enumerate(block.header):
            corner = block.corner if level == 0 else None
            cells = [cell("th", corner.text, corner.colspan, corner.rowspan)] if corner else []
            cells += [cell("th", c.text, c.colspan + pad * (c is header[-1]), c.rowspan) for c in header]
            lines.append("<tr>" + "".join(cells) + "</tr>")
        for row in block.rows:
            cells = [cell("th", c.text, c.colspan, c.rowspan) for c in row.labels]
            last = len(row.pointers) - 1
            cells += [
                cell("td", pointer.rsplit("/", 1)[-1], 1 + pad * (i == last)) for i, pointer in enumerate(row.pointers)
            ]
            lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines) + "\n"


def _variants_md() -> str:
    from govdisclosure.regulation import VARIANTS

    rows = [(official, "<br>".join(_cell(v) for v in variants)) for official, variants in VARIANTS.items()]
    return _table(("official label", "variants seen in published reports"), rows)


def _regulation_pages() -> dict[str, str]:
    return {
        "layout-2019-proactive.md": _layout_html("2019", "proactive"),
        "layout-2021-proactive.md": _layout_html("2021", "proactive"),
        "layout-2021-requests.md": _layout_html("2021", "requests"),
        "layout-2021-review.md": _layout_html("2021", "review_litigation"),
        "variants.md": _variants_md(),
        "templates.md": _templates_md(),
        "article-20.md": _article_20_md(),
        "proactive-2019.md": _proactive_md(TEMPLATE_2019),
        "proactive-2021.md": _proactive_md(TEMPLATE_2021),
        "proactive-diff.md": _proactive_diff_md(),
        "applicants.md": _applicants_md(),
        "balance-note.md": f"> {BALANCE_NOTE}\n",
        "requests-2021.md": _requests_md(TEMPLATE_2021),
        "requests-diff.md": _requests_diff_md(),
        "review.md": _review_md(),
        "sections-2019.md": _headings_md(SECTIONS_2019),
        "sections-2008.md": _headings_md(SECTIONS_2008),
        "narrative.md": _headings_md(NARRATIVE),
        "agency-levels.md": _headings_md(AGENCY_LEVELS),
        "agency-kinds.md": _headings_md(AGENCY_KINDS),
        "legacy-measures.md": _headings_md(LEGACY_MEASURES, units=True),
        "legacy-breakdowns.md": _breakdowns_md(),
        "item-units.md": f"The classifiers that count items alike: {'、'.join(sorted(ITEM_UNITS))}.\n",
        "rules.md": _rules_md(),
    }


def _rules_md() -> str:
    """The rule registry as a table, with how many relations of each relation rule every template has."""
    from govdisclosure.rules import RULES, relations_for

    counts = {
        key: Counter(relation.code for relation in relations_for(template)) for key, template in TEMPLATES.items()
    }
    rows = []
    for rule in RULES.values():
        per_template = ", ".join(f"{key}: {counts[key][rule.code]}" for key in TEMPLATES if counts[key][rule.code])
        evaluates = (
            "relations"
            if rule.relations is not None
            else "check"
            if rule.check is not None
            else f"outcome: {rule.outcome}"
            if rule.outcome is not None
            else "—"
        )
        rows.append(
            (
                f"`{rule.code}`",
                rule.severity.value,
                rule.scope,
                rule.title.zh,
                rule.title.en,
                f"{rule.basis.kind}: {rule.basis.text}",
                rule.example or "—",
                evaluates,
                per_template or "—",
            )
        )
    header = ("code", "severity", "scope", "规则", "rule", "basis", "example", "evaluates", "relations per template")
    return _table(header, rows)


# -- Generated samples: the interchange excerpt, errors, the command line ----------

EXAMPLE_2021 = ROOT / "examples" / "2021-report.json"


def _json_block(data: object) -> str:
    return "```json\n" + json.dumps(data, ensure_ascii=False, indent=2) + "\n```\n"


def _excerpt_md() -> str:
    """The head of the 2021 example and one row of each kind, as the codec writes them."""
    document = json.loads(EXAMPLE_2021.read_text(encoding="utf-8"))
    requests = document["requests"]
    excerpt = {key: document[key] for key in ("schema", "template", "year", "agency", "published", "proactive")}
    excerpt["requests"] = {
        "received": requests["received"],
        "outcomes": {
            "granted": requests["outcomes"]["granted"],
            "partly_granted": requests["outcomes"]["partly_granted"],
            "withheld": {
                key: requests["outcomes"]["withheld"][key] for key in ("state_secret", "three_safeties_one_stability")
            },
        },
    }
    excerpt["review_litigation"] = {"review": document["review_litigation"]["review"]}
    excerpt["extensions"] = document["extensions"]
    return _json_block(excerpt)


def _broken_document() -> str:
    document = json.loads(EXAMPLE_2021.read_text(encoding="utf-8"))
    document["year"] = "2021"
    document["agency"]["level"] = "city"
    document["proactive"]["fees"]["amount"] = 0.5
    document["requests"]["received"]["natural_person"] = -1
    document["requests"]["outcomes"]["withheld"]["secret"] = {}
    return json.dumps(document, ensure_ascii=False, indent=2)


@contextlib.contextmanager
def _in_directory(path: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def _run_cli(*argv: str) -> tuple[str, int]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            status = cli.main(list(argv))
        except SystemExit as exit_:  # --help
            status = int(exit_.code or 0)
    return out.getvalue(), status


def _session(*argv: str, show_status: bool = True) -> str:
    text, status = _run_cli(*argv)
    lines = [f"$ govdisclosure {' '.join(argv)}", text.rstrip()]
    if show_status:
        lines += ["$ echo $?", str(status)]
    return "```console\n" + "\n".join(lines) + "\n```\n"


def _error_pages() -> dict[str, str]:
    pages: dict[str, str] = {}
    try:
        gd.loads(_broken_document())
    except gd.ParseError as error:
        pages["error-str.md"] = f"```text\n{error}\n```\n"
        first = error.problems[0]
        pages["error-problem.md"] = f"```python\n{first!r}\n```\n"
    try:
        gd.loads('{"schema": "govdisclosure/annual-report/1",\n "template": "2021" "year": 2021}')
    except gd.ParseError as error:
        pages["error-syntax.md"] = f"```python\n{error.problems[0]!r}\n```\n"
    try:
        gd.load(ROOT / "examples" / "no-such-report.json")
    except gd.ParseError as error:
        pages["error-missing.md"] = f"```text\n{str(error).replace(str(ROOT) + os.sep, '')}\n```\n"
    return pages


def _cli_pages() -> dict[str, str]:
    pages: dict[str, str] = {}
    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"  # argparse wraps help to the terminal width
    try:
        pages["cli-help.md"] = _session("--help", show_status=False)
        pages["cli-validate-help.md"] = _session("validate", "--help", show_status=False)
        pages["cli-schema-help.md"] = _session("schema", "--help", show_status=False)
        pages["cli-convert-help.md"] = _session("convert", "--help", show_status=False)
    finally:
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns
    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(EXAMPLE_2021, Path(folder) / "report.json")
        (Path(folder) / "broken.json").write_text(_broken_document(), encoding="utf-8")
        typo = json.loads(EXAMPLE_2021.read_text(encoding="utf-8"))
        typo["requests"]["outcomes"]["granted"]["natral_person"] = typo["requests"]["outcomes"]["granted"].pop(
            "natural_person"
        )
        (Path(folder) / "typo.json").write_text(json.dumps(typo, ensure_ascii=False), encoding="utf-8")
        with _in_directory(Path(folder)):
            pages["cli-validate-ok.md"] = _session("validate", "report.json")
            pages["cli-validate-text.md"] = _session("validate", "report.json", "broken.json")
            pages["cli-validate-json.md"] = _session("validate", "--format", "json", "typo.json")
            sums = json.loads(EXAMPLE_2021.read_text(encoding="utf-8"))
            sums["requests"]["received"]["total"] += 1
            (Path(folder) / "sums.json").write_text(json.dumps(sums, ensure_ascii=False), encoding="utf-8")
            pages["cli-validate-findings.md"] = _session("validate", "--lang", "en", "sums.json")
            pages["cli-validate-suppress.md"] = _session(
                "validate", "--lang", "en", "--suppress", "GD-ROOT-CAUSE@/requests", "sums.json"
            )
            pages["cli-convert.md"] = _session("convert", "report.json", "report.xml")
            pages.update(_cli_stream_pages(Path(folder)))
    schema_text, _ = _run_cli("schema", "--format", "json")
    schema = json.loads(schema_text)
    head = {key: schema[key] for key in ("$schema", "$id", "title") if key in schema}
    pages["cli-schema-head.md"] = _json_block(head)
    return pages


def _cli_stream_pages(folder: Path) -> dict[str, str]:
    """Sessions of the streaming validate, in *folder* (the current directory), beside report.json."""
    pages = {"cli-version.md": _session("--version", show_status=False)}
    report = json.loads(EXAMPLE_2021.read_text(encoding="utf-8"))
    later = {**report, "year": 2022, "published": None}
    lines = [json.dumps(report, ensure_ascii=False), '{"schema": 1}', json.dumps(later, ensure_ascii=False)]
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pages["cli-validate-jsonl.md"] = _session("validate", "--lang", "en", "many.jsonl")
    pages["cli-validate-jsonl-format.md"] = _session("validate", "--format", "jsonl", "--lang", "en", "many.jsonl")
    (folder / "same").mkdir()
    shutil.copy(folder / "report.json", folder / "same" / "report.json")
    cli.main(["convert", "same/report.json", "same/report.xml"])
    (folder / "same" / "notes.txt").write_text("not a report", encoding="utf-8")
    pages["cli-validate-duplicate.md"] = _session("validate", "--lang", "en", "same", "same/report.json")
    clean = {key: report[key] for key in ("schema", "template", "year", "agency")}
    (folder / "clean.json").write_text(json.dumps(clean, ensure_ascii=False), encoding="utf-8")
    pages["cli-validate-json-clean.md"] = _session("validate", "--format", "json", "clean.json")
    pages["cli-convert-refused.md"] = "".join(
        _session(*argv)
        for argv in (
            ("convert", "--to", "json", "report.json", "out.xml"),
            ("convert", "report.json", "missing/out.xml"),
            ("convert", "--to", "xml", "report.json", "same"),
        )
    )
    return pages


def _api_model_md() -> str:
    """The autodoc block for govdisclosure.model, leaving out what the top-level package documents.

    Documenting a class under both names would register its canonical name twice.
    """
    from govdisclosure import model

    shared = sorted(set(gd.__all__) & set(model.__all__))
    links = ", ".join(f"{{obj}}`~govdisclosure.{name}`" for name in shared)
    return (
        f"Also in this module, and documented above under {{mod}}`govdisclosure`: {links}.\n\n"
        "```{eval-rst}\n"
        ".. automodule:: govdisclosure.model\n"
        "   :members:\n"
        "   :imported-members:\n"
        f"   :exclude-members: {', '.join(shared)}\n"
        "```\n"
    )


def _attribute_doc(package: Any, name: str) -> list[str]:
    """The ``#:`` comment of *name* where a submodule of *package* defines it."""
    import pkgutil

    from sphinx.pycode import ModuleAnalyzer

    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        docs = ModuleAnalyzer.for_module(info.name).find_attr_docs()
        if ("", name) in docs:
            return [line for line in docs[("", name)] if line]
    return []


def _api_regulation_md() -> str:
    """The reference of govdisclosure.regulation, its constants without their (very long) values.

    autodoc would take a constant's documentation from the package's
    ``__init__``, where it is only imported; the ``#:`` comments are read from
    the submodule that defines it instead.
    """
    import inspect

    from govdisclosure import regulation

    constants = [
        name
        for name in regulation.__all__
        if not (inspect.isclass(getattr(regulation, name)) or callable(getattr(regulation, name)))
    ]
    lines = [
        "```{eval-rst}",
        ".. automodule:: govdisclosure.regulation",
        "   :members:",
        "   :imported-members:",
        f"   :exclude-members: {', '.join(constants)}",
        "",
    ]
    for name in constants:
        lines += [f".. py:data:: {name}", "   :module: govdisclosure.regulation", ""]
        lines += [f"   {line}" for line in _attribute_doc(regulation, name)]
        lines.append("")
    return "\n".join([*lines, "```", ""])


def _broken_report() -> Any:
    """The 2021 example with a row of table 三 and table 四's review total broken, and a mistyped USCC."""
    import attrs

    report: Any = gd.load(EXAMPLE_2021)
    requests, review = report.requests, report.review_litigation
    return attrs.evolve(
        report,
        agency=attrs.evolve(report.agency, uscc="115000000092759913"),
        requests=attrs.evolve(requests, received=attrs.evolve(requests.received, total=requests.received.total + 1)),
        review_litigation=attrs.evolve(review, review=attrs.evolve(review.review, total=7)),
    )


def _findings_pages() -> dict[str, str]:
    """Real findings of a broken report: as lines in both languages, one as data, the exception, a selection."""
    report = _broken_report()
    zh = list(gd.iter_findings(report))
    en = list(gd.iter_findings(report, lang="en"))
    pages = {
        "findings-zh.md": "```text\n" + "\n".join(map(str, zh)) + "\n```\n",
        "findings-en.md": "```text\n" + "\n".join(map(str, en)) + "\n```\n",
        "finding-data.md": _json_block(en[1].to_dict()),
        "finding-other-language.md": (
            f"```python\n>>> finding.message\n{en[0].message!r}\n>>> finding.message_in('zh')\n"
            f"{en[0].message_in('zh')!r}\n>>> finding.values\n{en[0].values!r}\n```\n"
        ),
        "findings-selected.md": "```text\n"
        + "\n".join(map(str, gd.iter_findings(report, lang="en", select=["GD-T3", "GD-T4"])))
        + "\n```\n",
    }
    try:
        gd.validate(report, lang="en")
    except gd.ReportInvalid as error:
        pages["report-invalid.md"] = f"```text\n{error}\n```\n"
    pages["summary-check.md"] = _json_block(gd.check(report, lang="en").summary.to_dict())
    suppressed = gd.check(report, lang="en", suppress=["GD-USCC", "GD-ROOT-CAUSE@/requests"])
    pages["summary-suppressed.md"] = _json_block(suppressed.summary.to_dict())
    return pages


PUBLISHED = ROOT / "tests" / "data" / "published"


def _importing_pages() -> dict[str, str]:
    """Real imports of stored published pages, before and after, and the GD-IMPORT catalogue."""
    from govdisclosure.codecs.data import to_data
    from govdisclosure.rules.imports import IMPORT_RULES

    page = PUBLISHED / "pingtan-ptzhsyqjtj-2019" / "page.txt"
    text = page.read_text(encoding="utf-8")
    start = text.index("第二十条第（一）项")
    before = text[start : text.index("三、收到和处理", start)]
    result = gd.import_report(page.read_bytes(), lang="en")
    proactive = to_data(result.report)["proactive"]
    seed = gd.import_report((PUBLISHED / "tianshui-mzj-2019-seed004" / "page.txt").read_bytes(), lang="en")
    seed_text = (PUBLISHED / "tianshui-mzj-2019-seed004" / "page.txt").read_text(encoding="utf-8")
    seed_start = seed_text.index("一、本年新收")
    rows = [
        (f"`{rule.code}`", rule.severity.value, rule.title.zh, rule.title.en, rule.message.en) for rule in IMPORT_RULES
    ]
    source = result.sources["/proactive/normative_documents/total_published"]
    return {
        "import-before.md": "```text\n" + before + "\n```\n",
        "import-after.md": _json_block(proactive),
        "import-findings.md": "```text\n"
        + "\n".join(str(f) for f in result.findings if f.path.startswith("/proactive"))
        + "\n```\n",
        "import-source.md": "```python\n>>> result.sources['/proactive/normative_documents/total_published']\n"
        + f"{source!r}\n```\n",
        "import-seed-before.md": "```text\n" + "\n".join(seed_text[seed_start:].splitlines()[:3]) + "\n```\n",
        "import-seed-findings.md": "```text\n"
        + "\n".join(str(f) for f in seed.findings if f.path in ("/requests/received", "/review_litigation"))
        + "\n```\n",
        "import-catalogue.md": _table(("code", "severity", "规则", "rule", "message (en)"), rows),
        "import-session.md": _import_session(page),
    }


def _import_session(page: Path) -> str:
    """``govdisclosure import`` run on a stored page, in a scratch folder."""
    with tempfile.TemporaryDirectory() as folder, _in_directory(Path(folder)):
        shutil.copy(page, "page.txt")
        return _session("import", "page.txt", "-o", "report.json", "--lang", "en")


def _write_generated(_app: object = None) -> None:
    """Write every generated include, touching only files whose text changed."""
    GENERATED.mkdir(exist_ok=True)
    pages = {
        **_regulation_pages(),
        "interchange-excerpt.md": _excerpt_md(),
        **_error_pages(),
        **_findings_pages(),
        **_cli_pages(),
        **_importing_pages(),
        "api-model.md": _api_model_md(),
        "api-regulation.md": _api_regulation_md(),
    }
    for name, text in pages.items():
        path = GENERATED / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Generate the includes before Sphinx reads any page."""
    app.connect("builder-inited", _write_generated)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
