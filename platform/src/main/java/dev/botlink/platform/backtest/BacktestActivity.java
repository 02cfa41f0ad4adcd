package dev.botlink.platform.backtest;

/** A backtest's progress, as a CDI event for the IDE channel (throttled by {@code botlink.backtest.progress-interval}). */
public record BacktestActivity(long accountId, long id, String status, double percent, Long etaSeconds) {}
