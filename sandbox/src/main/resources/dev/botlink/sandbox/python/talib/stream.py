raise ImportError("talib.stream is not available on Botlink: call the functions on the whole series "
                  "and take the last value, e.g. talib.RSI(close)[-1]")
