package dev.botlink.platform.venue;

import java.util.Map;

/** A value that has a Link API (JSON-able) form: maps, lists, strings, numbers, booleans and null only. */
public interface LinkData {

    Map<String, Object> toLink();
}
