"""The Hypothesis strategies other projects test against."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from hypothesis import find, given
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.identifiers import uscc
from govdisclosure.rules import Severity
from govdisclosure.strategies import (
    Breakage,
    inconsistent_reports,
    reports,
    request_tables,
    review_tables,
    uscc_codes,
)


@pytest.mark.parametrize("template", ["2019", "2021", "legacy"])
@given(data=st.data())
def test_reports_fit_their_template(template: str, data: st.DataObject) -> None:
    """A consistent report has the asked template, a year it governs, and no error or warning."""
    report = data.draw(reports(template))
    assert report.template.key == template
    assert report.template.covers(report.year)
    assert [f for f in gd.iter_findings(report) if f.severity is not Severity.INFO] == []


@given(reports(year=2020))
def test_a_fixed_year_picks_its_template(report: gd.AnnualReport) -> None:
    """With a year and no template, the report uses the template the year requires."""
    assert (report.year, report.template.key) == (2020, "2019")


def test_bad_arguments() -> None:
    """An unknown template, or a consistent report for a year its template does not govern, is refused."""
    with pytest.raises(ValueError, match="unknown template '2020'"):
        reports("2020")
    with pytest.raises(ValueError, match="cannot be for 2022"):
        reports("2019", year=2022)
    with pytest.raises(ValueError, match="'2019' or '2021'"):
        inconsistent_reports("legacy")
    assert reports("2019", year=2022, consistent=False) is not None


@given(inconsistent_reports())
def test_breakage_is_what_the_validator_finds(breakage: Breakage) -> None:
    """The validator finds exactly the findings a breakage promises, and nothing else worse than info."""
    # The breakage counts a blank as 0, as the strict policy does; cascades shows every broken relation.
    findings = gd.iter_findings(breakage.report, blank="strict", cascades=True)
    found = {(f.code, f.path) for f in findings if f.severity is not Severity.INFO and f.code != "GD-BLANK"}
    assert found == breakage.expected
    assert all(code.startswith(("GD-T3", "GD-T4")) for code, _ in breakage.expected)
    assert breakage.after > (breakage.before or 0)


@given(request_tables("2019"), review_tables())
def test_building_blocks(requests: gd.model.RequestTable2019, review: gd.model.ReviewLitigation) -> None:
    """The table strategies keep their tables' sums and balance."""
    report = gd.AnnualReport2019(year=2019, agency=gd.Agency(name="局"), requests=requests, review_litigation=review)
    assert gd.is_valid(report)


@given(uscc_codes())
def test_uscc_codes_are_valid(code: str) -> None:
    """Generated codes pass both check characters of GB 32100-2015."""
    assert uscc.validate(code) == code


def test_draws_shrink_to_readable_reports() -> None:
    """The simplest report with a received request shrinks to one request in one cell."""
    report = find(reports("2021"), lambda r: (r.requests.received.total or 0) > 0)
    assert isinstance(report, gd.AnnualReport2021)
    cells = [cell for cell in gd.iter_cells(report) if cell.value]
    assert len(cells) <= 6
    assert report.requests.received.total == 1


def test_from_type_in_a_new_process() -> None:
    """Once installed, st.from_type builds consistent reports without importing our strategies."""
    code = textwrap.dedent(
        """
        import sys
        from hypothesis import given, settings, strategies as st
        import govdisclosure as gd

        @settings(max_examples=10, database=None)
        @given(st.from_type(gd.AnnualReport2021), st.from_type(gd.AnnualReport))
        def check(report, any_report):
            gd.validate(report)
            gd.validate(any_report)

        check()
        print("govdisclosure.strategies" in sys.modules)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"  # loaded by Hypothesis's entry point, not by the test


def test_strategies_imported_before_hypothesis() -> None:
    """Importing our strategies first (which first imports Hypothesis, and so runs our hook) works."""
    code = textwrap.dedent(
        """
        from govdisclosure.strategies import reports
        from hypothesis import strategies as st
        import govdisclosure as gd

        gd.validate(st.from_type(gd.AnnualReport2019).example())
        gd.validate(reports("2021").example())
        """
    )
    done = subprocess.run([sys.executable, "-W", "ignore", "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
