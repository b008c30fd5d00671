r"""Rivalry without a territorial issue: the ``issueless_rival`` term of the war-onset hazard (Vasquez 1993; Senese & Vasquez 2008).

Vasquez's (1993) territorial explanation of war, tested by Senese & Vasquez (2008, *The Steps to War*), holds that wars
grow out of territorial issues between neighbours, and that rivalry makes war when it is about territory: rivals who contest
only their rank (Thompson 1995, 2001's positional rivalries) or their ideology compete by arms races, alliances and crises,
and rarely fight one another directly. Thompson & Dreyer (2012) code each strategic rivalry's issues: ``spatial`` (a
contest over territory), ``positional`` (over influence and status), ``ideological``, ``interventionary``. Among the
rivalries of the in-sample eras the record bears Vasquez out (COW inter-state wars, initiating dyads, politically relevant
pairs; ``foedus.analysis.war_onsets``):

===================================  =============  ==============
rivals, 1816-1914 and 1946-1989      dyad-years     war onsets
===================================  =============  ==============
spatial                              3,531          40.5
not spatial, neighbours              379            3.0 (Guatemala and El Salvador)
not spatial, not neighbours          617            0.5
===================================  =============  ==============

The rivalries of a great power neither spatial nor with a neighbour (Britain and Russia, France and Russia, Germany and the
United States, the United States and the Soviet Union: positional) began no war in 322 dyad-years, while the hazard fitted without the distinction
predicted 3.7 onsets on the pairs of the last line. :func:`issueless_rivalry` marks those pairs: a strategic rivalry
that is neither spatial nor between neighbours (a rivalry between contiguous states is taken to hold a territorial issue,
as Senese & Vasquez's contiguity proxy does, and as a run's new rivalries between neighbours are). Its coefficient in the
hazard (``war_onset_issueless_rival``) is fitted on the in-sample eras with the other terms (Firth logit: -1.59, s.e.
1.01; in-sample log-likelihood -356.77 against -358.94 without it, a likelihood-ratio test p = 0.04).

References
----------
Vasquez, J. A. 1993. *The War Puzzle*. Cambridge University Press.
Senese, P. D. and J. A. Vasquez. 2008. *The Steps to War: An Empirical Study*. Princeton University Press.
Thompson, W. R. 1995. "Principal Rivalries." *Journal of Conflict Resolution* 39(2): 195-223.
Thompson, W. R. 2001. "Identifying Rivals and Rivalries in World Politics." *International Studies Quarterly* 45(4): 557-86.
Thompson, W. R. and D. R. Dreyer. 2012. *Handbook of International Rivalries, 1494-2010*. Washington, DC: CQ Press.
"""

from __future__ import annotations

import numpy as np

__all__ = ["issueless_rivalry"]


def issueless_rivalry(rival, spatial, contiguous) -> np.ndarray:
    """The ``issueless_rival`` covariate: a strategic rivalry with no territorial issue (Vasquez 1993; Senese & Vasquez 2008).

    True where the pair is in rivalry, the rivalry is not coded spatial (Thompson & Dreyer 2012) and the two do not border
    each other (a neighbours' rivalry is taken to hold a territorial issue).

    Parameters
    ----------
    rival : array_like of bool
        The pair is in strategic rivalry.
    spatial : array_like of bool
        The rivalry is over territory (Thompson & Dreyer's ``spatial`` type; False where not coded).
    contiguous : array_like of bool
        The two states border each other.

    Examples
    --------
    A positional rivalry between two distant great powers, the same between neighbours, a spatial one, and no rivalry:

    >>> issueless_rivalry([1, 1, 1, 0], [0, 0, 1, 0], [0, 1, 0, 0]).tolist()
    [True, False, False, False]
    """
    return np.asarray(rival, dtype=bool) & ~np.asarray(spatial, dtype=bool) & ~np.asarray(contiguous, dtype=bool)
