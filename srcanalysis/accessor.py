"""The ``.src`` DataFrame accessor, for chaining analyses in a notebook.

Example:
    >>> import pandas as pd
    >>> import srcanalysis  # registers the accessor
    >>> arts = pd.DataFrame({"text": ["Mattis said no. It rained."]}).src.articles()
    >>> arts.src.sentences()["text"].tolist()
    ['Mattis said no.', 'It rained.']
"""
from __future__ import annotations

from typing import Any

import pandas as pd


@pd.api.extensions.register_dataframe_accessor("src")
class SrcAccessor:
    """Chainable shortcuts to the srcanalysis functions.

    On an article frame: ``.src.sentences()``, ``.src.reuse()``, ``.src.skipped``, ``.src.errors``.
    On a sentence frame: ``.src.profile()``, ``.src.timeline()``, ``.src.anonymous_shares()``,
    ``.src.answer()``.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def articles(self, **kwargs: Any) -> pd.DataFrame:
        """Normalise any frame with a text column into an article frame (:func:`read_articles`)."""
        from .loading import read_articles
        return read_articles(self._frame, **kwargs)

    def sentences(self, jobs: int = 1, **kwargs: Any) -> pd.DataFrame:
        """Sentence rows tagged by source type (:func:`srcanalysis.sentences`), over ``jobs`` processes."""
        if jobs != 1:
            from .engine import map_articles
            return map_articles("sentences", self._frame, jobs=jobs, **kwargs)
        from .segment import sentences
        return sentences(self._frame, **kwargs)

    def profile(self, by: str = "article_id") -> pd.DataFrame:
        """Source profile per article or outlet (:func:`srcanalysis.source_profile`)."""
        from .sources.profile import source_profile
        return source_profile(self._frame, by=by)

    def timeline(self) -> pd.DataFrame:
        """Dated event mentions (:func:`srcanalysis.time.timeline`)."""
        from .time.timeline import timeline
        return timeline(self._frame)

    def reuse(self, **options: Any) -> pd.DataFrame:
        """Reused passages between the articles (:func:`srcanalysis.find_reuse`)."""
        from .reuse import find_reuse
        return find_reuse(self._frame, **options)

    def anonymous_shares(self, by: str | None = "outlet") -> pd.DataFrame:
        """Anonymous share of sourced and of all sentences, with 95 % intervals (:func:`srcanalysis.sources.headline.anonymous_shares`)."""
        from .sources.headline import anonymous_shares
        return anonymous_shares(self._frame, by=by)

    def answer(self) -> str:
        """Which outlets lean most on anonymous sources, and how sure we are (:func:`srcanalysis.sources.headline.anonymous_answer`)."""
        from .sources.headline import anonymous_answer
        return anonymous_answer(self._frame)

    @property
    def errors(self) -> pd.DataFrame:
        """Per-article failures recorded on this frame (:func:`srcanalysis.errors`)."""
        from .errors import errors
        return errors(self._frame)

    @property
    def skipped(self) -> pd.DataFrame:
        """Inputs the loader did not load, with reasons."""
        from .loading import skipped
        return skipped(self._frame)
