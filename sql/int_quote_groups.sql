-- One row per quotation naming the distinct quotation it belongs to: the connected groups of matching wordings.
-- columns:
--   quote_id: the quotation
--   wording_id: its normalised wording
--   quotation_id: the group: the smallest quote_id among quotations whose wordings are linked by overlap

with recursive quotes as (

    select * from stg_quotes

),

matches as (

    select * from int_quote_matches

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
