"""Column names and categories shared by every module.

Keeping them in one place means the loader, the segmenter, the tagger and the
charts agree on what a sentence DataFrame looks like.
"""
from __future__ import annotations

import pandas as pd

#: Columns of the DataFrame returned by :func:`srcanalysis.read_articles` (``credit``: wire agency or
#: credited outlet; ``published_from``: where the date came from; ``encoding``: codec of the file).
ARTICLE_COLUMNS: list[str] = [
    "article_id", "outlet", "title", "published", "url", "author", "text", "path",
    "credit", "published_from", "encoding",
]

#: Source types, in the order charts and tables show them.
#: The names follow the project's sourcing codebook: ``anonymous`` is a deliberately withheld identity
#: only; unnamed people and groups without withholding language are ``unnamed_person`` and
#: ``unnamed_group`` (added last, so earlier positions keep their meaning).
SOURCE_TYPES: list[str] = [
    "anonymous", "named_person", "named_org", "media", "document", "no_comment", "unattributed",
    "unnamed_person", "unnamed_group",
]

#: The categorical dtype of the ``source_type`` column.
SOURCE_TYPE_DTYPE = pd.CategoricalDtype(SOURCE_TYPES, ordered=False)

#: Columns the attribution tagger adds to every sentence row, with their dtypes.
SOURCE_COLUMNS: dict[str, str | pd.CategoricalDtype] = {
    "source_type": SOURCE_TYPE_DTYPE,
    "source": "string",
    "source_name": "string",
    "cue": "string",
    "source_start": "Int64",
    "source_end": "Int64",
    "source_count": "Int64",
    "anonymity_reason": "string",
    "is_quote": "bool",
    "rule": "string",
}

#: Columns of the DataFrame returned by :func:`srcanalysis.sentences`.
SENTENCE_COLUMNS: list[str] = [
    "article_id", "outlet", "published", "paragraph", "sentence", "start", "end", "text",
    *SOURCE_COLUMNS,
]


def empty_source_columns(n: int, index: pd.Index | None = None) -> pd.DataFrame:
    """Source columns for ``n`` sentences, all ``unattributed`` with empty spans.

    Args:
        n: Number of rows.
        index: Index to use (defaults to a RangeIndex).

    Returns:
        A DataFrame with the :data:`SOURCE_COLUMNS` columns and dtypes.

    Example:
        >>> empty_source_columns(2)["source_type"].tolist()
        ['unattributed', 'unattributed']
    """
    index = pd.RangeIndex(n) if index is None else index
    data = {
        "source_type": pd.Categorical(["unattributed"] * n, dtype=SOURCE_TYPE_DTYPE),
        "source": pd.array([""] * n, dtype="string"),
        "source_name": pd.array([""] * n, dtype="string"),
        "cue": pd.array([""] * n, dtype="string"),
        "source_start": pd.array([pd.NA] * n, dtype="Int64"),
        "source_end": pd.array([pd.NA] * n, dtype="Int64"),
        "source_count": pd.array([pd.NA] * n, dtype="Int64"),
        "anonymity_reason": pd.array([""] * n, dtype="string"),
        "is_quote": [False] * n,
        "rule": pd.array([""] * n, dtype="string"),
    }
    return pd.DataFrame(data, index=index)
