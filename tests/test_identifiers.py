"""Tests for ``govdisclosure.identifiers``: real catalogue samples, documented corner cases, properties.

The samples come from ``shared/domain.md`` §5 unless a comment names another
source.  The module doctests run as well (``--doctest-modules``).
"""

from __future__ import annotations

import inspect
import pickle
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure import GovDisclosureError
from govdisclosure import identifiers as ids
from govdisclosure.identifiers import (
    DocumentNumber,
    IdentifierModule,
    IndexNumber,
    InvalidChecksum,
    InvalidComponent,
    InvalidFormat,
    InvalidIdentifier,
    InvalidLength,
    USCCInfo,
    doc_number,
    index_number,
    org_code,
    uscc,
)

#: Every identifier module; the annotation makes mypy check each against the protocol.
MODULES: tuple[IdentifierModule, ...] = (uscc, org_code, index_number, doc_number)
MODULE_IDS = [module.__name__.rsplit(".", 1)[-1] for module in (uscc, org_code, index_number, doc_number)]
STANDARD = "GB/T 9704-2012 §7.2.5"


# -- Strategies ------------------------------------------------------------------


def org_code_bodies() -> st.SearchStrategy[str]:
    """Eight characters an organisation code body may have."""
    return st.text(alphabet=org_code.BODY_ALPHABET, min_size=8, max_size=8)


def org_codes() -> st.SearchStrategy[str]:
    """Valid organisation codes, compact."""
    return org_code_bodies().map(lambda body: body + org_code.calc_check_digit(body))


def uscc_bodies() -> st.SearchStrategy[str]:
    """Well-formed first 17 characters of a USCC: known authority and category, region, checked org code."""
    prefixes = [authority + category for authority, categories in uscc.CATEGORIES.items() for category in categories]
    organisation = st.text(alphabet=uscc.ALPHABET, min_size=8, max_size=8).map(
        lambda body: body + org_code.calc_check_digit(body)
    )
    region = st.text(alphabet="0123456789", min_size=6, max_size=6)
    return st.tuples(st.sampled_from(prefixes), region, organisation).map("".join)


def usccs() -> st.SearchStrategy[str]:
    """Valid USCCs, compact."""
    return uscc_bodies().map(lambda body: body + uscc.calc_check_digit(body))


def local_issuers() -> st.SearchStrategy[str]:
    """Issuer codes that are neither USCC- nor organisation-code-shaped, so are not checked."""
    return st.one_of(
        st.from_regex(r"[0-9A-Z]{8}", fullmatch=True),
        st.from_regex(r"[0-9A-Z]{4,8}-[0-9A-Z]{3,8}", fullmatch=True),
    )


def index_numbers() -> st.SearchStrategy[str]:
    """Valid index numbers, compact, in both accepted forms and with every kind of issuer."""
    issuers = st.one_of(usccs(), org_codes(), org_codes().map(org_code.format), local_issuers())
    periods = st.one_of(
        st.integers(2000, 2100).map(str),
        st.tuples(st.integers(2000, 2100), st.integers(1, 12)).map(lambda ym: f"{ym[0]}{ym[1]:02d}"),
    )
    serials = st.from_regex(r"[0-9]{1,7}", fullmatch=True)
    separators = st.sampled_from(["/", "-"])
    return st.tuples(issuers, separators, periods, serials).map(lambda p: f"{p[0]}{p[1]}{p[2]}-{p[3]}")


def doc_numbers() -> st.SearchStrategy[str]:
    """Valid document and order numbers, in any accepted bracket, sometimes spaced."""
    issuers = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=8)
    serials = st.integers(1, 99_999)
    documents = st.tuples(issuers, st.sampled_from(doc_number.BRACKETS), st.integers(1000, 9999), serials).map(
        lambda p: f"{p[0]}{p[1][0]}{p[2]}{p[1][1]}{p[3]}号"
    )
    orders = st.tuples(issuers, serials).map(lambda p: f"{p[0]}令第{p[1]}号")
    spacing = st.sampled_from(["", " ", "\u3000"])
    return st.tuples(st.one_of(documents, orders), spacing).map(lambda p: p[1].join(p[0]))


def valid_values(module: IdentifierModule) -> st.SearchStrategy[str]:
    """The strategy of valid values for *module*."""
    strategies: dict[str, st.SearchStrategy[str]] = {
        "uscc": usccs(),
        "org_code": org_codes(),
        "index_number": index_numbers(),
        "doc_number": doc_numbers(),
    }
    return strategies[MODULE_IDS[MODULES.index(module)]]


def with_full_width(text: str) -> str:
    """*text* with its ASCII letters and digits in full-width forms, as some scraped pages print them."""
    return "".join(chr(ord(char) + 0xFEE0) if char.isascii() and char.isalnum() else char for char in text)


# -- The module shape ------------------------------------------------------------


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
def test_module_satisfies_protocol(module: IdentifierModule) -> None:
    """Each module is an IdentifierModule, with one ``str`` argument and the documented return types."""
    assert isinstance(module, IdentifierModule)
    returns = {"compact": str, "validate": str, "is_valid": bool, "format": str}
    for name, returned in returns.items():
        signature = inspect.signature(getattr(module, name), eval_str=True)
        assert [parameter.annotation for parameter in signature.parameters.values()] == [str]
        assert signature.return_annotation is returned


def test_package_exports_what_it_lists() -> None:
    """Every name in ``__all__`` exists, and the modules' public names too."""
    for name in ids.__all__:
        assert hasattr(ids, name)
    for module in MODULES:
        for name in module.__all__:  # type: ignore[attr-defined]
            assert hasattr(module, name)


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
@given(text=st.text())
def test_is_valid_never_raises(module: IdentifierModule, text: str) -> None:
    """``is_valid`` answers for any text at all."""
    assert module.is_valid(text) in (True, False)


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
@given(data=st.data())
def test_validate_of_format_is_compact(module: IdentifierModule, data: st.DataObject) -> None:
    """For a valid value, ``validate(format(x)) == compact(x) == validate(x)``."""
    value = data.draw(valid_values(module))
    assert module.validate(module.format(value)) == module.compact(value)
    assert module.validate(value) == module.compact(value)


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
@given(data=st.data())
def test_compact_is_idempotent(module: IdentifierModule, data: st.DataObject) -> None:
    """Compacting a valid value twice changes nothing, however it was printed.

    (Not claimed for arbitrary text: NFKC reorders combining marks once a space
    between them is gone.)
    """
    value = data.draw(valid_values(module))
    printed = data.draw(st.sampled_from([value, f" {value} ", value.lower(), with_full_width(value)]))
    assert module.compact(module.compact(printed)) == module.compact(printed) == module.validate(printed)


# -- Exceptions --------------------------------------------------------------------


def test_exception_family() -> None:
    """Every error is an InvalidIdentifier, a GovDisclosureError and a ValueError; InvalidLength is a format error."""
    for error in (InvalidFormat, InvalidLength, InvalidChecksum, InvalidComponent):
        assert issubclass(error, InvalidIdentifier)
    assert issubclass(InvalidIdentifier, GovDisclosureError)
    assert issubclass(InvalidIdentifier, ValueError)
    assert issubclass(InvalidLength, InvalidFormat)


def test_exception_default_messages() -> None:
    """Each class has its own default message, and ``str()`` is a sentence naming the value."""
    classes = (InvalidIdentifier, InvalidFormat, InvalidLength, InvalidChecksum, InvalidComponent)
    assert len({cls.message for cls in classes}) == len(classes)
    error = InvalidChecksum("X1")
    assert error.value == "X1"
    assert str(error) == "'X1' is not a valid identifier: a check character does not match."


def test_exception_keeps_value_message_and_identifier() -> None:
    """A raise site's message and identifier name replace the defaults on that instance only."""
    error = InvalidComponent("1999", "the year is too early", "year")
    assert (error.value, error.message, error.identifier) == ("1999", "the year is too early", "year")
    assert str(error) == "'1999' is not a valid year: the year is too early."
    assert InvalidComponent.message != error.message


def test_exception_pickles() -> None:
    """Errors survive pickling (for multiprocessing), with their attributes."""
    with pytest.raises(InvalidChecksum) as caught:
        uscc.validate("115000000092759913")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is InvalidChecksum
    assert (copy.value, copy.message, str(copy)) == (caught.value.value, caught.value.message, str(caught.value))


# -- 统一社会信用代码 -------------------------------------------------------------------


def test_uscc_weights_are_powers_of_three() -> None:
    """The weights are ``3^(i−1) mod 31``, as domain.md recomputed them."""
    assert tuple(pow(3, i, 31) for i in range(17)) == uscc.WEIGHTS


@pytest.mark.parametrize(
    "number",
    [
        "115000000092759914",  # seed 001's agency, the domain notes' verified example
        "11341702486344515H",  # 宁国市商务局, from its 索引号
        "91350100M000100Y43",  # the standard-derived worked example with its correct check character
    ],
)
def test_uscc_real_samples(number: str) -> None:
    """Real codes validate and compact to themselves."""
    assert uscc.validate(number) == number
    assert uscc.is_valid(number)


def test_uscc_worked_example_sum() -> None:
    """The worked example's arithmetic: Σ = 1640, 1640 mod 31 = 28, check character 3."""
    body = "91350100M000100Y4"
    total = sum(uscc.ALPHABET.index(char) * weight for char, weight in zip(body, uscc.WEIGHTS, strict=True))
    assert (total, total % 31) == (1640, 28)
    assert uscc.calc_check_digit(body) == "3"


def test_uscc_worked_example_is_rejected() -> None:
    """91350100M000100Y4Z is invalid: Z is not in the alphabet (and is not the check character 3)."""
    with pytest.raises(InvalidFormat, match="character 18 is 'Z'"):
        uscc.validate("91350100M000100Y4Z")


def test_uscc_verified_check_character() -> None:
    """115000000092759914 has check character 4, as domain.md verified."""
    assert uscc.calc_check_digit("11500000009275991") == "4"


@pytest.mark.parametrize(
    "printed",
    [
        "１１５０００００００９２７５９９１４",  # full-width, from a scraped page
        "115000000092759914 ",
        "1150 0000 0092 7599 14",
        "115000-000092759914",
        "\u3000115000000092759914",
    ],
)
def test_uscc_compact(printed: str) -> None:
    """Spaces, hyphens and full-width digits are removed or converted before checking."""
    assert uscc.validate(printed) == "115000000092759914"


def test_uscc_lowercase() -> None:
    """Letters are compared in capitals."""
    assert uscc.validate("11341702486344515h") == "11341702486344515H"


def test_uscc_format_is_compact() -> None:
    """``format`` gives the 18 characters ungrouped."""
    assert uscc.format(" 1150 0000 0092 7599 14 ") == "115000000092759914"


@pytest.mark.parametrize("number", ["11500000009275991", "1150000000927599144", ""])
def test_uscc_length(number: str) -> None:
    """A code that is not 18 characters long is an InvalidLength."""
    with pytest.raises(InvalidLength, match=f"{len(number)} characters instead of 18"):
        uscc.validate(number)


@pytest.mark.parametrize("letter", "IOSVZ")
def test_uscc_alphabet_excludes_letters(letter: str) -> None:
    """I, O, S, V and Z never appear in a USCC."""
    with pytest.raises(InvalidFormat, match=f"character 9 is '{letter}'"):
        uscc.validate("11500000" + letter + "092759914")


def _with_checks(first8: str, organisation_body: str = "00927599") -> str:
    """A code with *first8*, the given organisation body, and both check characters right."""
    body = first8 + organisation_body + org_code.calc_check_digit(organisation_body)
    return body + uscc.calc_check_digit(body)


@pytest.mark.parametrize(
    ("prefix", "accepted"),
    [
        ("11", True),  # 机构编制·机关: the usual publisher of a report
        ("12", True),  # 机构编制·事业单位
        ("19", True),  # 机构编制·其他
        ("51", True),  # 民政·社会团体
        ("91", True),  # 工商·企业
        ("93", True),  # 工商·农民专业合作社
        ("99", False),  # 工商 has no 其他
        ("14", False),  # 机构编制 has no 4
        ("N3", True),  # 农业·乡镇级集体经济组织
        ("Y1", True),
        ("Y9", False),
        ("A1", True),
        ("B1", False),  # no authority B
        ("01", False),  # no authority 0
    ],
)
def test_uscc_authority_and_category(prefix: str, accepted: bool) -> None:
    """Characters 1–2 must be a pair of the table; the checksums being right does not help."""
    number = _with_checks(prefix + "500000")
    if accepted:
        assert uscc.validate(number) == number
    else:
        with pytest.raises(InvalidComponent, match=r"character [12] is"):
            uscc.validate(number)


def test_uscc_table_matches_domain_notes() -> None:
    """The authority table has the 12 authorities and the category counts of domain.md §5."""
    counts = {authority: len(categories) for authority, categories in uscc.CATEGORIES.items()}
    assert counts == {
        "1": 4,
        "2": 2,
        "3": 6,
        "4": 2,
        "5": 4,
        "6": 3,
        "7": 3,
        "8": 2,
        "9": 3,
        "A": 2,
        "N": 4,
        "Y": 1,
    }
    assert set(uscc.AUTHORITIES) == set(uscc.CATEGORIES)
    assert set(uscc.AUTHORITIES) <= set(uscc.ALPHABET)


def test_uscc_region_must_be_digits() -> None:
    """Characters 3–8 are a six-digit region code."""
    with pytest.raises(InvalidComponent, match="characters 3–8 are '50000A'"):
        uscc.validate(_with_checks("1150000A"))


def test_uscc_organisation_code_check() -> None:
    """Characters 9–17 must pass the GB 11714 check, even when character 18 is right for the 17."""
    body = "11500000" + "009275992"  # 00927599 has check character 1, not 2
    number = body + uscc.calc_check_digit(body)
    with pytest.raises(InvalidChecksum, match="GB 11714 check: character 17 is '2' but should be '1'"):
        uscc.validate(number)


def test_uscc_final_check() -> None:
    """A wrong character 18 names the expected one."""
    with pytest.raises(InvalidChecksum, match=r"check character \(character 18\) is '3' but should be '4'"):
        uscc.validate("115000000092759913")


def test_uscc_nonconforming_real_code_is_rejected() -> None:
    """Some real pre-2016 厦门 codes break the check character; they are reported, not accepted.

    91350203M0001QKT19 is in use (https://github.com/chinabugotech/hutool/issues/4119)
    but its check character should be F.
    """
    assert uscc.calc_check_digit("91350203M0001QKT1") == "F"
    with pytest.raises(InvalidChecksum, match="should be 'F'"):
        uscc.validate("91350203M0001QKT19")


def test_uscc_info() -> None:
    """``info`` names the authority and category in Chinese and splits out the region and organisation code."""
    assert uscc.info("115000000092759914") == USCCInfo(
        authority_code="1",
        authority="机构编制",
        category_code="1",
        category="机关",
        region_code="500000",
        organisation_code="009275991",
    )
    assert uscc.info(_with_checks("93341702")).category == "农民专业合作社"


def test_uscc_info_validates() -> None:
    """``info`` of an invalid code raises as ``validate`` does."""
    with pytest.raises(InvalidChecksum):
        uscc.info("115000000092759913")


@pytest.mark.parametrize("body", ["1150000000927599", "I1500000009275991"])
def test_uscc_calc_check_digit_checks_its_input(body: str) -> None:
    """``calc_check_digit`` refuses a body of the wrong length or alphabet."""
    with pytest.raises(InvalidFormat):
        uscc.calc_check_digit(body)


@given(body=uscc_bodies())
def test_uscc_check_digit_completes_any_body(body: str) -> None:
    """Any well-formed 17-character body plus its check character is a valid USCC."""
    number = body + uscc.calc_check_digit(body)
    assert uscc.is_valid(number)
    assert uscc.validate(with_full_width(number.lower())) == number


def test_uscc_no_single_substitution_keeps_the_checksum() -> None:
    """The claim behind the next test: every weight times every non-zero difference is non-zero mod 31.

    31 is prime and no weight is a multiple of it, so a single substitution in
    characters 1–17 always changes the check character.
    """
    for weight in uscc.WEIGHTS:
        for difference in range(1, 31):
            assert weight * difference % 31 != 0


@given(number=usccs())
def test_uscc_single_substitution_is_detected(number: str) -> None:
    """Changing any one character of a valid USCC to any other alphabet character is caught by character 18."""
    for position in range(18):
        for replacement in uscc.ALPHABET.replace(number[position], ""):
            changed = number[:position] + replacement + number[position + 1 :]
            assert uscc.calc_check_digit(changed[:17]) != changed[17]
            assert not uscc.is_valid(changed)


# -- 组织机构代码 -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "compact"),
    [
        ("01424668-5", "014246685"),  # 江苏省政府办公厅, hyphenated as printed
        ("000013338", "000013338"),  # 住建部
        ("014416330", "014416330"),  # 泰州; check value 11 is written 0
        ("01527918X", "01527918X"),  # 怒江; check value 10 is written X
        ("000014349", "000014349"),  # gov.cn-style
        ("009275991", "009275991"),  # inside 115000000092759914
        ("０１４２４６６８－５", "014246685"),  # full-width
        ("01527918x", "01527918X"),
    ],
)
def test_org_code_real_samples(printed: str, compact: str) -> None:
    """Real organisation codes validate, in any printed form."""
    assert org_code.validate(printed) == compact


def test_org_code_worked_example() -> None:
    """00927599 → 1, as domain.md computed."""
    assert org_code.calc_check_digit("00927599") == "1"


def test_org_code_format() -> None:
    """``format`` gives the hyphenated printed form."""
    assert org_code.format("014246685") == "01424668-5"
    assert org_code.format("01424668-5") == "01424668-5"


def test_org_code_local_nine_digit_code_fails() -> None:
    """035210000 (from a real 索引号) is not an organisation code: its check character should be 8."""
    with pytest.raises(InvalidChecksum, match="is '0' but should be '8'"):
        org_code.validate("035210000")


@pytest.mark.parametrize("number", ["0142466", "01424668-", "0142466855"])
def test_org_code_length(number: str) -> None:
    """A code that is not nine characters long is an InvalidLength."""
    with pytest.raises(InvalidLength):
        org_code.validate(number)


def test_org_code_check_character_alphabet() -> None:
    """The check character is a digit or X."""
    with pytest.raises(InvalidFormat, match="character 9 is 'Y'"):
        org_code.validate("01424668Y")


@given(body=org_code_bodies())
def test_org_code_check_digit_completes_any_body(body: str) -> None:
    """Any eight body characters plus their check character are a valid code; format round-trips."""
    number = body + org_code.calc_check_digit(body)
    assert org_code.validate(org_code.format(number)) == number


# -- 索引号 ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issuer", "year", "month", "serial", "kind", "issuer_kind"),
    [
        ("115000000092759914/2019-01946", "115000000092759914", 2019, None, "01946", "slash", "uscc"),
        ("11341702486344515H/202110-00013", "11341702486344515H", 2021, 10, "00013", "slash", "uscc"),
        ("000013338/2023-00079", "000013338", 2023, None, "00079", "slash", "org_code"),
        ("014416330/2018-04736", "014416330", 2018, None, "04736", "slash", "org_code"),
        ("01424668-5/2021-00063", "01424668-5", 2021, None, "00063", "slash", "org_code"),
        ("0142768-8/2022-00185", "0142768-8", 2022, None, "00185", "slash", "local"),
        ("00000001/2018-00042", "00000001", 2018, None, "00042", "slash", "local"),
        ("01527918X-2020-153077", "01527918X", 2020, None, "153077", "dash", "org_code"),
    ],
)
def test_index_number_real_samples(
    text: str,
    issuer: str,
    year: int,
    month: int | None,
    serial: str,
    kind: index_number.IndexKind,
    issuer_kind: index_number.IssuerKind,
) -> None:
    """Index numbers copied from real catalogues parse into their parts and validate."""
    assert index_number.parse(text) == IndexNumber(
        issuer=issuer, year=year, month=month, serial=serial, raw=text, kind=kind, issuer_kind=issuer_kind
    )
    assert index_number.validate(text) == text


def test_index_number_real_local_nine_digit_issuer() -> None:
    """035210000/2025-00016 is a real index number whose issuer fails the organisation-code check.

    It parses, so an importer can keep it, but ``validate`` reports the issuer.
    """
    assert index_number.parse("035210000/2025-00016").issuer_kind == "org_code"
    with pytest.raises(InvalidChecksum, match="its issuer '035210000' is not a valid organisation code"):
        index_number.validate("035210000/2025-00016")


def test_index_number_uscc_issuer_is_checked() -> None:
    """An 18-character issuer must be a valid USCC."""
    with pytest.raises(InvalidChecksum, match="its issuer '115000000092759913' is not a valid unified social"):
        index_number.validate("115000000092759913/2019-01946")
    with pytest.raises(InvalidComponent, match="character 2 is '4'"):
        index_number.validate(_with_checks("94500000") + "/2019-1")


def test_index_number_compact() -> None:
    """Spaces go; full-width and typographic slashes and dashes become ASCII; letters become capitals."""
    assert index_number.validate(" 11341702486344515h ／ 202110－00013") == "11341702486344515H/202110-00013"
    assert index_number.validate("01527918X–2020—153077") == "01527918X-2020-153077"


def test_index_number_parse_keeps_raw() -> None:
    """``raw`` is the text as given; the parts are read from its compact form."""
    text = "115000000092759914 / 2019-01946"
    assert index_number.parse(text).raw == text
    assert index_number.parse(text).issuer == "115000000092759914"


@pytest.mark.parametrize(("year", "valid"), [(1999, False), (2000, True), (2100, True), (2101, False)])
def test_index_number_year_range(year: int, valid: bool) -> None:
    """The year must be 2000–2100 for ``validate``; ``parse`` reads any."""
    text = f"00000001/{year}-00042"
    assert index_number.parse(text).year == year
    if valid:
        assert index_number.validate(text) == text
    else:
        with pytest.raises(InvalidComponent, match=f"the year {year} is outside 2000–2100"):
            index_number.validate(text)


@pytest.mark.parametrize(("month", "valid"), [("00", False), ("01", True), ("12", True), ("13", False)])
def test_index_number_month_range(month: str, valid: bool) -> None:
    """The month of a ``YYYYMM`` period must be 1–12 for ``validate``; ``parse`` reads any."""
    text = f"11341702486344515H/2021{month}-00013"
    assert index_number.parse(text).month == int(month)
    if valid:
        assert index_number.validate(text) == text
    else:
        with pytest.raises(InvalidComponent, match=f"the month {int(month)} is not 1–12"):
            index_number.validate(text)


@pytest.mark.parametrize(
    "text",
    [
        "2019-01946",  # no issuer
        "115000000092759914/2019",  # no serial
        "115000000092759914/19-01946",  # two-digit year
        "115000000092759914/20190101-01946",  # a date is not a period
        "1234567/2019-00001",  # issuer too short
        "1150000000927599141/2019-00001",  # issuer too long
        "-1424668-5/2021-00063",  # issuer starting with a hyphen
        "330200-001-01-02-20080501-0001",  # the 2008 宁波 rule: not recognised
        "国办发/2019-00001",
        "",
    ],
)
def test_index_number_unrecognised_forms(text: str) -> None:
    """Forms that match nothing raise InvalidFormat naming the text."""
    with pytest.raises(InvalidFormat, match="is not in the form issuer/YYYY-serial") as caught:
        index_number.parse(text)
    assert caught.value.value == index_number.compact(text)
    assert not index_number.is_valid(text)


@given(text=index_numbers())
def test_index_number_parts_round_trip(text: str) -> None:
    """The parts of a valid index number rebuild its compact form."""
    parsed = index_number.parse(text)
    period = f"{parsed.year}" if parsed.month is None else f"{parsed.year}{parsed.month:02d}"
    separator = "/" if parsed.kind == "slash" else "-"
    assert f"{parsed.issuer}{separator}{period}-{parsed.serial}" == index_number.validate(text)


# -- 发文字号 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issuer_code", "year", "serial"),
    [
        ("渝民办〔2019〕97号", "渝民办", 2019, 97),
        ("国办公开办函〔2021〕30号", "国办公开办函", 2021, 30),
        ("国办函〔2020〕109号", "国办函", 2020, 109),
        ("国办公开办函〔2019〕60号", "国办公开办函", 2019, 60),
        ("中办发〔2012〕14号", "中办发", 2012, 14),
    ],
)
def test_doc_number_canonical(text: str, issuer_code: str, year: int, serial: int) -> None:
    """Canonical document numbers from the domain notes parse, with the canonical bracket."""
    parsed = doc_number.parse(text)
    assert parsed == DocumentNumber(
        issuer_code=issuer_code,
        year=year,
        serial=serial,
        raw=text,
        normalized=text,
        bracket="〔〕",
        kind="document",
    )
    assert parsed.canonical_bracket
    assert doc_number.validate(text) == text


@pytest.mark.parametrize(
    ("text", "bracket"),
    [
        ("中办发﹝2016﹞8号", "﹝﹞"),  # 宿迁 2017 report
        ("国办发[2008]36号", "[]"),
        ("国办发［2008］36号", "［］"),
        ("国办发【2008】36号", "【】"),
        ("国办发（2008）36号", "（）"),
        ("国办发(2008)36号", "()"),
    ],
)
def test_doc_number_bracket_variants(text: str, bracket: str) -> None:
    """Variant brackets are accepted and recorded; the normalized and validated forms use 〔〕."""
    parsed = doc_number.parse(text)
    assert parsed.bracket == bracket
    assert not parsed.canonical_bracket
    assert parsed.normalized == doc_number.validate(text) == doc_number.format(text)
    assert "〔" in parsed.normalized


def test_doc_number_mismatched_brackets() -> None:
    """The two brackets around the year must be a pair."""
    with pytest.raises(InvalidFormat, match="do not match"):
        doc_number.validate("国办函〔2020]109号")


def test_doc_number_order() -> None:
    """Orders are numbered 第N号, legitimately, and are their own kind."""
    parsed = doc_number.parse("国务院令第711号")
    assert parsed == DocumentNumber(
        issuer_code="国务院令",
        year=None,
        serial=711,
        raw="国务院令第711号",
        normalized="国务院令第711号",
        bracket=None,
        kind="order",
    )
    assert parsed.canonical_bracket
    assert doc_number.validate("国务院令第492号") == "国务院令第492号"


def test_doc_number_order_with_year() -> None:
    """Ministerial orders that give the year (机关令YYYY年第N号) are orders too (beyond domain.md §5)."""
    parsed = doc_number.parse("交通运输部令2019年第1号")
    assert (parsed.kind, parsed.issuer_code, parsed.year, parsed.serial) == ("order", "交通运输部令", 2019, 1)


def test_doc_number_di_outside_order() -> None:
    """第 before the serial of an ordinary document breaks GB/T 9704-2012 §7.2.5."""
    with pytest.raises(InvalidFormat, match="第") as caught:
        doc_number.validate("渝民办〔2019〕第97号")
    assert STANDARD in str(caught.value)


@pytest.mark.parametrize("text", ["渝民办〔2019〕097号", "国办函〔2020〕01号", "国务院令第0711号"])
def test_doc_number_zero_padded_serial(text: str) -> None:
    """A zero-padded serial breaks 不编虚位, for orders too."""
    with pytest.raises(InvalidFormat, match="zero-padded") as caught:
        doc_number.validate(text)
    assert STANDARD in str(caught.value)


def test_doc_number_zero_serial() -> None:
    """A serial of 0 is not a serial number."""
    with pytest.raises(InvalidComponent, match="serial number is 0"):
        doc_number.validate("国办函〔2020〕0号")


def test_doc_number_two_digit_year() -> None:
    """A year not written in full breaks 年份应标全称."""
    with pytest.raises(InvalidComponent, match="two digits") as caught:
        doc_number.validate("国办函〔20〕109号")
    assert STANDARD in str(caught.value)


def test_doc_number_other_year_lengths() -> None:
    """A year of other than four digits is a component error too."""
    with pytest.raises(InvalidComponent, match="not four digits"):
        doc_number.validate("国办函〔20201〕109号")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("国辦公開辦函〔202130", "closing the year is missing"),  # as scraped, domain.md §5
        ("国办函〔2020109号", "closing the year is missing"),
        ("国办函202130号", "not enclosed in brackets"),
        ("国办函202130", "not enclosed in brackets"),
    ],
)
def test_doc_number_lost_bracket(text: str, words: str) -> None:
    """A year whose brackets were lost in copying is a format error that says so."""
    with pytest.raises(InvalidFormat, match=words) as caught:
        doc_number.validate(text)
    assert STANDARD in str(caught.value)


def test_doc_number_di_without_order() -> None:
    """第N号 without a 令 is neither form, and the message says which form uses it."""
    with pytest.raises(InvalidFormat, match="only orders"):
        doc_number.validate("国办函第30号")


def test_doc_number_missing_hao() -> None:
    """The serial must be followed by 号."""
    with pytest.raises(InvalidFormat, match="does not end with 号"):
        doc_number.validate("国办函〔2020〕109")


@pytest.mark.parametrize("text", ["", "号", "〔2020〕1号", "not a number"])
def test_doc_number_not_a_number(text: str) -> None:
    """Text of neither form raises InvalidFormat describing both forms."""
    with pytest.raises(InvalidFormat, match="机关代字〔YYYY〕N号"):
        doc_number.validate(text)


def test_doc_number_spacing_and_full_width_digits() -> None:
    """Spaces (ASCII or ideographic) go and full-width digits become ASCII; ``raw`` keeps the text."""
    text = "国办函 〔２０２０〕 １０９号"
    parsed = doc_number.parse(text)
    assert (parsed.year, parsed.serial, parsed.raw) == (2020, 109, text)
    assert doc_number.validate("国办函\u3000(2020)109号") == "国办函〔2020〕109号"


@given(text=doc_numbers())
def test_doc_number_normalized_is_compact(text: str) -> None:
    """For a valid number, ``normalized`` is the compact form and parses to the same parts."""
    parsed = doc_number.parse(text)
    assert parsed.normalized == doc_number.compact(text)
    again = doc_number.parse(parsed.normalized)
    assert (again.issuer_code, again.year, again.serial, again.kind) == (
        parsed.issuer_code,
        parsed.year,
        parsed.serial,
        parsed.kind,
    )
    assert again.canonical_bracket


def test_nfkc_is_not_used_on_doc_numbers() -> None:
    """NFKC would turn ﹝﹞ into 〔〕 and hide the variant; the bracket is read before any normalisation."""
    assert unicodedata.normalize("NFKC", "﹝") == "〔"
    assert doc_number.parse("中办发﹝2016﹞8号").bracket == "﹝﹞"


# -- Values that are not strings ---------------------------------------------------

NOT_TEXT: tuple[object, ...] = (None, 123, 1.5, b"115000000092759914", ["115000000092759914"], object())


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
@pytest.mark.parametrize("value", NOT_TEXT, ids=lambda value: type(value).__name__)
def test_is_valid_is_false_for_anything_but_a_string(module: IdentifierModule, value: object) -> None:
    """``is_valid`` answers False for None, numbers, bytes and other objects, as python-stdnum does."""
    assert module.is_valid(value) is False  # type: ignore[arg-type]


@pytest.mark.parametrize("module", MODULES, ids=MODULE_IDS)
@pytest.mark.parametrize("function", ["compact", "validate", "format"])
@pytest.mark.parametrize("value", NOT_TEXT, ids=lambda value: type(value).__name__)
def test_non_string_raises_invalid_format(module: IdentifierModule, function: str, value: object) -> None:
    """``compact``, ``validate`` and ``format`` raise the module's InvalidFormat for a non-string, naming its type."""
    with pytest.raises(InvalidFormat) as caught:
        getattr(module, function)(value)
    assert caught.value.value is value
    assert type(value).__name__ in str(caught.value)


@pytest.mark.parametrize("function", [index_number.parse, doc_number.parse, uscc.info])
def test_parse_of_non_string_raises_invalid_format(function: object) -> None:
    """The modules' ``parse`` and ``info`` refuse None with InvalidFormat, not AttributeError."""
    with pytest.raises(InvalidFormat):
        function(None)  # type: ignore[operator]


@pytest.mark.parametrize("module", [uscc, org_code], ids=["uscc", "org_code"])
def test_calc_check_digit_of_non_string_raises_invalid_format(module: object) -> None:
    """``calc_check_digit(None)`` is an InvalidFormat, not a TypeError."""
    with pytest.raises(InvalidFormat):
        module.calc_check_digit(None)  # type: ignore[attr-defined]
