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

-- Every wording reachable from each wording; UNION (not ALL) stops once nothing new is reached.
reachable(wording_id, member_id) as (

    select distinct wording_id, wording_id from quotes
    union
    select reachable.wording_id, edges.to_id
    from reachable
    join edges on edges.from_id = reachable.member_id

),

components as (

    select wording_id, min(member_id) as component_id
    from reachable
    group by wording_id

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
