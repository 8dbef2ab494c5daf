"""Planted warehouse rows shaped like the five seeds, with the outputs each model must produce known in advance."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pyarrow

from newsfacts.config import SAMPLE_INBOX
from newsfacts.transform.models import SCHEMA_SQL

SEED = {p.name[:3]: p for p in SAMPLE_INBOX.glob("*.txt")}

AP, BBN, REUTERS, WSJ = "Associated Press", "Big Big News", "Reuters", "The Wall Street Journal"

# doc_id, outlet, site, published_date, duplicate_of, duplicate_level, word_count, seed file (for the body)
DOCUMENTS = [
    ("d000", WSJ, None, date(2023, 9, 12), None, None, 640, "000"),
    ("d001", AP, "Chicago Sun-Times", date(2023, 9, 12), None, None, 1100, "001"),
    ("d002", REUTERS, "Asia Financial", date(2023, 9, 12), None, None, 1050, "002"),
    ("d003", WSJ, "Korea Economic Daily", date(2023, 9, 5), None, None, 560, "003"),
    ("d004", BBN, None, date(2023, 9, 13), "d001", "rewrite", 980, "004"),
]

ENTITIES = [
    ("person:kim_jong_un", "Kim Jong Un", "PERSON", ["Kim Jong Un", "Kim Jong-un", "Kim"]),
    ("person:vladimir_putin", "Vladimir Putin", "PERSON", ["Vladimir Putin", "Putin"]),
    ("person:robert_wood", "Robert Wood", "PERSON", ["Robert Wood", "Wood"]),
    ("person:john_kirby", "John Kirby", "PERSON", ["John Kirby", "Kirby"]),
    ("person:adrienne_watson", "Adrienne Watson", "PERSON", ["Adrienne Watson"]),
    ("person:dmitry_peskov", "Dmitry Peskov", "PERSON", ["Dmitry Peskov", "Peskov"]),
    ("gpe:russia", "Russia", "GPE", ["Russia"]),
    ("person:sergei_shoigu", "Sergei Shoigu", "PERSON", ["Sergei Shoigu"]),
    ("org:white_house", "White House", "ORG", ["White House"]),
]

KIM, PUTIN, RUSSIA, SHOIGU = "person:kim_jong_un", "person:vladimir_putin", "gpe:russia", "person:sergei_shoigu"

# doc_id, entity_id, text, sentence_no. Kim: 8 mentions in 4 originals, plus 4 in the rewrite that must not count.
MENTIONS = [
    ("d000", KIM, "Kim Jong Un", 0), ("d000", PUTIN, "Vladimir Putin", 0), ("d000", KIM, "Kim", 5),
    ("d001", KIM, "Kim Jong Un", 0), ("d001", PUTIN, "Vladimir Putin", 0), ("d001", KIM, "Kim", 1),
    ("d001", PUTIN, "Putin", 1), ("d001", KIM, "Kim", 7), ("d001", RUSSIA, "Russia", 7),
    ("d002", KIM, "Kim Jong Un", 0), ("d002", RUSSIA, "Russia", 0), ("d002", KIM, "Kim", 3),
    ("d003", KIM, "Kim Jong Un", 0), ("d003", PUTIN, "Vladimir Putin", 0),
    ("d004", KIM, "Kim Jong Un", 0), ("d004", PUTIN, "Vladimir Putin", 0), ("d004", KIM, "Kim", 1),
    ("d004", SHOIGU, "Sergei Shoigu", 1), ("d004", KIM, "Kim", 2), ("d004", KIM, "Kim", 3),
]

# The seeds' two real attribution conflicts, verbatim (curly vs straight quotes kept), plus rows that must
# not fire: the rewrite repeating AP's attribution, one speaker under two names, an unattributed copy of a
# quote, and a short stock phrase said by two people.
RAW_MATERIALS_AP = "the provision of raw materials that would assist Russia’s defense industrial base."
RAW_MATERIALS_WSJ = ("These potential deals also could include the provision of raw materials that would "
                     "assist Russia's defense industrial base.")
URGE_REUTERS = ("We urge the DPRK to abide by the public commitments that Pyongyang has made to not provide "
                "or sell arms to Russia,")
URGE_WSJ = ("We urge the DPRK to cease its arms negotiations with Russia and abide by the public commitments "
            "that Pyongyang has made to not provide or sell arms to Russia,")
PESKOV = "Kim Jong Un will pay an official visit to Russia in the coming days at the invitation of Putin"
SEOUL = "Pyongyang would likely seek Russian technology for satellites and nuclear-powered submarines"
MEDIA = "Kim would travel on to Vladivostok after his talks with Putin at the space centre"
OFFICIALS = "Russia is seeking artillery shells and anti-tank missiles from North Korea"
WHITE_HOUSE = "arms negotiations between Russia and the DPRK are actively advancing"
MILLER = "we have aggressively enforced our sanctions against entities funding Russia's war effort"

# quote_id, doc_id, speaker_entity_id, speaker, text
QUOTES = [
    ("q001a", "d001", "person:robert_wood", "Robert Wood", RAW_MATERIALS_AP),
    ("q004a", "d004", None, "Wood", "the provision of raw materials that would assist Russia's defense industrial base"),
    ("q003a", "d003", None, "Kirby", RAW_MATERIALS_WSJ),
    ("q002a", "d002", "person:adrienne_watson", "Adrienne Watson", URGE_REUTERS),
    ("q003b", "d003", "person:john_kirby", "John Kirby", URGE_WSJ),
    ("q002b", "d002", "person:dmitry_peskov", "Dmitry Peskov", PESKOV),
    ("q000a", "d000", None, "Dmitry S. Peskov", PESKOV.upper()),
    ("q001b", "d001", None, None, SEOUL),
    ("q003c", "d003", "person:john_kirby", "John Kirby", SEOUL + "."),
    ("q000b", "d000", "person:vladimir_putin", "Putin", "We will see."),
    ("q002c", "d002", "person:kim_jong_un", "Kim", "we will see"),
    # groups, descriptions and organisations speak through people: crediting them is not a conflict
    ("q001d", "d001", None, "Some Russian news media", MEDIA),
    ("q004d", "d004", None, "Some Russian news outlets", MEDIA.lower()),
    ("q002d", "d002", None, "U.S. officials", OFFICIALS),
    ("q003d", "d003", "person:john_kirby", "John Kirby", OFFICIALS),
    ("q002e", "d002", "org:white_house", "White House", WHITE_HOUSE),
    ("q003e", "d003", "person:john_kirby", "John Kirby", WHITE_HOUSE),
    # an individual the extractor did not resolve, written in full, still counts
    ("q000c", "d000", None, "Matthew Miller", MILLER),
    ("q002f", "d002", "person:adrienne_watson", "Adrienne Watson", MILLER),
]

# event_id, doc_id, date, precision, date_text, text
EVENTS = [
    ("e1", "d001", date(2023, 9, 12), "day", "Tuesday", "Kim rolled through Russia on an armored train Tuesday."),
    ("e2", "d003", date(2023, 9, 4), "day", "Monday", "U.S. officials said Monday Kim is expected to travel."),
    ("e3", "d004", date(2023, 9, 12), "day", "Tuesday", "Kim arrived in Russia via an armored train on Tuesday."),
    ("e4", "d002", None, "unresolved", "soon", "Kim will meet Putin soon."),
    ("e5", "d002", date(2023, 9, 10), "day", "Sunday", "Kim left Pyongyang on Sunday."),
    ("e6", "d000", date(2019, 1, 1), "year", "2019", "Kim's first trip abroad since 2019."),
]


def schema_connection(path: str | Path = ":memory:") -> duckdb.DuckDBPyConnection:
    """A DuckDB database holding the warehouse schema and nothing else."""
    # One thread: the planted rows are tiny and the test machine is shared.
    con = duckdb.connect(str(path), config={"threads": 1})
    con.execute(SCHEMA_SQL.read_text(encoding="utf-8"))
    return con


def plant(con: duckdb.DuckDBPyConnection) -> None:
    """Insert the planted rows; documents carry the real seed texts as bodies."""
    documents = []
    for doc_id, outlet, site, published, dup_of, level, words, seed in DOCUMENTS:
        body = SEED[seed].read_text(encoding="utf-8")
        documents.append(dict(
            doc_id=doc_id, sha256=doc_id * 4, kind="article", format="article_text", outlet=outlet, site=site,
            title=body.strip().splitlines()[0], published_date=published, body=body, word_count=words,
            duplicate_of=dup_of, duplicate_level=level, cluster_id=dup_of or doc_id, run_id="run1",
        ))
    insert(con, "documents", documents)
    insert(con, "entities", [dict(entity_id=e, name=n, type=t) for e, n, t, _ in ENTITIES])
    insert(con, "entity_aliases", [dict(entity_id=e[0], alias=a) for e in ENTITIES for a in e[3]])
    insert(con, "mentions", [
        dict(doc_id=d, entity_id=e, text=t, start_char=0, end_char=len(t), sentence_no=s) for d, e, t, s in MENTIONS
    ])
    insert(con, "quotes", [
        dict(quote_id=q, doc_id=d, kind="direct", speaker_entity_id=e, speaker=s,
             speaker_reason=None if s else "no attribution in sentence", text=t, start_char=0, end_char=len(t))
        for q, d, e, s, t in QUOTES
    ])
    insert(con, "events", [
        dict(event_id=e, doc_id=d, date=dt, date_precision=p, date_text=dtext,
             resolution="explicit" if dt else "unresolved", text=t, start_char=0, end_char=len(t))
        for e, d, dt, p, dtext, t in EVENTS
    ])


def insert(con: duckdb.DuckDBPyConnection, table: str, records: list[dict]) -> None:
    """Append records to a warehouse table by column name (table names come from the fixed list above)."""
    frame = pyarrow.Table.from_pylist(records)  # noqa: F841 - read by DuckDB's replacement scan below
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM frame")

def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    """Query results as dicts keyed by column name."""
    cursor = con.execute(sql, params or None)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]
