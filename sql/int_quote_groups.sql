-- One row per quotation naming the distinct quotation it belongs to: the connected groups of matching wordings.
-- refresh: incremental by wording_id (the changed keys are whole groups: every wording that a changed wording
-- or link reaches today; a group that lost a link is reached from both ends of it, so splits are covered too)
-- columns:
--   quote_id: the quotation
--   wording_id: its normalised wording
--   quotation_id: the group: the smallest quote_id among quotations whose wordings are linked by overlap

{% set changed_keys %}
    with recursive changed as (

        -- wordings that gained or lost a quotation (a quotation's group is named by its smallest quote_id)
        select wording_id from (
            select quote_id, wording_id from {{ removed('stg_quotes') }}
            except
            select quote_id, wording_id from {{ added('stg_quotes') }}
        )
        union all
        select wording_id from (
            select quote_id, wording_id from {{ added('stg_quotes') }}
            except
            select quote_id, wording_id from {{ removed('stg_quotes') }}
        )
        union all
        -- wordings whose links changed
        select unnest([wording_a_id, wording_b_id]) from (
            select wording_a_id, wording_b_id from {{ removed('int_quote_matches') }}
            except
            select wording_a_id, wording_b_id from {{ added('int_quote_matches') }}
        )
        union all
        select unnest([wording_a_id, wording_b_id]) from (
            select wording_a_id, wording_b_id from {{ added('int_quote_matches') }}
            except
            select wording_a_id, wording_b_id from {{ removed('int_quote_matches') }}
        )

    ),

    edges as (

        select wording_a_id as from_id, wording_b_id as to_id from int_quote_matches
        union all
        select wording_b_id, wording_a_id from int_quote_matches

    ),

    -- and every wording they reach through today's links
    reached(wording_id) as (

        select wording_id from changed
        union
        select edges.to_id from reached join edges on edges.from_id = reached.wording_id

    )

    select wording_id from reached
{% endset %}

with recursive quotes as (

    select * from stg_quotes where {{ is_changed('wording_id') }}

),

matches as (

    -- a changed key's links all lead to changed keys: the keys are closed groups
    select * from int_quote_matches where {{ is_changed('wording_a_id') }}

),

edges as (

    select wording_a_id as from_id, wording_b_id as to_id from matches
    union all
    select wording_b_id, wording_a_id from matches

),

-- Each wording labelled with the smallest wording id of its group, by passing labels along the links until none
-- gets smaller (label propagation: each round reads only the wordings whose label changed in the round before, so
-- the work grows with the links, where listing every wording each wording reaches grew with the square of a group).
components(wording_id, component_id) using key (wording_id) as (

    select distinct wording_id, wording_id from quotes
    union
    select edges.to_id, min(components.component_id)
    from components
    join edges on edges.from_id = components.wording_id
    join recurring.components as labelled on labelled.wording_id = edges.to_id
    group by edges.to_id, labelled.component_id
    having min(components.component_id) < labelled.component_id

),

final as (

    select
        quotes.quote_id,
        quotes.wording_id,
        min(quotes.quote_id) over (partition by components.component_id) as quotation_id
    from quotes
    join components using (wording_id)

)

select * from final
