package dev.botlink.marketplace.parameter;

/** The type of a bot parameter, and the Java type its validated value has. */
public enum ParameterType {
    /** A decimal number: {@link java.math.BigDecimal}. */
    DECIMAL,
    /** A whole number: {@link Long}. */
    INTEGER,
    /** true or false: {@link Boolean}. */
    BOOLEAN,
    /** One of a fixed list of names: {@link String}. */
    CHOICE
}
