"""Units of measurement, compared across systems.

Each unit the number grammar reports (reconcile/extract/numbers.py) that measures a length, an
area, a volume, a mass or a speed has its size in the base unit of its dimension (metre, square
metre, cubic metre, kilogram, metre per second), so 140 m and 459 ft can be compared. Time units
are not here: durations are compared in days by their own code (numbers.duration_days).
"""

from __future__ import annotations

import math

__all__ = ["SIZES", "dimension", "to_base", "convert_value", "decimals_for", "plural",
           "money_text"]

# unit -> (dimension, size in the dimension's base unit); exact by definition where one exists
SIZES: dict[str, tuple[str, float]] = {
    "m": ("length", 1.0), "km": ("length", 1000.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "ft": ("length", 0.3048), "inch": ("length", 0.0254),
    "yard": ("length", 0.9144), "mile": ("length", 1609.344), "nmi": ("length", 1852.0),
    "m2": ("area", 1.0), "km2": ("area", 1e6), "ha": ("area", 1e4),
    "acre": ("area", 4046.8564224), "mi2": ("area", 1609.344 ** 2),
    "m3": ("volume", 1.0), "litre": ("volume", 0.001),
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "tonne": ("mass", 1000.0),
    "lb": ("mass", 0.45359237),
    "m/s": ("speed", 1.0), "km/h": ("speed", 1 / 3.6), "mph": ("speed", 0.44704),
    "knot": ("speed", 1852 / 3600),
}
# unit names written as words take a plural "s"; symbols ("m", "km/h") never do
_WORDS = frozenset({"inch", "yard", "mile", "acre", "litre", "tonne", "knot"})


def dimension(unit: str | None) -> str | None:
    """What the unit measures ("length"), or None for a count, a time span or money."""
    found = SIZES.get(unit or "")
    return found[0] if found else None


def to_base(value: float, unit: str | None) -> float | None:
    found = SIZES.get(unit or "")
    return value * found[1] if found else None


def convert_value(value: float, unit: str, into: str) -> float | None:
    """value in `unit` expressed in `into`, or None when they measure different things."""
    a, b = SIZES.get(unit), SIZES.get(into)
    if a is None or b is None or a[0] != b[0]:
        return None
    return value * a[1] / b[1]


def decimals_for(tolerance: float) -> int:
    """How many decimals show a value known to +-tolerance: 1,083 ft (+-0.5 ft) in metres is
    330.1 m, not 330.0984 m; 300 m (+-0.5 m) in feet is 984 ft."""
    if tolerance <= 0:
        return 3
    return max(0, min(3, -math.floor(math.log10(2 * tolerance))))


def plural(unit: str) -> str:
    return "s" if unit not in SIZES or unit in _WORDS else ""


# Money is written in its currency's code ("GBP", "NOK"); it has no dimension, so no two
# currencies are ever compared. The symbols below are only for showing an amount.
MONEY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥"}
_MONEY_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def money_text(ends: tuple[float, float], decimals: int, code: str) -> str:
    """An amount as a reader writes it: "£48.3 million", "NOK 4.2 billion", "$3–4 million",
    "£14"; a figure written to the unit stays whole ("£48,300,000")."""
    lead = MONEY_SYMBOLS.get(code) or code + " "
    top = max(abs(v) for v in ends)
    nums, word = [f"{v:,.{max(0, decimals)}f}" for v in ends], ""
    for size, scale in _MONEY_SCALES:
        shown = decimals + len(str(size)) - 1
        if top >= size and shown <= 3:
            nums, word = [f"{v / size:,.{max(0, shown)}f}" for v in ends], scale
            break
    text = nums[0] if nums[0] == nums[-1] else f"{nums[0]}–{nums[-1]}"
    return f"{lead}{text}" + (f" {word}" if word else "")
