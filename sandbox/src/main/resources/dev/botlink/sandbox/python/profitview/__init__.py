"""The Link API: from profitview import Link, http, logger, cron."""
from profitview import http, cron
from profitview.link import Link, ApiError
from profitview.log import logger

__all__ = ['Link', 'ApiError', 'http', 'cron', 'logger']
