"""MinHash LSH band rows for the candidate index: one family per signature (exact text, word shingles, names)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from newsfacts.dedupe.text import Profile, shingles

SEED = 20230912


@dataclass(frozen=True)
class Family:
    """One LSH signature: bands x rows MinHash values, hashed per band into a bucket."""

    name: str
    bands: int
    rows: int


# Why these settings (measured in benchmarks/dedupe_quality.py, candidate recall line):
# shingle: copies share >= 0.5 of their 5-word shingles; 16 bands x 4 rows finds J=0.5 with p~0.64 per band-set
#   and J=0.7 with p~0.99, while unrelated texts (J<0.05) almost never collide.
# names: paraphrases keep names and figures but change words; the names-and-content-stems set of a rewrite and its
#   source overlaps J~0.3, which 32 bands x 3 rows catch with p~0.58.. 0.9 as J rises 0.3 -> 0.4; unrelated stories
#   (J<0.05) collide with p<0.005.
FAMILIES = (Family("shingle", 16, 4), Family("names", 32, 3))
EXACT = "exact"


def _bucket(values: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(values, digest_size=8).digest(), "big")


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    return MinHash(num_perm=num_perm, seed=SEED, scheme="affine32").permutations


def _minhash(tokens: set[str], num_perm: int) -> np.ndarray | None:
    if not tokens:
        return None
    sketch = MinHash(num_perm=num_perm, seed=SEED, permutations=_permutations(num_perm), scheme="affine32")
    sketch.update_batch([t.encode("utf-8") for t in tokens])
    return sketch.hashvalues


def name_tokens(profile: Profile) -> set[str]:
    """Names, figures and longer content stems: the vocabulary a paraphrase cannot avoid repeating."""
    return set(profile.names) | {s for s in profile.stem_df if len(s) >= 6}


def band_rows(doc_id: str, profile: Profile) -> list[dict]:
    """All lsh_bands rows of one document."""
    normalised = profile.normalised
    rows = [{"band": 0, "bucket": _bucket(normalised.encode("utf-8")), "doc_id": doc_id, "family": EXACT}]
    token_sets = {"shingle": shingles(normalised), "names": name_tokens(profile)}
    for family in FAMILIES:
        values = _minhash(token_sets[family.name], family.bands * family.rows)
        if values is None:
            continue
        for band in range(family.bands):
            chunk = values[band * family.rows : (band + 1) * family.rows]
            rows.append({"band": band, "bucket": _bucket(chunk.tobytes()), "doc_id": doc_id, "family": family.name})
    return rows
