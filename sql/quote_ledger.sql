-- One row per distinct quotation: near-identical wordings across documents and outlets merged into one.
-- Speech only: quoted titles, slogans and scare quotes (quotes.kind) never enter (stg_quotes reads speech).
-- refresh: incremental by quotation_id
-- columns:
--   quotation_id: the quotation: the smallest quote_id among its wordings
--   text: its fullest wording in an original document (any document when only copies carry it)
--   wordings: distinct normalised wordings merged into it
--   kinds: direct | indirect, as the documents report it
--   speakers: speakers credited with it, by canonical name when resolved
--   speaker_count: distinct speakers credited (entity, else normalised name)
--   unattributed: wordings carried without a speaker
--   has_attribution_conflict: whether attribution_conflicts holds a conflict over it
--   documents: documents carrying it, copies and rewrites included
--   outlets: outlets of those documents
--   independent_sources: story clusters whose original carries it; copies and rewrites never count
--   first_date: earliest publication date of a document carrying it
--   doc_ids: documents carrying it
--   quote_ids: its quotations in the quotes table

{% set changed_keys %}
    -- a quotation's row reads its wordings' quotes and documents, its group and its conflicts: the quotations
    -- attribution_conflicts just recomputed (the same reach), and those whose conflicts came or went
    select quotation_id from {{ keys_of('attribution_conflicts') }}
    union all
    select quotation_id from {{ removed('attribution_conflicts') }}
    union all
    select quotation_id from {{ added('attribution_conflicts') }}
{% endset %}

with groups as (

    select * from int_quote_groups where {{ is_changed('quotation_id') }}

),

quotes as (

    select * from stg_quotes where wording_id in (select wording_id from groups)

),

conflicts as (

    select distinct quotation_id from attribution_conflicts where {{ is_changed('quotation_id') }}

),

grouped as (

    select groups.quotation_id, quotes.*
    from quotes
    join groups using (quote_id)

),

summaries as (

    select
        quotation_id,
        first(text order by is_original desc, len(words_text) desc, text) as text,
        count(distinct words_text) as wordings,
        list(distinct kind order by kind) as kinds,
        list(distinct speaker_name order by speaker_name) filter (where speaker_key is not null) as speakers,
        count(distinct speaker_key) as speaker_count,
        count(*) filter (where speaker_key is null) as unattributed,
        count(distinct doc_id) as documents,
        list(distinct outlet order by outlet) as outlets,
        count(distinct cluster_id) filter (where is_original) as independent_sources,
        min(published_date) as first_date,
        list(distinct doc_id order by doc_id) as doc_ids,
        list(quote_id order by quote_id) as quote_ids
    from grouped
    group by quotation_id

),

final as (

    select
        summaries.quotation_id,
        summaries.text,
        summaries.wordings,
        summaries.kinds,
        coalesce(summaries.speakers, []) as speakers,
        summaries.speaker_count,
        summaries.unattributed,
        conflicts.quotation_id is not null as has_attribution_conflict,
        summaries.documents,
        summaries.outlets,
        summaries.independent_sources,
        summaries.first_date,
        summaries.doc_ids,
        summaries.quote_ids
    from summaries
    left join conflicts using (quotation_id)

)

select * from final
