"""The cost ledger: who pays what, per month (EUR).

Payers: ``municipality`` (bijstand, wage-cost subsidy, training, transition support, work-pool
coordination), ``national`` (WW via UWV, sheltered work, no-risk sick pay), ``employers``
(sick pay they carry; not public money). Benefits *saved* by a policy appear as the difference
between an arm and its baseline in ``analysis/compare.py``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

PAYERS = ("municipality", "national", "employers")


@dataclass(frozen=True)
class CostItem:
    """A cost item of the ledger: who pays it and whether it is re-integration spending.

    Re-integration items (training and the instruments, not benefits or sheltered work
    themselves) add up to the summary's ``reintegration_cost_eur``. Instruments declare their
    items in ``Policy.COST_ITEMS``; the core's are :data:`CORE_ITEMS`.
    """

    payer: str
    doc: str
    reintegration: bool = True

    def __post_init__(self):
        if self.payer not in PAYERS:
            raise ValueError(f"unknown payer {self.payer!r}, allowed: " + ", ".join(PAYERS))


#: the items the core processes book (the instruments add theirs)
CORE_ITEMS: dict[str, CostItem] = {
    "social_assistance": CostItem("municipality", "bijstand benefits", reintegration=False),
    "unemployment_benefit": CostItem("national", "WW benefits (UWV)", reintegration=False),
    "sheltered_work": CostItem("national", "sheltered-work places", reintegration=False),
    "training": CostItem("municipality", "school places of jobseekers in training"),
    "sick_pay": CostItem("employers", "sick pay the employers carry", reintegration=False),
}


class Ledger:
    """Monthly bookings per (payer, item); totals per payer and item.

    Only declared items can be booked (:data:`CORE_ITEMS` and what :meth:`declare` adds), so
    every amount in the results has a payer and a category the summary knows.
    """

    def __init__(self) -> None:
        self.totals: dict[tuple[str, str], float] = defaultdict(float)
        self.month: dict[tuple[str, str], float] = defaultdict(float)
        self.declared: dict[str, CostItem] = dict(CORE_ITEMS)

    def declare(self, item: str, cost: CostItem) -> None:
        """Allow bookings of ``item`` (an instrument's cost item)."""
        known = self.declared.get(item)
        if known is not None and known != cost:
            raise ValueError(f"cost item {item!r} declared twice, differently")
        self.declared[item] = cost

    def reintegration_items(self) -> set[str]:
        """Names of the items that count as re-integration spending."""
        return {k for k, c in self.declared.items() if c.reintegration}

    def book(self, payer: str, item: str, eur: float) -> None:
        if payer not in PAYERS:
            raise ValueError(f"unknown payer {payer!r}")
        cost = self.declared.get(item)
        if cost is None or cost.payer != payer:
            raise ValueError(
                f"cost item {item!r} of payer {payer!r} is not declared: an "
                "instrument declares its items in COST_ITEMS"
            )
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
