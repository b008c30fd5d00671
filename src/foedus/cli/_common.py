"""What every ``foedus`` command shares: how an error ends it."""

from __future__ import annotations

from typing import NoReturn

import typer

from foedus.i18n import _


def fail(error: Exception | str) -> NoReturn:
    """End the command: print ``error: <error>`` on stderr and exit with code 2.

    Code 2 is the program's answer to a bad request (an unknown scenario, a missing file, a
    malformed option value): the message says what to change. A test or a script can tell it
    from success (0) and from an interruption (130).

    Commands catch :class:`foedus.schema.SchemaError` as the ``ValueError`` it is, so that
    importing them (``foedus --help``) does not import pandas with :mod:`foedus.schema`. The
    error is said in the language in use (:func:`foedus.report.errors.error_text`: the
    messages of the layers below are English, and translated here).
    """
    from foedus import missing_extra
    from foedus.report.errors import error_text

    if isinstance(error, BaseException):  # an extra's module missing: say which extra to install
        error = missing_extra(error) or error
    typer.echo(_("error: {error}").format(error=error_text(error)), err=True)
    raise typer.Exit(2)


def parse_pair(text: str) -> tuple[str, str]:
    """Two states written ``A:B`` (also ``A-B`` or ``A,B``): COW codes or abbreviations, e.g. ``RUS:CHN`` or ``365:710``.

    Raises
    ------
    ValueError
        ``text`` does not name two states.
    """
    for sep in (":", "-", ","):
        if sep in text:
            a, _sep, b = text.partition(sep)
            if a and b:
                return a.strip(), b.strip()
    raise ValueError(_("--pair {text!r}: write two states as A:B (COW codes or abbreviations, e.g. RUS:CHN or 365:710)").format(text=text))


def builtin_scenario_of(history):
    """The built-in scenario a simulated history names in its source (``simulation:<name>:seed=<s>``), else None.

    The reports need it for the unit of military expenditure
    (:func:`foedus.report.provenance.milex_unit`); the record, and a run of a scenario file,
    have none.
    """
    from foedus.report.provenance import simulated_source
    from foedus.sim import Scenario, builtin_names

    sim = simulated_source(history)
    return Scenario.builtin(sim[0]) if sim is not None and sim[0] in builtin_names() else None


def command_line(ctx=None) -> str:
    """The command being run, as a user would type it again (for the provenance of what it writes).

    Rebuilt from the parsed parameters of the command's context ``ctx`` (a ``typer.Context``
    the command receives): ``foedus panel dyad-years 1816 2018 --out dyads.dta --add atop``, the
    same whether the program runs from a shell or from a test's ``CliRunner``; options left at
    their defaults are not repeated. Without a context, the process's arguments.
    """
    import shlex
    import sys

    if ctx is None:
        return " ".join(["foedus", *map(shlex.quote, sys.argv[1:])])
    parts = ["foedus", *ctx.command_path.split()[1:]]
    for p in ctx.command.params:
        v = ctx.params.get(p.name)
        kind = getattr(p, "param_type_name", "option")
        if v is None or v is False or v in ((), []) or (kind == "option" and v == p.default):
            continue
        if kind == "argument":
            parts.append(shlex.quote(str(v)))
            continue
        flag = max(p.opts, key=len)
        values = v if isinstance(v, (list, tuple)) else [v]
        parts.extend(flag if x is True else f"{flag} {shlex.quote(str(x))}" for x in values)
    return " ".join(parts)
