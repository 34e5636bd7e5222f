"""Named random streams derived from one run seed.

Each monthly process draws from its own stream, so a policy that changes matching does not
shift the draws of sickness or demand: a policy arm and its baseline share their random
numbers (common random numbers) as far as their histories allow.
"""

from __future__ import annotations

import hashlib

import numpy as np

STREAMS = (
    "population", "network", "demand", "demography", "health", "separations", "relapse",
    "matching", "training", "benefits", "policies",
)


def stream_key(name: str) -> int:
    """A stable 32-bit number for a stream name (independent of Python's hash seed).

    >>> stream_key("matching") == stream_key("matching")
    True
    """
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:4], "little")


class Streams:
    """One numpy Generator per named stream, all derived from ``seed``."""

    def __init__(self, seed: int):
        self.seed = int(seed)
        self._gens = {
            name: np.random.default_rng([self.seed, stream_key(name)]) for name in STREAMS
        }

    def __getattr__(self, name: str) -> np.random.Generator:
        gens = self.__dict__.get("_gens")
        if gens is not None and name in gens:
            return gens[name]
        raise AttributeError(name)

    def child_seed(self, name: str) -> int:
        """An integer seed for a library that wants one (e.g. networkx), from stream ``name``."""
        return int(self._gens[name].integers(0, 2**31 - 1))
