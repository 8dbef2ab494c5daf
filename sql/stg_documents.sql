-- One row per published document, with its story cluster and whether it is an original.
-- Every model counts sources from here: a copy or rewrite never adds an independent source.
-- refresh: incremental by doc_id
-- columns:
--   doc_id: the document (documents.doc_id)
--   cluster_id: story cluster: doc_id of the cluster's canonical document (the document itself when unclustered)
--   is_original: true when the document copies or rewrites no other (duplicate_of is null)
--   outlet: publisher whose story it is; '(unknown outlet)' when the source does not say
--   duplicate_level: exact | near_exact | rewrite; null for originals

{% set changed_keys %}
    -- the batch's documents and the earlier ones whose cluster links it changed
    select doc_id from {{ changed_documents }}
{% endset %}

with documents as (

    select * from documents where {{ is_changed('doc_id') }}

),

final as (

    select
        doc_id,
        coalesce(cluster_id, duplicate_of, doc_id) as cluster_id,
        duplicate_of is null as is_original,
        coalesce(nullif(trim(outlet), ''), '(unknown outlet)') as outlet,
        site,
        kind,
        format,
        title,
        published_date,
        coalesce(word_count, 0) as word_count,
        duplicate_of,
        duplicate_level
    from documents

)

select * from final
