package dev.botlink.sandbox.lib.talib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The guest's talib/_table.py (function signatures for the Python side) must say exactly what the Java registry
 * says. Regenerate it with {@code -Dbotlink.talib.regenerate=true} after upgrading TA-Lib.
 */
class TalibPythonTableTest {

    private static final Path TABLE = Path.of("src/main/resources/dev/botlink/sandbox/python/talib/_table.py");

    @Test
    void pythonTableMatchesTheJavaRegistry() throws IOException {
        String expected = render();
        if (Boolean.getBoolean("botlink.talib.regenerate")) {
            Files.writeString(TABLE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(TABLE, StandardCharsets.UTF_8))
                .as("talib/_table.py is stale: run this test with -Dbotlink.talib.regenerate=true")
                .isEqualTo(expected);
    }

    static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Generated from TA-Lib's Java port by TalibPythonTableTest: do not edit by hand.\n");
        out.append("# name: (group, inputs, ((option, default), ...), outputs, integer outputs)\n");
        out.append("FUNCTIONS = {\n");
        for (String name : Talib.functions()) {
            TalibFunction f = Talib.function(name).orElseThrow();
            out.append("    '").append(name).append("': ('").append(f.group()).append("', ");
            out.append(tuple(f.inputs().stream().map(s -> "'" + s + "'").toList()));
            out.append(", ");
            out.append(tuple(f.options().stream()
                    .map(o -> "('" + o.name() + "', " + literal(o) + ")")
                    .toList()));
            out.append(", ");
            out.append(tuple(f.outputs().stream().map(s -> "'" + s + "'").toList()));
            out.append(", ");
            List<String> integers = new ArrayList<>();
            for (int i = 0; i < f.outputs().size(); i++) {
                if (f.integerOutputs().get(i)) {
                    integers.add("'" + f.outputs().get(i) + "'");
                }
            }
            out.append(tuple(integers)).append("),\n");
        }
        out.append("}\n");
        return out.toString();
    }

    private static String literal(TalibOption option) {
        return option.integer() ? Long.toString((long) option.defaultValue()) : Double.toString(option.defaultValue());
    }

    private static String tuple(List<String> items) {
        return items.size() == 1
                ? "(" + items.getFirst() + ",)"
                : items.stream().collect(Collectors.joining(", ", "(", ")"));
    }
}
