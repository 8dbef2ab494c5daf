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

    select distinct wording_id, string_split(words_text, ' ') as words
    from quotes

),

-- One row per word, so the work grows with a wording's length: a row per start that carried the whole list
-- grew with its square (a run-away quote of 4,000 words held 16 million words at once).
words as (

    select
        wording_id,
        unnest(words) as word,
        generate_subscripts(words, 1) as word_no,
        len(words) as word_count
    from wordings

),

-- The words from each word on, up to shingle_words of them.
runs as (

    select
        words.wording_id,
        words.word_no,
        words.word_count,
        params.shingle_words,
        list(words.word) over (
            partition by words.wording_id order by words.word_no
            rows between current row and params.shingle_words - 1 following
        ) as run
    from words
    cross join params

),

shingles as (

    select distinct
        wording_id,
        hash(array_to_string(run, ' ')) as shingle
    from runs
    -- every full run; a wording shorter than shingle_words is the one run of all its words
    where word_no <= greatest(word_count - shingle_words + 1, 1)

),

final as (

    select
        wording_id,
        shingle,
        count(*) over (partition by wording_id) as shingles
    from shingles

)

select * from final
