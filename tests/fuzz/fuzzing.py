"""Shared by the fuzz targets: the budget of the loaded profile and the case counter."""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, settings

# deadline=None: the first examples pay for imports and the store; slow-generation health
# checks would fail runs on a busy 2-core machine for no fault of the code.
_COMMON = dict(deadline=None, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.function_scoped_fixture])
PROFILE = "fuzz" if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else "fuzz-quick"
EXAMPLES = {"fuzz": 2000, "fuzz-quick": 50}[PROFILE]


def budget(share: float = 1.0) -> settings:
    """Settings for one target: ``share`` of the profile's examples (slow targets take less)."""
    return settings(max_examples=max(10, int(EXAMPLES * share)), **_COMMON)


CASES: Counter[str] = Counter()
