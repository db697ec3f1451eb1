"""The Hypothesis entry point: lets ``st.from_type`` build reports once govdisclosure is installed.

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported (through
the ``hypothesis`` entry-point group), so projects never need to import
:mod:`govdisclosure.strategies` first.  The imports are inside the function:
Hypothesis may still be initialising when it runs.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Register the consistent-report strategies for the report classes and the agency."""
    from hypothesis import strategies as st

    from .model import REPORT_CLASSES, Agency
    from .strategies import agencies, reports

    for key, cls in REPORT_CLASSES.items():
        st.register_type_strategy(cls, reports(key))
    st.register_type_strategy(Agency, agencies(consistent=True))
