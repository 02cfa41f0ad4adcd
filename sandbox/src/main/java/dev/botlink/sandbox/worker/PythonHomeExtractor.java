package dev.botlink.sandbox.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.Engine;

/**
 * Build step: extracts GraalPy's Python home once into the worker distribution, so workers start with
 * {@code -Dpolyglot.engine.resourcePath} and never unpack anything into the user's home.
 */
public final class PythonHomeExtractor {
    private PythonHomeExtractor() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PythonHomeExtractor <target directory>");
        }
        Path target = Path.of(args[0]);
        Path marker = target.resolve(".extracted");
        if (Files.exists(marker)) {
            return;
        }
        Files.createDirectories(target);
        Engine.copyResources(target, "python");
        try (Engine engine = Engine.newBuilder()
                .option("engine.WarnInterpreterOnly", "false")
                .build()) {
            Files.writeString(marker, "GraalPy resources for " + engine.getVersion() + "\n");
        }
    }
}
