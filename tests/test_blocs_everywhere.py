"""One bloc definition everywhere: the dashboard, the history report and the CLI name the same blocs.

For the same history, year and bloc method, ``HistoryView.year(...)["blocs"]`` (the dashboard),
the report's table "Bloc of each major power in the snapshot years" and ``foedus history network
YEAR --json`` must list the same blocs, all of them :func:`foedus.analysis.polarity.year_blocs`.
"""

from __future__ import annotations

import html
import json
import re

import pytest
from typer.testing import CliRunner

from foedus.analysis.polarity import BLOC_METHODS, DEFAULT_BLOC_METHOD, year_blocs
from foedus.cli import app
from foedus.data.runs import write_history_dir
from foedus.report.history import write_history_report
from foedus.sim import run_scenario
from foedus.web.views import HistoryView

runner = CliRunner()


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """A short run of world-2022 (the issue's example was one of its later years), written as a history folder."""
    h = run_scenario("world-2022", years=6, seed=3)
    folder = tmp_path_factory.mktemp("run")
    write_history_dir(h, folder)
    return h, folder


def _dashboard(h, year, method):
    view = HistoryView(h, kind="run")
    return {(b["leader_abb"], b["size"], tuple(b["majors"])) for b in view.year(year, blocs=method)["blocs"]}


def _cli(folder, year, method):
    result = runner.invoke(app, ["history", "network", str(year), "--run", str(folder), "--json", "--blocs", method])
    assert result.exit_code == 0, result.output
    got = json.loads(result.output)
    assert got["method"] == method
    return {(b["leader"], b["size"], tuple(b["majors"])) for b in got["bloc_list"] if b["size"] >= 2}


def _report_major_blocs(h, year, method, path):
    """(major power, bloc leader, bloc size) rows of the report's bloc table for ``year``."""
    write_history_report(h, path, years=[year], method=method)
    page = path.read_text(encoding="utf-8")
    table = page[page.index("Bloc of each major power in the snapshot years"):]
    table = table[: table.index("</table>")]
    rows = re.findall(r"<tr><td>(\d+)</td><td>([^<]*)</td><td>([^<]*)</td><td>(\d+)</td>", table)
    return {(html.unescape(m), html.unescape(b), int(n)) for y, m, b, n, *_ in [(*r,) for r in rows] if int(y) == year}


@pytest.mark.parametrize("method", [DEFAULT_BLOC_METHOD, "modularity"])
def test_dashboard_report_and_cli_give_the_same_blocs(run, tmp_path, method):
    h, folder = run
    year = int(h.last_year)
    expected = year_blocs(h, year, method=method)
    multi = expected[expected["size"] >= 2]
    assert len(multi) >= 2, "the test needs a year with at least two blocs"
    want = {(r.leader, int(r.size), tuple(r.majors)) for r in multi.itertuples()}
    assert _dashboard(h, year, method) == want
    assert _cli(folder, year, method) == want
    majors_in = {(m, r.leader, int(r.size)) for r in expected.itertuples() for m in r.majors}
    assert _report_major_blocs(h, year, method, tmp_path / "report.html") == majors_in


def test_the_default_is_pole_anchored_and_named_alike_everywhere(run):
    """Poles first; every entry point defaults to it; a bloc of the default is led by a major power when it has one."""
    h, _ = run
    assert DEFAULT_BLOC_METHOD == "poles" == BLOC_METHODS[0]
    from foedus.cli.history import _BLOCS_DEFAULT

    assert _BLOCS_DEFAULT == DEFAULT_BLOC_METHOD
    found = year_blocs(h, int(h.last_year))
    with_major = found[found["majors"].map(len) > 0]
    assert len(with_major) and all(r.leader in r.majors for r in with_major.itertuples())


def test_an_unknown_bloc_method_is_a_clear_error(run):
    h, folder = run
    result = runner.invoke(app, ["history", "network", str(h.last_year), "--run", str(folder), "--blocs", "louvain"])
    assert result.exit_code == 2 and "method must be one of poles, modularity, components" in result.output
    with pytest.raises(ValueError, match="blocs must be one of"):
        HistoryView(h, kind="run").year(int(h.last_year), blocs="louvain")
