"""The printed layout of each template, the label index, the variants and label normalisation.

The layout is checked against a real 2019 report flattened to pipe text
(``shared/seeds/004_*.txt``): its header rows and row labels are the ones
:data:`~govdisclosure.regulation.LAYOUTS` derives from the headings.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from govdisclosure.regulation import (
    APPLICANTS,
    BALANCE_NOTE,
    LABELS,
    LAYOUTS,
    OUTCOMES_2019,
    PROACTIVE_2019,
    PROACTIVE_2021,
    VARIANTS,
    LabelError,
    LabelIndex,
    normalise_label,
    variants_of,
)
from govdisclosure.regulation.layout import HeaderCell

SEED = next(
    (
        seeds / "004_9f09e102a19e83ee.txt"
        for parent in Path(__file__).resolve().parents
        if (seeds := parent / "shared" / "seeds").is_dir()
    ),
    Path("/work/shared/seeds/004_9f09e102a19e83ee.txt"),
)
TEMPLATES = pytest.mark.parametrize("template", ["2019", "2021"])


def texts(cells: tuple[HeaderCell, ...]) -> list[str]:
    return [normalise_label(cell.text) for cell in cells]


@pytest.fixture(scope="module")
def seed_lines() -> list[list[str]]:
    """The seed report as lines of non-empty ``|``-separated cells, labels normalised."""
    if not SEED.is_file():
        pytest.skip(f"real 2019 report not available: {SEED} is missing")
    return [
        [normalise_label(cell) for cell in line.split("|") if cell.strip()]
        for line in SEED.read_text(encoding="utf-8").splitlines()
        if "|" in line
    ]


def section(lines: list[list[str]], first: str, count: int) -> list[list[str]]:
    """*count* lines of the seed from the one whose first cell starts with *first*."""
    start = next(index for index, line in enumerate(lines) if line and line[0].startswith(normalise_label(first)))
    return lines[start : start + count]


# -- The layout against a real report ----------------------------------------------


def test_table_3_header_as_printed(seed_lines: list[list[str]]) -> None:
    """Table 三's three header rows are the seed's, with the corner over three label columns and three rows."""
    block = LAYOUTS["2019"]["requests"].blocks[0]
    printed = section(seed_lines, BALANCE_NOTE, 3)
    assert block.corner is not None
    assert (block.corner.text, block.corner.colspan, block.corner.rowspan) == (BALANCE_NOTE, 3, 3)
    assert [normalise_label(block.corner.text), *texts(block.header[0])] == printed[0]
    assert texts(block.header[1]) == printed[1]
    assert texts(block.header[2]) == printed[2]
    assert [(c.colspan, c.rowspan) for c in block.header[1]] == [(1, 2), (5, 1), (1, 2)]


def test_table_3_row_labels_as_printed(seed_lines: list[list[str]]) -> None:
    """Each row of table 三 begins with the label cells the seed prints on that line, then its values."""
    block = LAYOUTS["2019"]["requests"].blocks[0]
    printed = section(seed_lines, "一、本年新收", len(block.rows))
    assert [line[:-1] for line in printed] == [texts(row.labels) for row in block.rows]
    spans = {cell.text: (cell.colspan, cell.rowspan) for row in block.rows for cell in row.labels}
    assert spans[OUTCOMES_2019.zh] == (1, 20)
    assert spans[OUTCOMES_2019["withheld"].zh] == (1, 8)
    assert spans[OUTCOMES_2019["other"].zh] == (2, 1)
    assert spans["一、本年新收政府信息公开申请数量"] == (3, 1)


def test_table_3_2021_splits_other_handling() -> None:
    """In 2021 三、本年度办理结果 spans 22 rows and （六）其他处理 three."""
    rows = LAYOUTS["2021"]["requests"].blocks[0].rows
    spans = {cell.text: cell.rowspan for row in rows for cell in row.labels}
    assert spans["三、本年度办理结果"] == 22
    assert spans["（六）其他处理"] == 3


def test_table_4_header_as_printed(seed_lines: list[list[str]]) -> None:
    """Table 四: 行政复议 over five columns, 行政诉讼 over ten; the review results span two header rows."""
    table = LAYOUTS["2019"]["review_litigation"]
    assert table.orientation == "columns"
    (block,) = table.blocks
    printed = section(seed_lines, "行政复议", 3)
    assert [texts(row) for row in block.header] == printed
    assert [(c.text, c.colspan) for c in block.header[0]] == [("行政复议", 5), ("行政诉讼", 10)]
    assert {c.rowspan for c in block.header[1][:5]} == {2}
    assert block.corner is None
    assert block.label_columns == 0
    assert len(block.rows) == 1
    assert len(block.rows[0].pointers) == 15


def test_table_2_blocks_as_printed(seed_lines: list[list[str]]) -> None:
    """Table 二 of 2019: five blocks, each a title, 信息内容 with the block's columns, and its rows.

    The seed's first header row is cut short ("本年新" twice, a line-wrapped
    label), so its columns are compared from the second block on.
    """
    table = LAYOUTS["2019"]["proactive"]
    assert table.orientation == "rows"
    assert len(table.blocks) == 5
    start = next(index for index, line in enumerate(seed_lines) if line == [normalise_label("第二十条第（一）项")])
    position = start
    for number, block in enumerate(table.blocks):
        assert block.title is not None
        assert block.corner is not None
        assert [normalise_label(block.title.text)] == seed_lines[position]
        header = [normalise_label(block.corner.text), *texts(block.header[0])]
        if number:
            assert header == seed_lines[position + 1]
        for offset, row in enumerate(block.rows, start=2):
            assert seed_lines[position + offset][0] == texts(row.labels)[0]
        position += 2 + len(block.rows)


def test_table_2_columns_differ_between_templates() -> None:
    """The blocks' own columns: 2021's (一) prints 本年制发件数…, 2019's 本年新制作数量…; (九) only in 2019."""
    old = LAYOUTS["2019"]["proactive"].blocks
    new = LAYOUTS["2021"]["proactive"].blocks
    assert [c.names[0] for c in old[0].columns] == list(PROACTIVE_2019["rules"].children)
    assert [c.names[0] for c in new[0].columns] == list(PROACTIVE_2021["rules"].children)
    assert [b.title.text for b in new if b.title] == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    assert old[-1].title is not None
    assert old[-1].title.text == "第二十条第（九）项"
    assert [block.width for block in new] == [4, 2, 2, 2]
    assert LAYOUTS["2021"]["proactive"].width == 4


@TEMPLATES
def test_spans_tile_each_block(template: str) -> None:
    """Header cells fill the value columns exactly, row by row, counting cells that span down from above."""
    for table in LAYOUTS[template].tables:
        for block in table.blocks:
            covered = [0] * len(block.header)
            for level, header_row in enumerate(block.header):
                for cell in header_row:
                    for below in range(level, level + cell.rowspan):
                        covered[below] += cell.colspan
            assert covered == [len(block.columns)] * len(block.header)
            label_rows = [0] * len(block.rows)
            for index, row in enumerate(block.rows):
                for cell in row.labels:
                    for below in range(index, index + cell.rowspan):
                        label_rows[below] += cell.colspan
            assert label_rows == [block.label_columns] * len(block.rows)


def test_applicants_are_the_columns_of_table_3() -> None:
    """Table 三 prints the applicant types as columns: one column per applicant heading, in order."""
    table = LAYOUTS["2021"]["requests"]
    assert table.orientation == "rows"
    assert [column.names[-1] for column in table.blocks[0].columns] == list(APPLICANTS.children)
    assert all(column.headings[0] == APPLICANTS for column in table.blocks[0].columns)


# -- The label index ---------------------------------------------------------------


@TEMPLATES
def test_every_cell_reads_back_from_its_labels(template: str) -> None:
    """For every cell: its own labels give its pointer back, whole and as one string."""
    index = LABELS[template]
    for pointer in index.pointers():
        labels = index.labels(pointer)
        assert index.pointer(*labels) == pointer
        assert index.pointer_of(" · ".join(labels)) == pointer


@pytest.mark.parametrize(
    ("template", "labels", "pointer"),
    [
        ("2021", ("一、本年新收政府信息公开申请数量", "自然人"), "/requests/received/natural_person"),
        (
            "2021",
            ("1.属于国家秘密", "法人或其他组织", "商业企业"),
            "/requests/outcomes/withheld/state_secret/commercial",
        ),
        (
            "2021",
            ("(三)不予公开", "5.属于三类内容事务信息", "总计"),
            "/requests/outcomes/withheld/internal_affairs/total",
        ),
        (
            "2021",
            ("(二)部分公开(区分处理的,只计这一情况,不计其他情形)", "科研 机构"),
            "/requests/outcomes/partly_granted/research",
        ),
        ("2021", ("3.其他", "其他"), "/requests/outcomes/other/other/other_org"),
        ("2019", ("（六）其他处理", "总计"), "/requests/outcomes/other/total"),
        ("2021", ("行政复议", "总计"), "/review_litigation/review/total"),
        ("2019", ("复议后起诉", "尚未审结"), "/review_litigation/litigation_after_review/pending"),
        ("2021", ("规范性文件", "本年制发件数"), "/proactive/normative_documents/issued"),
        ("2019", ("行政规范性文件", "本年新公开数量"), "/proactive/normative_documents/new_published"),
        (
            "2021",
            ("规章(设区的市、自治州人民政府应提供相关数据)", "现行有效件数 (历史累计)"),
            "/proactive/rules/in_force",
        ),
        ("2021", ("行政事业性收费", "本年收费金额(单位:万元)"), "/proactive/fees/amount"),
        ("2019", ("行政许可", "本年增／减"), "/proactive/licensing/change"),
    ],
)
def test_pointer_from_labels_as_printed(template: str, labels: tuple[str, ...], pointer: str) -> None:
    """Labels as real reports print them (variants, widths, spaces, annotations) find their cell."""
    assert LABELS[template].pointer(*labels) == pointer


def test_how_a_label_matched() -> None:
    """``find`` says whether a printed label is official, a variant, or annotated."""
    index = LABELS["2021"]
    assert {(m.heading.key, m.how) for m in index.find("行政规范性文件")} == {("normative_documents", "official")}
    assert {(m.heading.key, m.how) for m in index.find("规范性文件")} == {("normative_documents", "variant")}
    assert {(m.heading.key, m.how) for m in index.find("现行有效件数（本年）")} == {("in_force", "annotated")}
    assert index.find("不存在的标签") == ()


@pytest.mark.parametrize(
    ("labels", "count"),
    [(("总计",), 28), (("不存在",), 0), (("（三）不予公开", "总计"), 8), ((), 0)],
)
def test_ambiguous_or_unknown_labels(labels: tuple[str, ...], count: int) -> None:
    """Labels naming no cell, or more than one, raise a LabelError listing the candidates."""
    with pytest.raises(LabelError) as caught:
        LABELS["2021"].pointer(*labels)
    assert len(caught.value.candidates) == count
    assert isinstance(caught.value, KeyError)
    assert ("give more of their labels" in str(caught.value)) == bool(count)


def test_unknown_pointer() -> None:
    """The reverse lookup of a pointer the template has no cell at is a KeyError."""
    with pytest.raises(KeyError):
        LABELS["2021"].labels("/proactive/procurement/amount")


def test_variants_can_be_replaced() -> None:
    """An index built without variants refuses a variant wording; with extra ones it accepts them."""
    plain = LabelIndex(LAYOUTS["2021"], variants={})
    with pytest.raises(LabelError):
        plain.pointer("规范性文件", "本年制发件数")
    extended = LabelIndex(LAYOUTS["2021"], variants={**VARIANTS, "行政许可": ("行政审批",)})
    assert extended.pointer("行政审批", "本年处理决定数量") == "/proactive/licensing/decisions"


# -- Variants and normalisation ---------------------------------------------------------


def test_variants_are_of_official_labels_and_differ_from_them() -> None:
    """Every variant belongs to a label some template prints, and is not that label after normalisation."""
    printed = {
        cell.text
        for layout in LAYOUTS.values()
        for table in layout.tables
        for block in table.blocks
        for cells in (*block.header, *(row.labels for row in block.rows))
        for cell in cells
    }
    from govdisclosure.regulation import SECTIONS_2019

    printed |= {heading.zh for heading in SECTIONS_2019.children}
    for official, variants in VARIANTS.items():
        assert official in printed, official
        assert variants
        for variant in variants:
            assert normalise_label(variant) != normalise_label(official)
    assert variants_of("内容不存在") == ()


def test_seeded_variants() -> None:
    """The real deviations of domain.md §6 are in the table."""
    assert "5.属于三类内容事务信息" in variants_of("5.属于三类内部事务信息")
    assert "（二）部分公开（区分处理的，只计这一情况，不计其他情形）" in variants_of(OUTCOMES_2019["partly_granted"].zh)
    assert variants_of("规范性文件") == ("行政规范性文件",)
    assert "五、政府信息公开工作存在的主要问题及改进情况" in variants_of("五、存在的主要问题及改进情况")


@pytest.mark.parametrize(
    ("printed", "official"),
    [
        ("(一)予以公开", "（一）予以公开"),
        ("本年收费金额(单位:万元)", "本年收费金额（单位：万元）"),
        ("本年新\n制作数量", "本年新制作数量"),
        ("商业\u3000企业", "商业企业"),
        ("第二十条 第(一)项", "第二十条第（一）项"),
        ('３.危及"三安全一稳定"', "3.危及“三安全一稳定”"),
        ("1、属于国家秘密", "1.属于国家秘密"),
        ("本年增/减", "本年增／减"),
        ("〔一〕予以公开", "（一）予以公开"),
    ],
)
def test_normalise_label(printed: str, official: str) -> None:
    """Width, brackets, quotes, spaces, line breaks and the enumerator's punctuation do not distinguish labels."""
    assert normalise_label(printed) == normalise_label(official)


def test_normalise_label_is_idempotent_and_nfkc() -> None:
    """Normalising twice changes nothing more; the result is NFKC with no whitespace."""
    for layout in LAYOUTS.values():
        for pointer in LABELS[layout.template.key].pointers():
            for label in LABELS[layout.template.key].labels(pointer):
                once = normalise_label(label)
                assert normalise_label(once) == once
                assert unicodedata.normalize("NFKC", once) == once
                assert not re.search(r"\s", once)


def test_the_regulation_page_examples_run() -> None:
    """The ``>>>`` examples of docs/regulation.md give the output the page shows."""
    import doctest

    page = Path(__file__).resolve().parents[1] / "docs" / "regulation.md"
    if not page.is_file():
        pytest.skip("the docs are not beside the tests")
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testfile(str(page), module_relative=False, optionflags=flags, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0


def test_headings_keep_their_hash_through_pickle() -> None:
    """A heading's cached hash survives a pickle round trip, so copies still find their dictionary entries."""
    import pickle

    heading = OUTCOMES_2019["withheld"]
    copy = pickle.loads(pickle.dumps(heading))
    assert copy == heading
    assert hash(copy) == hash(heading)
    assert variants_of(heading["internal_affairs"]) == variants_of(heading["internal_affairs"].zh)
