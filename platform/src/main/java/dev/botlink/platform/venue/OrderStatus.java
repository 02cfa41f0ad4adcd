package dev.botlink.platform.venue;

/** Life cycle of an order, BitMEX's {@code ordStatus} spelling. */
public enum OrderStatus {
    NEW("New"),
    PARTIALLY_FILLED("PartiallyFilled"),
    FILLED("Filled"),
    CANCELED("Canceled");

    private final String native_;

    OrderStatus(String nativeName) {
        this.native_ = nativeName;
    }

    public String nativeName() {
        return native_;
    }

    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
