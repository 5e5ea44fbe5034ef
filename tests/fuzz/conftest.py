"""Fuzz targets: ``make test`` runs 50 examples each, ``make fuzz`` (HYPOTHESIS_PROFILE=fuzz) 2,000.

The session ends by printing how many generated cases ran, per target and in all.
"""

from fuzzing import CASES, PROFILE


def pytest_terminal_summary(terminalreporter):
    if CASES:
        terminalreporter.write_line(f"fuzz ({PROFILE}): {sum(CASES.values())} generated cases ran")
        for name, count in sorted(CASES.items()):
            terminalreporter.write_line(f"  {name}: {count}")
