"""``foedus landscape`` and ``foedus balance``: alignment models of brief H3 from CSV files.

Presentation only: files are read by :mod:`foedus.cli.theory_io`, the models live in
:mod:`foedus.theory.landscape` and :mod:`foedus.theory.balance`.
"""

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from foedus.i18n import _

from foedus.cli._common import fail

if TYPE_CHECKING:
    import numpy as np

ENERGY_CONVENTION = (
    "E = sum over ordered pairs i != j of s_i s_j p_ij d_ij, d_ij = 1 when i and j are in different "
    "camps (Axelrod & Bennett 1993): each unordered pair counts twice"
)


class Method(str, Enum):
    """Search method."""

    auto = "auto"
    exact = "exact"
    heuristic = "heuristic"


class Rule(str, Enum):
    """Move rule of the landscape dynamics."""

    frustration = "frustration"
    energy = "energy"


SeedOpt = Annotated[int, typer.Option(help="Random seed for the heuristic search (same seed, same result).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON instead of tables.")]


def _camp_lists(names: list[str], camps: "np.ndarray") -> list[list[str]]:
    """Two lists of names; the camp holding the first actor comes first."""
    first = camps[0]
    return [[n for n, c in zip(names, camps) if c == first], [n for n, c in zip(names, camps) if c != first]]


def _landscape_json(names: list[str], res) -> dict:
    """The ``--json`` document of ``foedus landscape``."""
    gm = res.global_minimum
    return {
        "actors": names,
        "energy_convention": ENERGY_CONVENTION,
        "method": res.method,
        "proven_optimal": res.proven_optimal,
        "rule": res.rule,
        "global_minimum": {"energy": gm.energy, "camps": _camp_lists(names, gm.camps)},
        "local_minima": [
            {
                "energy": m.energy,
                "camps": _camp_lists(names, m.camps),
                "basin_size": m.basin_size,
                "basin_fraction": m.basin_fraction,
                **({"restarts": m.restarts} if m.restarts is not None else {}),
            }
            for m in res.local_minima
        ],
        "n_local_minima": res.n_local_minima,
        "basins_computed": res.basins_computed,
        "frustration": {n: float(f) for n, f in zip(names, res.frustration)},
        "notes": res.notes,
    }


def _print_landscape(names: list[str], sizes, res, top: int) -> None:
    """The tables of ``foedus landscape``: lowest-energy alignment, local minima, frustration."""
    from rich.console import Console
    from rich.table import Table

    from foedus.report.format import localize, percent

    gm = res.global_minimum
    con = Console()
    status = _("proven global minimum (exhaustive search)") if res.proven_optimal else _("best found, NOT proven optimal")
    a, b = _camp_lists(names, gm.camps)
    con.print(_("[bold]Lowest-energy alignment[/bold] ({status}): energy {energy}").format(status=status, energy=localize(f"{gm.energy:.6g}")))
    empty = _("(empty)")
    con.print("  " + _("camp {k}: {members}").format(k=1, members=", ".join(a)))
    con.print("  " + _("camp {k}: {members}").format(k=2, members=", ".join(b) if b else empty))
    heuristic = res.method == "heuristic"
    basin_head = _("restarts reaching it") if heuristic else _("basin (alignments)")
    head = _("Local minima ({n} in all; lowest energy first)") if res.method == "exact" else _("Local minima ({n} found; lowest energy first)")
    t = Table(title=head.format(n=res.n_local_minima))
    t.add_column("#", justify="right")
    t.add_column(_("energy"), justify="right")
    t.add_column(basin_head, justify="right")
    t.add_column(_("share"), justify="right")
    t.add_column(_("camp {k}").format(k=1))
    t.add_column(_("camp {k}").format(k=2))
    for k, m in enumerate(res.local_minima[: max(top, 0)], 1):
        c1, c2 = _camp_lists(names, m.camps)
        count, share = (m.restarts, m.restarts / res.n_configurations) if heuristic else (m.basin_size, m.basin_fraction)
        t.add_row(
            str(k), localize(f"{m.energy:.6g}"),
            "-" if count is None else str(count),
            "-" if share is None else percent(share, 1),
            ", ".join(c1), ", ".join(c2),
        )
    con.print(t)
    f = Table(title=_("Frustration in the lowest-energy alignment"))
    f.add_column(_("actor"))
    f.add_column(_("size"), justify="right")
    f.add_column(_("camp"), justify="right")
    f.add_column(_("frustration"), justify="right")
    for n, s, c, fr in zip(names, sizes, gm.camps, res.frustration):
        f.add_row(n, localize(f"{s:.6g}"), "1" if c == gm.camps[0] else "2", localize(f"{fr:.6g}"))
    con.print(f)
    con.print(f"[dim]{ENERGY_CONVENTION}.[/dim]")
    for note in res.notes:
        con.print(_("[yellow]note:[/yellow] {note}").format(note=note))


def landscape(
    actors: Annotated[Path, typer.Argument(help="CSV with columns 'actor,size' (size > 0, e.g. a CINC share).")],
    propensities: Annotated[
        Path,
        typer.Argument(
            help="Square CSV matrix: first row and first column are the actor names, cells are pairwise "
            "propensities (positive: want to be on the same side). Must be symmetric; the diagonal may be empty."
        ),
    ],
    midpoint: Annotated[
        Optional[float],
        typer.Option(
            "--midpoint",
            help="Treat the cells as ratings whose neutral value is M (e.g. 4 on a 1-7 scale): "
            "propensity = rating - M.",
            metavar="M",
        ),
    ] = None,
    method: Annotated[
        Method,
        typer.Option(help="'exact' enumerates every alignment (up to 30 actors); 'heuristic' uses simulated "
                     "annealing (any size, optimality not proven); 'auto' picks exact up to 30 actors."),
    ] = Method.auto,
    rule: Annotated[
        Rule,
        typer.Option(help="Who moves in the dynamics that defines basins: the actor whose frustration drops most "
                     "('frustration') or the move that lowers the energy most ('energy')."),
    ] = Rule.frustration,
    seed: SeedOpt = 0,
    top: Annotated[int, typer.Option(help="Show at most this many local minima in the table (--json lists all).")] = 20,
    as_json: JsonOpt = False,
) -> None:
    """Landscape theory of aggregation (Axelrod & Bennett 1993): predicted two-camp alignments.

    Prints the lowest-energy alignment and every local minimum with its basin of attraction.

    A local minimum is an alignment where no actor can lower its frustration by switching camp.

    Also prints each actor's frustration in the lowest-energy alignment.

    Energies count each pair twice, as in the paper.
    """
    # Imported here, not above: the whole `foedus landscape` process is timed against the R peer
    # (benchmarks/landscape_vs_r.py), and `foedus --help` needs none of them.
    from foedus.cli.theory_io import read_actors, read_propensities
    from foedus.theory.landscape_minima import landscape_search

    try:
        names, sizes = read_actors(actors)
        P = read_propensities(propensities, names, midpoint=midpoint)
        res = landscape_search(sizes, P, method=method.value, rule=rule.value, seed=seed)
    except ValueError as e:  # SchemaError included
        fail(e)
    if as_json:
        typer.echo(json.dumps(_landscape_json(names, res), indent=2))
        return
    _print_landscape(names, sizes, res, top)


def balance(
    edges: Annotated[
        Path,
        typer.Argument(help="CSV signed edge list with columns 'source,target,sign'; sign is +1 (friendly) or -1 (hostile)."),
    ],
    method: Annotated[
        Method,
        typer.Option(help="'exact' enumerates every two-camp split of each connected component (up to 30 nodes each); "
                     "'heuristic' uses simulated annealing; 'auto' is exact up to 28 nodes per component."),
    ] = Method.auto,
    seed: SeedOpt = 0,
    as_json: JsonOpt = False,
) -> None:
    """Structural balance of a signed network (Heider 1946; Cartwright & Harary 1956; Harary 1959).

    Counts balanced and unbalanced triads: a triad is balanced when the product of its signs is positive.

    Finds the frustration index: the fewest ties whose sign must change to split the network in two.

    In the two camps it prints, friends are inside and enemies across, save for those ties.
    """
    import numpy as np

    from foedus.cli.theory_io import read_signed_edges
    from foedus.theory.balance import balance_partition, triad_census

    try:
        names, S = read_signed_edges(edges)
        census = triad_census(S)
        bp = balance_partition(S, method=method.value, seed=seed)
    except ValueError as e:  # SchemaError included
        fail(e)
    camps = _camp_lists(names, bp.camps)
    violated = [[names[i], names[j]] for i, j in bp.violated_edges]
    if as_json:
        out = {
            "nodes": len(names),
            "edges": int(np.count_nonzero(np.triu(S, 1))),
            "triads_balanced": census.balanced,
            "triads_unbalanced": census.unbalanced,
            "triads_by_hostile_ties": list(census.by_hostile_ties),
            "frustration_index": bp.frustration_index,
            "proven_optimal": bp.proven_optimal,
            "method": bp.method,
            "camps": camps,
            "violated_edges": violated,
        }
        typer.echo(json.dumps(out, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    con = Console()
    t = Table(title=_("Triads of {n} actors (three actors, all pairs tied)").format(n=len(names)))
    t.add_column(_("hostile ties"), justify="right")
    t.add_column(_("triads"), justify="right")
    t.add_column(_("balanced?"))
    yes, no = _("yes"), _("no")
    for k, c in enumerate(census.by_hostile_ties):
        t.add_row(str(k), str(c), yes if k % 2 == 0 else no)
    con.print(t)
    con.print(_("balanced triads: {balanced}   unbalanced triads: {unbalanced}").format(balanced=census.balanced, unbalanced=census.unbalanced))
    status = _("exact") if bp.proven_optimal else _("upper bound (heuristic, not proven)")
    con.print(_("[bold]frustration index[/bold]: {index} ({status})").format(index=bp.frustration_index, status=status))
    con.print("  " + _("camp {k}: {members}").format(k=1, members=", ".join(camps[0])))
    con.print("  " + _("camp {k}: {members}").format(k=2, members=", ".join(camps[1]) if camps[1] else _("(empty)")))
    if violated:
        con.print(_("ties against this split: {ties}").format(ties="; ".join(f"{a}-{b}" for a, b in violated)))


def register(app: typer.Typer) -> None:
    """Add ``landscape`` and ``balance`` to ``app``."""
    app.command("landscape")(landscape)
    app.command("balance")(balance)
