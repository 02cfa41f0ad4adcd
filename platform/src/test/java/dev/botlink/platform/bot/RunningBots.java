package dev.botlink.platform.bot;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.botlink.platform.account.Accounts;
import java.time.Duration;

/** Test helper: saves a script, creates a bot of it and starts it for real in a sandbox worker. */
public final class RunningBots {

    public static final Duration STARTUP = Duration.ofSeconds(240);

    private RunningBots() {}

    /** Creates and starts the bot; returns its id once it is RUNNING. */
    public static long start(Accounts account, String path, String script) {
        long id = create(account, path, script);
        account.request().post("/api/bots/" + id + "/start").then().statusCode(200);
        await().atMost(STARTUP)
                .untilAsserted(
                        () -> account.request().get("/api/bots/" + id).then().body("status", equalTo("RUNNING")));
        return id;
    }

    public static java.util.List<String> logMessages(Accounts account, long id) {
        return BotResourceTest.messages(account, id);
    }

    public static long create(Accounts account, String path, String script) {
        BotResourceTest.saveFile(account, path, script);
        return BotResourceTest.createBot(account, path);
    }
}
