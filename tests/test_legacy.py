"""Legacy (pre-2019) reports: the open vocabulary, figures outside it, 成文日期, and the legacy rules."""

from __future__ import annotations

import datetime
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.regulation import (
    ITEM_UNITS,
    LEGACY_BREAKDOWNS,
    LEGACY_MEASURES,
    OTHER_MEASURE,
    Breakdown,
    breakdowns_of,
)
from govdisclosure.rules import RULES, Severity, iter_findings
from govdisclosure.strategies import legacy_figures, reports

#: The project's seed documents (outside the repository: the tests that read them skip without them).
SEEDS = next(
    (seeds for parent in Path(__file__).resolve().parents if (seeds := parent / "shared" / "seeds").is_dir()),
    Path("/work/shared/seeds"),
)
SEED_003 = SEEDS / "003_7e92dce297a34a69.txt"
AGENCY = gd.Agency(name="沈阳市民政局", kind="department")
LEGACY_CODES = ("GD-LEGACY-MEASURE", "GD-LEGACY-RESTATED", "GD-LEGACY-PARTS", "GD-LEGACY-OUTCOMES")


def figure(measure: str, value: int | Decimal, unit: str = "件", text: str | None = None, **more: object) -> gd.Figure:
    """A figure, its source span the given *text* at offset 0 when given."""
    source = None if text is None else gd.SourceSpan(start=0, end=len(text), text=text)
    return gd.Figure(measure=measure, value=value, unit=unit, source=source, **more)  # type: ignore[arg-type]


def report(*figures: gd.Figure, **fields: object) -> gd.LegacyReport:
    """A legacy report for 2016 holding *figures*."""
    return gd.LegacyReport(year=2016, agency=AGENCY, figures=figures, **fields)  # type: ignore[arg-type]


def found(legacy: gd.LegacyReport) -> list[tuple[str, Severity, str]]:
    """The (code, severity, pointer) of every finding about *legacy*."""
    return [(f.code, f.severity, f.path) for f in iter_findings(legacy)]


# ------------------------------------------------------------------ the vocabulary


def test_every_measure_has_an_english_name_and_a_unit() -> None:
    """Each measure is named in both languages and, but for ``other``, has its customary unit."""
    for heading in LEGACY_MEASURES.children:
        assert heading.zh
        assert heading.en
        assert (heading.unit is None) == (heading.key == OTHER_MEASURE), heading.key


@pytest.mark.parametrize(
    "key",
    [
        "litigation_dismissed",
        "litigation_withdrawn",
        "litigation_upheld",
        "litigation_corrected",
        "litigation_other",
        "review_upheld",
        "review_corrected",
        "npc_suggestions",
        "cppcc_proposals",
        "consultations_phone",
        "consultations_online",
        "consultations_in_person",
        "requests_in_person",
        "requests_online",
        "requests_letter",
        "requests_fax",
        "requests_email",
        "administrative_appeals",
        "complaints",
        "fees",
        "fee_waivers",
        "meetings",
        "training_sessions",
        "press_conferences",
        "online_messages",
    ],
)
def test_vocabulary_holds_what_real_reports_count(key: str) -> None:
    """The measures seeds 000 and 003 and the customary 2008–2018 statistics count are in the vocabulary."""
    assert key in LEGACY_MEASURES


def test_breakdown_parts_share_their_whole_unit() -> None:
    """A breakdown's parts are counted in their whole's unit, and no part is its own whole."""
    for breakdown in LEGACY_BREAKDOWNS:
        units = {LEGACY_MEASURES[key].unit for key in (breakdown.whole, *breakdown.parts)}
        assert len(units) == 1 or units <= ITEM_UNITS, breakdown
        assert breakdown.whole not in breakdown.parts


def test_breakdowns_are_listed_whole_before_part() -> None:
    """A measure that is a part comes before any breakdown of its own (an importer and the strategies read them so)."""
    seen: set[str] = set()
    for breakdown in LEGACY_BREAKDOWNS:
        assert not set(breakdown.parts) & seen, breakdown
        seen.add(breakdown.whole)


def test_breakdowns_of_a_whole() -> None:
    """``breakdowns_of`` gives a whole's breakdowns, and none for a measure that is not one."""
    assert [b.kind for b in breakdowns_of("litigations")] == ["partition"]
    assert [b.kind for b in breakdowns_of("proactive_published")] == ["overlapping", "disjoint"]
    assert breakdowns_of("fees") == ()


@pytest.mark.parametrize(
    ("whole", "parts", "kind", "match"),
    [
        ("litigations", ("lawsuits_won",), "partition", "lawsuits_won"),
        ("other", ("fees",), "partition", "other"),
        ("litigations", ("litigation_dismissed",), "some", "kind"),
    ],
)
def test_a_breakdown_names_measures_of_the_vocabulary(
    whole: str, parts: tuple[str, ...], kind: str, match: str
) -> None:
    """A breakdown of unknown measures, of ``other``, or of an unknown kind is refused when defined."""
    with pytest.raises(ValueError, match=match):
        Breakdown(whole, parts, kind)  # type: ignore[arg-type]


# ------------------------------------------------------------------ figures outside the vocabulary, 成文日期


def test_an_unknown_measure_is_carried_with_its_label() -> None:
    """A figure the vocabulary has no measure for loads as ``other`` with its label, and is reported at info level."""
    legacy = report(figure(OTHER_MEASURE, 434, label="网络诉求", text="共收到诉求件434件"))
    assert found(legacy) == [("GD-LEGACY-MEASURE", Severity.INFO, "/figures/0/measure")]
    (finding,) = iter_findings(legacy, lang="en")
    assert finding.message == (
        "Other measure “网络诉求”: 434 件, not a measure of the vocabulary, is kept under the report's own name"
    )
    assert next(iter_findings(legacy)).message == "其他指标“网络诉求”：434 件，不在统计指标词表中，按报告原文的名称保留"
    assert gd.is_valid(legacy)


@pytest.mark.parametrize("label", [None, " "])
def test_other_needs_a_label(label: str | None) -> None:
    """A figure of measure ``other`` without a label says nothing: it is refused."""
    with pytest.raises(ValueError, match=r"Figure\.label"):
        figure(OTHER_MEASURE, 1, label=label)


def test_a_document_with_an_unlabelled_other_is_a_located_problem() -> None:
    """The JSON reader names the figure that lacks its label."""
    legacy = report(figure(OTHER_MEASURE, 1, label="x"))
    data = json.loads(gd.dumps(legacy))
    data["figures"][0]["label"] = None
    with pytest.raises(gd.ParseError) as caught:
        gd.loads(json.dumps(data))
    assert [p.pointer for p in caught.value.problems] == ["/figures/0"]


@pytest.mark.parametrize("fmt", ["json", "xml", "csv"])
def test_label_and_date_written_round_trip(fmt: str) -> None:
    """A figure's label and the report's 成文日期 survive every codec."""
    legacy = report(
        figure(OTHER_MEASURE, 434, label="网络诉求", text="诉求件434件"),
        figure("litigations", 3, label="行政诉讼", text="行政诉讼3件"),
        published=datetime.date(2017, 3, 20),
        written=datetime.date(2017, 2, 4),
    )
    assert gd.loads(gd.dumps(legacy, fmt), fmt) == legacy


def test_date_written_is_in_the_interchange_shape() -> None:
    """``written`` is written beside ``published``, as an ISO date."""
    data = json.loads(gd.dumps(report(written=datetime.date(2013, 12, 19))))
    assert list(data)[list(data).index("published") + 1] == "written"
    assert data["written"] == "2013-12-19"


@given(reports("legacy", consistent=False))
def test_any_legacy_report_round_trips(legacy: gd.AnnualReport) -> None:
    """Every legacy report the strategies draw, ``other`` figures included, loads back equal from each codec."""
    for fmt in ("json", "xml", "csv"):
        assert gd.loads(gd.dumps(legacy, fmt), fmt) == legacy


# ------------------------------------------------------------------ the legacy rules


def test_the_legacy_rules_are_registered_with_a_basis() -> None:
    """Each legacy rule is in the registry, states its basis, and is no error: no form binds a narrative."""
    for code in LEGACY_CODES:
        rule = RULES[code]
        assert rule.scope == "report"
        assert rule.basis.text
        assert rule.severity is not Severity.ERROR


def test_a_legacy_report_without_figures_has_no_findings() -> None:
    """A narrative report with no figures extracted is not an error, nor anything else."""
    assert found(report()) == []


def test_seed_003_figures_are_consistent() -> None:
    """Seed 003's counted figures (沈阳市民政局 2016) break no legacy rule."""
    if not SEED_003.is_file():
        pytest.skip(f"seed not found: {SEED_003}")
    text = SEED_003.read_text(encoding="utf-8")
    phrases = [
        ("proposals", 73, "办理建议提案73件"),
        ("npc_suggestions", 42, "人大建议42件"),
        ("cppcc_proposals", 31, "政协提案31件"),
        ("proposals_led", 53, "主办53件"),
        ("proposals_assisted", 20, "协办20件"),
        ("litigations", 3, "行政诉讼3件"),
        ("litigation_dismissed", 1, "驳回1件"),
        ("litigation_withdrawn", 2, "撤诉2件"),
        ("press_conferences", 4, "4次召开新闻发布会"),
    ]
    figures = []
    for measure, value, phrase in phrases:
        start = text.index(phrase)
        span = gd.SourceSpan(start=start, end=start + len(phrase), text=phrase)
        unit = LEGACY_MEASURES[measure].unit or "件"
        figures.append(gd.Figure(measure=measure, value=value, unit=unit, source=span))
    figures.append(figure(OTHER_MEASURE, 434, label="网络诉求", text="共收到诉求件434件"))
    assert found(report(*figures)) == [("GD-LEGACY-MEASURE", Severity.INFO, "/figures/9/measure")]


def test_the_same_measure_stated_twice_names_both_spans() -> None:
    """The narrative's 733 against the 附表's 626: a warning at the second figure naming both places."""
    legacy = report(
        figure("proactive_published", 733, "条", "主动公开政府信息733条"),
        figure("requests_received", 2, text="受理申请2件"),
        gd.Figure(
            measure="proactive_published",
            value=626,
            unit="条",
            source=gd.SourceSpan(start=4120, end=4123, text="626"),
        ),
    )
    assert found(legacy) == [("GD-LEGACY-RESTATED", Severity.WARNING, "/figures/2/value")]
    (finding,) = iter_findings(legacy, lang="en")
    assert (finding.expected, finding.actual) == (733, 626)
    assert finding.message == (
        "Items disclosed proactively: “主动公开政府信息733条” (characters 0–12) gives 733, "
        "but “626” (characters 4120–4123) gives 626"
    )
    assert "“主动公开政府信息733条”（第0–12字）为 733" in next(iter_findings(legacy)).message


def test_an_amount_restated_in_the_other_unit_is_the_same() -> None:
    """12 500 元 and 1.25 万元 are one amount; 1.3 万元 is not."""
    same = report(figure("fees", 12500, "元"), figure("fees", Decimal("1.25"), "万元"))
    assert found(same) == []
    other = report(figure("fees", 12500, "元"), figure("fees", Decimal("1.3"), "万元"))
    assert found(other) == [("GD-LEGACY-RESTATED", Severity.WARNING, "/figures/1/value")]


def test_figures_in_units_that_cannot_be_compared_are_not_held_against_each_other() -> None:
    """A count in 人次 and one in 件 of one measure are not a restatement; 次 is not a part of 件."""
    assert found(report(figure("consultations", 5, "人次"), figure("consultations", 3, "件"))) == []
    assert found(report(figure("litigations", 1), figure("litigation_dismissed", 3, "次"))) == []


def test_parts_more_than_their_whole() -> None:
    """Lawsuits 3 with 驳回 1 and 撤诉 3: the parts come to 4, more than the whole, at the whole's figure."""
    legacy = report(
        figure("litigations", 3, text="行政诉讼3件"),
        figure("litigation_dismissed", 1),
        figure("litigation_withdrawn", 3),
    )
    assert found(legacy) == [("GD-LEGACY-PARTS", Severity.WARNING, "/figures/0/value")]
    (finding,) = iter_findings(legacy)
    assert (finding.expected, finding.actual) == (3, 4)
    assert finding.message == "行政诉讼：行政诉讼驳回、行政诉讼撤诉合计 4，应不大于行政诉讼 3"


def test_items_are_counted_alike_whatever_their_classifier() -> None:
    """ "主动公开信息5条，其中规范性文件6件": documents are items, so 6 件 is more than 5 条."""
    legacy = report(figure("proactive_published", 5, "条"), figure("normative_documents_published", 6, "件"))
    assert found(legacy) == [("GD-LEGACY-PARTS", Severity.WARNING, "/figures/0/value")]
    assert found(report(figure("litigations", 2, "件"), figure("litigations", 2, "起"))) == []
    assert found(report(figure("litigations", 2, "件"), figure("litigations", 3, "项"))) != []


def test_parts_fewer_than_their_whole_when_some_are_not_stated() -> None:
    """Parts that leave out some of the breakdown may come to less than the whole."""
    assert found(report(figure("litigations", 3), figure("litigation_dismissed", 1))) == []


def test_a_complete_partition_makes_up_its_whole() -> None:
    """Every channel of requests stated: they add up to the requests received, or a warning says so."""
    channels = breakdowns_of("requests_received")[0].parts
    holds = report(figure("requests_received", 6), *(figure(key, 1) for key in channels))
    assert found(holds) == []
    short = report(figure("requests_received", 7), *(figure(key, 1) for key in channels))
    assert found(short) == [("GD-LEGACY-PARTS", Severity.WARNING, "/figures/0/value")]
    (finding,) = iter_findings(short, lang="en")
    assert "which should be equal to the Requests received figure of 7" in finding.message


def test_overlapping_parts_are_each_within_the_whole() -> None:
    """The same item on several channels counts once: channels may add up to more, but none alone exceeds it."""
    within = report(figure("proactive_published", 10, "条"), figure("proactive_website", 10, "条"))
    assert found(attrs.evolve(within, figures=(*within.figures, figure("proactive_gazette", 5, "条")))) == []
    over = attrs.evolve(within, figures=(*within.figures, figure("proactive_gazette", 11, "条")))
    assert found(over) == [("GD-LEGACY-PARTS", Severity.WARNING, "/figures/2/value")]


def test_a_restated_measure_is_read_by_no_other_rule() -> None:
    """Which of two values is right is unknown, so the breakdown holding it is not checked."""
    legacy = report(figure("litigations", 3), figure("litigations", 1), figure("litigation_dismissed", 2))
    assert found(legacy) == [("GD-LEGACY-RESTATED", Severity.WARNING, "/figures/1/value")]


def test_more_answers_than_requests_received() -> None:
    """Answers beyond the requests received are a warning that names the carry-over caveat."""
    legacy = report(figure("requests_received", 3), figure("requests_answered", 5, text="答复5件"))
    assert found(legacy) == [("GD-LEGACY-OUTCOMES", Severity.WARNING, "/figures/1/value")]
    (finding,) = iter_findings(legacy, lang="en")
    assert (finding.expected, finding.actual) == (3, 5)
    assert "states no requests carried over" in finding.message


def test_answers_within_requests_and_those_carried_over() -> None:
    """Requests carried over from the year before may be answered this year."""
    legacy = report(figure("requests_received", 3), figure("requests_carried_over", 2), figure("requests_answered", 5))
    assert found(legacy) == []
    over = attrs.evolve(legacy, figures=(*legacy.figures[:2], figure("requests_answered", 6)))
    assert found(over) == [("GD-LEGACY-OUTCOMES", Severity.WARNING, "/figures/2/value")]


def test_outcomes_summed_where_the_answers_are_not_stated() -> None:
    """Without a total of answers, the outcomes stated are summed and held against the requests received."""
    legacy = report(figure("requests_received", 3), figure("granted", 3), figure("withheld", 1))
    assert found(legacy) == [("GD-LEGACY-OUTCOMES", Severity.WARNING, "/figures/0/value")]
    assert found(attrs.evolve(legacy, figures=legacy.figures[:2])) == []


# ------------------------------------------------------------------ properties


@given(legacy_figures())
def test_consistent_figures_have_no_findings(figures: tuple[gd.Figure, ...]) -> None:
    """Figures that split their wholes and stay within the requests received give no finding."""
    assert found(report(*figures)) == []


@given(reports("legacy", consistent=False))
def test_a_legacy_report_never_gets_a_legacy_error(legacy: gd.AnnualReport) -> None:
    """Whatever its figures, no legacy rule makes an error: no official form binds a narrative report."""
    assert not [f for f in iter_findings(legacy) if f.code in LEGACY_CODES and f.severity is Severity.ERROR]


@given(legacy_figures(), st.data())
def test_a_restated_figure_is_reported_at_its_own_pointer(figures: tuple[gd.Figure, ...], data: st.DataObject) -> None:
    """One figure stated again with another value gives exactly one warning, at the restatement."""
    known = [f for f in figures if f.unit not in ("元", "万元")]
    original = data.draw(st.sampled_from(known)) if known else figure("litigations", 3)
    again = attrs.evolve(original, value=original.value + data.draw(st.integers(1, 5)))
    legacy = report(*figures, original, again) if not known else report(*figures, again)
    at = f"/figures/{len(legacy.figures) - 1}/value"
    assert Counter(found(legacy)) == Counter([("GD-LEGACY-RESTATED", Severity.WARNING, at)])


@given(st.sampled_from([b for b in LEGACY_BREAKDOWNS if b.kind == "partition"]), st.data())
def test_a_changed_part_of_a_complete_partition_is_reported_at_its_whole(
    breakdown: Breakdown, data: st.DataObject
) -> None:
    """Every part stated and one changed: exactly one warning, at the whole's figure; nothing else."""
    values = data.draw(st.lists(st.integers(0, 20), min_size=len(breakdown.parts), max_size=len(breakdown.parts)))
    unit = LEGACY_MEASURES[breakdown.whole].unit or "件"
    whole = figure(breakdown.whole, sum(values), unit)
    changed = data.draw(st.integers(0, len(values) - 1))
    delta = data.draw(st.integers(1, 5))
    values[changed] += delta if values[changed] < delta else delta * data.draw(st.sampled_from([1, -1]))
    parts = [figure(key, value, unit) for key, value in zip(breakdown.parts, values, strict=True)]
    legacy = report(whole, *parts)
    findings = [f for f in found(legacy) if f[0] != "GD-LEGACY-OUTCOMES"]
    assert findings == [("GD-LEGACY-PARTS", Severity.WARNING, "/figures/0/value")]


def test_an_unknown_measure_key_is_named_briefly_with_the_closest() -> None:
    """With 60-odd measures, a misspelt key is answered with the closest ones, not the whole list."""
    with pytest.raises(ValueError, match=r"expected one of \d+ keys \(closest: requests_fax") as caught:
        figure("requests", 1)
    assert len(str(caught.value)) < 200
    xml = gd.dumps(report(figure("litigations", 1)), "xml").replace(">litigations<", ">litigation<")
    with pytest.raises(gd.ParseError, match=r"closest: litigations") as parsed:
        gd.loads(xml, "xml")
    assert len(str(parsed.value)) < 400


@pytest.mark.parametrize(
    ("written", "published", "message"),
    [
        (datetime.date(2013, 12, 19), datetime.date(2018, 11, 12), "written 2013-12-19, before the end of 2014"),
        (datetime.date(2015, 4, 1), datetime.date(2015, 3, 20), "2015-04-01, after it was published on 2015-03-20"),
    ],
)
def test_date_written_fits_the_year_and_the_publication(
    written: datetime.date, published: datetime.date, message: str
) -> None:
    """Seed 000: a 2014 report signed 2013-12-19 (published 2018); and one signed after it was published."""
    legacy = attrs.evolve(report(), year=2014, written=written, published=published)
    about = [f for f in iter_findings(legacy, lang="en") if f.path == "/written"]
    assert [(f.code, f.severity) for f in about] == [("GD-WRITTEN-DATE", Severity.WARNING)]
    assert message in about[0].message


def test_date_written_in_time_has_no_finding() -> None:
    """Signed after the year ended and before publication: nothing to say."""
    legacy = attrs.evolve(report(), year=2016, written=datetime.date(2017, 2, 4), published=datetime.date(2017, 3, 20))
    assert found(legacy) == []


def test_the_legacy_example_is_traceable_to_seed_003() -> None:
    """examples/2016-shenyang-civil-affairs-legacy.json: every figure's span is the seed's text exactly; no finding."""
    example = Path(__file__).resolve().parents[1] / "examples" / "2016-shenyang-civil-affairs-legacy.json"
    legacy = gd.load(example)
    assert isinstance(legacy, gd.LegacyReport)
    assert found(legacy) == []
    if not SEED_003.is_file():
        pytest.skip(f"seed not found: {SEED_003}")
    text = SEED_003.read_text(encoding="utf-8")
    for item in legacy.figures:
        assert item.source is not None
        assert text[item.source.start : item.source.end] == item.source.text
        assert str(item.value) in item.source.text
