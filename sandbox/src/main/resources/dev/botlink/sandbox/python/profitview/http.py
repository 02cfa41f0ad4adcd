"""@http.route marks get_<name> and post_<name> methods as webhooks."""

PREFIXES = ('get_', 'post_')


def route(function):
    """Decorator: makes get_<name> / post_<name> a webhook; args arrive as one dict of str, the result is JSON."""
    name = getattr(function, '__name__', '')
    if not name.startswith(PREFIXES):
        raise ValueError(f"@http.route method {name!r} must be named get_<route> or post_<route>")
    function._botlink_route = True
    return function
