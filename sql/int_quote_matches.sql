-- One row per pair of distinct wordings that overlap: the same quoted words, whole or in part.
-- Pairs come from an inverted join on shared shingles (never all pairs); overlap is measured as
-- containment over the shorter wording, so a partial quote matches the full sentence it was cut from.
-- refresh: incremental by wording_a_id (a pair changes when one of its wordings arrives or leaves, or when a
-- shingle they share crosses max_postings; both wordings of such a pair are among the changed keys)
-- columns:
--   wording_a_id: the pair's first wording (wording_a_id < wording_b_id)
--   wording_b_id: the pair's second wording
--   shared_shingles: four-word runs the two wordings share
--   containment: shared shingles over the shingles of the shorter wording (1 = one lies inside the other)
--   jaccard: shared shingles over the shingles of both wordings together

{% set params %}

    select
        0.5 as min_containment,
        -- A shingle found in more distinct wordings than this is boilerplate ("said in a statement that");
        -- leaving it out of the join keeps the join near-linear on large corpora.
        200 as max_postings

{% endset %}

{% set changed_keys %}
    with params as ({{ params }}),

    -- rows of wordings that really appeared or disappeared (a wording re-derived unchanged is no change)
    gone as (

        select wording_id, shingle from {{ removed('int_quote_shingles') }}
        except
        select wording_id, shingle from {{ added('int_quote_shingles') }}

    ),

    arrived as (

        select wording_id, shingle from {{ added('int_quote_shingles') }}
        except
        select wording_id, shingle from {{ removed('int_quote_shingles') }}

    ),

    postings as (

        select shingle, count(*) as after
        from int_quote_shingles
        where shingle in (select shingle from gone union select shingle from arrived)
        group by shingle

    ),

    touched as (

        select
            touched.shingle,
            coalesce(postings.after, 0) as after,
            coalesce(postings.after, 0)
                - (select count(*) from arrived where arrived.shingle = touched.shingle)
                + (select count(*) from gone where gone.shingle = touched.shingle) as before
        from (select shingle from gone union select shingle from arrived) as touched
        left join postings using (shingle)

    ),

    -- a touched shingle that joins (or joined) wordings: everyone holding it may gain or lose a pair
    joining as (

        select shingle
        from touched, params
        where touched.before between 2 and params.max_postings or touched.after between 2 and params.max_postings

    )

    select wording_id as wording_a_id from gone
    union all
    select wording_id from arrived
    union all
    select wording_id from int_quote_shingles where shingle in (select shingle from joining)
    union all
    select wording_id from gone where shingle in (select shingle from joining)
{% endset %}

with shingles as (

    select * from int_quote_shingles

),

params as ({{ params }}),

pair_starts as (

    select * from shingles where {{ is_changed('wording_id') }}

),

informative as (

    select shingle
    from shingles
    {% if incremental %}
    where shingle in (select shingle from pair_starts)
    {% endif %}
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
    from pair_starts as a
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
