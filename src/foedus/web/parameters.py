"""The engine parameters' descriptions as the dashboard's workbench shows them: plain words, in the page's language.

:class:`foedus.sim.parameters.Parameters` is the one source of these texts: each field's
``description`` says, in English, what the constant does, its unit and where its default comes
from. For the code's readers a description may end with the design catalogue's labels of the
mechanisms the field belongs to (``(F2, D4)``, ``(P5; Leeds & Savun 2007)``); a user of the page
never saw that catalogue, so :func:`~foedus.report.labels.plain` takes the labels out before the text is shown or
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
from functools import cache

from foedus.i18n import gettext
from foedus.report.labels import CATALOGUE_LABEL as LABEL
from foedus.report.labels import plain

__all__ = ["LABEL", "MESSAGE_COMMENT", "plain", "messages", "description", "descriptions"]

MESSAGE_COMMENT = "the description of the engine parameter {name} (foedus.sim.parameters.Parameters), shown in the dashboard's workbench"
"""The translators' note on each description in the catalogue: ``tools/i18n.py`` writes it, and tells the
descriptions (pending when untranslated) from the other messages by it."""


@cache
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
    text = {n: d for n, d, _path, _line in messages()}.get(name)
    if text is None:
        raise KeyError(name)
    return gettext(text) if text else ""


def descriptions() -> dict[str, str]:
    """Every engine parameter's :func:`description`, by name, in the language in use."""
    return {name: (gettext(text) if text else "") for name, text, _path, _line in messages()}
