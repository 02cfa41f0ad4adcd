package dev.botlink.sandbox.protocol;

/** The kinds of frames carried between a worker and its host. Wire names are the lower-case enum names. */
public enum FrameType {
    // Worker to host.
    /** First frame of a connection: {token, worker, runtime, bots: [bot ids still running]}. */
    HELLO,
    /**
     * Request: an exchange operation {method, venue, args, simTime?: the bot's simulated time in epoch micros, for
     * simulated-time bots}; the reply body is ProfitView's result shape, plus {cut: true} to end a STEP early.
     */
    CALL,
    /** A bot log line {level, message}. */
    LOG,
    /** A message for the account's private websocket stream {topic, data}. */
    PUBLISH,
    /** A trading signal {src, sym, size | mid | quote}. */
    SIGNAL,
    /** Bot-to-bot message within an account {channel, data}. */
    REDIS_PUBLISH,
    /** The bot listens on {channel}. */
    REDIS_SUBSCRIBE,
    /** A bot's lifecycle state {state: running | stopped | failed, reason}. */
    BOT_STATE,
    /** Quotes and trades a bot has consumed since the last credit {events}: the host may send that many more. */
    CREDIT,

    // Host to worker.
    /** Answer to HELLO: {worker}. The host closes the connection instead when the token is wrong. */
    WELCOME,
    /** Start a bot {file, source, settings, account, simulatedStart?: epoch micros for simulated-time mode}. */
    START_BOT,
    /** Stop a bot. */
    STOP_BOT,
    /** A market or account event {kind: quote | trade | order | fill | position | candles, src, sym, data}. */
    EVENT,
    /** Request: a webhook call {method: GET | POST, route, args}; the reply body is {result} or {error}. */
    WEBHOOK,
    /** A message on a channel the bot subscribed to {channel, data}. */
    REDIS_MESSAGE,
    /**
     * Request, not tied to a bot: parse {file, source} without running it; the reply body is {errors: [{line,
     * column, message}]} or {error}.
     */
    CHECK,
    /**
     * Request to a bot in simulated-time mode: {points: [{t: epoch micros, events: [{kind, src, sym, data}]}]}. The
     * worker advances the bot's clock point by point, running due timers, delivering the events and waiting until
     * the bot is quiescent; the reply body is {processed, now, state, cut} or {error}.
     */
    STEP,

    // Both ways.
    /** The answer to a request, carrying the request's id. */
    REPLY,
    /** Keeps the connection known to be alive. */
    HEARTBEAT;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static FrameType fromWire(String name) {
        try {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProtocolException("unknown frame type '" + name + "'");
        }
    }
}
