package dev.botlink.sandbox.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.testing.WorkerFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What users see when their script is wrong: their file, line, column and a Python traceback. */
class ErrorReportingTest {
    final WorkerFixture worker = WorkerFixture.shared();

    String failureOf(String script) {
        String bot = worker.start(script);
        worker.awaitState(bot, "failed");
        return String.join("\n", worker.host.states(bot)) + "\n" + worker.host.logText(bot);
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn() {
        String report = failureOf("""
                from profitview import Link

                class Trading(Link):
                    def quote_update(self, src, sym, data):
                        price = = data['bid'][0]
                """);
        assertThat(report).contains("SyntaxError in my_bot.py, line 5, column ").contains("price = = data");
        assertThat(report).doesNotContain("at com.").doesNotContain("java.");
    }

    @Test
    void aScriptWithoutBotClassDoesNotStart() {
        assertThat(failureOf("x = 1\n")).contains("my_bot.py defines no bot class: add 'class Trading(Link):'");
    }

    @Test
    void anInitThatRaisesDoesNotStartAndShowsTheTraceback() {
        String report = failureOf("""
                from profitview import Link

                class Signals(Link):
                    def __init__(self):
                        super().__init__()
                        self.limits = {}['missing']
                """);
        assertThat(report)
                .contains("Signals.__init__ failed")
                .contains("File \"my_bot.py\", line 6, in __init__")
                .contains("KeyError: 'missing'");
    }

    @Test
    void modulesBotlinkCannotOfferFailAtImportWithTheirName() {
        assertThat(failureOf("import requests\n"))
                .contains("No module named 'requests' on Botlink: bots have no direct network access");
        assertThat(failureOf("import sqlite3\n")).contains("No module named 'sqlite3' on Botlink");
        assertThat(failureOf("import no_such_module_here\n")).contains("No module named 'no_such_module_here'");
    }

    @Test
    void callbackExceptionsReachTheLogAsPythonTracebacksAndTheBotKeepsRunning() {
        String bot = worker.startRunning("""
                from profitview import Link
                from dotenv import load_dotenv
                load_dotenv()

                class Trading(Link):
                \tdef quote_update(self, src, sym, data):
                \t\tif data['bid'][0] > 0:
                            self.divide(data['bid'][0])  # spaces under a tab-indented line: a tab counts as 4 columns

                \tdef divide(self, x):
                \t\treturn x / 0
                """);
        var quote = Map.<String, Object>of("bid", List.of(5, 1), "ask", List.of(6, 1), "time", 1);
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", quote);
        worker.hub.deliver(bot, "quote", "bitmex", "XBTUSD", quote);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> worker.host.logText(bot).split("ZeroDivisionError").length > 2);
        String log = worker.host.logText(bot);
        assertThat(log)
                .contains("quote_update failed:\nTraceback (most recent call last):")
                .contains("File \"my_bot.py\", line 8, in quote_update")
                .contains("File \"my_bot.py\", line 11, in divide")
                .contains("ZeroDivisionError: division by zero")
                .doesNotContain("profitview/_runtime")
                .doesNotContain("at com.oracle");
        assertThat(worker.host.states(bot)).containsExactly("running");
    }
}
