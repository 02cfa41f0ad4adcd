package dev.botlink.sandbox.host;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one worker process alive: when it dies (for example out of memory) it is started again after a short,
 * growing pause, at most {@code maxRestarts} times. The restarted worker dials the hub again, and the
 * {@link WorkerHub} restarts the bots placed on it. {@link #close} stops the worker for good.
 */
public final class WorkerSupervisor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WorkerSupervisor.class.getName());

    private final WorkerLauncher launcher;
    private final String workerId;
    private final InetSocketAddress host;
    private final String token;
    private final Path logFile;
    private final int maxRestarts;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile Process process;
    private volatile boolean closed;

    public WorkerSupervisor(
            WorkerLauncher launcher,
            String workerId,
            InetSocketAddress host,
            String token,
            Path logFile,
            int maxRestarts) {
        this.launcher = launcher;
        this.workerId = workerId;
        this.host = host;
        this.token = token;
        this.logFile = logFile;
        this.maxRestarts = maxRestarts;
    }

    public WorkerSupervisor start() throws IOException {
        launch();
        return this;
    }

    /** How many times the worker was restarted after dying. */
    public int restarts() {
        return restarts.get();
    }

    /** The current process (changes after a restart). */
    public Process process() {
        return process;
    }

    private void launch() throws IOException {
        Process started = launcher.start(workerId, host, token, logFile);
        process = started;
        started.onExit().thenRun(() -> restartAfterExit(started));
    }

    private void restartAfterExit(Process exited) {
        if (closed || exited != process) {
            return;
        }
        int attempt = restarts.incrementAndGet();
        if (attempt > maxRestarts) {
            LOG.severe(() -> "worker " + workerId + " died " + attempt + " times; giving up");
            return;
        }
        LOG.warning(() -> "worker " + workerId + " exited with " + exited.exitValue() + "; restarting");
        try {
            Thread.sleep(Duration.ofMillis(Math.min(5000, 200L * attempt)));
            if (!closed) {
                launch();
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "restarting worker " + workerId + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Process current = process;
        if (current != null) {
            current.destroy();
            try {
                if (!current.waitFor(10, TimeUnit.SECONDS)) {
                    current.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                current.destroyForcibly();
            }
        }
    }
}
