"""Generated runs for the incremental tests: synthetic documents and facts planted by SQL into a batch schema.

Kept with the tests, which build their own fixtures; benchmarks/models.py plants the same runs from here.
"Random" choices come from hash(i, salt), so a batch holds the same rows every time, whatever the number of threads.
"""

from __future__ import annotations

import duckdb

_POOL = """
create or replace temp table utterances as
select u, string_agg('w' || hash(u, k, 'word') % 3000, ' ' order by k) as words
from range({pool}) a(u), range(24) b(k)
group by u;
"""

_ENTITIES = """
insert into {schema}.entities
select 'e' || i, 'Entity ' || i, case when i % 3 = 0 then 'PERSON' else 'ORG' end from range({entities}) t(i);
insert into {schema}.entity_aliases select entity_id, name from {schema}.entities;
"""

_DOCUMENTS = """
insert into {schema}.documents (doc_id, sha256, kind, format, outlet, title, published_date, body, word_count,
                                duplicate_of, duplicate_level, cluster_id, run_id)
select
    'd' || i, 'sha' || i, 'article', 'article_text', 'outlet ' || (i % 40), 'title ' || i,
    date '2023-01-01' + (i % 365)::int,
    'body of document ' || i || ' about the armored train ' || (
        -- 200 three-letter words drawn with a skew from 17,576, so terms range from common to rare
        select string_agg(chr(97 + w // 676) || chr(97 + w // 26 % 26) || chr(97 + w % 26), ' ')
        from (select floor(pow((hash(i, k, 'body') % 1000000) / 1000000.0, 2) * 17576)::int as w
              from range(200) r(k))
    ),
    400,
    case when i % 10 = 9 then 'd' || (i - 1) end,
    case when i % 10 = 9 then 'rewrite' end,
    case when i % 10 = 9 then 'd' || (i - 1) else 'd' || i end,
    '{run_id}'
from range({start}, {stop}) t(i);

insert into {schema}.mentions
select
    'd' || (i // 40),
    'e' || least(floor(pow((hash(i, 'entity') % 1000000) / 1000000.0, 3) * {entities})::int, {entities} - 1),
    'name', 0, 4, (i % 40) // 2
from range({start} * 40, {stop} * 40) t(i);

insert into {schema}.quotes (quote_id, doc_id, kind, speaker_entity_id, speaker, text, start_char, end_char)
select
    'q' || i, 'd' || (i // 8), 'direct',
    'e' || case when hash(i, 'wrong') % 100 < 3 then (u * 7 + 1) % {entities} else (u * 3) % {entities} end,
    'Speaker',
    array_to_string(string_split(words, ' ')[1 + (i % 3) : 24 - (i % 5)], ' '),
    0, 1
from (select i, floor(pow((hash(i, 'utterance') % 1000000) / 1000000.0, 2) * {pool})::int as u
      from range({start} * 8, {stop} * 8) t(i)) picks
join utterances using (u);

insert into {schema}.events
select 'v' || i, 'd' || (i // 5), date '2023-01-01' + (i % 400)::int, 'day', 'Monday', 'explicit',
       'event sentence ' || i, 0, 1
from range({start} * 5, {stop} * 5) t(i);
"""

# An original arriving after its copy: the new document becomes the canonical one of an earlier cluster,
# and every member of that cluster (its old canonical document included) is relabelled as its rewrite.
_RELABEL = """
update {schema}.documents set duplicate_of = null, duplicate_level = null, cluster_id = doc_id
where doc_id = 'd{new}';
insert into {schema}.document_updates
select doc_id, 'd{new}', 'rewrite', 'd{new}' from main.documents where cluster_id = 'd{old}';
"""


def plant_batch(con: duckdb.DuckDBPyConnection, schema: str, start: int, stop: int, *, entities: int, pool: int,
                run_id: str, relabel: dict[int, int] | None = None) -> None:
    """Fill <schema> with synthetic documents d<start>..d<stop - 1> and their facts (entities when start is 0).

    relabel maps a new document number to an earlier cluster it becomes the original of.
    """
    values = dict(schema=schema, start=int(start), stop=int(stop), entities=int(entities), pool=int(pool),
                  run_id=run_id)
    if con.execute("select count(*) from duckdb_tables() where table_name = 'utterances' and temporary").fetchone()[0] == 0:
        con.execute(_POOL.format(**values))
    if start == 0:
        con.execute(_ENTITIES.format(**values))
    con.execute(_DOCUMENTS.format(**values))
    for new, old in (relabel or {}).items():
        con.execute(_RELABEL.format(schema=schema, new=int(new), old=int(old)))

