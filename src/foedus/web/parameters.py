"""The engine parameters' descriptions as the dashboard's workbench shows them: plain words, in the page's language.

:class:`foedus.sim.parameters.Parameters` is the one source of these texts: each field's
``description`` says, in English, what the constant does, its unit and where its default comes
from. For the code's readers a description may end with the design catalogue's labels of the
mechanisms the field belongs to (``(F2, D4)``, ``(P5; Leeds & Savun 2007)``); a user of the page
never saw that catalogue, so :func:`plain` takes the labels out before the text is shown or
translated. The text without labels is the message id of the French catalogue:
``tools/i18n.py`` extracts every field's :func:`plain` description (:func:`messages`) into
``foedus.pot``, and :func:`description` translates it in the language in use.

A field added without a French translation yet (or whose English text changed since it was
translated) is shown in English, the source language, and listed as pending by
``python tools/i18n.py check`` and by ``tests/test_i18n.py`` (a warning, not a failure: the
engine's fields are written by the model's authors, the translation follows).
"""

from __future__ import annotations

import inspect
import re
from functools import lru_cache

from foedus.i18n import gettext

__all__ = ["LABEL", "MESSAGE_COMMENT", "plain", "messages", "description", "descriptions"]

LABEL = re.compile(r"(?<![\w.-])(?:[Bb]rief\s+)?[AFPDTH][1-5](?:\s*[\u2013-]\s*[AFPDTH]?[1-5])?(?:'s)?(?![\w-])")
"""A label of the design catalogue (``F2``, ``brief A2``, ``T1-T5``), as the code's docstrings cite them."""

MESSAGE_COMMENT = "the description of the engine parameter {name} (foedus.sim.parameters.Parameters), shown in the dashboard's workbench"
"""The translator's note of each description in the catalogue; :func:`tools/i18n.py <messages>` and the
test of pending translations recognise the descriptions by it."""

_INNER = re.compile(r"\(([^()]*)\)")
_SEP = re.compile(r"\s*([;,])\s*")
_ONLY_LABELS = re.compile(rf"^(?:{LABEL.pattern}|\s|[,;&]|and)+$")


def _drop_labels(inner: str) -> str:
    """The items of a parenthesis (separated by ``;`` or ``,``) that are not catalogue labels, joined as they were."""
    parts = _SEP.split(inner)
    items, seps = parts[0::2], parts[1::2]
    kept: list[tuple[str, str]] = []  # (separator before the item, item)
    for i, item in enumerate(items):
        if _ONLY_LABELS.match(item.strip() or "x") and LABEL.search(item):
            continue
        kept.append((seps[i - 1] if i > 0 else "", item))
    if not kept:
        return ""
    out = kept[0][1]
    for sep, item in kept[1:]:
        out += f"{sep} {item}"
    return out


def plain(text: str) -> str:
    """``text`` without the design catalogue's labels, for a reader who never saw the catalogue.

    A parenthesis that holds only labels goes; a label among other items of a parenthesis goes
    with its separator; a label left anywhere else goes with the comma that follows it.

    Examples
    --------
    >>> plain("weight of free riding (foedus.theory.multilateral; F5). Chosen on 1816-1914 (F5)")
    'weight of free riding (foedus.theory.multilateral). Chosen on 1816-1914'
    >>> plain("how much allied spending substitutes for one's own (free riding, P4)")
    "how much allied spending substitutes for one's own (free riding)"
    >>> plain("a yearly hazard (P5; Leeds & Savun 2007) of decline (A2, D4)")
    'a yearly hazard (Leeds & Savun 2007) of decline'
    >>> plain("weight of F1, balancing power")
    'weight of balancing power'
    """
    previous = None
    while previous != text:  # innermost parentheses first, then those around them
        previous = text
        text = _INNER.sub(_keep_or_drop, text)
    text = re.sub(r"\s*\x02", "", text).replace("\x00", "(").replace("\x01", ")")
    text = LABEL.sub("\x02", text)  # a label outside any parenthesis goes, with the comma or colon after it
    text = re.sub(r"\s*[,;:]?\s*\x02(?=\s*(?:$|[.)]))", "", text)  # "..., F5." / "...; F5" at a sentence's end
    text = re.sub(r"\s*\x02\s*[,;:]?", "", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _keep_or_drop(m: re.Match) -> str:
    """A parenthesis with its labels taken out (its brackets held aside), or a mark where it was only labels."""
    inner = _drop_labels(m.group(1))
    return f"\x00{inner}\x01" if inner.strip() else "\x02"


@lru_cache(maxsize=None)
def messages() -> tuple[tuple[str, str, str, int], ...]:
    """Each field's ``(name, plain description, source file, line)``, in the fields' order (for the catalogue)."""
    from foedus.sim.parameters import Parameters

    where: dict[str, tuple[str, int]] = {}
    for cls in reversed(Parameters.__mro__):
        try:
            lines, first = inspect.getsourcelines(cls)
            path = inspect.getsourcefile(cls) or ""
        except (OSError, TypeError):
            continue
        for i, line in enumerate(lines):
            m = re.match(r"\s{4}(\w+)\s*:", line)
            if m:
                where[m.group(1)] = (path, first + i)
    return tuple((name, plain(f.description or ""), *where.get(name, ("", 0))) for name, f in Parameters.model_fields.items())


def description(name: str) -> str:
    """The description of the engine parameter ``name`` in the language in use, without catalogue labels.

    English when the language is English, or when the French catalogue has no translation of the
    field's present text yet.
    """
    text = dict((n, d) for n, d, _path, _line in messages()).get(name)
    if text is None:
        raise KeyError(name)
    return gettext(text) if text else ""


def descriptions() -> dict[str, str]:
    """Every engine parameter's :func:`description`, by name, in the language in use."""
    return {name: (gettext(text) if text else "") for name, text, _path, _line in messages()}
