"""The Hypothesis entry point: lets ``st.from_type`` build reports once govdisclosure is installed.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is first imported
(through the ``hypothesis`` entry-point group), so projects never need to
import :mod:`govdisclosure.strategies` first.  That first import may come
from :mod:`govdisclosure.strategies` itself, so the strategies are
registered deferred: the module is looked up only when a report is drawn.
"""

from __future__ import annotations

import importlib
from typing import Any


def _strategy(name: str, *args: Any, **kwargs: Any) -> Any:
    from hypothesis import strategies as st

    def build() -> Any:
        return getattr(importlib.import_module("govdisclosure.strategies"), name)(*args, **kwargs)

    return st.deferred(build)


def _hypothesis_setup_hook() -> None:
    """Register the consistent-report strategies for the report classes and the agency."""
    from hypothesis import strategies as st

    from .model import REPORT_CLASSES, Agency

    for key, cls in REPORT_CLASSES.items():
        st.register_type_strategy(cls, _strategy("reports", key))
    st.register_type_strategy(Agency, _strategy("agencies", consistent=True))
