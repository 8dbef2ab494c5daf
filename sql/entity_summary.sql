-- One row per entity: how often and how widely original documents name it, and who it is named with.
-- Every count is over original documents only: a copy or rewrite repeats its source and adds nothing.
-- refresh: incremental by entity_id
-- columns:
--   entity_id: the entity (entities.entity_id)
--   name: canonical name
--   type: PERSON | ORG | GPE | LOC | NORP | FAC | EVENT
--   mentions: times it is named in original documents
--   documents: original documents naming it
--   independent_sources: story clusters whose original names it
--   outlets: outlets of those documents
--   first_date: earliest publication date of a document naming it
--   last_date: latest publication date of a document naming it
--   top_co_mentioned: up to five entities most often named in the same sentence, most frequent first
--   surface_forms: the distinct ways original documents write its name

{% set changed_keys %}
    -- entities named in a document that arrived or changed, those whose partners changed, and new ones
    select entity_id from mentions
    where doc_id in (select doc_id from {{ removed('stg_documents') }} union select doc_id from {{ added('stg_documents') }})
    union all
    select unnest([entity_a_id, entity_b_id]) from {{ removed('entity_cooccurrence') }}
    union all
    select unnest([entity_a_id, entity_b_id]) from {{ added('entity_cooccurrence') }}
    union all
    select entity_id from {{ changed_entities }}
{% endset %}

with documents as (

    select * from stg_documents where is_original

),

entities as (

    select * from entities where {{ is_changed('entity_id') }}

),

cooccurrence as (

    select * from entity_cooccurrence

),

mentions as (

    select mentions.*, documents.cluster_id, documents.outlet, documents.published_date
    from mentions
    join documents using (doc_id)
    where {{ is_changed('mentions.entity_id') }}

),

mention_counts as (

    select
        entity_id,
        count(*) as mentions,
        count(distinct doc_id) as documents,
        count(distinct cluster_id) as independent_sources,
        list(distinct outlet order by outlet) as outlets,
        min(published_date) as first_date,
        max(published_date) as last_date,
        list(distinct text order by text) as surface_forms
    from mentions
    group by entity_id

),

partners as (

    select entity_a_id as entity_id, entity_b as partner, sentences from cooccurrence
    where {{ is_changed('entity_a_id') }}
    union all
    select entity_b_id as entity_id, entity_a as partner, sentences from cooccurrence
    where {{ is_changed('entity_b_id') }}

),

top_partners as (

    select
        entity_id,
        list(partner order by sentences desc, partner)[1:5] as top_co_mentioned
    from partners
    group by entity_id

),

final as (

    select
        entities.entity_id,
        entities.name,
        entities.type,
        coalesce(mention_counts.mentions, 0) as mentions,
        coalesce(mention_counts.documents, 0) as documents,
        coalesce(mention_counts.independent_sources, 0) as independent_sources,
        coalesce(mention_counts.outlets, []) as outlets,
        mention_counts.first_date,
        mention_counts.last_date,
        coalesce(top_partners.top_co_mentioned, []) as top_co_mentioned,
        coalesce(mention_counts.surface_forms, []) as surface_forms
    from entities
    left join mention_counts using (entity_id)
    left join top_partners using (entity_id)

)

select * from final
