package dev.botlink.platform.venue.paper;

import static dev.botlink.platform.venue.paper.PaperDesk.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.platform.venue.OrderState;
import dev.botlink.platform.venue.Side;
import dev.botlink.platform.venue.VenueResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A paper call's wait for its group commit: blocking by default, a future inside {@link DeferredCommits#run}. */
class DeferredCommitsTest {

    private final PaperDesk desk = PaperDesk.bitmex();

    @BeforeEach
    void market() {
        desk.market.quote("XBTUSDT", "50000", "5000", "50000.5", "1000");
    }

    @Test
    void aDeferredCallAnswersAtOnceAndIsSavedWithTheCommitThatCoversIt() {
        desk.client.enableGroupCommit(() -> {}, Duration.ofMinutes(1));
        DeferredCommits commits = new DeferredCommits();

        VenueResult<OrderState> order = DeferredCommits.run(commits, () -> desk.market("XBTUSDT", Side.BUY, "1000"));

        ok(order);
        CompletableFuture<Void> saved = commits.saved();
        assertThat(saved).isNotDone();
        desk.client.committed(desk.client.snapshotForSave("key").changeSequence());
        assertThat(saved).isCompleted();
    }

    @Test
    void aCallThatChangedNothingWaitsForNoCommit() {
        desk.client.enableGroupCommit(() -> {}, Duration.ofMinutes(1));
        DeferredCommits commits = new DeferredCommits();

        DeferredCommits.run(commits, desk.client::fetchBalances);

        assertThat(commits.saved()).isCompleted();
    }

    @Test
    void outsideRunACallBlocksUntilItsChangeIsCommitted() {
        desk.client.enableGroupCommit(() -> {}, Duration.ofMinutes(1));

        CompletableFuture<VenueResult<OrderState>> call =
                CompletableFuture.supplyAsync(() -> desk.market("XBTUSDT", Side.BUY, "1000"));

        await().atMost(Duration.ofSeconds(30)).until(desk.client::isDirty);
        assertThat(call).isNotDone();
        desk.client.committed(desk.client.snapshotForSave("key").changeSequence());
        ok(call.join());
    }

    @Test
    void aWaitEndsAfterTheCommitTimeoutWhenTheStoreNeverCommits() {
        desk.client.enableGroupCommit(() -> {}, Duration.ofMillis(50));
        DeferredCommits commits = new DeferredCommits();

        DeferredCommits.run(commits, () -> desk.market("XBTUSDT", Side.BUY, "1000"));

        await().atMost(Duration.ofSeconds(30)).until(commits.saved()::isDone);
        assertThat(commits.saved()).isCompleted();
    }
}
