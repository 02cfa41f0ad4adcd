"""profitview.logger: a standard logging.Logger whose records go to the bot log."""
import logging

import _botlink

_LEVELS = {logging.DEBUG: 'DEBUG', logging.INFO: 'INFO', logging.WARNING: 'WARNING', logging.ERROR: 'ERROR',
           logging.CRITICAL: 'CRITICAL'}


class BotLogHandler(logging.Handler):
    def emit(self, record):
        try:
            level = _LEVELS.get(record.levelno, 'INFO' if record.levelno < logging.WARNING else 'ERROR')
            _botlink.log(level, self.format(record))
        except Exception:
            self.handleError(record)


logger = logging.getLogger('profitview')
logger.setLevel(logging.DEBUG)
logger.propagate = False
_handler = BotLogHandler()
_handler.setFormatter(logging.Formatter('%(message)s'))
logger.addHandler(_handler)
# Scripts that use the logging module directly also reach the bot log.
logging.basicConfig(level=logging.INFO, handlers=[_handler], force=True)
