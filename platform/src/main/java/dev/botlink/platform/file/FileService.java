package dev.botlink.platform.file;

import dev.botlink.platform.error.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An account's tree of script files with their history. Every method takes the account id and never touches another
 * account's files: another account's path is simply not found.
 */
@ApplicationScoped
public class FileService {

    public record FileInfo(String path, int version, int size, Instant updatedAt) {}

    public record FileContent(String path, int version, String content, Instant savedAt) {}

    public record VersionInfo(int version, int size, boolean deleted, Instant createdAt) {}

    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_FILES = 2_000;
    static final int MAX_VERSIONS = 500;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    public FileInfo save(long accountId, FilePath path, String content) {
        if (content == null) {
            throw new Problem.Invalid("the file's content is missing");
        }
        int size = content.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_BYTES) {
            throw new Problem.TooLarge("a file can hold at most " + MAX_BYTES + " bytes; this one has " + size);
        }
        ScriptFile current = ScriptFile.findById(new ScriptFile.Key(accountId, path.value()));
        if (current == null && ScriptFile.count("key.accountId", accountId) >= MAX_FILES) {
            throw new Problem.Conflict("an account can hold at most " + MAX_FILES + " files: delete some first");
        }
        int version = nextVersion(accountId, path);
        Instant now = clock.instant();
        record(accountId, path, version, content, false, size, now);
        if (current == null) {
            current = new ScriptFile();
            current.key = new ScriptFile.Key(accountId, path.value());
        }
        current.version = version;
        current.sizeBytes = size;
        current.updatedAt = now;
        current.persist();
        return info(current);
    }

    @Transactional
    public List<FileInfo> list(long accountId) {
        return ScriptFile.<ScriptFile>list("key.accountId = ?1 order by key.path", accountId).stream()
                .map(FileService::info)
                .toList();
    }

    /** The current content, or the given version's (also of a deleted file, for restoring it). */
    @Transactional
    public FileContent read(long accountId, FilePath path, Optional<Integer> version) {
        int wanted = version.orElseGet(() -> current(accountId, path).version);
        ScriptFileVersion saved =
                ScriptFileVersion.findById(new ScriptFileVersion.Key(accountId, path.value(), wanted));
        if (saved == null || saved.deleted) {
            throw new Problem.NotFound("no version " + wanted + " of " + path.value());
        }
        return new FileContent(path.value(), wanted, saved.content, saved.createdAt);
    }

    @Transactional
    public List<VersionInfo> versions(long accountId, FilePath path) {
        List<VersionInfo> versions = ScriptFileVersion.<ScriptFileVersion>list(
                        "key.accountId = ?1 and key.path = ?2 order by key.version desc", accountId, path.value())
                .stream()
                .map(v -> new VersionInfo(v.key.version(), v.sizeBytes, v.deleted, v.createdAt))
                .toList();
        if (versions.isEmpty()) {
            throw new Problem.NotFound("no file " + path.value());
        }
        return versions;
    }

    @Transactional
    public void delete(long accountId, FilePath path) {
        ScriptFile current = current(accountId, path);
        record(accountId, path, nextVersion(accountId, path), null, true, 0, clock.instant());
        current.delete();
    }

    /** Renames a file; its history moves with it. The target must not exist. */
    @Transactional
    public FileInfo move(long accountId, FilePath from, FilePath to) {
        ScriptFile source = current(accountId, from);
        if (ScriptFile.findById(new ScriptFile.Key(accountId, to.value())) != null) {
            throw new Problem.Conflict(to.value() + " exists already");
        }
        String content = read(accountId, from, Optional.of(source.version)).content();
        delete(accountId, from);
        return save(accountId, to, content);
    }

    private ScriptFile current(long accountId, FilePath path) {
        ScriptFile current = ScriptFile.findById(new ScriptFile.Key(accountId, path.value()));
        if (current == null) {
            throw new Problem.NotFound("no file " + path.value());
        }
        return current;
    }

    private static int nextVersion(long accountId, FilePath path) {
        Integer last = ScriptFileVersion.getEntityManager()
                .createQuery(
                        "select max(v.key.version) from ScriptFileVersion v where v.key.accountId = ?1 and v.key.path = ?2",
                        Integer.class)
                .setParameter(1, accountId)
                .setParameter(2, path.value())
                .getSingleResult();
        return last == null ? 1 : last + 1;
    }

    private static void record(
            long accountId, FilePath path, int version, String content, boolean deleted, int size, Instant at) {
        ScriptFileVersion saved = new ScriptFileVersion();
        saved.key = new ScriptFileVersion.Key(accountId, path.value(), version);
        saved.content = content;
        saved.deleted = deleted;
        saved.sizeBytes = size;
        saved.createdAt = at;
        saved.persist();
        // History is bounded: the oldest versions beyond the limit go.
        ScriptFileVersion.delete(
                "key.accountId = ?1 and key.path = ?2 and key.version <= ?3",
                accountId,
                path.value(),
                version - MAX_VERSIONS);
    }

    private static FileInfo info(ScriptFile file) {
        return new FileInfo(file.key.path(), file.version, file.sizeBytes, file.updatedAt);
    }
}
