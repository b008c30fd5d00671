"""The errors of the layers below, said in the language in use where they reach a user (the CLI, the dashboard).

:mod:`foedus.schema`, :mod:`foedus.data` and :mod:`foedus.sim` raise their errors in English: an
error is also data (a test, a log, a notebook's traceback read it), and the language of the
moment is not theirs to know. Where an error is shown, :func:`error_text` says it again in the
language in use: a :class:`foedus.schema.SchemaError` (and its :class:`ScenarioError`) from its
parts, the file, line, column or field and the reason; the reason (and any other error's
message) by the templates of :data:`REASONS`, each an English message with placeholders read
back by a pattern and said again in French. A message no template matches is shown as it is,
in English: a new message of a lower layer is never lost, only untranslated until a template is
added here.

The theory commands' file readers (:mod:`foedus.cli.theory_io`) raise their errors the same way.

This module imports only the standard library and :mod:`foedus.i18n`, so that ``foedus``'s
error path stays light (an error need not have imported pandas).
"""

from __future__ import annotations

import re
import sys

from foedus.i18n import DEFAULT_LANGUAGE, LazyString, _, get_language, lazy_gettext

__all__ = ["REASONS", "error_text", "reason_text", "template"]


def template(said: LazyString) -> tuple[re.Pattern, LazyString]:
    """A pattern reading the English message ``said`` (its ``{name}`` placeholders match any text), and the message."""
    parts = re.split(r"\{(\w+)\}", said.message)
    pattern = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
    return re.compile(f"^{pattern}$", re.S), said


REASONS: list[tuple[re.Pattern, LazyString]] = [template(m) for m in (
    lazy_gettext("file not found"),
    lazy_gettext("not a regular file"),
    lazy_gettext("not a regular file (a FIFO, device, folder or broken link): replace it with the file itself"),
    lazy_gettext("not a folder"),
    lazy_gettext("file is empty"),
    lazy_gettext("file not found (the panel needs {files} under the data folder)"),
    lazy_gettext("file not found (snapshot needs {files} under the data folder)"),
    lazy_gettext("no file for '{table}' (looked for {files})"),
    lazy_gettext("cannot be read as CSV ({why})"),
    lazy_gettext("column '{column}' appears twice in the header row"),
    lazy_gettext("missing column(s): {columns}"),
    lazy_gettext("missing column(s) {columns} for table '{table}'"),
    lazy_gettext("a row with {cells} cells under a header of {width}"),
    lazy_gettext("the last line has no line end: the file looks cut short (download or copy it again)"),
    lazy_gettext("no foedus store here; create one with 'foedus data import DIR'"),
    lazy_gettext("cannot be opened as a DuckDB database ({why})"),
    lazy_gettext("not a foedus store (no foedus_meta table)"),
    lazy_gettext("store format {found} is not {wanted}; import the records again"),
    lazy_gettext("missing table"),
    lazy_gettext("missing table file"),
    lazy_gettext("not a foedus history folder (no history.json)"),
    lazy_gettext("malformed ({why})"),
    lazy_gettext("missing value in a required column"),
    lazy_gettext("not a number: {value}"),
    lazy_gettext("not an integer: {value}"),
    lazy_gettext("not a whole number: {value}"),
    lazy_gettext("not a finite whole number: {value}"),
    lazy_gettext("too large for a whole number: {value}"),
    lazy_gettext("not a whole year: {value}"),
    lazy_gettext("not a date (YYYY-MM-DD): {value}"),
    lazy_gettext("value {value} below {bound}"),
    lazy_gettext("value {value} above {bound}"),
    lazy_gettext("expected 0/1 or true/false, got {value}"),
    lazy_gettext("expected 0/1, got {value}"),
    lazy_gettext("duplicate key ({key})"),
    lazy_gettext("unknown state code {code}"),
    lazy_gettext("end_year before start_year"),
    lazy_gettext("end_year after observed_until"),
    lazy_gettext("exit before entry"),
    lazy_gettext("ccode1 must be < ccode2"),
    lazy_gettext("participation ends before it starts"),
    lazy_gettext("no such scenario file"),
    lazy_gettext("no built-in scenario of this name; choose one of {names}"),
    lazy_gettext("neither a scenario file nor a built-in scenario ({names})"),
    lazy_gettext("a scenario must be a mapping of fields (name, start_year, actors, ...)"),
    lazy_gettext("Field required"),
    lazy_gettext("Extra inputs are not permitted"),
    lazy_gettext("Input should be greater than or equal to {bound}"),
    lazy_gettext("Input should be less than or equal to {bound}"),
    lazy_gettext("Input should be greater than {bound}"),
    lazy_gettext("Input should be less than {bound}"),
    lazy_gettext("Input should be a valid integer"),
    lazy_gettext("Input should be a valid integer, unable to parse string as an integer"),
    lazy_gettext("Input should be a valid number"),
    lazy_gettext("Input should be a valid number, unable to parse string as a number"),
    lazy_gettext("Input should be a finite number"),
    lazy_gettext("Input should be a valid string"),
    lazy_gettext("Input should be a valid list"),
    lazy_gettext("Input should be a valid dictionary"),
    lazy_gettext("ineffect disagrees with endyr (in force must mean endyr == 0)"),
    lazy_gettext("unknown rivalry type {value} (expected one of {choices})"),
    lazy_gettext("a participation without its start year"),
    lazy_gettext("a participation without its end year"),
    lazy_gettext("year {value} is not a whole year in {low}..{high}"),
    lazy_gettext("alliance dates differ between members of version4id {id}"),
    lazy_gettext("memberships of unknown agreements: {ids}"),
    lazy_gettext("cannot be read as {what} (columns {columns}): {why}"),
    lazy_gettext("not a regular file: a scenario must be a YAML or TOML file (not a folder, FIFO or device)"),
    lazy_gettext("cannot read the file ({why})"),
    lazy_gettext("larger than {n} MiB: not a scenario"),
    lazy_gettext("not UTF-8 text (byte {byte} at offset {offset}); save the file as UTF-8"),
    lazy_gettext("TOML syntax error: {why}"),
    lazy_gettext("YAML syntax error: {why}"),
    lazy_gettext("nested more than {n} levels deep: not a scenario"),
    lazy_gettext("YAML alias *{anchor} is not allowed in a scenario: write the value out"),
    lazy_gettext("give at least one spell, or omit the field for a member throughout"),
    lazy_gettext("give at least one spell as a major power, or omit the field for a status throughout"),
    lazy_gettext("spell ends ({last}) before it begins ({first})"),
    lazy_gettext("spell beginning {first} overlaps or precedes the one before (ending {prev})"),
    lazy_gettext("only the last spell may be open (last year null)"),
    lazy_gettext("give at least one spell of neutrality, or omit the field for a state never permanently neutral"),
    lazy_gettext("a permanent neutrality needs its source: name the treaty or law that states it in sources.neutral"),
    lazy_gettext("state {code} listed twice"),
    lazy_gettext("no actor is in the system in the start year {year}"),
    lazy_gettext("non-state actor id listed twice"),
    lazy_gettext("unknown state {code}"),
    lazy_gettext("pair {pair} listed twice"),
    lazy_gettext("{year} is not before the scenario's start {start}"),
    lazy_gettext("state {code} is not a member"),
    lazy_gettext("unknown non-state actor {name}"),
    lazy_gettext("state(s) {codes} are not in the system in {year} (see their in_system)"),
    lazy_gettext("{year} is after the scenario's start {start}; schedule a 'pact' shock instead"),
    lazy_gettext("agreement id {id} listed twice"),
    lazy_gettext("agreement {name} listed twice"),
    lazy_gettext("intensity must be >= 0"),
    lazy_gettext("{year} is before the scenario's start {start}"),
    lazy_gettext("unknown agreement {name}"),
    lazy_gettext("a relation needs two different states, got {pair}"),
    lazy_gettext("trade_dependence values must lie in [0, 1]"),
    lazy_gettext("members listed twice"),
    lazy_gettext("a security agreement needs at least two member states"),
    lazy_gettext("non-state actors take part only in cyber alignments"),
    lazy_gettext("at least one obligation is needed"),
    lazy_gettext("a 'pact' shock needs at least two actors"),
    lazy_gettext("a '{kind}' shock needs '{field}'"),
    lazy_gettext("regime value must lie in [0, 1]"),
    lazy_gettext("hostility value must lie in [0, 1]"),
    # the theory commands' input files (foedus.cli.theory_io)
    lazy_gettext("no actors listed"),
    lazy_gettext("empty actor name"),
    lazy_gettext("actor '{name}' is listed twice (first on line {line})"),
    lazy_gettext("size must be a positive number, got '{size}' for actor '{name}'"),
    lazy_gettext("empty actor name in the header row"),
    lazy_gettext("unknown actor '{name}' in the header row (not in the actors file)"),
    lazy_gettext("actor '{name}' appears twice in the header row"),
    lazy_gettext("the header row lacks actor(s) {names}"),
    lazy_gettext("matrix is not square: {n} actor columns but {rows} data rows"),
    lazy_gettext("unknown actor '{name}' in the first column (not in the actors file)"),
    lazy_gettext("actor '{name}' has two rows (first on line {line})"),
    lazy_gettext("row of '{name}' has {values} values, expected {n} (matrix is not square)"),
    lazy_gettext("non-numeric value '{value}'"),
    lazy_gettext("missing propensity between '{a}' and '{b}'"),
    lazy_gettext("value '{value}' is not a finite number"),
    lazy_gettext("matrix is not symmetric: '{a}'-'{b}' is {ab} but '{b2}'-'{a2}' is {ba} (line {line})"),
    lazy_gettext("no edges listed"),
    lazy_gettext("empty {column} name"),
    lazy_gettext("self-loop: '{name}' tied to itself"),
    lazy_gettext("sign must be +1 or -1 (or '+' / '-'), got '{value}'"),
    lazy_gettext("duplicate edge '{a}'-'{b}' (already given on line {line})"),
    lazy_gettext("{n} actors: structural balance here handles at most {most} (its search holds every pair of actors in memory); split the network into its parts"),
    lazy_gettext("{what} {value} outside {low}..{high}"),
    lazy_gettext("{value} is not one of {choices}"),
    lazy_gettext("Input should be {choices}"),
)]
"""English messages of the layers below (placeholders in braces) and their translations, most specific first."""

_MORE = re.compile(r"^(?P<reason>.+) \(and (?P<n>\d+) more error\(s\)\)$", re.S)


def reason_text(reason: str) -> str:
    """An error's reason (or message) in the language in use: its template's translation, else as it is."""
    if get_language() == DEFAULT_LANGUAGE:
        return reason
    more = _MORE.match(reason)
    if more:
        return reason_text(more["reason"]) + _(" (and {n} more error(s))").format(n=more["n"])
    for pattern, said in REASONS:
        m = pattern.match(reason)
        if m:
            return str(said).format(**m.groupdict())
    return reason


def _schema_error(error: BaseException) -> bool:
    schema = sys.modules.get("foedus.schema")  # not imported: the error cannot be one of its errors
    return schema is not None and isinstance(error, schema.SchemaError)


def error_text(error: BaseException | str) -> str:
    """What an error says, in the language in use (English: ``str(error)``, unchanged).

    A :class:`~foedus.schema.SchemaError` is said again from its parts (``FILE, line L,
    column 'C': REASON``; a scenario's error names its ``field``); any other error's message
    is read by :data:`REASONS`.
    """
    if get_language() == DEFAULT_LANGUAGE:
        return str(error)
    if isinstance(error, BaseException) and _schema_error(error):
        where = str(error.source)  # type: ignore[attr-defined]
        if error.row is not None:  # type: ignore[attr-defined]
            where += _(", line {row}").format(row=error.row)  # type: ignore[attr-defined]
        if error.column is not None:  # type: ignore[attr-defined]
            scenario = type(error).__name__ == "ScenarioError"
            where += (_(", field '{field}'") if scenario else _(", column '{column}'")).format(
                field=error.column, column=error.column)  # type: ignore[attr-defined]
        return _("{where}: {reason}").format(where=where, reason=reason_text(str(error.reason)))  # type: ignore[attr-defined]
    return reason_text(str(error))
