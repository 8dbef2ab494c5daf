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


# Why these settings (Jaccard figures measured on benchmarks/dedupe_eval; P = chance two documents share a bucket):
# shingle (5-word shingles, 16 bands x 4 rows): copies share J >= 0.6 of their shingles, P(0.6) = 0.88, P(0.8) = 1.0;
#   rewrites share almost none (J <= 0.02), so this family is for copies only.
# names (names, figures and long content stems, 32 bands x 2 rows): the weakest rewrite (the seed 004 ~ 001) has
#   J = 0.35, P = 0.98; P(0.3) = 0.95. Unrelated stories have median J = 0.02 (P = 0.01) and 99th percentile 0.08
#   (P = 0.18). With 3 rows, P(0.35) fell to 0.72, too low for the rewrites the product exists to catch; the stray
#   candidates 2 rows let in cost one cheap stem-overlap check each, and at most MAX_CANDIDATES per document are
#   verified.
FAMILIES = (Family("shingle", 16, 4), Family("names", 32, 2))
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
    rows = [{"band": 0, "bucket": profile.text_hash, "doc_id": doc_id, "family": EXACT}]
    token_sets = {"shingle": shingles(profile.normalised), "names": name_tokens(profile)}
    for family in FAMILIES:
        values = _minhash(token_sets[family.name], family.bands * family.rows)
        if values is None:
            continue
        for band in range(family.bands):
            chunk = values[band * family.rows : (band + 1) * family.rows]
            rows.append({"band": band, "bucket": _bucket(chunk.tobytes()), "doc_id": doc_id, "family": family.name})
    return rows
