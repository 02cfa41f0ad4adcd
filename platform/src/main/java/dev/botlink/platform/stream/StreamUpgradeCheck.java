package dev.botlink.platform.stream;

import dev.botlink.platform.account.Account;
import dev.botlink.platform.account.AccountService;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Refuses a feed connection before the upgrade: 401 without a valid API key (looked up by its HMAC digest and compared
 * in constant time), 429 when the account has too many connections open.
 */
@ApplicationScoped
public class StreamUpgradeCheck implements HttpUpgradeCheck {

    private final AccountService accounts;
    private final StreamHub hub;

    public StreamUpgradeCheck(AccountService accounts, StreamHub hub) {
        this.accounts = accounts;
        this.hub = hub;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return StreamSocket.ENDPOINT.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String token = context.httpRequest().getParam("token");
        if (token == null || token.isBlank() || token.length() > 200) {
            return CheckResult.rejectUpgrade(401);
        }
        String topics = StreamSocket.topicsParam(context.httpRequest());
        return Uni.createFrom()
                .item(() -> accounts.byApiKey(token))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map((Optional<Account> account) -> {
                    if (account.isEmpty()) {
                        return CheckResult.rejectUpgradeSync(401);
                    }
                    if (!hub.hasRoom(account.get().id)) {
                        return CheckResult.rejectUpgradeSync(429);
                    }
                    context.userData().put(StreamSocket.ACCOUNT, account.get().id);
                    context.userData().put(StreamSocket.TOPICS, topics);
                    return CheckResult.permitUpgradeSync();
                });
    }
}
