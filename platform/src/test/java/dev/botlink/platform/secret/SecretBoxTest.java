package dev.botlink.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final byte[] key = new byte[32];
    private final SecretBox box = new SecretBox(key);

    @Test
    void sealedSecretsOpenAgainAndDifferEachTime() {
        String first = box.encrypt("api-secret");
        String second = box.encrypt("api-secret");
        assertThat(first).isNotEqualTo(second).doesNotContain("api-secret");
        assertThat(box.decrypt(first)).isEqualTo("api-secret");
        assertThat(box.decrypt(second)).isEqualTo("api-secret");
    }

    @Test
    void anotherMasterKeyCannotOpenThem() {
        byte[] other = Arrays.copyOf(key, 32);
        other[0] = 1;
        String sealed = box.encrypt("api-secret");
        assertThatThrownBy(() -> new SecretBox(other).decrypt(sealed)).hasMessageContaining("master key");
    }

    @Test
    void tamperingIsDetected() {
        String sealed = box.encrypt("api-secret");
        String prefix = sealed.substring(0, sealed.indexOf(':') + 1);
        // Flip one bit of the ciphertext itself: editing a base64 character can land on padding bits and change
        // nothing.
        byte[] raw = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        raw[raw.length - 1] ^= 1;
        String tampered = prefix + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lookupDigestsAreStableAndKeyed() {
        assertThat(box.lookupDigest("k")).isEqualTo(box.lookupDigest("k")).hasSize(64);
        assertThat(box.lookupDigest("k")).isNotEqualTo(box.lookupDigest("l"));
        byte[] other = Arrays.copyOf(key, 32);
        other[31] = 9;
        assertThat(new SecretBox(other).lookupDigest("k")).isNotEqualTo(box.lookupDigest("k"));
    }

    @Test
    void masterKeysMustBe256Bits() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).hasMessageContaining("32 bytes");
    }

    @Test
    void tokensAreRandomAndPrefixed() {
        assertThat(box.newToken("blk_", 24)).startsWith("blk_").hasSize(4 + 32).isNotEqualTo(box.newToken("blk_", 24));
    }
}
