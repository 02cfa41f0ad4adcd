package dev.botlink.sandbox.bot;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The market dispatch loop (resource {@value #RESOURCE}) as one cached {@link Source} for the whole worker. Every
 * bot's context evaluates this same Source on the shared engine, so GraalPy can share the parsed code between the
 * contexts and the JIT compiles the loop once instead of once per bot (a module imported by the guest's import
 * finder is compiled from a string in each context and shares nothing).
 */
final class MarketDispatch {
    static final String RESOURCE = "dev/botlink/sandbox/bot/market_dispatch.py";
    private static final Source SOURCE = Source.newBuilder(
                    "python", ModuleSources.read(RESOURCE), "<botlink>/profitview/_dispatch.py")
            .cached(true)
            .buildLiteral();

    private MarketDispatch() {}

    /** This bot's {@code dispatch_market(columns, names, n, start, end, cursor)}, bound to its runtime's state. */
    static Value bind(Context context, Value runtime) {
        return runtime.getMember("bind_market_dispatch").execute(context.eval(SOURCE));
    }
}
