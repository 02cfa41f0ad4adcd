package dev.botlink.platform.file;

import java.util.regex.Pattern;

/**
 * A validated path of a script file inside an account's tree, such as {@code strategies/grid.py}: relative, at most
 * {@value #MAX_DEPTH} folders deep and {@value #MAX_LENGTH} characters long, each part made of letters, digits,
 * spaces, '.', '_' and '-', and never '.' or '..'.
 */
public record FilePath(String value) {

    static final int MAX_LENGTH = 255;
    static final int MAX_DEPTH = 8;
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_. -]{1,100}");

    public FilePath {
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException("bad file path '" + value + "': " + problem);
        }
    }

    public String fileName() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    private static String problemWith(String path) {
        if (path == null || path.isEmpty()) {
            return "it is empty";
        }
        if (path.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        if (path.startsWith("/") || path.endsWith("/")) {
            return "it must not start or end with '/'";
        }
        String[] parts = path.split("/", -1);
        if (parts.length > MAX_DEPTH + 1) {
            return "more than " + MAX_DEPTH + " folders deep";
        }
        for (String part : parts) {
            if (part.equals(".") || part.equals("..")) {
                return "'.' and '..' are not allowed";
            }
            if (!PART.matcher(part).matches()) {
                return "each part must be 1 to 100 letters, digits, spaces, '.', '_' or '-'";
            }
            if (!part.equals(part.strip())) {
                return "a part must not start or end with a space";
            }
        }
        return null;
    }
}
