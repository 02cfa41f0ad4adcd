"""A minimal DataFrame: named columns (Series) sharing one index."""
import numpy

from ._index import Index, ensure_index
from ._series import Series


class DataFrame:
    """pandas.DataFrame for the common bot cases: build from candles, pick columns, astype, values."""

    __hash__ = None

    def __init__(self, data=None, index=None, columns=None, dtype=None):
        columns_data = {}
        if data is None:
            data = {}
        if isinstance(data, DataFrame):
            columns_data = {k: v.copy() for k, v in data._columns.items()}
            index = data.index if index is None else index
        elif isinstance(data, dict):
            for name, values in data.items():
                columns_data[name] = values
        elif isinstance(data, (list, tuple)):
            rows = list(data)
            if rows and isinstance(rows[0], dict):
                names = list(columns) if columns is not None else []
                if columns is None:
                    for row in rows:
                        names.extend(k for k in row if k not in names)
                columns_data = {name: [row.get(name) for row in rows] for name in names}
                columns = None
            else:
                width = len(rows[0]) if rows else 0
                names = list(columns) if columns is not None else list(range(width))
                columns_data = {name: [row[i] for row in rows] for i, name in enumerate(names)}
                columns = None
        elif isinstance(data, numpy.ndarray):
            names = list(columns) if columns is not None else list(range(data.shape[1]))
            columns_data = {name: data[:, i].tolist() for i, name in enumerate(names)}
            columns = None
        else:
            raise TypeError(f"Botlink's DataFrame is built from a dict of columns or a list of rows, "
                            f"not {type(data).__name__}")
        if columns is not None:
            columns_data = {name: columns_data.get(name, [float('nan')] * _length(columns_data)) for name in columns}
        n = _length(columns_data) if columns_data else (len(index) if index is not None else 0)
        self.index = ensure_index(index if not isinstance(index, Series) else index.tolist(), n)
        self._columns = {}
        for name, values in columns_data.items():
            series = values if isinstance(values, Series) else Series(values, index=self.index, dtype=dtype)
            if len(series) != n:
                raise ValueError(f'All arrays must be of the same length (column {name!r} has {len(series)}, '
                                 f'expected {n})')
            series = Series._make(list(series._v), self.index, series._kind, name)
            self._columns[name] = series

    @property
    def columns(self):
        return Index(list(self._columns))

    @property
    def shape(self):
        return (len(self.index), len(self._columns))

    @property
    def empty(self):
        return len(self.index) == 0 or not self._columns

    def __len__(self):
        return len(self.index)

    def __iter__(self):
        return iter(self._columns)

    def __contains__(self, name):
        return name in self._columns

    def __getitem__(self, key):
        if isinstance(key, (list, tuple, Index)):
            return DataFrame({k: self[k] for k in key}, index=self.index)
        if isinstance(key, Series) and key._kind == 'b':
            return self._take([i for i, keep in enumerate(key._v) if keep])
        if isinstance(key, slice):
            return self.iloc[key]
        try:
            return self._columns[key]
        except (KeyError, TypeError):
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if isinstance(value, Series):
            series = value
        elif isinstance(value, (list, tuple, numpy.ndarray)):
            series = Series(value, index=self.index)
        else:
            series = Series([value] * len(self.index), index=self.index)
        if len(series) != len(self.index):
            raise ValueError(f'Length of values ({len(series)}) does not match length of index ({len(self.index)})')
        self._columns[key] = Series._make(list(series._v), self.index, series._kind, key)

    def __getattr__(self, name):
        columns = self.__dict__.get('_columns', {})
        if name in columns:
            return columns[name]
        raise AttributeError(f"'DataFrame' object has no attribute '{name}' (not a column, and not in Botlink's "
                             "pandas subset: see docs/python-libraries.md)")

    def _take(self, positions):
        positions = list(positions)
        index = self.index.take(positions)
        return DataFrame({name: Series._make([c._v[p] for p in positions], index, c._kind, name)
                          for name, c in self._columns.items()}, index=index)

    @property
    def iloc(self):
        return _FrameILoc(self)

    @property
    def values(self):
        return self.to_numpy()

    def to_numpy(self, dtype=None):
        rows = [[c._v[r] for c in self._columns.values()] for r in range(len(self.index))]
        return numpy.array(rows, dtype=dtype) if rows else numpy.zeros((0, len(self._columns)))

    def astype(self, dtype):
        if isinstance(dtype, dict):
            return DataFrame({k: c.astype(dtype[k]) if k in dtype else c for k, c in self._columns.items()},
                             index=self.index)
        return DataFrame({k: c.astype(dtype) for k, c in self._columns.items()}, index=self.index)

    def copy(self):
        return DataFrame(self)

    def head(self, n=5):
        return self._take(range(min(n, len(self.index))))

    def tail(self, n=5):
        return self._take(range(max(len(self.index) - n, 0), len(self.index)))

    def set_index(self, column):
        labels = self._columns[column].tolist()
        rest = {k: v.tolist() for k, v in self._columns.items() if k != column}
        return DataFrame(rest, index=Index(labels, column))

    def reset_index(self, drop=False):
        columns = {} if drop else {self.index.name or 'index': self.index.tolist()}
        columns.update({k: v.tolist() for k, v in self._columns.items()})
        return DataFrame(columns)

    def dropna(self):
        keep = [r for r in range(len(self.index))
                if not any(_missing(c._v[r]) for c in self._columns.values())]
        return self._take(keep)

    def ffill(self):
        return DataFrame({k: c.ffill() for k, c in self._columns.items()}, index=self.index)

    def to_dict(self, orient='dict'):
        if orient == 'records':
            return [{k: c._v[r] for k, c in self._columns.items()} for r in range(len(self.index))]
        if orient == 'list':
            return {k: c.tolist() for k, c in self._columns.items()}
        return {k: c.to_dict() for k, c in self._columns.items()}

    def __repr__(self):
        from ._format import frame_repr
        return frame_repr(self)

    __str__ = __repr__


def _missing(v):
    return v is None or (isinstance(v, float) and v != v)


def _length(columns):
    for values in columns.values():
        return len(values)
    return 0


class _FrameILoc:
    __slots__ = ('_f',)

    def __init__(self, frame):
        self._f = frame

    def __getitem__(self, key):
        n = len(self._f.index)
        if isinstance(key, tuple):
            rows, column = key
            names = list(self._f._columns)
            selected = self._f[names[column]] if isinstance(column, int) else self._f[[names[c] for c in
                                                                                      range(len(names))[column]]]
            return selected.iloc[rows]
        if isinstance(key, slice):
            return self._f._take(range(n)[key])
        if isinstance(key, int):
            position = key + n if key < 0 else key
            if not 0 <= position < n:
                raise IndexError('single positional indexer is out-of-bounds')
            names = list(self._f._columns)
            return Series([self._f._columns[c]._v[position] for c in names], index=names,
                          name=self._f.index[position])
        return self._f._take(key)
