package dev.botlink.platform.bot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of a bot's log; ids increase, so {@code since} paging is by id. */
@Entity
@Table(name = "bot_logs")
public class BotLogLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "bot_id", nullable = false)
    public Long botId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 16)
    public String level;

    @Column(nullable = false, length = 4000)
    public String message;
}
