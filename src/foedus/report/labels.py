"""The field's words for the codes of the tables, in the language in use (:mod:`foedus.i18n`).

:mod:`foedus.analysis` names categories by their codes (ATOP's ``defense``, formats, kinds of
agreement, periods such as ``"before 1945"``); the reports, the dashboard and the terminal show
them through :func:`label`, which spells them as the field does (English: "defence",
"non-aggression"; French: "défense", "non-agression", "pacte", "bloc"...). A code without an
entry is shown as it is (a state's abbreviation, a scenario's own period name).
"""

from __future__ import annotations

import re
from typing import Any

from foedus.i18n import _, get_language, lazy_gettext

__all__ = ["LABELS", "INDICATOR_NAMES", "UNITS", "label", "labelled", "kind_plural", "indicator_name", "unit_name"]

LABELS = {
    # ATOP obligations (Leeds et al. 2002), as the figures spell them
    "defense": lazy_gettext("defence"),
    "offense": lazy_gettext("offence"),
    "neutrality": lazy_gettext("neutrality"),
    "nonaggression": lazy_gettext("non-aggression"),
    "consultation": lazy_gettext("consultation"),
    # kinds of agreement
    "alliance": lazy_gettext("alliance"),
    "coalition": lazy_gettext("coalition"),
    "organisation": lazy_gettext("organisation"),
    "all agreements": lazy_gettext("all agreements"),
    # formats and symmetry (foedus.analysis.formation)
    "bilateral": lazy_gettext("bilateral"),
    "minilateral": lazy_gettext("minilateral"),
    "multilateral": lazy_gettext("multilateral"),
    "format": lazy_gettext("format"),
    "symmetry": lazy_gettext("symmetry"),
    "symmetric": lazy_gettext("symmetric"),
    "asymmetric": lazy_gettext("asymmetric"),
    "unknown": lazy_gettext("unknown"),
    # columns of the formation and survival tables
    "all": lazy_gettext("all"),
    "period": lazy_gettext("period"),
    "first": lazy_gettext("first"),
    "last": lazy_gettext("last"),
    "years": lazy_gettext("years"),
    "alliances": lazy_gettext("alliances"),
    "per year": lazy_gettext("per year"),
    "ended": lazy_gettext("ended"),
    "censored": lazy_gettext("censored"),
    "kind": lazy_gettext("kind"),
    "year": lazy_gettext("year"),
    "value": lazy_gettext("value"),
    "measure": lazy_gettext("measure"),
    # columns of the ensemble tables
    "indicator": lazy_gettext("indicator"),
    "runs": lazy_gettext("runs"),
    "median": lazy_gettext("median"),
    "mean": lazy_gettext("mean"),
    "alignment": lazy_gettext("alignment"),
    "share": lazy_gettext("share"),
}
"""Code -> the word shown for it (translated when shown)."""

INDICATOR_NAMES = {
    "alliances": lazy_gettext("alliances in force"),
    "defense_pacts": lazy_gettext("alliances with a defence obligation in force"),
    "coalitions": lazy_gettext("coalitions in force"),
    "alliance_size": lazy_gettext("mean members per alliance in force"),
    "states": lazy_gettext("states in the system"),
    "aligned_states": lazy_gettext("states with at least one defence pact"),
    "defense_dyads": lazy_gettext("pairs of states linked by a defence pact"),
    "blocs": lazy_gettext("pole-anchored defence blocs of two or more states"),
    "largest_bloc": lazy_gettext("members of the largest bloc"),
    "majors": lazy_gettext("major powers"),
    "poles": lazy_gettext("poles: blocs anchored by a major power"),
    "cluster_poles": lazy_gettext("clusters of allied major powers (Wayman 1984)"),
    "con": lazy_gettext("capability concentration CON (Ray & Singer 1973)"),
    "effective_poles": lazy_gettext("effective number of poles"),
    "effective_blocs": lazy_gettext("effective number of blocs"),
    "contested": lazy_gettext("states allied to a major power of another bloc"),
    "milex": lazy_gettext("military expenditure, all states"),
    "formations": lazy_gettext("agreements formed"),
    "accessions": lazy_gettext("accessions"),
    "exits": lazy_gettext("exits"),
    "dissolutions": lazy_gettext("dissolutions"),
    "disputes": lazy_gettext("militarised disputes begun"),
    "wars": lazy_gettext("wars begun"),
    "crises": lazy_gettext("crises begun"),
    "coalition_events": lazy_gettext("coalition events"),
    "cyber_incidents": lazy_gettext("attributed cyber intrusions"),
    "shocks": lazy_gettext("scheduled shocks"),
    "commitment_calls": lazy_gettext("allies called to honour a commitment"),
    "rivalry_onsets": lazy_gettext("strategic rivalries begun"),
    "rivalry_ends": lazy_gettext("strategic rivalries ended"),
    "state_entries": lazy_gettext("states entering the system"),
    "state_exits": lazy_gettext("states leaving the system"),
    "war_entries": lazy_gettext("states entering a war under way (late allies, opportunists)"),
}
"""The ensemble indicators (:data:`foedus.analysis.indicators.INDICATORS`) named in the catalogue's languages."""

UNITS = {"count": lazy_gettext("count"), "states": lazy_gettext("states"), "per year": lazy_gettext("per year")}
"""The indicators' units, translated (others, such as ``0-1``, are shown as they are)."""

_KIND_PLURALS = {
    "alliance": lazy_gettext("alliances"),
    "coalition": lazy_gettext("coalitions"),
    "organisation": lazy_gettext("organisations"),
}

_PERIOD = re.compile(r"^(before|after|from) (\d{3,4})$")


def label(code: Any) -> str:
    """The word shown for ``code`` in the language in use (``"defense"`` -> "defence" / "défense"; ``"before 1945"`` -> "avant 1945")."""
    text = str(code)
    hit = LABELS.get(text)
    if hit is not None:
        return str(hit)
    m = _PERIOD.match(text)
    if m:
        word, year = m.groups()
        if word == "before":
            return _("before {year}").format(year=year)
        if word == "after":
            return _("after {year}").format(year=year)
        return _("from {year}").format(year=year)
    return text


def labelled(df):
    """A copy of table ``df`` with its index, index name and column names shown by :func:`label`."""
    out = df.rename(index=label, columns=label)
    out.index.name = label(df.index.name) if df.index.name is not None else None
    return out


def kind_plural(kind: str) -> str:
    """The plural of a kind of agreement ("alliances", "coalitions", "organisations"), translated."""
    hit = _KIND_PLURALS.get(kind)
    return str(hit) if hit is not None else f"{kind}s"


def indicator_name(indicator: str, english: str) -> str:
    """An ensemble indicator's description: ``english`` (the analysis's own words) in English, else its translation."""
    if get_language() == "en" or indicator not in INDICATOR_NAMES:
        return english
    return str(INDICATOR_NAMES[indicator])


def unit_name(unit: str) -> str:
    """An indicator's unit in the language in use (``count``, ``states``, ``per year``; others as they are)."""
    hit = UNITS.get(unit)
    return str(hit) if hit is not None else unit
