package dev.botlink.sandbox.bot;

import dev.botlink.sandbox.lib.talib.Talib;
import dev.botlink.sandbox.protocol.Frame;
import dev.botlink.sandbox.protocol.FrameCodec;
import dev.botlink.sandbox.protocol.FrameType;
import dev.botlink.sandbox.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The one host object a bot's Python code can reach (as the module {@code _botlink}). Every method validates its
 * arguments because guest code can call it directly. Errors a script can fix come back as a string
 * {@code "!ValueError:message"} (or TypeError, RuntimeError) that the Python side raises; nothing here throws
 * into the guest.
 */
public final class BotBridge {
    static final Set<String> EXCHANGE_METHODS = Set.of(
            "fetch_candles",
            "fetch_balances",
            "fetch_open_orders",
            "fetch_positions",
            "create_limit_order",
            "create_market_order",
            "cancel_order",
            "amend_order",
            "call_endpoint");
    private static final Set<String> LEVELS = Set.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

    private final PythonBot bot;
    private final ModuleSources modules;

    BotBridge(PythonBot bot, ModuleSources modules) {
        this.bot = bot;
        this.modules = modules;
    }

    @HostAccess.Export
    public String botId() {
        return bot.id();
    }

    @HostAccess.Export
    public String settings() {
        return FrameCodec.toJson(bot.settings());
    }

    @HostAccess.Export
    public String moduleSource(String name) {
        return modules.find(name).orElse(null);
    }

    @HostAccess.Export
    public long nowMicros() {
        return bot.clock().epochMicros();
    }

    /** Whether the bot runs in simulated time (a backtest): the runtime then routes time and sleeps here. */
    @HostAccess.Export
    public boolean simulated() {
        return bot.simulation() != null;
    }

    /** time.sleep in simulated time: waits until the simulated clock passes the deadline; null or an error. */
    @HostAccess.Export
    public String sleep(double seconds) {
        Simulation simulation = bot.simulation();
        if (simulation == null) {
            return "!RuntimeError:simulated sleep is only for bots in simulated time";
        }
        return simulation.sleep(seconds);
    }

    @HostAccess.Export
    public void log(String level, String message) {
        bot.log(level != null && LEVELS.contains(level) ? level : "INFO", message == null ? "" : message);
    }

    @HostAccess.Export
    public String call(String method, String venue, String argsJson) {
        if (method == null || !EXCHANGE_METHODS.contains(method)) {
            return "!ValueError:unknown exchange method " + method + "; use one of " + EXCHANGE_METHODS;
        }
        if (venue == null || venue.isBlank() || venue.length() > 128) {
            return "!ValueError:venue must be the name of one of your exchange connections";
        }
        var args = parseObject("args", argsJson);
        if (args instanceof String error) {
            return error;
        }
        var body = new HashMap<String, Object>();
        body.put("method", method);
        body.put("venue", venue);
        body.put("args", args);
        if (bot.simulation() != null) {
            body.put("simTime", bot.clock().epochMicros());
        }
        return FrameCodec.toJson(bot.exchangeCall(Frame.of(FrameType.CALL, bot.id(), body)));
    }

    @HostAccess.Export
    public String publish(String topic, String dataJson) {
        if (topic == null || topic.isEmpty() || topic.length() > 256) {
            return "!ValueError:topic must be a str of 1 to 256 characters";
        }
        var data = parseValue("publish data", dataJson);
        if (data instanceof Rejected rejected) {
            return rejected.message();
        }
        var body = new HashMap<String, Object>();
        body.put("topic", topic);
        body.put("data", ((Parsed) data).value());
        return bot.sendOut(Frame.of(FrameType.PUBLISH, bot.id(), body));
    }

    @HostAccess.Export
    public String signal(String payloadJson) {
        var payload = parseObject("signal", payloadJson);
        if (payload instanceof String error) {
            return error;
        }
        @SuppressWarnings("unchecked")
        var body = (Map<String, Object>) payload;
        return bot.sendOut(Frame.of(FrameType.SIGNAL, bot.id(), body));
    }

    @HostAccess.Export
    public String redisPublish(String channel, String dataJson) {
        if (channel == null || channel.isEmpty() || channel.length() > 256) {
            return "!ValueError:channel must be a str of 1 to 256 characters";
        }
        var data = parseValue("redis data", dataJson);
        if (data instanceof Rejected rejected) {
            return rejected.message();
        }
        var body = new HashMap<String, Object>();
        body.put("channel", channel);
        body.put("data", ((Parsed) data).value());
        return bot.sendOut(Frame.of(FrameType.REDIS_PUBLISH, bot.id(), body));
    }

    @HostAccess.Export
    public String redisSubscribe(String channel) {
        if (channel == null || channel.isEmpty() || channel.length() > 256) {
            return "!ValueError:channel must be a str of 1 to 256 characters";
        }
        return bot.sendOut(Frame.of(FrameType.REDIS_SUBSCRIBE, bot.id(), Map.of("channel", channel)));
    }

    @HostAccess.Export
    public String spawn(Value target, String name) {
        if (target == null || !target.canExecute()) {
            return "!TypeError:target must be callable";
        }
        return bot.threads().spawn(target, String.valueOf(name));
    }

    @HostAccess.Export
    public Object schedule(double delaySeconds, Value target, String name) {
        if (!Double.isFinite(delaySeconds) || delaySeconds < 0 || delaySeconds > 366 * 86_400) {
            return "!ValueError:delay must be between 0 seconds and one year";
        }
        if (target == null || !target.canExecute()) {
            return "!TypeError:target must be callable";
        }
        return bot.threads().schedule(Duration.ofNanos((long) (delaySeconds * 1e9)), target, String.valueOf(name));
    }

    @HostAccess.Export
    public void cancel(long handle) {
        bot.threads().cancel(handle);
    }

    @HostAccess.Export
    public void stop(String reason) {
        bot.stopAsync(reason == null ? "the bot stopped itself" : reason, false);
    }

    @HostAccess.Export
    public Object talib(String name, Value inputs, Value options) {
        try {
            List<double[]> series = new ArrayList<>();
            for (long i = 0; i < inputs.getArraySize(); i++) {
                Value values = inputs.getArrayElement(i);
                double[] column = new double[(int) values.getArraySize()];
                for (int j = 0; j < column.length; j++) {
                    column[j] = values.getArrayElement(j).asDouble();
                }
                series.add(column);
            }
            Map<String, Double> opts = new HashMap<>();
            Value keys = options.getHashKeysIterator();
            while (keys.hasIteratorNextElement()) {
                Value key = keys.getIteratorNextElement();
                opts.put(key.asString(), options.getHashValue(key).asDouble());
            }
            List<double[]> result = Talib.compute(name, series, opts);
            Object[] outputs = new Object[result.size()];
            for (int i = 0; i < outputs.length; i++) {
                double[] output = result.get(i);
                Object[] boxed = new Object[output.length];
                for (int j = 0; j < output.length; j++) {
                    boxed[j] = output[j];
                }
                outputs[i] = ProxyArray.fromArray(boxed);
            }
            return ProxyArray.fromArray(outputs);
        } catch (IllegalArgumentException e) {
            return "!ValueError:" + e.getMessage();
        } catch (UnsupportedOperationException | ClassCastException e) {
            return "!TypeError:talib inputs must be lists of floats and options a dict of str to float";
        }
    }

    private Object parseObject(String what, String json) {
        var parsed = parseValue(what, json);
        if (parsed instanceof Rejected rejected) {
            return rejected.message();
        }
        Object value = ((Parsed) parsed).value();
        return value instanceof Map<?, ?> ? value : "!TypeError:" + what + " must be a dict";
    }

    private sealed interface Checked permits Parsed, Rejected {}

    private record Parsed(Object value) implements Checked {}

    private record Rejected(String message) implements Checked {}

    private Checked parseValue(String what, String json) {
        if (json == null) {
            return new Rejected("!TypeError:" + what + " is missing");
        }
        int limit = bot.limits().maxPayloadBytes();
        int size = json.length() > limit ? json.getBytes(StandardCharsets.UTF_8).length : json.length();
        if (size > limit) {
            return new Rejected("!ValueError:" + what + " is " + json.getBytes(StandardCharsets.UTF_8).length
                    + " bytes of JSON; the limit is " + limit);
        }
        try {
            return new Parsed(FrameCodec.parse(json));
        } catch (ProtocolException e) {
            return new Rejected("!ValueError:" + what + " is not valid JSON");
        }
    }
}
