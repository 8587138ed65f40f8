"""Okapi BM25 over one growing document per person (everything they answered), for the text
part of question routing and for the evaluation's baseline. Small on purpose: postings in
dictionaries, documents added one piece at a time."""

import math
from collections import Counter, defaultdict


class BM25:
    """`add(key, words)` appends words to the key's document; `scores(query)` ranks keys."""

    def __init__(self, *, k1: float = 1.2, b: float = 0.75):
        self.k1, self.b = k1, b
        self.postings: dict[str, dict] = defaultdict(dict)  # term → {key: term frequency}
        self.lengths: dict = {}
        self.total_length = 0

    def add(self, key, words: list[str]) -> None:
        for term, count in Counter(words).items():
            postings = self.postings[term]
            postings[key] = postings.get(key, 0) + count
        self.lengths[key] = self.lengths.get(key, 0) + len(words)
        self.total_length += len(words)

    def idf(self, term: str) -> float:
        documents = len(self.lengths)
        frequency = len(self.postings.get(term, ()))
        return math.log(1.0 + (documents - frequency + 0.5) / (frequency + 0.5))

    def scores(self, query: list[str], keys=None) -> dict:
        """BM25 of each document containing a query term (restricted to `keys` if given)."""
        if not self.lengths:
            return {}
        average = self.total_length / len(self.lengths) or 1.0
        result: dict = defaultdict(float)
        for term in set(query):
            postings = self.postings.get(term)
            if not postings:
                continue
            idf = self.idf(term)
            for key, frequency in postings.items():
                if keys is not None and key not in keys:
                    continue
                norm = self.k1 * (1 - self.b + self.b * self.lengths[key] / average)
                result[key] += idf * frequency * (self.k1 + 1) / (frequency + norm)
        return result
