package dev.botlink.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void theRightPasswordMatchesAndOthersDoNot() {
        String stored = hasher.hash("correct horse");
        assertThat(hasher.matches("correct horse", stored)).isTrue();
        assertThat(hasher.matches("correct horsE", stored)).isFalse();
        assertThat(hasher.matches("", stored)).isFalse();
    }

    @Test
    void hashesAreSaltedAndCarryTheirCost() {
        String first = hasher.hash("pw123456");
        assertThat(first).startsWith("pbkdf2-sha256$1000$").isNotEqualTo(hasher.hash("pw123456"));
        assertThat(new PasswordHasher().matches("pw123456", first)).isTrue();
    }

    @Test
    void theDefaultCostIsSlow() {
        assertThat(new PasswordHasher().hash("x")).startsWith("pbkdf2-sha256$600000$");
    }

    @Test
    void foreignFormatsNeverMatch() {
        assertThat(hasher.matches("pw", "plain:pw")).isFalse();
    }
}
