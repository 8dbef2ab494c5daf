"""Through the warehouse, run after run: one stable original per story, and documents, duplicate_pairs and
verdict_changes that tell the same story whatever order the copies arrive in."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from flows.pipeline import run_pipeline
from newsfacts.config import SAMPLE_INBOX, Settings

# Every test here runs the flow, the one runner of the stages, on Prefect's test API.
pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("prefect_api")]

AP = next(SAMPLE_INBOX.glob("001_*.txt"))
FURNITURE = ("Advertisement", "Sign up for our morning newsletter to get the day's top stories.",
             "Have a tip we should know? Contact our newsroom.")


def page(k: int) -> str:
    """The AP story as another site reprints it: the same body, other page furniture, no date."""
    lines = AP.read_text(encoding="utf-8").split("\n")
    return "\n".join([*lines[:3], *FURNITURE[:k], *lines[3:], FURNITURE[k % 3]]) + "\n"


def run(settings: Settings, tmp_path: Path, name: str, files: dict[str, str]) -> None:
    inbox = tmp_path / name
    inbox.mkdir()
    for file_name, text in files.items():
        (inbox / file_name).write_text(text, encoding="utf-8")
    assert run_pipeline(settings.with_(inbox=inbox)).status == "published"


def verdicts(warehouse: Path) -> dict[str, tuple]:
    """source file -> (duplicate_of's file, level, cluster's file), after checking the tables agree."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        docs = {r[0]: r[1:] for r in con.execute(
            "select doc_id, source_path, duplicate_of, duplicate_level, cluster_id from documents").fetchall()}
        pairs = con.execute("select doc_id, duplicate_of, level from duplicate_pairs").fetchall()
    path = {doc_id: d[0] for doc_id, d in docs.items()}
    copies = {doc_id: (d[1], d[2]) for doc_id, d in docs.items() if d[1]}
    assert sorted((doc_id, of, level) for doc_id, (of, level) in copies.items()) == sorted(pairs)
    for doc_id, (of, _) in copies.items():
        assert docs[of][1] is None and docs[of][3] == of == docs[doc_id][3], "duplicate_of names the original"
    return {path[doc_id]: (path.get(d[1]), d[2], path[d[3]]) for doc_id, d in docs.items()}


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1)], ids=str)
def test_three_copies_of_one_page_in_three_runs_name_the_first_staged_as_original(settings, tmp_path, order):
    settings = settings.with_(nlp_workers=1)
    for k in order:
        run(settings, tmp_path, f"run{k}", {f"p{k}.txt": page(k)})
    first = f"p{order[0]}.txt"
    assert {p: (of, cluster) for p, (of, _, cluster) in verdicts(settings.warehouse).items()} == {
        f"p{k}.txt": (None if k == order[0] else first, first) for k in order}


def test_an_undated_reprint_arriving_later_never_takes_the_place_of_the_seed_it_copies(settings, tmp_path):
    settings = settings.with_(nlp_workers=1)
    assert run_pipeline(settings).status == "published"
    run(settings, tmp_path, "later", {"reprint.txt": page(2)})
    found = verdicts(settings.warehouse)
    ap, rewrite = AP.name, next(SAMPLE_INBOX.glob("004_*.txt")).name
    assert found[ap] == (None, None, ap)
    assert found["reprint.txt"][0] == ap and found["reprint.txt"][1] in ("exact", "near_exact")
    assert found[rewrite] == (ap, "rewrite", ap)
    assert sorted(p for p, (of, _, _) in found.items() if of) == sorted(["reprint.txt", rewrite])
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        assert con.execute("select count(*) from verdict_changes").fetchone() == (0,)


def test_a_dated_copy_arriving_later_becomes_the_original_and_the_change_is_recorded_with_its_reason(settings,
                                                                                                     tmp_path):
    settings = settings.with_(nlp_workers=1)
    run(settings, tmp_path, "first", {"undated.txt": page(0)})
    lines = page(1).split("\n")
    run(settings, tmp_path, "second", {"dated.txt": "\n".join([*lines[:3], "Published September 12, 2023", *lines[3:]])})
    found = verdicts(settings.warehouse)
    assert found["dated.txt"] == (None, None, "dated.txt") and found["undated.txt"][0] == "dated.txt"
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        [(was, now, change, reason)] = con.execute(
            "select was_duplicate_of, duplicate_of, change, reason from verdict_changes").fetchall()
    assert was is None and change == "new_original" and "2023-09-12" in reason and "undated" in reason


def test_a_report_linked_before_its_source_arrived_leaves_the_story_and_the_change_is_recorded(settings, tmp_path):
    # A run each, through the warehouse (benchmarks/README.md, "Seventeenth round"): another outlet's report with a
    # person of its own joins the source's condensation in the first run; the source's run shows the link wrong.
    from tests.dedupe.test_verify_no_false_merges import CONDENSED, REPORT
    from tests.dedupe.test_verify_speakers import SOURCE

    def text(title: str, body: str, dated: bool = False) -> str:
        return "\n\n".join([title, *(["Published May 6, 2024"] if dated else []), body]) + "\n"

    settings = settings.with_(nlp_workers=1)
    run(settings, tmp_path, "first", {"condensed.txt": text("Boil notice for four Harwell towns", CONDENSED),
                                      "report.txt": text("Harwell towns told to boil water", REPORT)})
    assert verdicts(settings.warehouse)["report.txt"][2] == verdicts(settings.warehouse)["condensed.txt"][2]
    run(settings, tmp_path, "second", {"source.txt": text("Water main break: boil notice in four towns", SOURCE,
                                                          dated=True)})
    found = verdicts(settings.warehouse)  # documents and duplicate_pairs agree (checked there)
    assert found["source.txt"] == (None, None, "source.txt")
    assert found["condensed.txt"] == ("source.txt", "rewrite", "source.txt")
    assert found["report.txt"] == (None, None, "report.txt")
    with duckdb.connect(str(settings.warehouse), read_only=True) as con:
        rows = con.execute("select d.source_path, c.change, c.reason from verdict_changes c"
                           " join documents d using (doc_id)").fetchall()
    split = [(change, reason) for path, change, reason in rows if path == "report.txt"]
    assert len(split) == 1 and split[0][0] == "split" and "reported_apart" in split[0][1]
