"""Source-type tagging (placeholder until the attribution issue lands: every sentence unattributed)."""
from __future__ import annotations

from typing import Iterable

import pandas as pd

from .schema import empty_source_columns


def tag_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the source columns for an ordered sentence frame (``article_id``, ``paragraph``, ``text``)."""
    return empty_source_columns(len(frame), frame.index)


def tag_sentences(sentences: Iterable[str]) -> pd.DataFrame:
    """Tag sentences someone else segmented: one row per input sentence, in order."""
    texts = [str(s) for s in sentences]
    frame = pd.DataFrame({"article_id": "", "paragraph": 0, "sentence": range(len(texts)), "text": texts})
    return pd.concat([frame[["text"]], tag_frame(frame)], axis=1)
