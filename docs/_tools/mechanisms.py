"""The mechanisms of the design catalogue, by the short labels the code's docstrings use.

foedus was built from a catalogue of mechanisms, each with a label (``F2``, ``P5``, ``T3``...)
that the code's docstrings and tests cite. Readers of the documentation never saw that
catalogue, so the site shows each label as the mechanism's name, linked to the glossary
(``docs/glossary.md`` lists them all; ``tests/docs`` checks that the two agree).
"""

from __future__ import annotations

FAMILIES: dict[str, str] = {
    "A": "actors and agreements",
    "F": "alignment motives",
    "P": "alliance politics",
    "D": "dynamics of the system",
    "T": "trend drivers",
    "H": "measures of history",
}
"""The families of labels, by their letter, as a range of labels (``T1–T5``) is shown."""

MECHANISMS: dict[str, str] = {
    "A1": "actors and power tiers",
    "A2": "alliances, coalitions and organisations",
    "A3": "alliance format",
    "F1": "balancing against power",
    "F2": "balancing against threat",
    "F3": "bandwagoning",
    "F4": "tethering",
    "F5": "multiple motives",
    "P1": "autonomy\u2013security trade-off",
    "P2": "alliance security dilemma",
    "P3": "integration against autonomy",
    "P4": "burden sharing",
    "P5": "decline and exit",
    "D1": "security dilemma and arms races",
    "D2": "polarity and volatility",
    "D3": "alliances and multilateralism",
    "D4": "coalitions of the willing",
    "T1": "great-power competition",
    "T2": "economic interdependence",
    "T3": "cyber alignment",
    "T4": "military integration",
    "T5": "norms and values",
    "H1": "alliance counts, size and survival",
    "H2": "alliance portfolio similarity",
    "H3": "alignment models",
}
"""Label -> the mechanism's name, as it reads inside a sentence."""


def anchor(label: str) -> str:
    """The glossary heading's anchor of a label (``F2`` -> ``mechanism-f2``) or family (``F`` -> ``family-f``)."""
    return f"mechanism-{label.lower()}" if len(label) > 1 else f"family-{label.lower()}"
