"""How foedus writes a number for a reader: one formatter for the reports and the terminal.

:func:`number` is used by the HTML reports (:mod:`foedus.report.history`,
:mod:`foedus.report.ensemble`) and by the ``foedus`` commands (:mod:`foedus.cli`), so that a
measure reads the same wherever it is shown.

Numbers follow the language in use (:mod:`foedus.i18n`): English writes ``12,345.50``, French
``12 345,50`` (the separators of the locale, from Babel's CLDR data; the digits, rounded once
by Python, are the same in every language).
"""

from __future__ import annotations

import math
from typing import Any, Literal

import numpy as np

from foedus.i18n import _, get_language

__all__ = ["MISSING", "number", "percent", "localize"]

MISSING = "–"
"""What stands for a value that is missing or not a number (an en dash)."""


def number(value: Any, digits: int = 2, *, style: Literal["fixed", "magnitude", "short"] = "fixed", group_from: int = 10_000) -> str:
    """``value`` as a table shows it.

    Parameters
    ----------
    value : number, bool, None or anything else
        None and NaN give :data:`MISSING`; a bool gives "yes" or "no"; anything that is not a
        number gives ``str(value)``.
    digits : int
        Decimals of a float in the ``"fixed"`` style.
    style : {"fixed", "magnitude", "short"}
        How a float is rounded. ``"fixed"``: ``digits`` decimals, thousands grouped, and
        infinity written "∞ (not reached)" (a Kaplan-Meier median the curve never reaches).
        ``"magnitude"``: precision by size, for estimates spread over orders of magnitude
        (ensemble bands): whole from 100, two decimals from 1 (and for 0), three below.
        ``"short"``: whole from 100, else one decimal without trailing zeros (a terminal
        headline).
    group_from : int
        An integer is written with thousands separators from this absolute value on; the
        default keeps years as years (1815, not 1,815). 0 groups every integer.

    Examples
    --------
    >>> number(1815), number(12345), number(0.5), number(float("inf")), number(None)
    ('1815', '12,345', '0.50', '∞ (not reached)', '–')
    >>> number(1234.5, style="magnitude"), number(0.25, style="magnitude"), number(4.25, style="short")
    ('1,234', '0.250', '4.2')
    """
    if value is None:
        return MISSING
    if isinstance(value, (bool, np.bool_)):
        return _("yes") if value else _("no")
    if isinstance(value, (int, np.integer)):
        v = int(value)
        return localize(f"{v:,}") if abs(v) >= group_from else str(v)
    if not isinstance(value, (float, np.floating)):
        return str(value)
    if math.isnan(value):
        return MISSING
    if style == "fixed":
        return _("∞ (not reached)") if math.isinf(value) else localize(f"{value:,.{digits}f}")
    if abs(value) >= 100:
        return localize(f"{value:,.0f}")
    if style == "short":
        return localize(f"{round(float(value), 1):g}")
    return localize(f"{value:.2f}" if abs(value) >= 1 or value == 0 else f"{value:.3f}")


def localize(text: str, lang: str | None = None) -> str:
    """A number Python wrote (``1,234.5``) with the separators of the language in use (French: ``1 234,5``).

    English is returned unchanged (so every English output keeps its bytes); other languages
    take their decimal and group symbols from Babel (CLDR).
    """
    lang = lang or get_language()
    if lang == "en":
        return text
    from babel.numbers import get_decimal_symbol, get_group_symbol

    dec, grp = get_decimal_symbol(lang), get_group_symbol(lang)
    return "".join(dec if ch == "." else grp if ch == "," else ch for ch in text)


def percent(share: float, digits: int = 0) -> str:
    """A share (0.45) as a percentage the language writes it: ``45%`` in English, ``45 %`` in French (Babel, CLDR)."""
    if get_language() == "en":
        return f"{share:.{digits}%}"
    from babel import Locale
    from babel.numbers import format_percent

    lang = get_language()
    pattern = Locale.parse(lang).percent_formats[None].pattern  # fr: "#,##0\u00a0%"
    return format_percent(share, format=pattern.replace("0%", "0" + ("." + "0" * digits if digits else "") + "%").replace(
        "0\u00a0%", "0" + ("." + "0" * digits if digits else "") + "\u00a0%"), locale=lang)
