package dev.recon.reporting.casework.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTest {

  private static final Instant AT = Instant.parse("2026-11-25T10:15:30.123456Z");

  private static AuditEvent event(String prev, long seq, String detail) {
    String hash = AuditChain.hash(prev, "t1", seq, AT, "alice", "ASSIGNED", "exception:x", detail);
    return new AuditEvent(
        "t1", seq, prev, hash, AuditChain.truncate(AT), "alice", "ASSIGNED", "exception:x", detail);
  }

  @Test
  void hashIsDeterministicAndCoversEveryField() {
    String base = AuditChain.hash(AuditChain.GENESIS, "t1", 1, AT, "a", "X", "s", "{}");
    assertThat(base).hasSize(64).matches("[0-9a-f]{64}");
    assertThat(AuditChain.hash(AuditChain.GENESIS, "t1", 1, AT, "a", "X", "s", "{}"))
        .isEqualTo(base);
    assertThat(AuditChain.hash("1".repeat(64), "t1", 1, AT, "a", "X", "s", "{}"))
        .isNotEqualTo(base);
    assertThat(AuditChain.hash(AuditChain.GENESIS, "t2", 1, AT, "a", "X", "s", "{}"))
        .isNotEqualTo(base);
    assertThat(AuditChain.hash(AuditChain.GENESIS, "t1", 2, AT, "a", "X", "s", "{}"))
        .isNotEqualTo(base);
    assertThat(AuditChain.hash(AuditChain.GENESIS, "t1", 1, AT.plusMillis(1), "a", "X", "s", "{}"))
        .isNotEqualTo(base);
    assertThat(AuditChain.hash(AuditChain.GENESIS, "t1", 1, AT, "b", "X", "s", "{}"))
        .isNotEqualTo(base);
    assertThat(AuditChain.hash(AuditChain.GENESIS, "t1", 1, AT, "a", "Y", "s", "{}"))
        .isNotEqualTo(base);
    assertThat(AuditChain.hash(AuditChain.GENESIS, "t1", 1, AT, "a", "X", "t", "{}"))
        .isNotEqualTo(base);
    assertThat(AuditChain.hash(AuditChain.GENESIS, "t1", 1, AT, "a", "X", "s", "{ }"))
        .isNotEqualTo(base);
  }

  @Test
  void sub_millisecond_time_is_not_hashed_because_it_is_not_stored() {
    assertThat(AuditChain.hash(AuditChain.GENESIS, "t1", 1, AT, "a", "X", "s", "{}"))
        .isEqualTo(
            AuditChain.hash(
                AuditChain.GENESIS, "t1", 1, AuditChain.truncate(AT), "a", "X", "s", "{}"));
  }

  @Test
  void fieldsCannotImitateSeparators() {
    String a = AuditChain.hash(AuditChain.GENESIS, "t1", 1, AT, "a\n1:b", "X", "s", "{}");
    String b = AuditChain.hash(AuditChain.GENESIS, "t1", 1, AT, "a", "X", "b\n1:s", "{}");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void problemNamesBrokenLinks() {
    AuditEvent first = event(AuditChain.GENESIS, 1, "{}");
    AuditEvent second = event(first.hash(), 2, "{\"a\":1}");
    assertThat(AuditChain.problem(null, first)).isNull();
    assertThat(AuditChain.problem(first, second)).isNull();

    AuditEvent gap = event(first.hash(), 3, "{}");
    assertThat(AuditChain.problem(first, gap)).contains("expected event 2");

    AuditEvent wrongPrev = event(AuditChain.GENESIS, 2, "{}");
    assertThat(AuditChain.problem(first, wrongPrev)).contains("prev_hash");

    AuditEvent edited =
        new AuditEvent(
            "t1",
            2,
            first.hash(),
            second.hash(),
            second.at(),
            second.actor(),
            second.action(),
            second.subject(),
            "{\"a\":2}");
    assertThat(AuditChain.problem(first, edited)).contains("content");
  }

  @Test
  void actorsActionsAndSubjectsAreBounded() {
    assertThat(AuditChain.requireActor("system:reconcile")).isEqualTo("system:reconcile");
    assertThatThrownBy(() -> AuditChain.requireActor(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditChain.requireActor("system:"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditChain.requireActor("a".repeat(AuditChain.MAX_ACTOR_CHARS + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuditChain.requireAction("lower"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> AuditChain.requireSubject("s".repeat(AuditChain.MAX_SUBJECT_CHARS + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void detailJsonHasSortedKeysAndIsBounded() {
    assertThat(AuditDetail.json(java.util.Map.of("b", 1, "a", "x")))
        .isEqualTo("{\"a\":\"x\",\"b\":1}");
    assertThatThrownBy(
            () -> AuditDetail.json(java.util.Map.of("a", "x".repeat(AuditChain.MAX_DETAIL_CHARS))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
