"""The public API is a contract: names and call shapes stay stable."""
from __future__ import annotations

import inspect

import pandas as pd

import srcanalysis as sa

CONTRACT = {
    "read_articles": ["source", "format", "outlet", "published"],
    "sentences": ["articles"],
    "tag_sentences": ["sentences"],
    "find_timexes": ["text", "published"],
    "timeline": ["sentences"],
    "find_reuse": ["articles"],
    "source_profile": ["sentences"],
    "timeline_gaps": ["timeline", "min_gap"],
    "reuse_summary": ["articles", "passages"],
    "infer_published": ["text"],
}


def test_all_names_exist():
    for name in sa.__all__:
        assert hasattr(sa, name), name
    for name in CONTRACT:
        assert name in sa.__all__


def test_contract_parameters():
    for name, params in CONTRACT.items():
        sig = inspect.signature(getattr(sa, name))
        assert list(sig.parameters)[: len(params)] == params or set(params) <= set(sig.parameters), name
    sig = inspect.signature(sa.read_articles)
    for kw in ("format", "outlet", "published"):
        assert sig.parameters[kw].kind is inspect.Parameter.KEYWORD_ONLY


def test_accessor_registered():
    frame = pd.DataFrame({"text": ["A spokesman said nothing. Rain fell."]})
    sents = frame.src.articles().src.sentences(tag=False)
    assert sents["text"].tolist() == ["A spokesman said nothing.", "Rain fell."]
