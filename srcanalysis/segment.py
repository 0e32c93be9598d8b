"""Sentence segmentation (being written)."""
def sentences(articles):
    raise NotImplementedError
