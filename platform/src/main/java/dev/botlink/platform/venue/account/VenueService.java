package dev.botlink.platform.venue.account;

import dev.botlink.platform.account.AccountService.AccountCreated;
import dev.botlink.platform.account.Ownership;
import dev.botlink.platform.error.Problem;
import dev.botlink.platform.secret.SecretBox;
import dev.botlink.platform.venue.VenueConfig;
import dev.botlink.platform.venue.paper.PaperInstruments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The venues of each account. Every account starts with the paper venues {@code BitMEX} and {@code WooPaper}; live
 * venues carry exchange keys, which are sealed at rest and only ever unsealed for the venue's adapter.
 */
@ApplicationScoped
public class VenueService {

    /** What a caller asks for; keys only for live venues. */
    public record NewVenue(String name, String exchange, String mode, String apiKey, String apiSecret) {}

    static final Set<String> LIVE_EXCHANGES = Set.of("bitmex", "bybit", "binance");
    static final int MAX_VENUES = 50;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}");

    private final SecretBox secrets;
    private final Clock clock = Clock.systemUTC();

    public VenueService(SecretBox secrets) {
        this.secrets = secrets;
    }

    void giveDefaults(@Observes AccountCreated created) {
        create(created.accountId(), new NewVenue("BitMEX", "bitmex", "paper", null, null));
        create(created.accountId(), new NewVenue("WooPaper", "woo", "paper", null, null));
    }

    @Transactional
    public AccountVenue create(long accountId, NewVenue request) {
        if (request == null) {
            throw new Problem.Invalid(
                    "send {\"name\", \"exchange\", \"mode\": \"paper\" | \"live\", \"apiKey\", \"apiSecret\"}");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw new Problem.Invalid(
                    "a venue name is 1 to 64 letters, digits, spaces, '.', '_' or '-', e.g. 'BitMEX-Pro'");
        }
        VenueConfig.Mode mode = modeOf(request.mode());
        String exchange =
                request.exchange() == null ? "" : request.exchange().strip().toLowerCase(Locale.ROOT);
        checkExchange(exchange, mode);
        boolean hasKeys = notBlank(request.apiKey()) || notBlank(request.apiSecret());
        if (mode == VenueConfig.Mode.LIVE && !(notBlank(request.apiKey()) && notBlank(request.apiSecret()))) {
            throw new Problem.Invalid("a live venue needs the exchange's apiKey and apiSecret");
        }
        if (mode == VenueConfig.Mode.PAPER && hasKeys) {
            throw new Problem.Invalid("a paper venue trades on simulated wallets: leave apiKey and apiSecret out");
        }
        if (AccountVenue.count("accountId", accountId) >= MAX_VENUES) {
            throw new Problem.Conflict("an account can have at most " + MAX_VENUES + " venues");
        }
        if (byName(accountId, name).isPresent()) {
            throw new Problem.Conflict("you have a venue named '" + name + "' already");
        }
        AccountVenue venue = new AccountVenue();
        venue.accountId = accountId;
        venue.name = name;
        venue.exchange = exchange;
        venue.mode = mode;
        venue.createdAt = clock.instant();
        if (mode == VenueConfig.Mode.LIVE) {
            venue.apiKeySealed = secrets.encrypt(request.apiKey().strip());
            venue.apiSecretSealed = secrets.encrypt(request.apiSecret().strip());
        }
        venue.persist();
        return venue;
    }

    @Transactional
    public List<AccountVenue> list(long accountId) {
        return AccountVenue.list("accountId = ?1 order by name", accountId);
    }

    @Transactional
    public AccountVenue get(long accountId, long venueId) {
        return Ownership.requireOwned(
                accountId,
                AccountVenue.<AccountVenue>findById(venueId),
                venue -> venue.accountId,
                "no venue " + venueId);
    }

    /** The account's venue as bot code names it ('BitMEX', 'WooPaper', ...). */
    @Transactional
    public Optional<AccountVenue> byName(long accountId, String name) {
        return AccountVenue.find("accountId = ?1 and name = ?2", accountId, name)
                .firstResultOptional();
    }

    @Transactional
    public void delete(long accountId, long venueId) {
        get(accountId, venueId).delete();
    }

    private static VenueConfig.Mode modeOf(String mode) {
        if (mode == null) {
            throw new Problem.Invalid("mode must be 'paper' or 'live'");
        }
        return switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "paper" -> VenueConfig.Mode.PAPER;
            case "live" -> VenueConfig.Mode.LIVE;
            default -> throw new Problem.Invalid("mode must be 'paper' or 'live', not '" + mode + "'");
        };
    }

    private static void checkExchange(String exchange, VenueConfig.Mode mode) {
        if (mode == VenueConfig.Mode.PAPER
                && PaperInstruments.forExchange(exchange).isEmpty()) {
            throw new Problem.Invalid(
                    "paper trading simulates " + PaperInstruments.exchangeIds() + ", not '" + exchange + "'");
        }
        if (mode == VenueConfig.Mode.LIVE && !LIVE_EXCHANGES.contains(exchange)) {
            throw new Problem.Invalid(
                    "live venues are " + LIVE_EXCHANGES.stream().sorted().toList() + ", not '" + exchange + "'");
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
