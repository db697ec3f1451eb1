"""Wordings of official labels seen in published reports, next to the labels they stand for.

Published tables do not always print the official label: a typo (内容事务 for
内部事务), the other template's wording (规范性文件 for 行政规范性文件), a
provincial annotation appended in brackets, a reworded section title.  Each
entry of :data:`VARIANTS` maps an official label, taken from the heading that
holds it, to the variants seen in real reports (``shared/domain.md`` §6 and
the reports cited there).

Differences of width, brackets, spaces and line breaks are not variants:
:func:`~govdisclosure.regulation.normalise_label` removes them before any
comparison.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from ._headings import Heading
from .proactive import PROACTIVE_2019, PROACTIVE_2021
from .requests import OUTCOMES_2019
from .sections import SECTIONS_2019

__all__ = ["VARIANTS", "variants_of"]

_PARTLY = OUTCOMES_2019["partly_granted"].zh
_INTERNAL = OUTCOMES_2019["withheld"]["internal_affairs"].zh
_NORMATIVE_2019 = PROACTIVE_2019["normative_documents"].zh
_NORMATIVE_2021 = PROACTIVE_2021["normative_documents"].zh
_RULES = PROACTIVE_2019["rules"].zh
_PREVIOUS_YEAR = PROACTIVE_2019["licensing"]["previous_year"].zh
_IN_FORCE = PROACTIVE_2021["rules"]["in_force"].zh
_PROACTIVE = SECTIONS_2019["proactive"].zh
_PROBLEMS = SECTIONS_2019["problems"].zh

#: Variant wordings seen in published reports, by the official label they stand for.
VARIANTS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        # §6 #6, 长春二道区 2022: 情况 for 情形.
        _PARTLY: (_PARTLY.replace("只计这一情形", "只计这一情况"),),
        # §6 #6, 长春二道区 2022: 内容事务 for 内部事务.
        _INTERNAL: (_INTERNAL.replace("内部事务", "内容事务"),),
        # §2/§3: the 2019 row is 规范性文件, the 2021 row 行政规范性文件; reports use either.
        _NORMATIVE_2019: (_NORMATIVE_2021,),
        _NORMATIVE_2021: (_NORMATIVE_2019,),
        # §6 #5, 武汉市生态环境局 2020 and 汉阳区 2022: provincial annotations in brackets.
        _RULES: (f"{_RULES}（设区的市、自治州人民政府应提供相关数据）",),
        _PREVIOUS_YEAR: (f"{_PREVIOUS_YEAR}（指2019年事项数）",),
        _IN_FORCE: (f"{_IN_FORCE}（历史累计）",),
        # seed 004 (天水市民政局 2019): shortened section titles.
        _PROACTIVE: ("二、主动公开情况",),
        # §6 #11 (a 2019 provincial report) and seed 004.
        _PROBLEMS: ("五、政府信息公开工作存在的主要问题及改进情况", "五、存在的问题及改进情况"),
    }
)


def variants_of(label: Heading | str, variants: Mapping[str, tuple[str, ...]] = VARIANTS) -> tuple[str, ...]:
    """The known variant wordings of the official *label* (or a heading's label); empty when none is known.

    >>> variants_of("行政规范性文件")
    ('规范性文件',)
    >>> variants_of(OUTCOMES_2019["withheld"]["internal_affairs"])
    ('5.属于三类内容事务信息',)
    """
    return variants.get(label.zh if isinstance(label, Heading) else label, ())
