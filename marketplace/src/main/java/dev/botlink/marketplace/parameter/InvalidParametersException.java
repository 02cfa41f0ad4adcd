package dev.botlink.marketplace.parameter;

import java.util.List;

/** Bot parameters were rejected; {@link #problems()} lists every problem, one sentence each. */
public final class InvalidParametersException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidParametersException(String botType, List<String> problems) {
        super("invalid " + botType + " parameters: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
