package dev.botlink.sandbox.worker;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A worker's command line: {@code --host=<host:port> --worker-id=<id> [--allow-interpreted]
 * [--give-up-after-seconds=N]}; the token comes from the environment variable BOTLINK_WORKER_TOKEN.
 */
record WorkerOptions(
        InetSocketAddress host, String workerId, String token, boolean allowInterpreted, Duration giveUpAfter) {

    static WorkerOptions parse(String[] args, String token) {
        InetSocketAddress host = null;
        String workerId = null;
        boolean allowInterpreted = false;
        Duration giveUp = Duration.ofSeconds(120);
        for (String arg : args) {
            if (arg.startsWith("--host=")) {
                String value = arg.substring("--host=".length());
                int colon = value.lastIndexOf(':');
                if (colon < 1) {
                    throw new IllegalArgumentException("--host must be host:port, was " + value);
                }
                host = new InetSocketAddress(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
            } else if (arg.startsWith("--worker-id=")) {
                workerId = arg.substring("--worker-id=".length());
            } else if (arg.equals("--allow-interpreted")) {
                allowInterpreted = true;
            } else if (arg.startsWith("--give-up-after-seconds=")) {
                giveUp = Duration.ofSeconds(Long.parseLong(arg.substring("--give-up-after-seconds=".length())));
            } else {
                throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (host == null || workerId == null || workerId.isBlank()) {
            throw new IllegalArgumentException("usage: WorkerMain --host=<host:port> --worker-id=<id>");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                    "the environment variable BOTLINK_WORKER_TOKEN must hold the host's token");
        }
        return new WorkerOptions(host, workerId, token, allowInterpreted, giveUp);
    }
}
