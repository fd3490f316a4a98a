package dev.recon.ingestion.api.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StripeListPageTest {

  static StripeListPage read(String json) {
    return StripeListPage.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), StripeConfig.PAGE_LIMIT);
  }

  static String list(boolean hasMore, String data) {
    return "{\"object\":\"list\",\"url\":\"/v1/balance_transactions\",\"has_more\":"
        + hasMore
        + ",\"data\":["
        + data
        + "]}";
  }

  @Test
  void readsOnlyTheIdsInOrderAndWhetherMoreFollow() {
    StripeListPage page =
        read(
            list(
                true,
                "{\"id\":\"txn_1\",\"amount\":100,\"fee\":3},{\"id\":\"txn_2\",\"amount\":-50}"));

    assertThat(page).isEqualTo(new StripeListPage.Valid(java.util.List.of("txn_1", "txn_2"), true));
    assertThat(((StripeListPage.Valid) page).lastId()).isEqualTo("txn_2");
  }

  @Test
  void anEmptyLastPageIsValidAndHasNoCursor() {
    StripeListPage.Valid page = (StripeListPage.Valid) read(list(false, ""));

    assertThat(page.ids()).isEmpty();
    assertThat(page.lastId()).isNull();
    assertThat(page.advancesFrom("txn_9")).isTrue();
  }

  @Test
  void refusesWhatCannotBeFollowedSafely() {
    assertThat(read("<html>")).isInstanceOf(StripeListPage.Malformed.class);
    assertThat(read("[]")).isInstanceOf(StripeListPage.Malformed.class);
    assertThat(read("{\"object\":\"balance_transaction\",\"id\":\"txn_1\"}"))
        .isEqualTo(new StripeListPage.Malformed("not a Stripe list object"));
    assertThat(read("{\"object\":\"list\",\"data\":[]}"))
        .isEqualTo(new StripeListPage.Malformed("has_more is missing or not a boolean"));
    assertThat(read("{\"object\":\"list\",\"has_more\":\"false\",\"data\":[]}"))
        .isInstanceOf(StripeListPage.Malformed.class);
    assertThat(read("{\"object\":\"list\",\"has_more\":false,\"data\":{}}"))
        .isEqualTo(new StripeListPage.Malformed("data is missing or not an array"));
    assertThat(read(list(true, "")))
        .isEqualTo(
            new StripeListPage.Malformed(
                "has_more is true on an empty page: the cursor would not advance"));
  }

  @Test
  void idsMustBeSafeForUrlsAndOffsets() {
    assertThat(read(list(false, "{\"id\":\"txn_1&limit=1\"}")))
        .isEqualTo(new StripeListPage.Malformed("object 0 has no usable id"));
    assertThat(read(list(false, "{\"id\":12}"))).isInstanceOf(StripeListPage.Malformed.class);
    assertThat(read(list(false, "{\"amount\":1}"))).isInstanceOf(StripeListPage.Malformed.class);
    assertThat(read(list(false, "{\"id\":\"" + "a".repeat(256) + "\"}")))
        .isInstanceOf(StripeListPage.Malformed.class);
  }

  @Test
  void moreObjectsThanAskedForAreRefused() {
    String item = "{\"id\":\"txn_1\"}";
    String many =
        String.join(",", java.util.Collections.nCopies(StripeConfig.PAGE_LIMIT + 1, item));

    assertThat(read(list(false, many))).isInstanceOf(StripeListPage.Malformed.class);
  }

  @Test
  void aPageEndingOnItsOwnCursorWhileClaimingMoreDoesNotAdvance() {
    StripeListPage.Valid page = new StripeListPage.Valid(java.util.List.of("txn_5"), true);

    assertThat(page.advancesFrom("txn_5")).isFalse();
    assertThat(page.advancesFrom("txn_4")).isTrue();
    assertThat(page.advancesFrom(null)).isTrue();
  }
}
