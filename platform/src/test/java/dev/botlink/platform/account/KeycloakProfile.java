package dev.botlink.platform.account;

import dev.botlink.platform.testing.KeycloakServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The platform with a real Keycloak logging people in; {@link KeycloakServer} supplies the OIDC settings. */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakServer.class));
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
