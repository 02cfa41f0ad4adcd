"""Tracebacks for the bot log, in Python's format, cheap even after deep recursion. The standard formatter reads
the frame and column positions of every entry of the chain (traceback.format_exception(limit=-n) still walks them
all): seconds for the 3,000-frame chain of a RecursionError on GraalPy, longer than a callback's budget on a busy
machine. This one only follows tb_next along the chain and looks at the innermost `limit` entries."""
import collections
import linecache
import traceback

_CAUSE = '\nThe above exception was the direct cause of the following exception:\n\n'
_CONTEXT = '\nDuring handling of the above exception, another exception occurred:\n\n'
_MAX_CHAINED = 5


def format_exception(error, skip_prefixes=(), limit=30):
    """The text traceback.format_exception would give, with frames whose file starts with one of skip_prefixes
    removed from the top and at most `limit` innermost frames per exception."""
    parts = []
    seen = set()
    current, depth = error, 0
    while current is not None and id(current) not in seen and depth < _MAX_CHAINED:
        seen.add(id(current))
        parts.append(_format_one(current, skip_prefixes, limit))
        if current.__cause__ is not None:
            parts.append(_CAUSE)
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            parts.append(_CONTEXT)
            current = current.__context__
        else:
            current = None
        depth += 1
    return ''.join(reversed(parts)).rstrip()


def _format_one(error, skip_prefixes, limit):
    tb = error.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename.startswith(skip_prefixes):
        tb = tb.tb_next
    innermost = collections.deque(maxlen=limit)
    total = 0
    while tb is not None:
        innermost.append(tb)
        total += 1
        tb = tb.tb_next
    lines = []
    if innermost:
        lines.append('Traceback (most recent call last):\n')
        if total > limit:
            lines.append(f"  ... {total - limit} earlier frames not shown\n")
        lines.extend(_format_frames(innermost))
    lines.extend(traceback.format_exception_only(type(error), error))
    return ''.join(lines)


def _format_frames(entries):
    lines, last, repeats = [], None, 0
    for tb in entries:
        code = tb.tb_frame.f_code
        key = (code.co_filename, tb.tb_lineno, code.co_name)
        if key == last:
            repeats += 1
            if repeats > 3:
                continue
        else:
            _flush_repeats(lines, repeats)
            last, repeats = key, 1
        lines.append(f'  File "{key[0]}", line {key[1]}, in {key[2]}\n')
        source = linecache.getline(key[0], key[1]).strip()
        if source:
            lines.append(f"    {source}\n")
    _flush_repeats(lines, repeats)
    return lines


def _flush_repeats(lines, repeats):
    if repeats > 3:
        count = repeats - 3
        lines.append(f"  [Previous line repeated {count} more time{'s' if count > 1 else ''}]\n")
