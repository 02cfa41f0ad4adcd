"""Index: the labels of a Series or DataFrame (a RangeIndex 0..n-1 unless given)."""


class Index:
    """Immutable labels; looked up by label with get_loc."""

    __slots__ = ('_labels', '_positions', 'name')

    def __init__(self, labels, name=None):
        self._labels = list(labels)
        self._positions = None
        self.name = name

    @classmethod
    def range(cls, n):
        return RangeIndex(n)

    def tolist(self):
        return list(self._labels)

    to_list = tolist

    @property
    def values(self):
        import numpy
        try:
            return numpy.array(self._labels)
        except TypeError:
            return list(self._labels)

    def to_numpy(self):
        return self.values

    def __len__(self):
        return len(self._labels)

    def __iter__(self):
        return iter(self._labels)

    def __getitem__(self, key):
        if isinstance(key, slice):
            return Index(self._labels[key], self.name)
        return self._labels[key]

    def __contains__(self, label):
        return label in self._lookup()

    def __eq__(self, other):
        other_labels = other._labels if isinstance(other, Index) else list(other)
        return self._labels == other_labels

    def equals(self, other):
        return isinstance(other, Index) and self._labels == other._labels

    def _lookup(self):
        if self._positions is None:
            positions = {}
            for i, label in enumerate(self._labels):
                positions.setdefault(label, i)
            self._positions = positions
        return self._positions

    def get_loc(self, label):
        try:
            return self._lookup()[label]
        except (KeyError, TypeError):
            raise KeyError(label) from None

    def take(self, positions):
        return Index([self._labels[p] for p in positions], self.name)

    def is_default(self):
        return False

    def __repr__(self):
        return f'Index({self._labels!r})'


class RangeIndex(Index):
    """0..n-1: label lookups are position lookups."""

    __slots__ = ()

    def __init__(self, n):
        super().__init__(range(n))

    def get_loc(self, label):
        if isinstance(label, bool) or not isinstance(label, int) or not 0 <= label < len(self._labels):
            raise KeyError(label)
        return label

    def __contains__(self, label):
        return isinstance(label, int) and 0 <= label < len(self._labels)

    def take(self, positions):
        positions = list(positions)
        if positions == list(range(len(positions))):
            return RangeIndex(len(positions))
        return Index(positions)

    def is_default(self):
        return True

    def __repr__(self):
        return f'RangeIndex(start=0, stop={len(self._labels)}, step=1)'


def ensure_index(index, n):
    if index is None:
        return RangeIndex(n)
    labels = index if isinstance(index, Index) else Index(index)
    if len(labels) != n:
        raise ValueError(f'Length of values ({n}) does not match length of index ({len(labels)})')
    return labels
