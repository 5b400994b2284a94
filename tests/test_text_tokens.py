"""tokenize_words is tokenize with the token strings."""
from telaah.text.tokens import tokenize, tokenize_words, words


def test_tokenize_words_is_tokenize_and_words():
    text = 'Ma\'ruf Amin: "masing-masing 1.500 orang (24/10/2024), COVID-19 … 1990-an."'
    for start, end in ((0, None), (3, 40), (10, 10)):
        spans, toks = tokenize_words(text, start, end)
        assert spans == tokenize(text, start, end)
        assert toks == words(text, start, end) == [text[a:b] for a, b in spans]
