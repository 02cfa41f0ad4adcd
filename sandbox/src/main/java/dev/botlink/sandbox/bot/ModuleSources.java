package dev.botlink.sandbox.bot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.graalvm.polyglot.HostAccess;

/**
 * Python modules shipped in the jar under {@value #ROOT}: {@code name.py} or {@code name/__init__.py}. Guest
 * code has no file system, so its import finder asks here. Sources are read once and cached.
 */
public final class ModuleSources {
    public static final String ROOT = "dev/botlink/sandbox/python/";
    private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final String MISSING = "";

    private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();

    /**
     * For the guest's import finder (bootstrap.py): {@code "P" + source}, {@code "M" + source}, or null. The same
     * read-only object serves every context of the worker.
     */
    @HostAccess.Export
    public String moduleSource(String name) {
        return find(name).orElse(null);
    }

    /** {@code "P" + source} for a package, {@code "M" + source} for a module, or empty. */
    public Optional<String> find(String moduleName) {
        if (moduleName == null
                || moduleName.length() > 256
                || !MODULE_NAME.matcher(moduleName).matches()) {
            return Optional.empty();
        }
        String found = cache.computeIfAbsent(moduleName, ModuleSources::load);
        return found.isEmpty() ? Optional.empty() : Optional.of(found);
    }

    private static String load(String moduleName) {
        String path = ROOT + moduleName.replace('.', '/');
        String module = read(path + ".py");
        if (module != null) {
            return "M" + module;
        }
        String init = read(path + "/__init__.py");
        return init != null ? "P" + init : MISSING;
    }

    /** Reads a classpath resource as UTF-8, or returns null. */
    static String read(String resource) {
        try (InputStream in = ModuleSources.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
