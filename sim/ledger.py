"""The cost ledger: who pays what, per month (EUR).

Payers: ``municipality`` (bijstand, wage-cost subsidy, training, transition support, work-pool
coordination), ``national`` (WW via UWV, sheltered work, no-risk sick pay), ``employers``
(sick pay they carry; not public money). Benefits *saved* by a policy appear as the difference
between an arm and its baseline in ``analysis/compare.py``.
"""

from __future__ import annotations

from collections import defaultdict

PAYERS = ("municipality", "national", "employers")


class Ledger:
    """Monthly bookings per (payer, item); totals per payer and item."""

    def __init__(self):
        self.totals: dict[tuple[str, str], float] = defaultdict(float)
        self.month: dict[tuple[str, str], float] = defaultdict(float)

    def book(self, payer: str, item: str, eur: float) -> None:
        if payer not in PAYERS:
            raise ValueError(f"unknown payer {payer!r}")
        if eur:
            self.totals[(payer, item)] += float(eur)
            self.month[(payer, item)] += float(eur)

    def close_month(self) -> dict[tuple[str, str], float]:
        """Return this month's bookings and start a new month."""
        out, self.month = dict(self.month), defaultdict(float)
        return out

    def public(self, payer: str | None = None) -> float:
        """Total public cost (municipality + national), or one payer's."""
        payers = ("municipality", "national") if payer is None else (payer,)
        return sum(v for (p, _), v in self.totals.items() if p in payers)

    def items(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {p: {} for p in PAYERS}
        for (p, item), v in sorted(self.totals.items()):
            out[p][item] = v
        return out
