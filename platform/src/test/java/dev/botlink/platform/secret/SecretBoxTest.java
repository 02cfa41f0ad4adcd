package dev.botlink.platform.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
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
