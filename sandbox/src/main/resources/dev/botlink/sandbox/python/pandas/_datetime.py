"""to_datetime for the simple cases bots use: epoch numbers with a unit, and ISO-8601 strings."""
import datetime

_UNITS = {'s': 1, 'ms': 1_000, 'us': 1_000_000, 'ns': 1_000_000_000}


class Timestamp(datetime.datetime):
    """pandas.Timestamp: a datetime (UTC when built from epoch numbers) with .value in nanoseconds."""

    @property
    def value(self):
        moment = self if self.tzinfo else self.replace(tzinfo=datetime.timezone.utc)
        delta = moment - datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        return (delta.days * 86_400 + delta.seconds) * 1_000_000_000 + delta.microseconds * 1_000

    def to_pydatetime(self):
        return datetime.datetime(self.year, self.month, self.day, self.hour, self.minute, self.second,
                                 self.microsecond, self.tzinfo)


def _one(value, unit, utc):
    zone = datetime.timezone.utc if utc else None
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        if unit not in _UNITS:
            raise ValueError(f"to_datetime of numbers needs unit='s', 'ms', 'us' or 'ns', got unit={unit!r}")
        divisor = _UNITS[unit]
        whole, rest = divmod(int(value), divisor) if isinstance(value, int) else (value // divisor, value % divisor)
        moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=whole,
                                                                    microseconds=rest * 1_000_000 / divisor)
    elif isinstance(value, str):
        text = value.strip().replace('Z', '+00:00')
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"Botlink's to_datetime reads ISO-8601 strings such as '2024-01-31 12:00:00', "
                             f"not {value!r}") from None
    else:
        raise TypeError(f'to_datetime cannot convert {type(value).__name__}')
    if utc:
        moment = moment.astimezone(zone) if moment.tzinfo else moment.replace(tzinfo=zone)
    return Timestamp(moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second,
                     moment.microsecond, moment.tzinfo)


def to_datetime(arg, unit=None, utc=False, format=None, errors='raise'):
    from ._series import Series
    if format is not None:
        def convert(v):
            return _one(datetime.datetime.strptime(v, format), unit, utc)
    else:
        def convert(v):
            return _one(v, unit or 'ns', utc)
    if isinstance(arg, Series):
        return Series._make([convert(v) for v in arg._v], arg.index, 'O', arg.name)
    if isinstance(arg, (list, tuple)) or hasattr(arg, 'tolist'):
        values = arg.tolist() if hasattr(arg, 'tolist') else list(arg)
        return Series([convert(v) for v in values])
    return convert(arg)
