"""str() and repr() of arrays, following NumPy's default print options (precision 8, 'maxprec', width 75)."""
from decimal import Decimal

PRECISION = 8
LINE_WIDTH = 75
THRESHOLD = 1000
EDGE_ITEMS = 3


def array_str(a):
    return _format(a, ' ', ' ', LINE_WIDTH)


def array_repr(a):
    if a.size == 0:
        return f'array([], dtype={a.dtype.name})' if a.ndim == 1 else f'array([], shape={a.shape}, dtype={a.dtype.name})'
    if a.ndim == 0:
        return f'array({_formatter(a._d, a._kind)(a._d[0])})'
    return 'array(' + _format(a, ', ', ' ' * len('array(['), LINE_WIDTH - 1) + ')'


def _format(a, separator, indent, width):
    if a.ndim == 0:
        return str(a._d[0])
    if a.size == 0:
        return '[]'
    summarize = a.size > THRESHOLD
    if a.ndim == 1:
        shown = _edges(a._d) if summarize else a._d
        fmt = _formatter(shown, a._kind)
        return _format_row(a._d, fmt, separator, indent, width, summarize)
    rows, cols = a.shape
    row_data = [a._d[r * cols:(r + 1) * cols] for r in range(rows)]
    row_ids = list(range(rows))
    if summarize and rows > 2 * EDGE_ITEMS:
        row_ids = row_ids[:EDGE_ITEMS] + [None] + row_ids[-EDGE_ITEMS:]
    shown = [v for r in row_ids if r is not None for v in (_edges(row_data[r]) if summarize else row_data[r])]
    fmt = _formatter(shown, a._kind)
    inner = indent + ' '
    lines = []
    for r in row_ids:
        if r is None:
            lines.append('...')
        else:
            lines.append(_format_row(row_data[r], fmt, separator, inner, width - 1, summarize))
    joiner = separator.rstrip() + '\n' + indent
    return '[' + joiner.join(lines) + ']'


def _edges(values):
    if len(values) > 2 * EDGE_ITEMS:
        return list(values[:EDGE_ITEMS]) + list(values[-EDGE_ITEMS:])
    return values


def _format_row(values, fmt, separator, indent, width, summarize):
    words = [fmt(v) for v in values]
    if summarize and len(words) > 2 * EDGE_ITEMS:
        words = words[:EDGE_ITEMS] + ['...'] + words[-EDGE_ITEMS:]
    elem_width = width - max(len(separator.rstrip()), 1)
    text, line = '', indent
    for i, word in enumerate(words):
        if len(line) + len(word) > elem_width and len(line) > len(indent):
            text += line.rstrip() + '\n'
            line = indent
        line += word
        if i < len(words) - 1:
            line += separator
    text += line
    return '[' + text[len(indent):] + ']'


def _formatter(values, kind):
    if kind == 'b':
        width = 5 if any(not v for v in values) else 4
        return lambda v: str(bool(v)).rjust(width)
    if kind == 'i':
        width = max((len(str(v)) for v in values), default=1)
        return lambda v: str(v).rjust(width)
    return _float_formatter(values)


def _float_formatter(values):
    finite = [v for v in values if v == v and v not in (float('inf'), float('-inf'))]
    non_zero = [abs(v) for v in finite if v != 0]
    exp_format = bool(non_zero) and (max(non_zero) >= 1e8 or min(non_zero) < 1e-4
                                     or max(non_zero) / min(non_zero) > 1000.0)
    has_neg_inf = any(v == float('-inf') for v in values)
    if exp_format:
        parts = [_scientific(v) for v in finite]
        precision = max(len(m.partition('.')[2]) for m, _ in parts)
        exp_size = max(len(e) for _, e in parts)
        pad_left = max(len(m.partition('.')[0]) for m, _ in parts)
        pad_right = exp_size + 2 + precision

        def fmt(v):
            if v != v or v in (float('inf'), float('-inf')):
                return _non_finite(v, pad_left, pad_right)
            mantissa, exponent = _scientific(v)
            whole, _, frac = mantissa.partition('.')
            return (whole.rjust(pad_left) + '.' + frac.ljust(precision, '0') + 'e'
                    + exponent[0] + exponent[1:].rjust(exp_size - 1, '0'))
        return fmt
    parts = [_positional(v).split('.') for v in finite]
    pad_left = max((len(w) for w, _ in parts), default=0)
    pad_right = max((len(f) for _, f in parts), default=0)
    if len(finite) != len(values):
        pad_left = max(pad_left, 3 - (pad_right + 1), 3 + has_neg_inf - (pad_right + 1))

    def fmt(v):
        if v != v or v in (float('inf'), float('-inf')):
            return _non_finite(v, pad_left, pad_right)
        whole, frac = _positional(v).split('.')
        return whole.rjust(pad_left) + '.' + frac.ljust(pad_right)
    return fmt


def _non_finite(v, pad_left, pad_right):
    text = 'nan' if v != v else ('inf' if v > 0 else '-inf')
    return text.rjust(pad_left + pad_right + 1)


def _positional(v):
    """Shortest round-tripping digits, rounded to PRECISION decimals, trailing zeros trimmed ('1.' stays)."""
    text = format(Decimal(repr(v)), 'f')
    whole, _, frac = text.partition('.')
    if len(frac) > PRECISION:
        whole, _, frac = format(v, f'.{PRECISION}f').partition('.')
    frac = frac.rstrip('0')
    if whole in ('-0', '0') and v < 0:
        whole = '-0'
    return whole + '.' + frac


def _scientific(v):
    """(mantissa, exponent) as NumPy prints them in exponent mode: '3.25', '+04'."""
    if v == 0:
        return ('-0.' if str(v).startswith('-') else '0.'), '+00'
    digits = repr(v)
    mantissa, _, exponent = format(Decimal(digits), 'e').partition('e')
    whole, _, frac = mantissa.partition('.')
    if len(frac) > PRECISION:
        mantissa, _, exponent = format(v, f'.{PRECISION}e').partition('e')
        whole, _, frac = mantissa.partition('.')
    frac = frac.rstrip('0')
    sign = '-' if exponent.startswith('-') else '+'
    return whole + '.' + frac, sign + exponent.lstrip('+-').rjust(2, '0')
