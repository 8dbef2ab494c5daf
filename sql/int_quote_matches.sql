-- One row per pair of distinct wordings that overlap: the same quoted words, whole or in part.
-- Pairs come from an inverted join on shared shingles (never all pairs); overlap is measured as
-- containment over the shorter wording, so a partial quote matches the full sentence it was cut from.
-- columns:
--   wording_a_id: the pair's first wording (wording_a_id < wording_b_id)
--   wording_b_id: the pair's second wording
--   shared_shingles: four-word runs the two wordings share
--   containment: shared shingles over the shingles of the shorter wording (1 = one lies inside the other)
--   jaccard: shared shingles over the shingles of both wordings together

with shingles as (

    select * from int_quote_shingles

),

params as (

    select
        0.5 as min_containment,
        -- A shingle found in more distinct wordings than this is boilerplate ("said in a statement that");
        -- leaving it out of the join keeps the join near-linear on large corpora.
        200 as max_postings

),

informative as (

    select shingle
    from shingles
    group by shingle
    having count(*) between 2 and (select max_postings from params)

),

shared as (

    select
        a.wording_id as wording_a_id,
        b.wording_id as wording_b_id,
        any_value(a.shingles) as shingles_a,
        any_value(b.shingles) as shingles_b,
        count(*) as shared_shingles
    from shingles as a
    join shingles as b on a.shingle = b.shingle and a.wording_id < b.wording_id
    semi join informative on informative.shingle = a.shingle
    group by a.wording_id, b.wording_id

),

final as (

    select
        wording_a_id,
        wording_b_id,
        shared_shingles,
        shared_shingles / least(shingles_a, shingles_b) as containment,
        shared_shingles / (shingles_a + shingles_b - shared_shingles) as jaccard
    from shared
    where shared_shingles / least(shingles_a, shingles_b) >= (select min_containment from params)

)

select * from final
