package dev.botlink.platform.ide;

import dev.botlink.platform.account.Account;
import dev.botlink.platform.account.BrowserTokens;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Checks the IDE channel's {@code ?token=} (a login session token, or the OpenID Connect provider's access token in
 * that mode: see {@link BrowserTokens}) before the upgrade: 401 without a valid session, 400 for a bad {@code since},
 * 429 when the account has too many channels open.
 */
@ApplicationScoped
public class IdeUpgradeCheck implements HttpUpgradeCheck {

    private final BrowserTokens tokens;
    private final IdeChannel channel;

    public IdeUpgradeCheck(BrowserTokens tokens, IdeChannel channel) {
        this.tokens = tokens;
        this.channel = channel;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return IdeSocket.ENDPOINT.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String token = context.httpRequest().getParam("token");
        if (token == null || token.isBlank() || token.length() > BrowserTokens.MAX_LENGTH) {
            return CheckResult.rejectUpgrade(401);
        }
        long since;
        try {
            String given = context.httpRequest().getParam("since");
            since = given == null || given.isBlank() ? -1 : Long.parseLong(given.strip());
        } catch (NumberFormatException e) {
            return CheckResult.rejectUpgrade(400);
        }
        if (since < -1) {
            return CheckResult.rejectUpgrade(400);
        }
        long from = since;
        return tokens.account(token).map((Optional<Account> account) -> {
            if (account.isEmpty()) {
                return CheckResult.rejectUpgradeSync(401);
            }
            if (!channel.hasRoom(account.get().id)) {
                return CheckResult.rejectUpgradeSync(429);
            }
            context.userData().put(IdeSocket.ACCOUNT, account.get().id);
            context.userData().put(IdeSocket.SINCE, from);
            return CheckResult.permitUpgradeSync();
        });
    }
}
