-- One row per quotation naming the distinct quotation it belongs to: the connected groups of matching wordings.
-- columns:
--   quote_id: the quotation
--   quotation_id: the group: the smallest quote_id among wordings linked to it by overlap

with recursive quotes as (

    select * from stg_quotes

),

matches as (

    select * from int_quote_matches

),

edges as (

    select quote_a_id as from_id, quote_b_id as to_id from matches
    union all
    select quote_b_id, quote_a_id from matches

),

-- Every quotation reachable from each quotation; UNION (not ALL) stops once nothing new is reached.
reachable(quote_id, member_id) as (

    select quote_id, quote_id from quotes
    union
    select reachable.quote_id, edges.to_id
    from reachable
    join edges on edges.from_id = reachable.member_id

),

final as (

    select
        quote_id,
        min(member_id) as quotation_id
    from reachable
    group by quote_id

)

select * from final
