package dev.botlink.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.time.Duration;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.SandboxPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The real GraalPy parser finds syntax errors with their line and column, and never runs the script. */
class SyntaxCheckTest {

    private static final Engine ENGINE = Engine.newBuilder("python")
            .sandbox(SandboxPolicy.CONSTRAINED)
            .out(OutputStream.nullOutputStream())
            .err(OutputStream.nullOutputStream())
            .option("engine.WarnInterpreterOnly", "false")
            .build();

    private final SyntaxCheck check = new SyntaxCheck(ENGINE, Duration.ofSeconds(60));

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @Test
    void aValidScriptHasNoProblems() {
        assertThat(check.check("ok.py", "from profitview import Link\n\nclass Trading(Link):\n    pass\n"))
                .isEmpty();
    }

    @Test
    void aSyntaxErrorHasItsLineAndColumn() {
        var problems = check.check("bad.py", "class Trading:\n    def f(self):\n        x = (1,\n        y = ]\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.column()).isEqualTo(13);
            assertThat(p.message()).startsWith("SyntaxError: closing parenthesis");
        });
    }

    @Test
    void aBadIndentIsReportedOnItsLine() {
        var problems = check.check("indent.py", "def f():\n    a = 1\n      b = 2\n");

        assertThat(problems).as(problems.toString()).singleElement().satisfies(p -> assertThat(p.line())
                .isEqualTo(3));
    }

    @Test
    void aBlockWithoutBodyIsReportedOnTheLineAfterIt() {
        var problems = check.check("block.py", "x = 1\nif x:\nprint(x)\n");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).contains("IndentationError");
        });
    }

    @Test
    void theScriptIsOnlyParsedNeverRun() {
        assertThat(check.check("loop.py", "while True:\n    pass\n")).isEmpty();
    }

    @Test
    void oversizedSourcesAreRefused() {
        String big = "x = 1\n".repeat(SyntaxCheck.MAX_SOURCE_BYTES / 6 + 1);

        assertThatThrownBy(() -> check.check("big.py", big)).isInstanceOf(IllegalArgumentException.class);
        assertThat(check.reply("big.py", big)).containsKey("error");
    }
}
