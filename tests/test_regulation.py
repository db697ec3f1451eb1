"""Tests for the vocabulary in ``govdisclosure.regulation``.

Labels are checked against two outside witnesses read at test time: a real
2019 report flattened to text (``shared/seeds``) and the verbatim texts in
``shared/domain.md``.  Both sides are NFKC-normalised where the witness is a
scraped copy, because scrapers turn full-width brackets into half-width ones.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from govdisclosure.regulation import (
    AGENCY_KINDS,
    AGENCY_LEVELS,
    APPLICANTS,
    ARTICLE_20,
    BALANCE_NOTE,
    LEGACY,
    LEGACY_MEASURES,
    NARRATIVE,
    OUTCOMES_2019,
    OUTCOMES_2021,
    PROACTIVE_2019,
    PROACTIVE_2021,
    REGULATION_2008,
    REGULATION_2019,
    REQUEST_ROWS_2019,
    REQUEST_ROWS_2021,
    REVIEW_LITIGATION,
    SECTIONS_2008,
    SECTIONS_2019,
    TEMPLATE_2019,
    TEMPLATE_2021,
    TEMPLATES,
    ArticleRef,
    Heading,
    TemplateVersion,
    item_label,
    template_for_year,
    zh_numeral,
)

#: The shared notes beside the checkout (``../shared``), found from a git worktree too.
SHARED = next(
    (parent / "shared" for parent in Path(__file__).resolve().parents if (parent / "shared" / "seeds").is_dir()),
    Path(__file__).resolve().parents[2] / "shared",
)
SEED_2019 = SHARED / "seeds" / "004_9f09e102a19e83ee.txt"
DOMAIN = SHARED / "domain.md"

#: Every heading tree of the vocabulary; Article 20 is a tuple of items.
TREES: dict[str, Heading | tuple[Heading, ...]] = {
    "REGULATION_2008": REGULATION_2008,
    "REGULATION_2019": REGULATION_2019,
    "ARTICLE_20": ARTICLE_20,
    "PROACTIVE_2019": PROACTIVE_2019,
    "PROACTIVE_2021": PROACTIVE_2021,
    "REQUEST_ROWS_2019": REQUEST_ROWS_2019,
    "REQUEST_ROWS_2021": REQUEST_ROWS_2021,
    "APPLICANTS": APPLICANTS,
    "REVIEW_LITIGATION": REVIEW_LITIGATION,
    "SECTIONS_2008": SECTIONS_2008,
    "SECTIONS_2019": SECTIONS_2019,
    "NARRATIVE": NARRATIVE,
    "LEGACY_MEASURES": LEGACY_MEASURES,
    "AGENCY_LEVELS": AGENCY_LEVELS,
    "AGENCY_KINDS": AGENCY_KINDS,
}
BOTH = pytest.mark.parametrize("template", [TEMPLATE_2019, TEMPLATE_2021], ids=["2019", "2021"])

#: Chinese numerals 1–56, written out by hand (independent of ``zh_numeral``).
# fmt: off
NUMERALS = (
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
    "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十",
    "二十一", "二十二", "二十三", "二十四", "二十五", "二十六", "二十七", "二十八", "二十九", "三十",
    "三十一", "三十二", "三十三", "三十四", "三十五", "三十六", "三十七", "三十八", "三十九", "四十",
    "四十一", "四十二", "四十三", "四十四", "四十五", "四十六", "四十七", "四十八", "四十九", "五十",
    "五十一", "五十二", "五十三", "五十四", "五十五", "五十六",
)
# fmt: on


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def every_heading(tree: Heading | tuple[Heading, ...]) -> Iterator[Heading]:
    """The root(s) of *tree* and all their descendants."""
    for root in tree if isinstance(tree, tuple) else (tree,):
        yield root
        for _, heading in root.walk():
            yield heading


def sibling_groups(tree: Heading | tuple[Heading, ...]) -> Iterator[tuple[Heading, ...]]:
    """Every run of headings that share a parent."""
    if isinstance(tree, tuple):
        yield tree
    for heading in every_heading(tree):
        if heading.children:
            yield heading.children


def outcome_leaves(outcomes: Heading) -> list[tuple[str, ...]]:
    """Key paths of the outcome rows, 总计 excluded."""
    return [path for path, heading in outcomes.walk() if not heading.children and path != ("total",)]


@pytest.fixture(scope="module")
def seed_rows() -> list[list[str]]:
    """The seed report, NFKC-normalised, as lines of non-empty ``|``-separated cells."""
    if not SEED_2019.is_file():
        pytest.skip(f"real 2019 report not available: {SEED_2019} is missing")
    text = nfkc(SEED_2019.read_text(encoding="utf-8"))
    rows = ([cell.strip() for cell in line.split("|")] for line in text.splitlines())
    return [[cell for cell in row if cell] for row in rows]


@pytest.fixture(scope="module")
def seed_cells(seed_rows: list[list[str]]) -> list[str]:
    """Every cell of the seed report, in reading order."""
    return [cell for row in seed_rows for cell in row]


@pytest.fixture(scope="module")
def domain() -> str:
    """The text of shared/domain.md."""
    if not DOMAIN.is_file():
        pytest.skip(f"domain facts not available: {DOMAIN} is missing")
    return DOMAIN.read_text(encoding="utf-8")


def domain_section(domain: str, number: int) -> str:
    """Section *number* (``## N. …``) of domain.md, up to the next top-level section."""
    match = re.search(rf"^## {number}\. .*?(?=^## )", domain, re.MULTILINE | re.DOTALL)
    assert match, f"domain.md has no section {number}"
    return match.group()


# --- labels against a real published 2019 report -------------------------------------------


def test_seed_has_every_table_three_row_label(seed_cells: list[str]) -> None:
    """Every row label of table 三 (2019), group labels and sub-items included, is a cell of the seed."""
    labels = [heading.zh for _, heading in REQUEST_ROWS_2019.walk()]
    assert len(labels) == 27  # 4 rows, 7 outcome groups, 8 + 3 + 5 sub-items
    assert [label for label in labels if nfkc(label) not in seed_cells] == []


def test_seed_prints_table_three_rows_in_vocabulary_order(seed_cells: list[str]) -> None:
    """The seed prints table 三's rows in the depth-first order of the 2019 heading tree."""
    table = seed_cells[seed_cells.index(nfkc(BALANCE_NOTE)) :]
    positions = [table.index(nfkc(heading.zh)) for _, heading in REQUEST_ROWS_2019.walk()]
    assert positions == sorted(positions)


def test_seed_has_applicant_columns(seed_rows: list[list[str]]) -> None:
    """The seed's two header lines are the seven applicant columns, five of them under 法人或其他组织."""
    top: list[str] = []
    for column in APPLICANTS.children:
        label = column.group or column.zh
        if label not in top:
            top.append(label)
    grouped = [column.zh for column in APPLICANTS.children if column.group]
    assert len(APPLICANTS.children) == 7
    assert top == ["自然人", "法人或其他组织", "总计"]
    assert top in seed_rows
    assert grouped in seed_rows


def test_seed_has_balance_note(seed_cells: list[str]) -> None:
    """The 勾稽 note of table 三's top-left cell is a cell of the seed."""
    assert nfkc(BALANCE_NOTE) in seed_cells


def test_seed_has_review_litigation_columns(seed_rows: list[list[str]]) -> None:
    """The seed's three header lines of table 四 are the vocabulary's groups and result columns."""
    review, direct, after = REVIEW_LITIGATION.children
    results = [column.zh for column in review.children]
    assert direct.children == after.children == review.children
    assert direct.group == after.group == "行政诉讼"
    assert [review.zh, direct.group] in seed_rows
    assert [*results, direct.zh, after.zh] in seed_rows
    assert results * 2 in seed_rows


def test_seed_has_table_titles(seed_cells: list[str]) -> None:
    """The titles of tables 三 and 四 appear verbatim in the seed."""
    assert nfkc(REQUEST_ROWS_2019.zh) in seed_cells
    assert nfkc(REVIEW_LITIGATION.zh) in seed_cells


def test_seed_shortens_proactive_title(seed_cells: list[str]) -> None:
    """The seed titles table 二 "二、主动公开情况", not the template's wording (domain.md §6 row 11)."""
    assert PROACTIVE_2019.zh == "二、主动公开政府信息情况"
    assert nfkc(PROACTIVE_2019.zh) not in seed_cells
    assert "二、主动公开情况" in seed_cells


def test_seed_places_table_two_rows_under_their_article_20_item(seed_rows: list[list[str]]) -> None:
    """Each 2019 table 二 row appears in the seed under the 小标题 of its Article 20 item."""
    items = {nfkc(item_label(number)): number for number in range(1, 16)}
    placed: dict[str, int] = {}
    block = None
    for row in seed_rows:
        if row and row[0] == nfkc(REQUEST_ROWS_2019.zh):
            break
        if len(row) == 1 and row[0] in items:
            block = items[row[0]]
        elif row and block is not None:
            placed.setdefault(row[0], block)
    expected = {nfkc(row.zh): row.articles[0].item for row in PROACTIVE_2019.children}
    assert {label: placed.get(label) for label in expected} == expected


def test_seed_has_table_two_column_labels(seed_rows: list[list[str]]) -> None:
    """The seed's header line of each Article 20 block is 信息内容 and the vocabulary's columns."""
    blocks: dict[int, list[Heading]] = {}
    for row in PROACTIVE_2019.children:
        blocks.setdefault(row.articles[0].item or 0, []).append(row)
    for number, rows in blocks.items():
        if number == 1:
            continue  # truncated in the seed; see the next test
        columns = [nfkc(column.zh) for column in rows[0].children]
        assert all(row.children == rows[0].children for row in rows)
        header = seed_rows[seed_rows.index([nfkc(item_label(number))]) + 1]
        assert header == ["信息内容", *columns]


def test_seed_truncates_new_made_and_new_published(seed_rows: list[list[str]]) -> None:
    """The seed cuts 本年新制作数量 / 本年新公开数量 to 本年新, a real deviation (domain.md §6 row 7)."""
    new_made, new_published, total_published = PROACTIVE_2019["rules"].children
    header = seed_rows[seed_rows.index([nfkc(item_label(1))]) + 1]
    assert (new_made.zh, new_published.zh) == ("本年新制作数量", "本年新公开数量")
    assert header == ["信息内容", "本年新", "本年新", total_published.zh]
    assert all(cell not in (new_made.zh, new_published.zh) for row in seed_rows for cell in row)


# --- official punctuation ---------------------------------------------------------------------


@pytest.mark.parametrize("tree", TREES.values(), ids=TREES.keys())
def test_zh_labels_use_full_width_punctuation(tree: Heading | tuple[Heading, ...]) -> None:
    """No zh label (or column-group label) of the tree contains a half-width ( ) , or :."""
    labels = [text for heading in every_heading(tree) for text in (heading.zh, heading.group) if text]
    assert [label for label in labels if re.search(r"[(),:]", label)] == []


@pytest.mark.parametrize("template", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_template_names_use_full_width_punctuation(template: TemplateVersion) -> None:
    """A template's zh name and document number use full-width brackets only."""
    texts = [template.zh, template.document or "", BALANCE_NOTE]
    assert [text for text in texts if re.search(r"[(),:\[\]]", text)] == []


@pytest.mark.parametrize("outcomes", [OUTCOMES_2019, OUTCOMES_2021], ids=["2019", "2021"])
def test_three_safeties_label_uses_curly_quotes(outcomes: Heading) -> None:
    """The label 危及“三安全一稳定” quotes with curly “ ”, not straight quotes."""
    assert outcomes["withheld"]["three_safeties_one_stability"].zh == "3.危及\u201c三安全一稳定\u201d"


def test_item_label_uses_full_width_brackets() -> None:
    """``item_label`` writes a table 二 小标题 with a full-width enumerator."""
    assert [item_label(n) for n in (1, 9, 15)] == ["第二十条第（一）项", "第二十条第（九）项", "第二十条第（十五）项"]


# --- labels against domain.md -----------------------------------------------------------------


def domain_table_two(section: str) -> dict[str, tuple[list[str], set[tuple[str, ...]]]]:
    """Table 二 as domain.md writes it: 小标题 → (row labels, {column labels})."""
    table = {}
    for line in section.splitlines():
        if line.startswith("| 第二十条"):
            title, rows, columns = (cell.strip() for cell in line.strip("|").split("|"))
            table[title] = (rows.split("; "), {tuple(columns.split(" · "))})
    return table


def vocabulary_table_two(proactive: Heading) -> dict[str, tuple[list[str], set[tuple[str, ...]]]]:
    """Table 二 as the vocabulary has it: 小标题 → (row labels, {column labels})."""
    table: dict[str, tuple[list[str], set[tuple[str, ...]]]] = {}
    for row in proactive.children:
        rows, columns = table.setdefault(item_label(row.articles[0].item or 0), ([], set()))
        rows.append(row.zh)
        columns.add(tuple(column.zh for column in row.children))
    return table


@pytest.mark.parametrize(("template", "section"), [(TEMPLATE_2019, 2), (TEMPLATE_2021, 3)], ids=["2019", "2021"])
def test_table_two_matches_domain(domain: str, template: TemplateVersion, section: int) -> None:
    """Table 二's 小标题, row and column labels equal domain.md's verbatim table, character for character."""
    assert template.proactive is not None
    expected = domain_table_two(domain_section(domain, section))
    assert expected, "domain.md lost its table 二"
    assert vocabulary_table_two(template.proactive) == expected


@pytest.mark.parametrize(
    ("path", "label"),
    [
        (("rules", "issued"), "本年制发件数"),
        (("rules", "repealed"), "本年废止件数"),
        (("rules", "in_force"), "现行有效件数"),
        (("normative_documents",), "行政规范性文件"),
        (("licensing", "decisions"), "本年处理决定数量"),
        (("penalties", "decisions"), "本年处理决定数量"),
        (("coercion", "decisions"), "本年处理决定数量"),
        (("fees", "amount"), "本年收费金额（单位：万元）"),
    ],
)
def test_2021_table_two_labels_are_verbatim(domain: str, path: tuple[str, ...], label: str) -> None:
    """A 2021 table 二 label that differs from 2019 is the verbatim text of domain.md §3."""
    heading = PROACTIVE_2021
    for key in path:
        heading = heading[key]
    assert label in domain_section(domain, 3)
    assert heading.zh == label


def test_2021_fee_amount_is_in_wan_yuan() -> None:
    """The 2021 fee column counts money in 万元, as its label says."""
    assert PROACTIVE_2021["fees"]["amount"].unit == "万元"


def test_2021_other_handling_rows_match_domain(domain: str) -> None:
    """The three （六） sub-rows of the 2021 template are domain.md §3's, verbatim and in order."""
    section = domain_section(domain, 3)
    lines = section[section.index("（六）其他处理 now has 3 sub-rows") :].splitlines()[1:]
    rows = [match.group(1) for line in lines[:3] if (match := re.fullmatch(r"\s+(\d\.\S+)", line))]
    assert len(rows) == 3
    assert [row.zh for row in OUTCOMES_2021["other"].children] == rows


def test_2021_outcomes_differ_from_2019_only_in_other_handling() -> None:
    """Apart from （六）其他处理, the 2021 outcome rows are the 2019 ones."""
    assert OUTCOMES_2019.zh == OUTCOMES_2021.zh == "三、本年度办理结果"
    assert OUTCOMES_2019.keys() == OUTCOMES_2021.keys()
    for row in OUTCOMES_2019.children:
        if row.key != "other":
            assert OUTCOMES_2021[row.key] == row
    assert OUTCOMES_2019["other"].zh == OUTCOMES_2021["other"].zh == "（六）其他处理"
    assert OUTCOMES_2019["other"].children == ()


def test_article_20_matches_domain(domain: str) -> None:
    """Article 20's fifteen items are the Regulation's text, without enumerator and final punctuation."""
    section = domain_section(domain, 1)
    article = section[section.index("### 第二十条") :].split("\n### ")[0]
    items = re.findall(r"^（([一二三四五六七八九十]+)）(.+)[；。]$", article, re.MULTILINE)
    assert len(items) == 15
    assert [(zh_numeral(n), item.zh) for n, item in enumerate(ARTICLE_20, start=1)] == items


# --- structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(("outcomes", "leaves"), [(OUTCOMES_2019, 19), (OUTCOMES_2021, 21)], ids=["2019", "2021"])
def test_outcome_leaf_count(outcomes: Heading, leaves: int) -> None:
    """三、本年度办理结果 has 19 (2019) or 21 (2021) leaf rows, then （七）总计 last."""
    assert len(outcome_leaves(outcomes)) == leaves
    assert outcomes.children[-1].key == "total"
    assert outcomes.children[-1].zh == "（七）总计"


@BOTH
def test_table_three_rows(template: TemplateVersion) -> None:
    """Table 三 has rows 一, 二, the outcomes group and 四, in printed order."""
    assert template.requests is not None
    assert template.requests.keys() == ("received", "carried_over", "outcomes", "carried_forward")
    assert [row.zh[:2] for row in template.requests.children] == ["一、", "二、", "三、", "四、"]


@pytest.mark.parametrize(("key", "width"), [("withheld", 8), ("unable", 3), ("not_processed", 5)])
def test_outcome_groups_have_no_subtotal_row(key: str, width: int) -> None:
    """（三）（四）（五） are merged labels over 8, 3 and 5 numbered sub-items, with no subtotal row."""
    group = OUTCOMES_2019[key]
    assert len(group.children) == width
    assert [child.zh.split(".")[0] for child in group.children] == [str(n) for n in range(1, width + 1)]


def test_applicants_has_seven_columns() -> None:
    """申请人情况 has 自然人, five kinds of 法人或其他组织 (no subtotal column) and 总计."""
    assert APPLICANTS.keys() == (
        "natural_person",
        "commercial",
        "research",
        "public_interest",
        "legal_services",
        "other_org",
        "total",
    )
    assert [column.group for column in APPLICANTS.children] == [None, *["法人或其他组织"] * 5, None]


def test_article_20_has_fifteen_numbered_items() -> None:
    """Article 20 has fifteen items, each referring to itself as 第二十条第（N）项."""
    assert len(ARTICLE_20) == 15
    assert [item.articles for item in ARTICLE_20] == [(ArticleRef(20, item=n),) for n in range(1, 16)]
    assert [item.articles[0].zh for item in ARTICLE_20] == [item_label(n) for n in range(1, 16)]


def test_article_20_item_15_keeps_doubled_guiding() -> None:
    """Item 15 keeps the official text's doubled 规定规定."""
    assert "国家有关规定规定应当主动公开" in ARTICLE_20[14].zh


@pytest.mark.parametrize(("proactive", "rows"), [(PROACTIVE_2019, 8), (PROACTIVE_2021, 6)], ids=["2019", "2021"])
def test_table_two_row_count(proactive: Heading, rows: int) -> None:
    """Table 二 has 8 rows in the 2019 template and 6 in the 2021 one."""
    assert len(proactive.children) == rows


def test_2021_table_two_drops_other_services_and_procurement() -> None:
    """The 2021 table 二 has no 其他对外管理服务事项 row and no 政府集中采购 block."""
    assert {"other_services", "procurement"} <= set(PROACTIVE_2019.keys())
    assert {"other_services", "procurement"}.isdisjoint(PROACTIVE_2021.keys())
    labels = {heading.zh for heading in every_heading(PROACTIVE_2021)}
    assert {"其他对外管理服务事项", "政府集中采购"}.isdisjoint(labels)
    assert 9 not in {row.articles[0].item for row in PROACTIVE_2021.children}


@pytest.mark.parametrize("tree", TREES.values(), ids=TREES.keys())
def test_keys_are_snake_case_ascii(tree: Heading | tuple[Heading, ...]) -> None:
    """Every key in the tree is lower-case ASCII snake_case."""
    keys = [heading.key for heading in every_heading(tree)]
    assert [key for key in keys if not re.fullmatch(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*", key)] == []


@pytest.mark.parametrize("tree", TREES.values(), ids=TREES.keys())
def test_keys_are_unique_among_siblings(tree: Heading | tuple[Heading, ...]) -> None:
    """No two headings with the same parent share a key."""
    for siblings in sibling_groups(tree):
        keys = [heading.key for heading in siblings]
        assert len(keys) == len(set(keys)), keys


def test_heading_lookup_by_key() -> None:
    """``Heading[key]`` finds a child by key and raises KeyError for an unknown one."""
    assert OUTCOMES_2019["withheld"]["state_secret"].zh == "1.属于国家秘密"
    with pytest.raises(KeyError, match="no_such_row"):
        OUTCOMES_2019["no_such_row"]


# --- templates and deadlines ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "key"),
    [(2008, "legacy"), (2018, "legacy"), (2019, "2019"), (2020, "2019"), (2021, "2021"), (2035, "2021")],
)
def test_template_for_year(year: int, key: str) -> None:
    """A report year maps to legacy (2008–2018), 2019 (2019–2020) or 2021 (2021 on)."""
    assert template_for_year(year).key == key


def test_template_for_year_rejects_years_before_2008() -> None:
    """There is no report format before the 2008 Regulation."""
    with pytest.raises(ValueError, match="2007"):
        template_for_year(2007)


def test_templates_cover_every_year_once() -> None:
    """From 2008 on, exactly one format covers each year."""
    for year in range(2008, 2101):
        assert sum(template.covers(year) for template in TEMPLATES.values()) == 1, year


def test_templates_by_key() -> None:
    """TEMPLATES maps each interchange ``template`` value to its format and that format's tables."""
    assert TEMPLATES == {"2019": TEMPLATE_2019, "2021": TEMPLATE_2021, "legacy": LEGACY}
    assert TEMPLATE_2019.document == "国办公开办函〔2019〕60号"
    assert TEMPLATE_2021.document == "国办公开办函〔2021〕30号"
    assert TEMPLATE_2019.requests is REQUEST_ROWS_2019
    assert TEMPLATE_2021.requests is REQUEST_ROWS_2021
    assert TEMPLATE_2019.review_litigation is TEMPLATE_2021.review_litigation is REVIEW_LITIGATION
    assert (LEGACY.proactive, LEGACY.requests, LEGACY.review_litigation) == (None, None, None)
    assert LEGACY.regulation is REGULATION_2008


@pytest.mark.parametrize("template", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_templates_are_hashable(template: TemplateVersion) -> None:
    """A template version can be a dict key or set member, like the headings it holds."""
    assert template in {template}


@pytest.mark.parametrize("year", [2019, 2020, 2021, 2035])
def test_deadlines_since_2019(year: int) -> None:
    """Departments publish by 31 January and governments by 31 March of the next year (Art. 49)."""
    deadlines = template_for_year(year).deadlines
    assert deadlines["department"].date_for(year) == datetime.date(year + 1, 1, 31)
    assert deadlines["government"].date_for(year) == datetime.date(year + 1, 3, 31)
    assert deadlines["department"].article == ArticleRef(49, 1)
    assert deadlines["government"].article == ArticleRef(49, 2)


@pytest.mark.parametrize("year", [2008, 2018])
def test_legacy_deadline_is_march_31_for_all(year: int) -> None:
    """Under the 2008 Regulation every agency publishes by 31 March (Art. 31 of Order No. 492)."""
    deadlines = template_for_year(year).deadlines
    assert {kind: deadline.date_for(year) for kind, deadline in deadlines.items()} == {
        "department": datetime.date(year + 1, 3, 31),
        "government": datetime.date(year + 1, 3, 31),
    }
    assert {deadline.article for deadline in deadlines.values()} == {ArticleRef(31, regulation="492")}


def test_agency_kinds_name_the_deadline_paragraph() -> None:
    """Governments rest on Art. 49 ¶2 and departments on Art. 49 ¶1."""
    assert AGENCY_KINDS["government"].articles == (ArticleRef(49, 2),)
    assert AGENCY_KINDS["department"].articles == (ArticleRef(49, 1),)


# --- article references -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "zh", "en"),
    [
        (ArticleRef(14), "第十四条", "Art. 14"),
        (ArticleRef(16, 2), "第十六条第二款", "Art. 16(2)"),
        (ArticleRef(36, item=7), "第三十六条第（七）项", "Art. 36 item 7"),
        (ArticleRef(20, item=15), "第二十条第（十五）项", "Art. 20 item 15"),
        (ArticleRef(39, 1), "第三十九条第一款", "Art. 39(1)"),
        (ArticleRef(31, regulation="492"), "第三十一条（国务院令第492号）", "Art. 31 of Order No. 492"),
        (ArticleRef(36, item=7, interpretive=True), "第三十六条第（七）项", "Art. 36 item 7 (by interpretation)"),
    ],
)
def test_article_ref_text(ref: ArticleRef, zh: str, en: str) -> None:
    """An article reference reads as Chinese legal text writes it, and in English."""
    assert (ref.zh, ref.en) == (zh, en)


@pytest.mark.parametrize("number", range(1, 57))
def test_zh_numeral_matches_table(number: int) -> None:
    """``zh_numeral`` writes 1–56 as a hand-written table does, and the table reads back the number."""
    assert zh_numeral(number) == NUMERALS[number - 1]
    assert NUMERALS.index(zh_numeral(number)) + 1 == number


@pytest.mark.parametrize("number", [0, -1, 100])
def test_zh_numeral_rejects_out_of_range(number: int) -> None:
    """``zh_numeral`` only writes 1–99."""
    with pytest.raises(ValueError, match="1 to 99"):
        zh_numeral(number)


@pytest.mark.parametrize("outcomes", [OUTCOMES_2019, OUTCOMES_2021], ids=["2019", "2021"])
def test_withheld_grounds_rest_on_articles_14_to_16(outcomes: Heading) -> None:
    """Grounds 1–7 of 不予公开 rest on Arts. 14, 14, 14, 15, 16¶1, 16¶2, 16¶2 (domain.md §1)."""
    grounds = outcomes["withheld"].children
    assert [ground.articles for ground in grounds[:7]] == [
        (ArticleRef(14),),
        (ArticleRef(14),),
        (ArticleRef(14),),
        (ArticleRef(15),),
        (ArticleRef(16, 1),),
        (ArticleRef(16, 2),),
        (ArticleRef(16, 2),),
    ]


def test_administrative_query_mapping_is_interpretive() -> None:
    """Ground 8 (行政查询事项) rests on Art. 36(七), flagged as an interpretive mapping; 1–7 are not."""
    grounds = OUTCOMES_2019["withheld"].children
    assert grounds[7].articles == (ArticleRef(36, item=7, interpretive=True),)
    assert not any(ref.interpretive for ground in grounds[:7] for ref in ground.articles)


def test_every_article_ref_is_within_its_regulation() -> None:
    """Every article reference points into Order 711 (Arts. 1–56) or Order 492 (Arts. 1–38)."""
    last = {"711": 56, "492": 38}
    refs = [ref for tree in TREES.values() for heading in every_heading(tree) for ref in heading.articles]
    assert refs
    assert [ref for ref in refs if not 1 <= ref.article <= last[ref.regulation]] == []
