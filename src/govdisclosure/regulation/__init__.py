"""The vocabulary of the Regulation as data, defined once.

Every official label, key and article reference the rest of the package uses
lives here: Article 20's fifteen items, the headings of tables 二, 三 and 四
under each template, the request-outcome taxonomy with the articles each
outcome rests on, the report sections, the legacy measures and their breakdowns, and the template versions with the
years they govern; how each template prints its tables
(:data:`LAYOUTS`), the cells by their printed labels (:data:`LABELS`) and
the variant wordings seen in real reports (:data:`VARIANTS`).  Nothing here
imports from the rest of the package.
"""

from ._headings import ArticleRef, Heading, zh_numeral
from .agencies import AGENCY, AGENCY_KINDS, AGENCY_LEVELS, ARTICLE_49_LEVELS, EXTENSIONS, FIGURES, REPORT_FIELDS
from .articles import ARTICLE_20, REGULATION_2008, REGULATION_2019, item_label
from .labels import LABELS, LabelError, LabelIndex, LabelMatch, normalise_label
from .languages import LANGUAGES, Language, check_language, is_language
from .layout import LAYOUTS, Block, Column, HeaderCell, Orientation, Row, TableLayout, TemplateLayout
from .measures import (
    ITEM_UNITS,
    LEGACY_BREAKDOWNS,
    LEGACY_MEASURES,
    MONEY_UNITS,
    OTHER_MEASURE,
    Breakdown,
    BreakdownKind,
    breakdowns_of,
)
from .proactive import INFORMATION_CONTENT, PROACTIVE_2019, PROACTIVE_2021
from .requests import (
    APPLICANTS,
    BALANCE_NOTE,
    BALANCE_NOTE_EN,
    LEGAL_PERSON,
    OUTCOMES_2019,
    OUTCOMES_2021,
    REQUEST_ROWS_2019,
    REQUEST_ROWS_2021,
)
from .review import LITIGATION, REVIEW_LITIGATION
from .sections import NARRATIVE, SECTIONS_2008, SECTIONS_2019
from .templates import (
    LEGACY,
    TEMPLATE_2019,
    TEMPLATE_2021,
    TEMPLATES,
    Deadline,
    TemplateVersion,
    template_for_year,
)
from .variants import VARIANTS, variants_of

__all__ = [
    "AGENCY",
    "AGENCY_KINDS",
    "AGENCY_LEVELS",
    "APPLICANTS",
    "ARTICLE_20",
    "ARTICLE_49_LEVELS",
    "BALANCE_NOTE",
    "BALANCE_NOTE_EN",
    "EXTENSIONS",
    "FIGURES",
    "INFORMATION_CONTENT",
    "ITEM_UNITS",
    "LABELS",
    "LANGUAGES",
    "LAYOUTS",
    "LEGACY",
    "LEGACY_BREAKDOWNS",
    "LEGACY_MEASURES",
    "LEGAL_PERSON",
    "LITIGATION",
    "MONEY_UNITS",
    "NARRATIVE",
    "OTHER_MEASURE",
    "OUTCOMES_2019",
    "OUTCOMES_2021",
    "PROACTIVE_2019",
    "PROACTIVE_2021",
    "REGULATION_2008",
    "REGULATION_2019",
    "REPORT_FIELDS",
    "REQUEST_ROWS_2019",
    "REQUEST_ROWS_2021",
    "REVIEW_LITIGATION",
    "SECTIONS_2008",
    "SECTIONS_2019",
    "TEMPLATES",
    "TEMPLATE_2019",
    "TEMPLATE_2021",
    "VARIANTS",
    "ArticleRef",
    "Block",
    "Breakdown",
    "BreakdownKind",
    "Column",
    "Deadline",
    "HeaderCell",
    "Heading",
    "LabelError",
    "LabelIndex",
    "LabelMatch",
    "Language",
    "Orientation",
    "Row",
    "TableLayout",
    "TemplateLayout",
    "TemplateVersion",
    "breakdowns_of",
    "check_language",
    "is_language",
    "item_label",
    "normalise_label",
    "template_for_year",
    "variants_of",
    "zh_numeral",
]
