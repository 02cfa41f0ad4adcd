package dev.botlink.platform.backtest;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A backtest of one account: its request, its status and, once it ended, its report (JSON). */
@Entity
@Table(name = "backtests")
public class Backtest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(nullable = false, length = 255)
    public String name;

    /** queued, running, completed, failed or cancelled. */
    @Column(nullable = false, length = 16)
    public String status;

    /** The request as given, without an inline source (its length is kept instead). */
    @Column(nullable = false, length = 16_000)
    public String request;

    @Column(length = 4000)
    public String error;

    @Column(nullable = false)
    public double percent;

    /** The report's metrics (also inside {@link #report}), for listings. */
    @Column(length = 4000)
    public String metrics;

    @Column(length = 1_048_576)
    public String report;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
