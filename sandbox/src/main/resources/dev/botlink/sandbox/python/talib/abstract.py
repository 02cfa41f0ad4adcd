raise ImportError("talib.abstract is not available on Botlink: call the functions directly, "
                  "e.g. talib.RSI(close, timeperiod=14)")
