package dev.botlink.platform.file;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** One saved version of a file; a deletion is recorded as a version without content. */
@Entity
@Table(name = "script_file_versions")
public class ScriptFileVersion extends PanacheEntityBase {

    @Embeddable
    public record Key(
            @Column(name = "account_id") Long accountId,
            @Column(name = "path") String path,
            @Column(name = "version") Integer version)
            implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(length = 262_144)
    public String content;

    @Column(nullable = false)
    public boolean deleted;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
