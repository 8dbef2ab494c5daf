-- One row per (wording, shingle): the overlapping runs of four normalised words in each distinct wording.
-- Shingles are the inverted index that matches wordings across outlets without comparing all pairs.
-- A quote reprinted word for word by many documents is one wording, so syndication costs nothing here;
-- a wording shorter than four words is one shingle of all its words.
-- refresh: incremental by wording_id
-- columns:
--   wording_id: the distinct normalised wording (stg_quotes.wording_id)
--   shingle: hash of a run of consecutive normalised words
--   shingles: how many distinct shingles the wording has

{% set changed_keys %}
    -- a wording's shingles depend on its words alone: only wordings that appear or disappear change
    select wording_id from {{ removed('stg_quotes') }}
    union all
    select wording_id from {{ added('stg_quotes') }}
{% endset %}

with quotes as (

    select * from stg_quotes where words_text <> '' and {{ is_changed('wording_id') }}

),

params as (

    select 4 as shingle_words

),

wordings as (

    select distinct
        quotes.wording_id,
        string_split(quotes.words_text, ' ') as words,
        params.shingle_words
    from quotes
    cross join params

),

starts as (

    select
        wording_id,
        words,
        shingle_words,
        unnest(range(1, greatest(len(words) - shingle_words + 1, 1) + 1)) as start_word
    from wordings

),

shingles as (

    select distinct
        wording_id,
        hash(array_to_string(words[start_word : start_word + shingle_words - 1], ' ')) as shingle
    from starts

),

final as (

    select
        wording_id,
        shingle,
        count(*) over (partition by wording_id) as shingles
    from shingles

)

select * from final
