-- One row per story cluster: a canonical document with the copies and rewrites of it.
-- refresh: incremental by cluster_id
-- columns:
--   cluster_id: doc_id of the cluster's canonical document
--   canonical_title: title of the canonical document
--   canonical_outlet: outlet of the canonical document
--   member_count: documents in the cluster, the canonical one included
--   members: doc_ids of all documents in the cluster, canonical first
--   copies: members that are exact or near-exact copies
--   rewrites: members that are paraphrased rewrites
--   outlets: distinct outlets among the members
--   first_date: earliest publication date among the members
--   last_date: latest publication date among the members
--   independent_sources: originals in the cluster; copies and rewrites never count

{% set changed_keys %}
    -- a cluster changes when a document joins it, leaves it or changes in it (its canonical one included)
    select cluster_id from {{ removed('stg_documents') }}
    union all
    select cluster_id from {{ added('stg_documents') }}
    union all
    select doc_id from {{ added('stg_documents') }}
{% endset %}

with documents as (

    select * from stg_documents where {{ is_changed('cluster_id') }}

),

canonical as (

    select
        d.cluster_id,
        c.title as canonical_title,
        c.outlet as canonical_outlet
    from (select distinct cluster_id from documents) as d
    left join stg_documents as c on c.doc_id = d.cluster_id

),

members as (

    select
        cluster_id,
        count(*) as member_count,
        list(doc_id order by doc_id <> cluster_id, published_date nulls last, doc_id) as members,
        count(*) filter (where duplicate_level in ('exact', 'near_exact')) as copies,
        count(*) filter (where duplicate_level = 'rewrite') as rewrites,
        list(distinct outlet order by outlet) as outlets,
        min(published_date) as first_date,
        max(published_date) as last_date,
        count(*) filter (where is_original) as independent_sources
    from documents
    group by cluster_id

),

final as (

    select
        members.cluster_id,
        canonical.canonical_title,
        canonical.canonical_outlet,
        members.member_count,
        members.members,
        members.copies,
        members.rewrites,
        members.outlets,
        members.first_date,
        members.last_date,
        members.independent_sources
    from members
    join canonical using (cluster_id)

)

select * from final
