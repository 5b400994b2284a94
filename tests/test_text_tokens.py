"""tokenize_words is tokenize with the token strings."""
from telaah.text.tokens import tokenize, tokenize_words, words


def test_tokenize_words_is_tokenize_and_words():
    text = 'Ma\'ruf Amin: "masing-masing 1.500 orang (24/10/2024), COVID-19 … 1990-an."'
    for start, end in ((0, None), (3, 40), (10, 10)):
        spans, toks = tokenize_words(text, start, end)
        assert spans == tokenize(text, start, end)
        assert toks == words(text, start, end) == [text[a:b] for a, b in spans]


def test_text_tokens_between_is_tokenize_words_of_the_range():
    """The entity and quote stages share one scan of the article (text_tokens); a range's
    tokens taken from it equal a scan of the range, also where a token crosses its edge."""
    from telaah.text.tokens import text_tokens

    text = 'Ma\'ruf Amin: "masing-masing 1.500 orang (24/10/2024)".  COVID-19 … 1990-an.\n\nRp3,5 triliun.'
    tokens = text_tokens(text)
    assert text_tokens(text) is tokens  # kept for the same text object
    assert (tokens.spans, tokens.words) == tokenize_words(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert tokens.between(start, end) == tokenize_words(text, start, end), (start, end)
    other = text_tokens("Jakarta - Presiden")
    assert other.words == ["Jakarta", "-", "Presiden"] and text_tokens(text) is not tokens
