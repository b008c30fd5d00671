"""foedus.data.norms: the territorial integrity norm's date (Zacher 2001; Fazal 2007)."""

import doctest

from foedus.data import norms
from foedus.data.norms import TERRITORIAL_INTEGRITY_NORM_YEAR, territorial_integrity_norm


def test_docstring_examples_run():
    assert doctest.testmod(norms, raise_on_error=False).failed == 0


def test_the_norm_binds_from_the_un_charter():
    assert TERRITORIAL_INTEGRITY_NORM_YEAR == 1945
    assert territorial_integrity_norm([1919, 1938, 1945, 1990]).tolist() == [False, False, True, True]
