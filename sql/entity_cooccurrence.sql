-- One row per pair of entities named in the same sentence of an original document, with counts and sources.
-- Copies and rewrites are left out: they repeat their source's sentences and would inflate every pair.
-- refresh: incremental by entity_a_id, entity_b_id
-- columns:
--   entity_a_id: the pair's first entity (entity_a_id < entity_b_id)
--   entity_a: canonical name of the first entity
--   entity_b_id: the pair's second entity
--   entity_b: canonical name of the second entity
--   sentences: sentences naming both
--   documents: documents with at least one such sentence
--   independent_sources: story clusters with at least one such sentence
--   outlets: outlets of those documents
--   doc_ids: those documents
--   first_date: earliest publication date among those documents

{% set changed_keys %}
    with changed_originals as (

        select doc_id from {{ removed('stg_documents') }} where is_original
        union
        select doc_id from {{ added('stg_documents') }} where is_original

    ),

    sentence_entities as (

        select distinct doc_id, sentence_no, entity_id
        from mentions
        where doc_id in (select doc_id from changed_originals)

    )

    -- the pairs named together in an original that arrived, left or changed
    select a.entity_id as entity_a_id, b.entity_id as entity_b_id
    from sentence_entities as a
    join sentence_entities as b
        on a.doc_id = b.doc_id
        and a.sentence_no = b.sentence_no
        and a.entity_id < b.entity_id
    union all
    -- entities keep the name they were first published with, so only a missing one can change
    select entity_a_id, entity_b_id from entity_cooccurrence where entity_a is null or entity_b is null
{% endset %}

with documents as (

    select * from stg_documents where is_original

),

entities as (

    select * from entities

),

sentence_entities as (

    select distinct
        mentions.doc_id,
        mentions.sentence_no,
        mentions.entity_id
    from mentions
    join documents using (doc_id)
    {% if incremental %}
    where mentions.entity_id in (select entity_a_id from {{ keys }} union select entity_b_id from {{ keys }})
    {% endif %}

),

pairs as (

    select
        a.doc_id,
        a.sentence_no,
        a.entity_id as entity_a_id,
        b.entity_id as entity_b_id
    from sentence_entities as a
    join sentence_entities as b
        on a.doc_id = b.doc_id
        and a.sentence_no = b.sentence_no
        and a.entity_id < b.entity_id
    where {{ is_changed('a.entity_id', 'b.entity_id') }}

),

counted as (

    select
        pairs.entity_a_id,
        pairs.entity_b_id,
        count(*) as sentences,
        count(distinct pairs.doc_id) as documents,
        count(distinct documents.cluster_id) as independent_sources,
        list(distinct documents.outlet order by documents.outlet) as outlets,
        list(distinct pairs.doc_id order by pairs.doc_id) as doc_ids,
        min(documents.published_date) as first_date
    from pairs
    join documents using (doc_id)
    group by pairs.entity_a_id, pairs.entity_b_id

),

final as (

    select
        counted.entity_a_id,
        a.name as entity_a,
        counted.entity_b_id,
        b.name as entity_b,
        counted.sentences,
        counted.documents,
        counted.independent_sources,
        counted.outlets,
        counted.doc_ids,
        counted.first_date
    from counted
    left join entities as a on a.entity_id = counted.entity_a_id
    left join entities as b on b.entity_id = counted.entity_b_id

)

select * from final
