-- One row per dated event sentence in an original document, numbered in date order, with its source.
-- Copies and rewrites are left out (they restate their source's dates); undated sentences stay in events.
-- refresh: view (timeline_no numbers the whole timeline, so one new event renumbers every later one: a view
-- computes it when read, and a publish pays nothing)
-- columns:
--   timeline_no: position in the timeline: by date, then outlet, then place in the document
--   date: the resolved date of the event
--   date_precision: day | month | year: how much of the date is known
--   date_text: the words that gave the date (Tuesday, Sept. 5)
--   resolution: explicit | relative (resolved from words like Sunday)
--   text: the sentence
--   event_id: the event (events.event_id)
--   doc_id: document it comes from
--   outlet: that document's outlet
--   published_date: that document's publication date
--   cluster_id: that document's story cluster
--   copied_by: documents in the same cluster that copy or rewrite it

with documents as (

    select * from stg_documents

),

events as (

    select * from events where date is not null

),

copies as (

    select
        duplicate_of as doc_id,
        list(doc_id order by doc_id) as copied_by
    from documents
    where not is_original
    group by duplicate_of

),

final as (

    select
        row_number() over (
            order by events.date, documents.outlet, events.doc_id, events.start_char
        ) as timeline_no,
        events.date,
        events.date_precision,
        events.date_text,
        events.resolution,
        events.text,
        events.event_id,
        events.doc_id,
        documents.outlet,
        documents.published_date,
        documents.cluster_id,
        coalesce(copies.copied_by, []) as copied_by
    from events
    join documents using (doc_id)
    left join copies using (doc_id)
    where documents.is_original

)

select * from final
