package dev.botlink.platform.bot;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bot: a script file of its account, what the user wants it to do, and what it is doing. */
@Entity
@Table(name = "bots")
public class Bot extends PanacheEntityBase {

    public enum Desired {
        RUNNING,
        STOPPED
    }

    public enum Status {
        STARTING,
        RUNNING,
        STOPPED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public Long accountId;

    @Column(nullable = false, length = 64)
    public String name;

    @Column(name = "file_path", nullable = false)
    public String filePath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Desired desired;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(length = 1000)
    public String reason;

    /** The script as it was when the bot last started: a running bot is not changed by later saves. */
    @Column(length = 262_144)
    public String source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
