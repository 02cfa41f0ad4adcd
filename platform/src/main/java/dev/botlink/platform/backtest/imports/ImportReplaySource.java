package dev.botlink.platform.backtest.imports;

import dev.botlink.platform.backtest.ReplaySource;
import dev.botlink.platform.error.Problem;
import dev.botlink.platform.marketdata.RecordedTape;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.NoSuchElementException;

/** The backtest engine's view of CSV imports: an import's rows as the trades it replays (see {@link ImportedTrades}). */
@ApplicationScoped
public class ImportReplaySource implements ReplaySource {

    private final ImportService imports;

    public ImportReplaySource(ImportService imports) {
        this.imports = imports;
    }

    @Override
    public Replay open(long accountId, String importId) {
        ImportService.ImportInfo info;
        ImportedData data;
        try {
            info = imports.get(accountId, importId);
            data = imports.load(accountId, importId);
        } catch (Problem.NotFound e) {
            throw new NoSuchElementException(e.getMessage());
        }
        String name = "import " + info.name() + " (" + info.kind() + ", " + info.rows() + " rows)";
        // A candle's trades run to its end: the last one starts (TRADES_PER_BAR - 1) steps into the last candle.
        long last = data.kind() == ImportKind.CANDLES
                ? data.toMillis() + (data.barMillis() / RecordedTape.TRADES_PER_BAR) * (RecordedTape.TRADES_PER_BAR - 1)
                : data.toMillis();
        return new Replay(name, new ImportedTrades(data), data.fromMillis(), last);
    }
}
