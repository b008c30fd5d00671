"""The dashboard's page in the language of the request, with the messages its scripts show.

The page is the Jinja template ``templates/index.html`` (its text in ``{% trans %}`` blocks and
``_()``, see :mod:`foedus.i18n`). The scripts (``static/*.js``) mark their messages with
``_("...")`` and ``ngettext(...)``; the translations of exactly those messages travel in the
page, as JSON in the ``data-messages`` attribute of ``<html>`` (the page's security policy
allows no inline script), and ``static/i18n.js`` looks them up.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from foedus.i18n import LANGUAGES, catalogue, get_language, jinja_environment

__all__ = ["render_page", "script_messages"]

TEMPLATES_DIR = Path(__file__).parent / "templates"
SCRIPTS = "foedus/web/static/"
"""Where the scripts' messages come from (the catalogue's locations)."""


@lru_cache(maxsize=None)
def script_messages(lang: str) -> dict[str, str | list[str]]:
    """The scripts' messages in ``lang``: msgid -> translation (a plural message: its forms), none for English."""
    if lang == LANGUAGES[0]:
        return {}
    out: dict[str, str | list[str]] = {}
    for msg in catalogue(lang):
        if not msg.id or msg.fuzzy or not any(f.startswith(SCRIPTS) for f, _line in msg.locations):
            continue
        if isinstance(msg.id, tuple):
            out[msg.id[0]] = list(msg.string)
        elif msg.string:
            out[msg.id] = msg.string
    return out


def render_page() -> str:
    """The dashboard's page in the language in use."""
    lang = get_language()
    messages = json.dumps({"lang": lang, "messages": script_messages(lang)}, ensure_ascii=False, sort_keys=True)
    return jinja_environment(str(TEMPLATES_DIR)).get_template("index.html").render(lang=lang, messages=messages,
                                                                                  languages=LANGUAGES)
