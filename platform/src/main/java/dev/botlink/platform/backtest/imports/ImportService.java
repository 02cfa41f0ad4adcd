package dev.botlink.platform.backtest.imports;

import dev.botlink.platform.error.Problem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * An account's imported CSV market data: checked and stored in normal form, listed, deleted, and read back for
 * backtests. Every method takes the account id; another account's import is simply not found.
 */
@ApplicationScoped
public class ImportService {

    public record ImportInfo(
            String importId,
            String name,
            String kind,
            String symbol,
            int rows,
            Instant from,
            Instant to,
            Long barSeconds,
            long bytes,
            Instant createdAt) {}

    static final int MAX_NAME = 64;
    static final int MAX_SYMBOL = 32;

    private final ImportConfig config;
    private final Clock clock = Clock.systemUTC();

    public ImportService(ImportConfig config) {
        this.config = config;
    }

    /** Reads, checks and stores an upload; {@code gzipped} when the body came with Content-Encoding: gzip. */
    public ImportInfo create(
            long accountId, ImportKind kind, String symbol, String name, InputStream body, boolean gzipped) {
        String cleanSymbol = label(symbol, MAX_SYMBOL, "symbol");
        String cleanName = label(name, MAX_NAME, "name");
        BoundedInputStream csv;
        try {
            csv = new BoundedInputStream(gzipped ? new GZIPInputStream(body) : body, config.maxCsvBytes());
        } catch (IOException e) {
            throw new Problem.Invalid("the body is not gzip data although Content-Encoding says gzip");
        }
        ImportedData data;
        try {
            data = new CsvImportParser(config.maxRows())
                    .parse(kind, new InputStreamReader(csv, StandardCharsets.UTF_8));
        } catch (CsvProblem e) {
            throw new Problem.Invalid(e.getMessage());
        } catch (BoundedInputStream.TooLong e) {
            throw new Problem.TooLarge("an import can have at most " + config.maxCsvBytes() + " bytes of CSV");
        } catch (UncheckedIOException e) {
            throw new Problem.Invalid(
                    "the CSV could not be read: " + e.getCause().getMessage());
        }
        String finalName = cleanName != null ? cleanName : defaultName(kind, cleanSymbol, data);
        return QuarkusTransaction.requiringNew()
                .call(() -> store(accountId, kind, cleanSymbol, finalName, data, csv.count()));
    }

    @Transactional
    public List<ImportInfo> list(long accountId) {
        return BacktestImport.<BacktestImport>list("accountId = ?1 order by id desc", accountId).stream()
                .map(ImportService::info)
                .toList();
    }

    @Transactional
    public ImportInfo get(long accountId, String importId) {
        return info(owned(accountId, importId));
    }

    @Transactional
    public void delete(long accountId, String importId) {
        BacktestImport found = owned(accountId, importId);
        BacktestImportData.deleteById(found.id);
        found.delete();
    }

    /** The import's rows for a backtest; 404 when the account has no such import. */
    @Transactional
    public ImportedData load(long accountId, String importId) {
        BacktestImport found = owned(accountId, importId);
        BacktestImportData rows = BacktestImportData.findById(found.id);
        return new ImportedData(
                ImportKind.valueOf(found.kind), found.rowCount, found.fromMs, found.toMs, found.barMs, rows.data);
    }

    private ImportInfo store(
            long accountId, ImportKind kind, String symbol, String name, ImportedData data, long bytes) {
        if (BacktestImport.count("accountId", accountId) >= config.maxPerAccount()) {
            throw new Problem.Conflict(
                    "an account can keep at most " + config.maxPerAccount() + " imports: delete some first");
        }
        BacktestImport row = new BacktestImport();
        row.accountId = accountId;
        row.name = name;
        row.kind = kind.name();
        row.symbol = symbol;
        row.rowCount = data.rows();
        row.fromMs = data.fromMillis();
        row.toMs = data.toMillis();
        row.barMs = data.barMillis();
        row.csvBytes = bytes;
        row.createdAt = clock.instant();
        row.persist();
        BacktestImportData stored = new BacktestImportData();
        stored.importId = row.id;
        stored.data = data.gzipped();
        stored.persist();
        return info(row);
    }

    private static BacktestImport owned(long accountId, String importId) {
        long id;
        try {
            id = Long.parseLong(importId);
        } catch (NumberFormatException | NullPointerException e) {
            throw new Problem.NotFound("no import " + importId);
        }
        BacktestImport found = BacktestImport.findById(id);
        if (found == null || found.accountId != accountId) {
            throw new Problem.NotFound("no import " + importId);
        }
        return found;
    }

    private static String label(String text, int max, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.length() > max || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new Problem.Invalid("the " + what + " must be at most " + max + " printable characters");
        }
        return trimmed;
    }

    private static String defaultName(ImportKind kind, String symbol, ImportedData data) {
        String day = Instant.ofEpochMilli(data.fromMillis()).toString().substring(0, 10);
        return (symbol == null ? "" : symbol + " ") + kind.wire() + " from " + day;
    }

    private static ImportInfo info(BacktestImport row) {
        return new ImportInfo(
                String.valueOf(row.id),
                row.name,
                row.kind.toLowerCase(Locale.ROOT),
                row.symbol,
                row.rowCount,
                Instant.ofEpochMilli(row.fromMs),
                Instant.ofEpochMilli(row.toMs),
                row.barMs == 0 ? null : row.barMs / 1000,
                row.csvBytes,
                row.createdAt);
    }
}
