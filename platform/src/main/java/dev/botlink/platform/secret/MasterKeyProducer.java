package dev.botlink.platform.secret;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The master key comes from configuration ({@code botlink.master-key}, base64 of 32 bytes), never from the database.
 * The embedded default, which has no operator to configure one, generates it once into a file readable only by the
 * platform's user beside the data.
 */
public class MasterKeyProducer {

    private static final Logger LOG = Logger.getLogger(MasterKeyProducer.class);

    @Produces
    @Singleton
    SecretBox secretBox(
            @ConfigProperty(name = "botlink.master-key") Optional<String> configured,
            @ConfigProperty(name = "botlink.data-dir") String dataDir) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return new SecretBox(decode(configured.get().trim(), "botlink.master-key"));
        }
        return new SecretBox(fromFile(Path.of(dataDir, "master.key")));
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.notExists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.warnf("Cannot restrict the permissions of %s on this file system", file);
                }
                LOG.infof("Generated a master key in %s: back it up, stored secrets cannot be read without it", file);
            }
            return decode(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " must be the base64 encoding of 32 random bytes");
        }
    }
}
