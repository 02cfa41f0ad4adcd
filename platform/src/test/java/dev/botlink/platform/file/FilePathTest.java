package dev.botlink.platform.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilePathTest {

    @ParameterizedTest
    @ValueSource(strings = {"bot.py", "strategies/grid bot.py", "a/b/c/d/e/f/g/h/i.py", "v1.2_final-2.py"})
    void acceptsOrdinaryPaths(String path) {
        assertThat(new FilePath(path).value()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/abs.py",
                "dir/",
                "../up.py",
                "a/../b.py",
                "a/./b.py",
                "a//b.py",
                "star*.py",
                "a/b/c/d/e/f/g/h/i/j.py",
                " lead.py",
                "back\\slash.py"
            })
    void refusesPathsThatEscapeOrConfuse(String path) {
        assertThatThrownBy(() -> new FilePath(path))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad file path");
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongPaths() {
        assertThatThrownBy(() -> new FilePath("x".repeat(90) + "/" + "y".repeat(90) + "/" + "z".repeat(90)))
                .hasMessageContaining("longer than 255");
    }

    @org.junit.jupiter.api.Test
    void knowsItsFileName() {
        assertThat(new FilePath("strategies/grid.py").fileName()).isEqualTo("grid.py");
    }
}
