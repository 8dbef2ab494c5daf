"""The plain steps the flow wraps, called directly on the seeds."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsfacts.config import Settings
from newsfacts.records import Entity
from newsfacts.run import stages



@pytest.mark.integration
def test_entities_found_by_several_extract_batches_are_one_row_each(settings: Settings):
    known = stages.begin_run(settings, "r1")
    staged = stages.stage(settings, "r1", known)
    parsed = stages.Parsed.merge([stages.parse_batch(b) for b in stages.chunks(staged.new_files, 2)])
    facts = [stages.extract_batch(b) for b in stages.chunks(parsed.documents, 2)]
    [chunk] = stages.plan_chunks(staged, settings.publish_every)
    batch = stages.assemble("r1", chunk, parsed, stages.dedupe(settings, "r1", parsed.documents), facts)
    ids = [e.entity_id for e in batch.tables["entities"]]
    assert len(ids) == len(set(ids)) and "Kim Jong Un" in {e.name for e in batch.tables["entities"]}
    aliases = [(a.entity_id, a.alias) for a in batch.tables["entity_aliases"]]
    assert len(aliases) == len(set(aliases))
    assert len(batch.tables["documents"]) == 5 and batch.count("raw_files") == 5


@pytest.mark.unit
def test_the_fullest_name_of_an_entity_wins_whatever_the_batch_order():
    short, full = Entity("e1", "Kim", "PERSON"), Entity("e1", "Kim Jong Un", "PERSON")
    assert [e.name for e in stages.merge_entities([short, full])] == ["Kim Jong Un"]
    assert [e.name for e in stages.merge_entities([full, short])] == ["Kim Jong Un"]


@pytest.mark.unit
def test_only_the_newest_runs_keep_their_data_docs(tmp_path):
    from newsfacts.run.lifecycle import prune_data_docs


    for run_id in ("20260101T000000-aaaaaa", "20260102T000000-bbbbbb", "20260103T000000-cccccc"):
        for part in ("data_docs", "gx"):
            (tmp_path / run_id / part).mkdir(parents=True)
        (tmp_path / run_id / "report.html").write_text("<html></html>")
    prune_data_docs(tmp_path, keep=2)
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file() or not any(p.iterdir())) == [
        "20260101T000000-aaaaaa/report.html",
        "20260102T000000-bbbbbb/data_docs", "20260102T000000-bbbbbb/gx", "20260102T000000-bbbbbb/report.html",
        "20260103T000000-cccccc/data_docs", "20260103T000000-cccccc/gx", "20260103T000000-cccccc/report.html"]


@pytest.mark.integration
def test_extracting_on_two_worker_processes_gives_the_same_facts_as_in_process(settings: Settings):
    staged = stages.stage(settings, "r1", stages.begin_run(settings, "r1"))
    documents = stages.parse_batch(staged.new_files).documents
    here, there = stages.extract_batch(documents, 1), stages.extract_batch(documents, 2)
    for table in ("mentions", "quotes", "events", "quantities"):
        assert sorted(map(repr, getattr(here, table))) == sorted(map(repr, getattr(there, table)))
    assert {e.entity_id for e in here.entities} == {e.entity_id for e in there.entities}


@pytest.mark.integration
def test_parsing_on_two_worker_processes_gives_the_same_documents_in_the_same_order(settings: Settings):
    staged = stages.stage(settings, "r1", stages.begin_run(settings, "r1"))
    on_workers, here = stages.parse_batch(staged.new_files, 2), stages.parse_batch(staged.new_files, 1)
    assert replace(on_workers, prepared=None) == here


@pytest.mark.integration
def test_documents_parsed_on_the_workers_come_prepared_for_dedupe_with_the_same_verdicts(settings: Settings):
    staged = stages.stage(settings, "r1", stages.begin_run(settings, "r1"))
    parsed = stages.parse_batch(staged.new_files, 2)
    assert parsed.prepared.covers(parsed.documents)
    prepared = stages.dedupe(settings, "r1", parsed.documents, parsed.prepared)
    here = stages.dedupe(settings, "r1", parsed.documents)
    assert (prepared.pairs, prepared.assignments, prepared.profiles) == (here.pairs, here.assignments, here.profiles)


@pytest.mark.integration
def test_extraction_handed_to_the_workers_waits_for_its_result(settings: Settings):
    staged = stages.stage(settings, "r1", stages.begin_run(settings, "r1"))
    documents = stages.parse_batch(staged.new_files).documents
    pending = stages.start_extract(documents, 2)
    here = stages.extract_batch(documents, 1)
    there = pending.result()
    assert sorted(map(repr, there.quotes)) == sorted(map(repr, here.quotes)) and here.quotes
