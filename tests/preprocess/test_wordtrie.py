"""The word trie under kit.preprocess.lookup: shared paths, positions in the entry list, the case rule, kept between calls."""

from kit.preprocess import lookup, wordtrie


def trie_of(*patterns: str, case_sensitive: bool = False) -> wordtrie.WordTrie:
    words = (lookup.pattern_words(p, case_sensitive=case_sensitive) for p in patterns)
    return wordtrie.WordTrie(tuple((w, case_sensitive) for w in words))


def walk(trie: wordtrie.WordTrie, *tokens: str) -> list[int]:
    """Positions of the entries that match exactly these tokens (each given as written; norm = lower case)."""
    nodes: tuple[int, ...] = (wordtrie.ROOT_NODE,)
    for token in tokens:
        nodes = tuple(child for node in nodes for child in trie.step(node, token, token.lower()))
    return sorted(position for node in nodes for position in trie.ends(node))


def test_entries_sharing_first_words_share_a_path_and_each_ends_where_its_words_do():
    trie = trie_of("Kim", "Kim Jong Un", "Kim Yo Jong", "Kim Jong Un")
    assert walk(trie, "Kim") == [0]
    assert walk(trie, "KIM", "jong", "un") == [1, 3]
    assert walk(trie, "Kim", "Yo", "Jong") == [2]
    assert walk(trie, "Kim", "Jong") == []
    # One root word for the four entries: the first token is compared once, not four times.
    assert len(trie.step(wordtrie.ROOT_NODE, "Kim", "kim")) == 1


def test_globs_and_literals_are_both_followed_from_one_node():
    trie = trie_of("denucleari* talks", "denuclearization talks", "denuclearization")
    assert walk(trie, "Denuclearization", "talks") == [0, 1]
    assert walk(trie, "denuclearisation", "talks") == [0]
    assert walk(trie, "denuclearization") == [2]


def test_a_case_sensitive_word_is_compared_as_written_and_a_folded_one_by_the_regex_outside_ascii():
    exact = trie_of("US", case_sensitive=True)
    assert walk(exact, "US") == [0] and walk(exact, "us") == []
    assert walk(trie_of("sanctions"), "ſanctions") == [0]  # the long s matches "s" case-insensitively


def test_a_trie_is_kept_per_entry_set_and_answers_the_same_when_kept():
    words = ((lookup.pattern_words("maximum pressure"), False), (lookup.pattern_words("pressure"), False))
    first = wordtrie.trie_for(words)
    assert wordtrie.trie_for(tuple(words)) is first
    assert wordtrie.trie_for(words[:1]) is not first
    assert walk(first, "maximum", "pressure") == walk(wordtrie.WordTrie(words), "maximum", "pressure") == [0]
