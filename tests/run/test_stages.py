"""The plain steps the flow wraps, called directly on the seeds."""

from __future__ import annotations

from dataclasses import replace

import psutil
import pytest

from newsfacts.config import Settings
from newsfacts.records import Entity, Mention
from newsfacts.run import stages
from newsfacts.run.workers import open_pool


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
def test_an_entity_is_named_from_the_whole_chunk_however_it_was_cut_into_batches():
    def mentions(doc, *texts):
        return [Mention(doc, "e1", text, 0, len(text), 0) for text in texts]

    first = (Entity("e1", "Kim Jong-un", "PERSON"), mentions("d0", "Kim Jong-un", "Kim Jong-un", "Kim"))
    second = (Entity("e1", "Kim Jong Un", "PERSON"), mentions("d1", *["Kim Jong Un"] * 4))
    for a, b in ((first, second), (second, first)):
        assert [e.name for e in stages.merge_entities([a[0], b[0]], a[1] + b[1])] == ["Kim Jong Un"]
    assert [e.name for e in stages.merge_entities([first[0]], first[1])] == ["Kim Jong-un"]


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
    with open_pool(settings.with_(nlp_workers=2)) as pool:
        here, there = stages.extract_batch(documents), stages.extract_batch(documents, pool)
    for table in ("mentions", "quotes", "events", "quantities"):
        assert sorted(map(repr, getattr(here, table))) == sorted(map(repr, getattr(there, table)))
    assert {e.entity_id for e in here.entities} == {e.entity_id for e in there.entities}


@pytest.mark.integration
def test_parsing_on_a_worker_process_gives_the_same_documents_in_the_same_order(settings: Settings):
    staged = stages.stage(settings, "r1", stages.begin_run(settings, "r1"))
    with open_pool(settings.with_(nlp_workers=2)) as pool:
        on_worker = stages.parse_batch(staged.new_files, pool)
    assert replace(on_worker, prepared=None) == replace(stages.parse_batch(staged.new_files), prepared=None)


@pytest.mark.integration
def test_documents_parsed_on_the_workers_come_prepared_for_dedupe_with_the_same_verdicts(settings: Settings):
    staged = stages.stage(settings, "r1", stages.begin_run(settings, "r1"))
    with open_pool(settings.with_(nlp_workers=2)) as pool:
        parsed = stages.parse_batch(staged.new_files, pool)
    assert parsed.prepared.covers(parsed.documents)
    prepared = stages.dedupe(settings, "r1", parsed.documents, parsed.prepared)
    here = stages.dedupe(settings, "r1", parsed.documents)
    assert (prepared.pairs, prepared.assignments, prepared.profiles) == (here.pairs, here.assignments, here.profiles)


@pytest.mark.integration
def test_the_worker_processes_end_with_the_run_that_opened_them(settings: Settings):
    staged = stages.stage(settings, "r1", stages.begin_run(settings, "r1"))
    with open_pool(settings.with_(nlp_workers=2)) as pool:
        stages.parse_batch(staged.new_files, pool)
        workers = [p for p in psutil.Process().children() if "spawn_main" in " ".join(p.cmdline())]
        assert len(workers) >= 1
    assert not [p for p in workers if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]


@pytest.mark.unit
def test_batches_shrink_until_every_worker_has_two_and_never_grow_past_the_batch_size():
    assert stages.batch_size(2000, 2, 500) == 500
    assert stages.batch_size(2000, 16, 500) == 63
    assert stages.batch_size(2000, 1, 500) == 500
    assert stages.batch_size(5, 2, 500) == 2
    assert stages.batch_size(1, 8, 500) == 1
