"""Pure, vectorised mechanisms of alliance politics, one module per family.

No I/O and no global state: every function takes arrays (N states, N x N relations) and returns
arrays, and names its published source (brief ID; author, year) in its docstring.

Why states ally, and with whom:

- :mod:`~foedus.theory.threat`: Walt's balance of threat (F2) with intentions revealed towards
  neighbours and discounted for allies, proximity, global threats (D4), the pairs of
  great-power competition (T1);
- :mod:`~foedus.theory.intentions`: perceived intentions read from acts (revealed hostility next door,
  rivalry, ideology colouring the reading), discounted for allies and restrained by trade (F2, T2);
- :mod:`~foedus.theory.projection`: power projection, Boulding's loss-of-strength gradient in
  Bueno de Mesquita's (1981) distance discount of capability (F1, F2);
- :mod:`~foedus.theory.alignment`: the alignment motives F1–F4 as additive contributions (F5);
- :mod:`~foedus.theory.choice`: each state's best option, a partner or an alliance, and the
  motives behind it (F5);
- :mod:`~foedus.theory.consent`: a pair forms only when both sides gain;
- :mod:`~foedus.theory.arms`: Richardson's arms race and Jervis's security dilemma (D1);
- :mod:`~foedus.theory.cyber`: intrusions, attribution, escalation, trust after intrusions (T3);
- :mod:`~foedus.theory.cyber_trust`: who shares vulnerabilities with whom: Kydd's assurance
  threshold over pairwise trust, and camps of values (T3).

Life inside an alliance:

- :mod:`~foedus.theory.obligations`: what each ATOP obligation is worth and costs, on both sides
  of Morrow's exchange; admission of new members; treaty inertia (A2, P1, P2, P5);
- :mod:`~foedus.theory.exchange`: Morrow's autonomy–security exchange (P1);
- :mod:`~foedus.theory.entrapment`: Snyder's entrapment and abandonment, accession rules (P2);
- :mod:`~foedus.theory.integration`: military integration against national control (P3, T4);
- :mod:`~foedus.theory.burden`: Olson & Zeckhauser's burden sharing (P4);
- :mod:`~foedus.theory.cohesion`: cohesion, reliability, the :func:`dissolution_hazard
  <foedus.theory.cohesion.dissolution_hazard>` of an alliance, democratic diffusion (P5, T2, T5).

Alignment of a whole system (H3):

- :mod:`~foedus.theory.landscape`: Axelrod & Bennett's landscape, its energy and dynamics;
- :mod:`~foedus.theory.landscape_minima`: its minima, by exact enumeration or annealing;
- :mod:`~foedus.theory.landscape_kernels`: their compiled (numba) kernels;
- :mod:`~foedus.theory.balance`: structural balance of signed networks (triads, frustration).
- :mod:`~foedus.theory.triad_dynamics`: how a signed network moves towards balance (AKR 2005).
"""
