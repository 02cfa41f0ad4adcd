"""Botlink's pandas: Series (ffill, rolling, ewm, shift, diff, pct_change, iloc/loc, arithmetic, reductions), a
minimal DataFrame and to_datetime, in pure Python with pandas' own window algorithms. Anything else raises an error
naming it; see docs/python-libraries.md.
"""
from ._index import Index, RangeIndex
from ._series import Series
from ._frame import DataFrame
from ._datetime import to_datetime, Timestamp

__version__ = '2.2.2+botlink'

NA = NaT = None


def isna(obj):
    if hasattr(obj, 'isna'):
        return obj.isna()
    if isinstance(obj, (list, tuple)):
        return Series(list(obj)).isna().to_numpy()
    return obj is None or (isinstance(obj, float) and obj != obj)


isnull = isna


def notna(obj):
    result = isna(obj)
    return ~result if hasattr(result, '__invert__') and not isinstance(result, bool) else not result


notnull = notna


def concat(objs, ignore_index=False):
    objs = list(objs)
    if not objs or not all(isinstance(o, Series) for o in objs):
        raise NotImplementedError("Botlink's pd.concat joins Series end to end only")
    values = [v for o in objs for v in o.tolist()]
    labels = None if ignore_index else [label for o in objs for label in o.index]
    return Series(values, index=labels, name=objs[0].name)


def _no_files(name):
    def refuse(*args, **kwargs):
        raise OSError(f"pandas.{name} is not available on Botlink: bots have no file system. Build a DataFrame "
                      "from data you fetch instead, e.g. pd.DataFrame(self.fetch_candles(...)['data'])")
    refuse.__name__ = name
    return refuse


read_csv = _no_files('read_csv')
read_json = _no_files('read_json')
read_excel = _no_files('read_excel')
read_parquet = _no_files('read_parquet')
read_sql = _no_files('read_sql')


def __getattr__(name):
    raise AttributeError(f"module 'pandas' has no attribute '{name}': Botlink's pandas subset does not provide "
                         f"pandas.{name} (see docs/python-libraries.md)")
