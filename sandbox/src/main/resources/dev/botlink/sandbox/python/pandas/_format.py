"""repr() of Series and DataFrame, close to pandas' defaults (6 decimals, NaN, at most 60 rows shown)."""

MAX_ROWS = 60
SHOWN_ROWS = 10


def _is_nan(v):
    return v is None or (isinstance(v, float) and v != v)


def format_values(values, kind):
    if kind == 'f':
        finite = [abs(v) for v in values if not _is_nan(v) and v not in (float('inf'), float('-inf'))]
        scientific = finite and (max(finite) >= 1e16 or min((v for v in finite if v), default=1) < 1e-4)
        if scientific:
            texts = [f'{v:.6e}' for v in values]
        else:
            texts = [f'{v:.6f}' for v in values]
            decimals = 1
            for text, v in zip(texts, values):
                if not _is_nan(v) and '.' in text:
                    decimals = max(decimals, len(text.split('.')[1].rstrip('0')))
            texts = [f'{v:.{decimals}f}' for v in values]
        return ['NaN' if _is_nan(v) else t for v, t in zip(values, texts)]
    return ['NaN' if _is_nan(v) else str(v) for v in values]


def _rows(n):
    if n <= MAX_ROWS:
        return list(range(n)), False
    half = SHOWN_ROWS // 2
    return list(range(half)) + list(range(n - half, n)), True


def series_repr(series):
    rows, truncated = _rows(len(series._v))
    labels = [str(series.index[i]) for i in rows]
    values = format_values([series._v[i] for i in rows], series._kind)
    label_width = max((len(t) for t in labels), default=0)
    value_width = max((len(t) for t in values), default=0)
    lines = [labels[i].ljust(label_width) + '    ' + values[i].rjust(value_width) for i in range(len(rows))]
    if truncated:
        lines.insert(SHOWN_ROWS // 2, '..'.ljust(label_width) + '    ' + '...'.rjust(value_width))
    footer = []
    if series.name is not None:
        footer.append(f'Name: {series.name}')
    if truncated or not lines:
        footer.append(f'Length: {len(series._v)}')
    footer.append(f'dtype: {series.dtype.name}')
    if not lines:
        return f"Series([], {', '.join(footer)})"
    return '\n'.join(lines + [', '.join(footer)])


def frame_repr(frame):
    n = len(frame.index)
    if not frame._columns:
        return f'Empty DataFrame\nColumns: []\nIndex: {list(frame.index)}'
    rows, truncated = _rows(n)
    labels = [str(frame.index[i]) for i in rows]
    columns = []
    for name, column in frame._columns.items():
        cells = format_values([column._v[i] for i in rows], column._kind)
        width = max([len(str(name))] + [len(c) for c in cells])
        columns.append([str(name).rjust(width)] + [c.rjust(width) for c in cells])
    label_width = max((len(t) for t in labels), default=0)
    lines = [' ' * label_width + '  ' + '  '.join(c[0] for c in columns)]
    for r in range(len(rows)):
        lines.append(labels[r].ljust(label_width) + '  ' + '  '.join(c[r + 1] for c in columns))
    if truncated:
        lines.insert(1 + SHOWN_ROWS // 2, '..'.ljust(label_width) + '  ' + '  '.join(
            '...'.rjust(len(c[0])) for c in columns))
        lines.append('')
        lines.append(f'[{n} rows x {len(columns)} columns]')
    return '\n'.join(lines)
