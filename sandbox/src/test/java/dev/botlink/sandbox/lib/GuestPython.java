package dev.botlink.sandbox.lib;

import dev.botlink.sandbox.lib.talib.Talib;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * TEST ONLY: a GraalPy context in which the Python libraries under {@code dev/botlink/sandbox/python} are importable
 * from the classpath and {@code _botlink.talib} is backed by {@link Talib#compute}. The real runtime builds its own
 * sandboxed contexts; this one only stands in for it so the libraries can be tested on their own. One engine is
 * shared by all test classes; create one context per class (the first costs seconds).
 */
public final class GuestPython implements AutoCloseable {

    private static final String ROOT = "/dev/botlink/sandbox/python/";
    // The same restrictions as the bot runtime's contexts, so the libraries are tested where they will run.
    private static final Engine ENGINE = Engine.newBuilder("python")
            .sandbox(SandboxPolicy.CONSTRAINED)
            .out(OutputStream.nullOutputStream())
            .err(OutputStream.nullOutputStream())
            .option("engine.WarnInterpreterOnly", "false")
            .build();

    private static final String BOOTSTRAP = """
            import sys, types, importlib.machinery
            class _TestSourceLoader:
                def __init__(self, source): self.source = source
                def create_module(self, spec): return None
                def exec_module(self, module):
                    exec(compile(self.source, module.__spec__.origin, 'exec'), module.__dict__)
            class _TestFinder:
                @classmethod
                def find_spec(cls, fullname, path=None, target=None):
                    found = botlink_host_source(fullname)
                    if found is None:
                        return None
                    found = str(found)
                    package = found[0] == 'P'
                    origin = '<botlink>/' + fullname.replace('.', '/') + ('/__init__.py' if package else '.py')
                    spec = importlib.machinery.ModuleSpec(fullname, _TestSourceLoader(found[1:]), origin=origin,
                                                          is_package=package)
                    if package:
                        spec.submodule_search_locations = []
                    return spec
            sys.meta_path.insert(0, _TestFinder)
            _native = types.ModuleType('_botlink')
            def _talib(name, inputs, options, _host=botlink_host_talib):
                result = _host(name, [list(map(float, i)) for i in inputs], list(options.keys()),
                               [float(v) for v in options.values()])
                if isinstance(result, str):
                    raise ValueError(result)
                return [list(output) for output in result]
            _native.talib = _talib
            sys.modules['_botlink'] = _native
            """;

    private final Context context;

    private GuestPython() {
        context = Context.newBuilder("python")
                .engine(ENGINE)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .in(InputStream.nullInputStream())
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
        Value globals = context.getBindings("python");
        globals.putMember("botlink_host_source", (ProxyExecutable) args -> source(args[0].asString()));
        globals.putMember("botlink_host_talib", (ProxyExecutable) GuestPython::talib);
        context.eval("python", BOOTSTRAP);
    }

    private static GuestPython shared;

    /**
     * The context shared by all library test classes of this JVM: creating one costs seconds, so classes share it
     * and keep to their own variable names. It lives until the JVM exits.
     */
    public static synchronized GuestPython shared() {
        if (shared == null) {
            shared = new GuestPython();
        }
        return shared;
    }

    /** Runs statements in the context's main module. */
    public void exec(String code) {
        context.eval(Source.create("python", code));
    }

    /** Binds a Python list of floats named name in the main module. */
    public void putList(String name, double[] values) {
        context.getBindings("python")
                .putMember(
                        name, ProxyArray.fromArray(Arrays.stream(values).boxed().toArray()));
        exec(name + " = [float(v) for v in " + name + "]");
    }

    /** Evaluates one expression. */
    public Value eval(String expression) {
        return context.eval(Source.create("python", expression));
    }

    /** Evaluates an expression giving a sequence of numbers (list, ndarray via tolist(), Series via tolist()). */
    public double[] doubles(String expression) {
        // Evaluated once: the expression may have side effects (random draws).
        Value list =
                eval("(lambda v: list(map(float, v.tolist() if hasattr(v, 'tolist') else v)))(" + expression + ")");
        double[] result = new double[(int) list.getArraySize()];
        for (int i = 0; i < result.length; i++) {
            result[i] = list.getArrayElement(i).asDouble();
        }
        return result;
    }

    /** Evaluates an expression giving a number. */
    public double number(String expression) {
        return eval("float(" + expression + ")").asDouble();
    }

    /** Evaluates an expression giving anything, as its str(). */
    public String str(String expression) {
        return eval("str(" + expression + ")").asString();
    }

    /** The Python exception message (type: message) raised by code, or fails if nothing is raised. */
    public String error(String code) {
        try {
            exec(code);
        } catch (PolyglotException e) {
            if (e.isGuestException()) {
                return e.getMessage();
            }
            throw e;
        }
        throw new AssertionError("Expected a Python exception from: " + code);
    }

    @Override
    public void close() {
        context.close();
    }

    private static String source(String module) {
        String path = module.replace('.', '/');
        String text = resource(path + "/__init__.py");
        if (text != null) {
            return "P" + text;
        }
        text = resource(path + ".py");
        return text == null ? null : "M" + text;
    }

    private static String resource(String path) {
        try (InputStream in = GuestPython.class.getResourceAsStream(ROOT + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    private static Object talib(Value... args) {
        List<double[]> inputs = new ArrayList<>();
        Value arrays = args[1];
        for (int i = 0; i < arrays.getArraySize(); i++) {
            Value array = arrays.getArrayElement(i);
            double[] values = new double[(int) array.getArraySize()];
            for (int j = 0; j < values.length; j++) {
                values[j] = array.getArrayElement(j).asDouble();
            }
            inputs.add(values);
        }
        Map<String, Double> options = new HashMap<>();
        for (int i = 0; i < args[2].getArraySize(); i++) {
            options.put(
                    args[2].getArrayElement(i).asString(),
                    args[3].getArrayElement(i).asDouble());
        }
        try {
            List<double[]> outputs = Talib.compute(args[0].asString(), inputs, options);
            return ProxyArray.fromList(outputs.stream()
                    .map(output -> (Object)
                            ProxyArray.fromArray(Arrays.stream(output).boxed().toArray()))
                    .toList());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
