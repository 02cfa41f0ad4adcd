package dev.botlink.platform.file;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The current version of a live file. Deleting a file removes this row and keeps its versions. */
@Entity
@Table(name = "script_files")
public class ScriptFile extends PanacheEntityBase {

    @Embeddable
    public record Key(
            @Column(name = "account_id") Long accountId,
            @Column(name = "path") String path) implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public int version;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
