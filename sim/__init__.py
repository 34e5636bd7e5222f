"""Kluit's model package: a regional labour market with employers, jobseekers, sheltered-work
participants and schools (Mesa 3.5, numpy state, networkx region)."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sim.model import LabourMarketModel

__version__ = "0.1.0"


def __getattr__(name: str):
    """``from sim import LabourMarketModel``, imported on first use so that importing a light
    module such as ``sim.params`` does not load the simulation (and Mesa)."""
    if name == "LabourMarketModel":
        from sim.model import LabourMarketModel

        return LabourMarketModel
    raise AttributeError(f"module 'sim' has no attribute {name!r}")


__all__ = ["LabourMarketModel", "__version__"]
