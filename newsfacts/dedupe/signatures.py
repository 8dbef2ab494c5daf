"""MinHash LSH band rows for the candidate index: one family per signature (exact text, word shingles, names)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from newsfacts.dedupe.text import Profile, terms, token_hash

SEED = 20230912
# Part of every family's lsh_bands.family key: bands of another version (other hashes, other tokens) never share a
# bucket with these, and index.reband makes them again. Version 1 was datasketch's MinHash over strings; version 3
# added the specifics family (a warehouse banded before it is banded again, so its documents have one too); version 4
# tokenises words of every script (text.normalise), so non-Latin bodies have shingles and an exact hash of their own;
# version 5: a capitalised number word ("Seventy", "SEVEN HUNDRED") is no name (text.names_per_sentence); version 6:
# a word opening a sentence run onto the one before ("physician.Police") is no name (text.split_sentences).
VERSION = 6
# The Mersenne prime 2**31 - 1: a*x + b stays below 2**63 for a, b, x below it, so uint64 arithmetic never wraps.
_PRIME = np.uint64((1 << 31) - 1)


@dataclass(frozen=True)
class Family:
    """One LSH signature: bands x rows MinHash values, hashed per band into a bucket."""

    name: str
    bands: int
    rows: int

    @property
    def key(self) -> str:
        """What lsh_bands.family holds: the name and the signature version."""
        return f"{self.name}.v{VERSION}"


# Why these settings (Jaccard figures measured on benchmarks/dedupe_eval; P = chance two documents share a bucket):
# shingle (5-word shingles, 16 bands x 4 rows): copies share J >= 0.6 of their shingles, P(0.6) = 0.88, P(0.8) = 1.0;
#   rewrites share almost none (J <= 0.02), so this family is for copies only.
# names (names, figures and long content stems, 32 bands x 2 rows): the weakest rewrite (the seed 004 ~ 001) has
#   J = 0.35, P = 0.98; P(0.3) = 0.95. Unrelated stories have median J = 0.02 (P = 0.01) and 99th percentile 0.08
#   (P = 0.18). With 3 rows, P(0.35) fell to 0.72, too low for the rewrites the product exists to catch; the stray
#   candidates 2 rows let in cost one cheap stem-overlap check each, and at most MAX_CANDIDATES per document are
#   verified.
# specifics (names and figures only, 16 bands x 2 rows): an expansion of a short item (a 2-sentence brief blown up to
#   25 sentences) shares J 0.14-0.41 of the names family with it (padding adds long words), P(0.14) = 0.45: on the
#   real dev half 3 of 25 expansions shared no bucket with their brief. Padding adds few names and no figures, so
#   the two share J >= 0.32 of their specifics (P(0.32) = 0.82; median J 0.67, P = 1.0).
FAMILIES = (Family("shingle", 16, 4), Family("names", 32, 2), Family("specifics", 16, 2))
EXACT = "exact"  # its bucket is the text hash itself: no MinHash, no version
CURRENT = (EXACT, *(f.key for f in FAMILIES))


def _bucket(values: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(values, digest_size=8).digest(), "big")


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """a in [1, p) and b in [0, p) of each permutation x -> (a*x + b) mod p, drawn from blake2b rather than numpy's
    generator: bands are persisted, so they must not move with a numpy release."""
    draws = [int.from_bytes(hashlib.blake2b(f"{SEED}:{k}".encode(), digest_size=8).digest(), "big")
             for k in range(2 * num_perm)]
    prime = int(_PRIME)
    a = np.array([1 + d % (prime - 1) for d in draws[:num_perm]], dtype=np.uint64)
    b = np.array([d % prime for d in draws[num_perm:]], dtype=np.uint64)
    return a, b


def minhash(hashes: np.ndarray, num_perm: int) -> np.ndarray | None:
    """The MinHash signature of a set given as distinct stable 64-bit token hashes: every permutation applied to
    every token as one array operation, the minimum taken per permutation."""
    if not len(hashes):
        return None
    a, b = _permutations(num_perm)
    x = (hashes.view(np.uint64) % _PRIME)[:, None]
    return ((x * a + b) % _PRIME).min(axis=0)


def name_hashes(profile: Profile) -> np.ndarray:
    """The names family's tokens, hashed: the document's specifics (stemmed names and figures, kept apart from stems
    by a prefix) and its content stems of six letters or more. Both are in dedupe_profiles, so a stored document is
    banded again without its body."""
    specifics = ["n " + t for t in terms(np.unique(profile.specific_ids))]
    long_stems = [t for t in terms(profile.vocabulary) if len(t) >= 6]
    tokens = specifics + long_stems
    return np.fromiter((token_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))


def specific_hashes(profile: Profile) -> np.ndarray:
    """The specifics family's tokens, hashed: the document's stemmed names and figures."""
    tokens = terms(np.unique(profile.specific_ids))
    return np.fromiter((token_hash("n " + t) for t in tokens), dtype=np.uint64, count=len(tokens))


def band_rows(doc_id: str, profile: Profile) -> list[dict]:
    """All lsh_bands rows of one document."""
    rows = [{"band": 0, "bucket": profile.text_hash, "doc_id": doc_id, "family": EXACT}]
    token_hashes = {"shingle": profile.shingles, "names": name_hashes(profile), "specifics": specific_hashes(profile)}
    for family in FAMILIES:
        values = minhash(token_hashes[family.name], family.bands * family.rows)
        if values is None:
            continue
        key = family.key
        for band, chunk in enumerate(values.reshape(family.bands, family.rows)):
            rows.append({"band": band, "bucket": _bucket(chunk.tobytes()), "doc_id": doc_id, "family": key})
    return rows
