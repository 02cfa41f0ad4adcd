package dev.botlink.platform.bot;

import dev.botlink.platform.account.Ownership;
import dev.botlink.platform.error.Problem;
import dev.botlink.platform.file.FilePath;
import dev.botlink.platform.file.FileService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Bots of each account: create, start, stop, restart, their status and log. The desired state is persisted, so a
 * platform restart starts again every bot that was meant to be running. Another account's bot is not found.
 */
@Singleton
public class BotService implements BotRuntimeEvents {

    private static final Logger LOG = Logger.getLogger(BotService.class);
    static final int MAX_BOTS = 100;
    static final int MAX_LOG_PAGE = 1_000;

    public record LogPage(List<BotLogLine> lines, long next) {}

    private final FileService files;
    private final BotRuntime runtime;
    private final BotLogWriter logs;
    private final Event<BotActivity.StatusChanged> statusChanges;
    private final Clock clock = Clock.systemUTC();

    public BotService(
            FileService files, BotRuntime runtime, BotLogWriter logs, Event<BotActivity.StatusChanged> statusChanges) {
        this.files = files;
        this.runtime = runtime;
        this.logs = logs;
        this.statusChanges = statusChanges;
    }

    void resumeAfterRestart(@Observes StartupEvent started) {
        List<BotRuntime.Launch> launches = QuarkusTransaction.requiringNew()
                .call(() -> Bot.<Bot>list("desired", Bot.Desired.RUNNING).stream()
                        .map(bot -> {
                            bot.status = Bot.Status.STARTING;
                            bot.reason = null;
                            bot.updatedAt = clock.instant();
                            return launchOf(bot);
                        })
                        .toList());
        if (!launches.isEmpty()) {
            LOG.infof("Starting %d bots that were running before the platform stopped", launches.size());
        }
        launches.forEach(launch -> {
            announce(launch.accountId(), launch.botId(), Bot.Status.STARTING, null);
            runtime.start(launch);
        });
    }

    @Transactional
    public Bot create(long accountId, String file, String name) {
        FilePath path = new FilePath(file == null ? "" : file);
        files.read(accountId, path, Optional.empty());
        if (Bot.count("accountId", accountId) >= MAX_BOTS) {
            throw new Problem.Conflict("an account can have at most " + MAX_BOTS + " bots: delete some first");
        }
        String botName = name == null || name.isBlank() ? path.fileName() : name.strip();
        if (botName.length() > 64) {
            throw new Problem.Invalid("a bot name has at most 64 characters");
        }
        Bot bot = new Bot();
        bot.accountId = accountId;
        bot.name = botName;
        bot.filePath = path.value();
        bot.desired = Bot.Desired.STOPPED;
        bot.status = Bot.Status.STOPPED;
        bot.createdAt = clock.instant();
        bot.updatedAt = bot.createdAt;
        bot.persist();
        return bot;
    }

    @Transactional
    public List<Bot> list(long accountId) {
        return Bot.list("accountId = ?1 order by id", accountId);
    }

    @Transactional
    public Bot get(long accountId, long botId) {
        return Ownership.requireOwned(accountId, Bot.<Bot>findById(botId), bot -> bot.accountId, "no bot " + botId);
    }

    /** Starts the bot with its file's current content. Starting a running bot is a no-op. */
    public Bot start(long accountId, long botId) {
        Bot bot = QuarkusTransaction.requiringNew().call(() -> {
            Bot found = get(accountId, botId);
            if (found.desired == Bot.Desired.RUNNING && found.status != Bot.Status.FAILED) {
                return found;
            }
            found.source = files.read(accountId, new FilePath(found.filePath), Optional.empty())
                    .content();
            found.desired = Bot.Desired.RUNNING;
            found.status = Bot.Status.STARTING;
            found.reason = null;
            found.updatedAt = clock.instant();
            return found;
        });
        if (bot.status == Bot.Status.STARTING) {
            announce(bot.accountId, bot.id, bot.status, null);
            logs.append(bot.id, "INFO", "Starting " + bot.filePath);
            runtime.start(launchOf(bot));
        }
        return bot;
    }

    public Bot stop(long accountId, long botId) {
        Bot bot = QuarkusTransaction.requiringNew().call(() -> {
            Bot found = get(accountId, botId);
            found.desired = Bot.Desired.STOPPED;
            if (found.status == Bot.Status.STARTING || found.status == Bot.Status.RUNNING) {
                found.status = Bot.Status.STOPPED;
                found.reason = "stopped by the user";
            }
            found.updatedAt = clock.instant();
            return found;
        });
        runtime.stop(botId);
        announce(bot.accountId, bot.id, bot.status, bot.reason);
        return bot;
    }

    public Bot restart(long accountId, long botId) {
        stop(accountId, botId);
        return start(accountId, botId);
    }

    @Transactional
    public void delete(long accountId, long botId) {
        Bot bot = get(accountId, botId);
        runtime.stop(botId);
        BotLogLine.delete("botId", bot.id);
        bot.delete();
    }

    /** Log lines after {@code since} (a line id; 0 for the oldest kept), oldest first, at most {@code limit}. */
    @Transactional
    public LogPage logs(long accountId, long botId, long since, int limit) {
        get(accountId, botId);
        int size = Math.clamp(limit, 1, MAX_LOG_PAGE);
        List<BotLogLine> lines = BotLogLine.find("botId = ?1 and id > ?2 order by id", botId, since)
                .page(0, size)
                .list();
        return new LogPage(lines, lines.isEmpty() ? since : lines.getLast().id);
    }

    @Override
    public void stateChanged(long botId, Bot.Status status, String reason) {
        Long accountId = QuarkusTransaction.requiringNew().call(() -> {
            Bot bot = Bot.findById(botId);
            if (bot == null) {
                return null;
            }
            // A late RUNNING from a bot the user already stopped must not flip it back.
            if (bot.desired == Bot.Desired.STOPPED && status == Bot.Status.RUNNING) {
                return null;
            }
            bot.status = status;
            bot.reason = reason;
            bot.updatedAt = clock.instant();
            return bot.accountId;
        });
        if (accountId != null) {
            announce(accountId, botId, status, reason);
        }
        if (status == Bot.Status.FAILED) {
            logs.append(botId, "ERROR", "The bot stopped: " + reason);
        }
    }

    @Override
    public void logged(long botId, String level, String message) {
        logs.append(botId, level, message);
    }

    private void announce(long accountId, long botId, Bot.Status status, String reason) {
        statusChanges.fire(new BotActivity.StatusChanged(accountId, botId, status, reason, clock.instant()));
    }

    private static BotRuntime.Launch launchOf(Bot bot) {
        return new BotRuntime.Launch(bot.id, bot.accountId, new FilePath(bot.filePath).fileName(), bot.source);
    }
}
