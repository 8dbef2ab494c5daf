"""A warehouse built from schema.sql with a planted, valid batch made of seed text; tests then break one rule each."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import duckdb

from newsfacts.config import PROJECT_ROOT, SAMPLE_INBOX
from newsfacts.dedupe.text import Profile
from newsfacts.warehouse.tables import BATCH_TABLES

SCHEMA_SQL = PROJECT_ROOT / "newsfacts" / "warehouse" / "schema.sql"
RUN_ID = "run-planted"


def seed_text(prefix: str) -> str:
    return next(SAMPLE_INBOX.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def paragraphs(text: str, first: str, count: int) -> str:
    """`count` paragraphs of a seed starting at the one that begins with `first`: real text, real curly quotes."""
    paras = [p.strip() for p in text.split("\n\n") if p.strip()]
    start = next(i for i, p in enumerate(paras) if p.startswith(first))
    return "\n\n".join(paras[start : start + count])


def new_warehouse(path: Path | str = ":memory:") -> duckdb.DuckDBPyConnection:
    """main from schema.sql, plus an empty batch schema with the same tables and document_updates."""
    con = duckdb.connect(str(path))
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    con.execute("CREATE SCHEMA batch")
    for table in BATCH_TABLES:
        if table == "document_updates":
            con.execute(
                "CREATE TABLE batch.document_updates (doc_id VARCHAR, duplicate_of VARCHAR,"
                " duplicate_level VARCHAR, cluster_id VARCHAR)"
            )
        else:
            con.execute(f"CREATE TABLE batch.{table} AS SELECT * FROM main.{table} LIMIT 0")
    return con


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def insert(con, table: str, row: dict, schema: str = "batch") -> None:
    columns = ", ".join(row)
    con.execute(f"INSERT INTO {schema}.{table} ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))


def document(body: str, path: str, *, title: str, outlet: str, **changes) -> dict:
    digest = sha(body)
    row = dict(
        doc_id=digest[:16], sha256=digest, kind="article", format="article_text", source_path=path, outlet=outlet,
        site=None, title=title, subtitle=None, authors=[], dateline="SEOUL", published_date=date(2023, 9, 12),
        date_source="explicit", language="en", body=body, word_count=len(body.split()), lines_total=40,
        lines_dropped=12, url=None, flags=[], duplicate_of=None, duplicate_level=None, cluster_id=digest[:16],
        run_id=RUN_ID,
    )
    row.update(changes)
    return row


def span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def plant_clean_batch(con) -> dict:
    """An AP story (001), its paraphrased rewrite (004) and a transcript (000), with facts at true offsets."""
    docs = _plant_documents(con)
    _plant_transcript(con, docs["tx"])
    _plant_dedupe(con, docs)
    _plant_facts(con, docs)
    return docs


TRANSCRIPT = (
    "North Korean leader Kim Jong Un took a train to Russia to meet with Vladimir Putin.\n\n"
    "It is his first trip abroad in more than three years, and the visit is watched closely in Washington, "
    "Seoul and Tokyo because an arms deal would break United Nations sanctions that Russia itself once supported."
)


def _plant_documents(con) -> dict:
    ap_body = paragraphs(seed_text("001"), "SEOUL, South Korea", 3)
    bnb_body = paragraphs(seed_text("004"), "North Korea’s Kim Jong Un arrived", 3)
    ap = document(
        ap_body, "001.txt", title="North Korea’s leader is in Russia to meet Putin", outlet="Associated Press"
    )
    bnb = document(
        bnb_body, "004.txt", title="North Korea’s Kim is in Russia to meet Putin", outlet="Big Big News",
        duplicate_of=ap["doc_id"], duplicate_level="rewrite", cluster_id=ap["doc_id"],
    )
    tx = document(TRANSCRIPT, "000.txt", title="Kim Jong Un Meets Putin", outlet="The Wall Street Journal",
                  kind="transcript", format="transcript", dateline=None)
    for doc in (ap, bnb, tx):
        insert(con, "documents", doc)
        insert(con, "raw_files", dict(sha256=doc["sha256"], path=doc["source_path"], bytes=len(doc["body"]),
                                      status="loaded", reason=None, run_id=RUN_ID, format=doc["format"]))
    insert(con, "raw_files", dict(sha256=sha("%PDF"), path="scan.pdf", bytes=4, status="rejected",
                                  reason="binary file: a PDF document, not text", run_id=RUN_ID))
    return {"ap": ap, "bnb": bnb, "tx": tx}


def _plant_transcript(con, tx: dict) -> None:
    insert(con, "transcripts", dict(doc_id=tx["doc_id"], channel="WSJ News", views=154171, length_seconds=229))
    for no, (seconds, line) in enumerate(zip((0.0, 6.5), TRANSCRIPT.split("\n\n"))):
        start, end = span(TRANSCRIPT, line)
        insert(con, "segments", dict(doc_id=tx["doc_id"], segment_no=no, start_seconds=seconds, text=line,
                                     start_char=start, end_char=end))
    start, end = span(TRANSCRIPT, "three years")
    insert(con, "quantities", dict(doc_id=tx["doc_id"], text="three years", value=3.0, unit="year",
                                   start_char=start, end_char=end))


def _plant_dedupe(con, docs: dict) -> None:
    ap, bnb = docs["ap"], docs["bnb"]
    evidence = [{"doc_sentence": bnb["body"].split(". ")[0], "source_sentence": ap["body"].split(". ")[0],
                 "similarity": 0.81}]
    insert(con, "duplicate_pairs", dict(doc_id=bnb["doc_id"], duplicate_of=ap["doc_id"], level="rewrite",
                                        method="minhash+sentence_alignment", score=0.81,
                                        evidence=json.dumps(evidence), run_id=RUN_ID))
    for band, doc in enumerate(docs.values()):
        insert(con, "lsh_bands", dict(band=band, bucket=1000 + band, doc_id=doc["doc_id"], family="shingles"))
        insert(con, "dedupe_vocabulary", dict(doc_id=doc["doc_id"], stems=sorted(Profile.of(doc["body"]).stem_df)))
        insert(con, "dedupe_profiles", Profile.of(doc["body"]).row(doc["doc_id"]))


def _plant_facts(con, docs: dict) -> None:
    ap, bnb = docs["ap"], docs["bnb"]
    insert(con, "entities", dict(entity_id="person:kim-jong-un", name="Kim Jong Un", type="PERSON"))
    insert(con, "entities", dict(entity_id="person:vladimir-putin", name="Vladimir Putin", type="PERSON"))
    insert(con, "entity_aliases", dict(entity_id="person:kim-jong-un", alias="Kim Jong Un"))
    insert(con, "entity_aliases", dict(entity_id="person:kim-jong-un", alias="Kim"))
    named = ((ap, "Kim Jong Un", "person:kim-jong-un"), (ap, "Vladimir Putin", "person:vladimir-putin"),
             (bnb, "Kim Jong Un", "person:kim-jong-un"))
    for doc, name, entity in named:
        start, end = span(doc["body"], name)
        insert(con, "mentions", dict(doc_id=doc["doc_id"], entity_id=entity, text=name, start_char=start,
                                     end_char=end, sentence_no=0))
    claim = "appears to have something Putin desperately needs"
    start, end = span(ap["body"], claim)
    insert(con, "quotes", dict(quote_id=f"{ap['doc_id']}:{start}", doc_id=ap["doc_id"], kind="indirect",
                               speaker=None, speaker_reason="no attributed speaker in the sentence", text=claim,
                               cue=None, start_char=start, end_char=end, sentence_no=1))
    date_sentence = ap["body"].split(". ")[0]
    insert(con, "events", dict(event_id=f"{ap['doc_id']}:0", doc_id=ap["doc_id"], date=date(2023, 9, 12),
                               date_precision="day", date_text="Tuesday", resolution="relative",
                               text=date_sentence, start_char=0, end_char=len(date_sentence)))
