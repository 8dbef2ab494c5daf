"""Study, issue #21 (dedupe49): a brief cut from its source, or another outlet's brief of the event with its own angle?

Run: NEWSFACTS_SHARED_DATA=... .venv/bin/python -m benchmarks.dedupe_briefs_cut   (~1 min)

For every development split, every document named as a brief (`*_brief*`: the writer's brief of the source, relation
`brief`; another outlet's, `*_brief_other`, relation `independent`) is read against its source's original, and the
readings a reader would use are printed per brief, then summed by kind:
- kept: share of the brief's content stems the source has (its wording kept);
- shingles: share of its 5-word shingles the source has;
- depth: for each brief sentence, the source sentence it retells best (position 0 = the lead, 1 = the last), the mean;
- lead_only: every retold brief sentence retells one of the source's first `LEAD` content sentences;
- own: specifics (names, figures, days) the brief names and the source never does, and per brief sentence.
A study: nothing here is read by newsfacts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.dedupe_paths import development_splits  # noqa: E402
from benchmarks.dedupe_quality import load_real  # noqa: E402

from newsfacts.dedupe.align import similarity_matrix  # noqa: E402
from newsfacts.dedupe.text import Profile  # noqa: E402
from newsfacts.dedupe.verify import Thresholds, content_rows  # noqa: E402

LEAD = 3


def readings(brief: Profile, source: Profile, t: Thresholds) -> dict:
    """What the brief keeps of its source and what it names of its own."""
    stems = set(brief.vocabulary.tolist())
    kept = len(stems & set(source.vocabulary.tolist())) / max(len(stems), 1)
    shingles = len(np.intersect1d(brief.shingles, source.shingles)) / max(len(brief.shingles), 1)
    rows, source_rows = content_rows(brief), content_rows(source)
    similarity = similarity_matrix(brief, source)
    retold = [(i, int(np.argmax(similarity[i]))) for i in rows.tolist()
              if len(source_rows) and similarity[i].max() >= t.loose_similarity]
    rank = {j: k for k, j in enumerate(source_rows.tolist())}
    positions = [rank.get(j, len(source_rows)) / max(len(source_rows) - 1, 1) for _, j in retold]
    own = brief.mentioned - source.mentioned - source.openers
    return {"sentences": len(rows), "kept": round(kept, 2), "shingles": round(shingles, 2),
            "retold": len(retold), "depth": round(float(np.mean(positions)), 2) if positions else None,
            "lead_only": bool(retold) and all(rank.get(j, 99) < LEAD for _, j in retold),
            "own": len(own), "own_per_sentence": round(len(own) / max(len(rows), 1), 2)}


def split_rows(split: str, t: Thresholds) -> list[dict]:
    docs, labels, _ = load_real(split)
    by_id = {d.doc_id: d for d in docs}
    out = []
    for d in docs:
        source = by_id.get(d.doc_id[:8] + "_original")
        if "_brief" not in d.doc_id or source is None:
            continue
        kind = "other outlet's" if "other" in d.doc_id else "cut from the source"
        out.append({"split": split, "doc": d.doc_id, "kind": kind,
                    **readings(Profile.of(d.body), Profile.of(source.body), t)})
    return out


def main() -> None:
    t = Thresholds()
    rows = [row for split in development_splits() for row in split_rows(split, t)]
    for row in rows:
        print(row)
    for kind in ("cut from the source", "other outlet's"):
        these = [r for r in rows if r["kind"] == kind]
        print(f"\n{kind}: {len(these)}")
        for key in ("kept", "shingles", "depth", "own", "own_per_sentence"):
            values = sorted(r[key] for r in these if r[key] is not None)
            if values:
                print(f"  {key}: min {values[0]} median {values[len(values) // 2]} max {values[-1]}")
        print(f"  lead_only: {sum(r['lead_only'] for r in these)}")


if __name__ == "__main__":
    main()
