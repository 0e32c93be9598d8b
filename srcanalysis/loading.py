"""Loading articles (being written)."""
def read_articles(source, *, format=None, outlet=None, published=None):
    raise NotImplementedError
