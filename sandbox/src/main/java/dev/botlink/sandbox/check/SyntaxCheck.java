package dev.botlink.sandbox.check;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * Parses a script with GraalPy's own parser (Python's {@code compile}), without running any of it, for the IDE's
 * inline error markers, in a constrained context of its own on the worker's shared engine. Sources are capped at
 * {@link #MAX_SOURCE_BYTES}; a parse that takes longer than the time limit is cancelled. Thread-safe: checks run one
 * at a time.
 */
public final class SyntaxCheck {
    /** Same cap as a saved file. */
    public static final int MAX_SOURCE_BYTES = 256 * 1024;

    private final Engine engine;
    private final Duration timeLimit;
    private final ReentrantLock lock = new ReentrantLock();
    private Context context;
    private Value checker;

    public SyntaxCheck(Engine engine, Duration timeLimit) {
        this.engine = engine;
        this.timeLimit = timeLimit;
    }

    /** One problem: 1-based line and column, GraalPy's message. */
    public record Problem(int line, int column, String message) {
        Map<String, Object> toBody() {
            var body = new HashMap<String, Object>();
            body.put("line", line);
            body.put("column", column);
            body.put("message", message);
            return body;
        }
    }

    /** The reply body of a check frame: {errors: [{line, column, message}]} or {error: why the check failed}. */
    public Map<String, Object> reply(String file, String source) {
        try {
            var errors = new ArrayList<Map<String, Object>>();
            check(file, source).forEach(problem -> errors.add(problem.toBody()));
            return Map.of("errors", errors);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return Map.of("error", e.getMessage());
        }
    }

    /**
     * The syntax errors of {@code source} (GraalPy stops at the first, so at most one).
     *
     * @throws IllegalArgumentException when the source is missing or over the size cap
     * @throws IllegalStateException when parsing took longer than the time limit
     */
    public List<Problem> check(String file, String source) {
        if (source == null) {
            throw new IllegalArgumentException("source is missing");
        }
        if (source.getBytes(StandardCharsets.UTF_8).length > MAX_SOURCE_BYTES) {
            throw new IllegalArgumentException("source is over " + MAX_SOURCE_BYTES / 1024 + " KiB");
        }
        String name = file == null || file.isBlank() ? "script.py" : file;
        try {
            if (!lock.tryLock(timeLimit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the syntax checker is busy; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the check was interrupted");
        }
        try {
            Value compile = checker();
            var parse = CompletableFuture.supplyAsync(
                    () -> problems(compile.execute(source, name)), Thread::startVirtualThread);
            try {
                return parse.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                discardContext();
                throw new IllegalStateException("parsing took longer than " + timeLimit.toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                discardContext();
                throw new IllegalStateException("the check was interrupted");
            } catch (ExecutionException e) {
                discardContext();
                throw new IllegalStateException(
                        "the check failed: " + e.getCause().getMessage());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The checker function in the check context, made on first use. One context serves every check (one at a time):
     * compile() runs none of the checked code, so nothing a script says can change it; it is replaced after a
     * timeout or a failure.
     */
    private Value checker() {
        if (checker == null) {
            context = Context.newBuilder("python")
                    .engine(engine)
                    .sandbox(SandboxPolicy.CONSTRAINED)
                    .allowHostAccess(HostAccess.CONSTRAINED)
                    .in(InputStream.nullInputStream())
                    .out(OutputStream.nullOutputStream())
                    .err(OutputStream.nullOutputStream())
                    .build();
            checker = context.eval(Source.create("python", CHECKER));
        }
        return checker;
    }

    private void discardContext() {
        Context current = context;
        context = null;
        checker = null;
        if (current != null) {
            current.close(true);
        }
    }

    /*
     * Python's compile() is GraalPy's parser and compiler with CPython's error positions; it never executes the
     * compiled code. GraalPy 25.0.3 places "unexpected indent" on line 1 whatever its line, so that one error is
     * located here: the first line indented deeper than the line before it, which does not open a block.
     */
    private static final String CHECKER = """
            def unexpected_indent(source):
                previous, opens = 0, False
                for number, line in enumerate(source.splitlines(), 1):
                    stripped = line.strip()
                    if not stripped or stripped.startswith('#'):
                        continue
                    indent = len(line) - len(line.lstrip())
                    if indent > previous and not opens:
                        return number, indent + 1
                    previous, opens = indent, stripped.endswith((':', '\\\\', '(', '[', '{', ','))
                return 1, 1

            def check(source, name):
                try:
                    compile(source, name, 'exec', dont_inherit=True)
                    return None
                except SyntaxError as e:
                    line, column = e.lineno or 1, e.offset or 1
                    if e.msg == 'unexpected indent':
                        line, column = unexpected_indent(source)
                    return [line, column, type(e).__name__ + ': ' + str(e.msg)]
            check
            """;

    private static List<Problem> problems(Value result) {
        if (result.isNull()) {
            return List.of();
        }
        return List.of(new Problem(
                Math.max(1, result.getArrayElement(0).asInt()),
                Math.max(1, result.getArrayElement(1).asInt()),
                result.getArrayElement(2).asString()));
    }
}
