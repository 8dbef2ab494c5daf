-- One row per published document, with its story cluster and whether it is an original.
-- Every model counts sources from here: a copy or rewrite never adds an independent source.
-- columns:
--   doc_id: the document (documents.doc_id)
--   cluster_id: story cluster: doc_id of the cluster's canonical document (the document itself when unclustered)
--   is_original: true when the document copies or rewrites no other (duplicate_of is null)
--   outlet: publisher whose story it is; '(unknown outlet)' when the source does not say
--   duplicate_level: exact | near_exact | rewrite; null for originals

with documents as (

    select * from documents

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
