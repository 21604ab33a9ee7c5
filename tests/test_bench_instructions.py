"""bench/instructions.py reads callgrind's counts of the two measured regions, and only those.

The counting itself needs valgrind and minutes (it runs in bench/goals.py, not here); what can
go wrong quietly is reading the wrong line of callgrind_annotate's text.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from instructions import inclusive

# callgrind_annotate --inclusive=yes, as it printed on this machine (paths shortened)
ANNOTATED = """\
Ir                   file:function
46,092,239 (100.0%)  PROGRAM TOTALS
Ir                   file:function
31,446,589 (68.23%)  /tmp/Python-3.11.7/Python/clinic/bltinmodule.c.h:builtin_eval [/lib/libpython3.11.so]
31,446,307 (68.22%)  Python-3.11.7/Python/bltinmodule.c:builtin_eval [/lib/libpython3.11.so]
14,645,650 (31.77%)  /tmp/Python-3.11.7/Modules/_functoolsmodule.c:functools_reduce [/lib/libpython3.11.so]
99,000,000 (99.53%)  /tmp/Python-3.11.7/Python/ceval.c:builtin_evaluate_something [/lib/libpython3.11.so]
"""


def test_it_takes_each_regions_outermost_count() -> None:
    assert inclusive(ANNOTATED) == (14_645_650, 31_446_589)


def test_a_region_callgrind_did_not_count_is_an_error_not_a_zero() -> None:
    only_eval = "\n".join(line for line in ANNOTATED.splitlines() if "reduce" not in line)
    with pytest.raises(RuntimeError, match="no reduce or eval"):
        inclusive(only_eval)
