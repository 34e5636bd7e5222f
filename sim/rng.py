"""Named random streams derived from one run seed.

Each monthly process draws from its own stream, so a policy that changes matching does not
shift the draws of sickness or demand: a policy arm and its baseline share their random
numbers (common random numbers) as far as their histories allow.
"""

from __future__ import annotations

import hashlib

import numpy as np

STREAMS = (
    "population",
    "network",
    "demand",
    "demography",
    "health",
    "separations",
    "relapse",
    "matching",
    "training",
    "benefits",
    "policies",
    "employers",
    "preparation",
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


_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _splitmix64(x: np.ndarray | np.uint64) -> np.ndarray | np.uint64:
    x = x + _GOLDEN
    x = (x ^ (x >> np.uint64(30))) * _M1
    x = (x ^ (x >> np.uint64(27))) * _M2
    return x ^ (x >> np.uint64(31))


def counter_uniform(
    seed: int, stream: str, month: int, ids: np.ndarray, slot: int | np.ndarray = 0
) -> np.ndarray:
    """Uniform [0, 1) numbers that depend only on (seed, stream, month, id, slot).

    A counter-based generator (splitmix64 hashing): person ``i``'s draw in a month is the same
    in every arm of a comparison, whoever else searches, which keeps common random numbers
    aligned where the order of ordinary draws would diverge.

    >>> a = counter_uniform(1, "matching", 3, np.array([5, 7]))
    >>> b = counter_uniform(1, "matching", 3, np.array([7]))
    >>> bool(a[1] == b[0] and 0 <= a.min() < 1)
    True
    """
    with np.errstate(over="ignore"):
        key = _splitmix64(np.uint64((seed * 1_000_003 + stream_key(stream)) % 2**64))
        key = _splitmix64(key ^ np.uint64(month))
        x = np.asarray(ids, dtype=np.uint64) * np.uint64(0x100000001B3)
        x = x ^ (np.asarray(slot, dtype=np.uint64) << np.uint64(40))
        mixed = _splitmix64(_splitmix64(x ^ key))
    return np.asarray(mixed >> np.uint64(11)).astype(np.float64) * (1.0 / 2**53)


def poisson_from_uniform(lam: np.ndarray, u: np.ndarray, k_max: int = 30) -> np.ndarray:
    """Inverse-CDF Poisson draws for rates ``lam`` from uniforms ``u``.

    >>> poisson_from_uniform(np.array([0.0, 1.0, 1.0]), np.array([0.9, 0.1, 0.99])).tolist()
    [0, 0, 4]
    """
    lam = np.asarray(lam, dtype=float)
    p = np.exp(-lam)
    cdf = p.copy()
    k = np.zeros(lam.shape, dtype=np.int64)
    for j in range(1, k_max + 1):
        more = u > cdf
        if not more.any():
            break
        k += more
        p = p * lam / j
        cdf = cdf + p
    return k
