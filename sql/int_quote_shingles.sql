-- One row per (quotation, shingle): the overlapping runs of four normalised words a quotation contains.
-- Shingles are the inverted index that matches wordings across outlets without comparing all pairs;
-- a quotation shorter than four words is one shingle of all its words.
-- columns:
--   quote_id: the quotation
--   shingle: hash of a run of consecutive normalised words
--   shingles: how many distinct shingles the quotation has

with quotes as (

    select * from stg_quotes where words_text <> ''

),

params as (

    select 4 as shingle_words

),

words as (

    select
        quotes.quote_id,
        string_split(quotes.words_text, ' ') as words,
        params.shingle_words
    from quotes
    cross join params

),

starts as (

    select
        quote_id,
        words,
        shingle_words,
        unnest(range(1, greatest(len(words) - shingle_words + 1, 1) + 1)) as start_word
    from words

),

shingles as (

    select distinct
        quote_id,
        hash(array_to_string(words[start_word : start_word + shingle_words - 1], ' ')) as shingle
    from starts

),

final as (

    select
        quote_id,
        shingle,
        count(*) over (partition by quote_id) as shingles
    from shingles

)

select * from final
