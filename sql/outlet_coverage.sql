-- One row per outlet: how much it published, how much of it was original, and who copied it.
-- refresh: incremental by outlet
-- columns:
--   outlet: publisher whose story it is ('(unknown outlet)' when the source does not say)
--   documents: documents carrying the outlet's name, copies and rewrites included
--   originals: documents that copy or rewrite no other
--   copies: exact or near-exact copies of another document
--   rewrites: paraphrased rewrites of another document
--   words: words across all its documents
--   original_words: words across its originals only
--   sites: sites its documents were collected from, when different from the outlet
--   first_seen: earliest publication date of its documents
--   last_seen: latest publication date of its documents
--   copied_by_others: documents from other outlets that copy or rewrite one of its stories

{% set changed_keys %}
    with changed as (

        select outlet, duplicate_of from {{ removed('stg_documents') }}
        union all
        select outlet, duplicate_of from {{ added('stg_documents') }}

    )

    -- the outlets of the documents that changed, and of the stories they copy or stopped copying
    select outlet from changed
    union all
    select outlet from stg_documents where doc_id in (select duplicate_of from changed)
{% endset %}

with documents as (

    select * from stg_documents where {{ is_changed('outlet') }}

),

copied as (

    select
        source.outlet,
        count(*) as copied_by_others
    from stg_documents as duplicate
    join documents as source on source.doc_id = duplicate.duplicate_of
    where duplicate.outlet <> source.outlet
    group by source.outlet

),

per_outlet as (

    select
        outlet,
        count(*) as documents,
        count(*) filter (where is_original) as originals,
        count(*) filter (where duplicate_level in ('exact', 'near_exact')) as copies,
        count(*) filter (where duplicate_level = 'rewrite') as rewrites,
        sum(word_count)::bigint as words,
        coalesce(sum(word_count) filter (where is_original), 0)::bigint as original_words,
        coalesce(list(distinct site order by site) filter (where site is not null), []) as sites,
        min(published_date) as first_seen,
        max(published_date) as last_seen
    from documents
    group by outlet

),

final as (

    select
        per_outlet.*,
        coalesce(copied.copied_by_others, 0) as copied_by_others
    from per_outlet
    left join copied using (outlet)

)

select * from final
