package dev.recon.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.recon.schemas.BankLine;
import dev.recon.schemas.ExpectedPayment;
import dev.recon.schemas.MatchLevel;
import dev.recon.schemas.PaymentEvent;
import dev.recon.schemas.PaymentEventType;
import dev.recon.schemas.RecordKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatchWorkloadTest {

  /** Collects what the workload writes, with the tenant index it was written under. */
  private static final class Collected implements MatchWorkload.Records {
    final List<ExpectedPayment> expected = new ArrayList<>();
    final List<PaymentEvent> payments = new ArrayList<>();
    final List<BankLine> bank = new ArrayList<>();
    final Set<Integer> tenants = new HashSet<>();

    @Override
    public void expected(int tenant, ExpectedPayment payment) {
      check(tenant, payment.getProvenance().getTenantId());
      expected.add(payment);
    }

    @Override
    public void payment(int tenant, PaymentEvent event) {
      check(tenant, event.getProvenance().getTenantId());
      payments.add(event);
    }

    @Override
    public void bank(int tenant, BankLine line) {
      check(tenant, line.getProvenance().getTenantId());
      bank.add(line);
    }

    private void check(int tenant, String tenantId) {
      assertThat(tenantId).isEqualTo(MatchWorkload.tenantId(tenant));
      tenants.add(tenant);
    }
  }

  private static Collected collect(WorkloadShape shape, MatchWorkload.Summary[] summary) {
    Collected c = new Collected();
    summary[0] = MatchWorkload.write(shape, c);
    return c;
  }

  @Test
  void writesExactlyTheRequestedNumberOfRecordsForEveryTenant() {
    for (int records : new int[] {1_000, 1_001, 20_000, 33_333}) {
      MatchWorkload.Summary[] summary = new MatchWorkload.Summary[1];
      Collected c = collect(new WorkloadShape(records, 7, 3), summary);
      assertThat(c.expected.size() + c.payments.size() + c.bank.size()).isEqualTo(records);
      assertThat(summary[0].records()).isEqualTo(records);
      assertThat(summary[0].expectedPayments()).isEqualTo(c.expected.size());
      assertThat(summary[0].paymentEvents()).isEqualTo(c.payments.size());
      assertThat(summary[0].bankLines()).isEqualTo(c.bank.size());
      assertThat(c.tenants).containsExactlyInAnyOrder(0, 1, 2);
    }
  }

  @Test
  void sameSeedSameRecordsOtherSeedOtherRecords() {
    WorkloadShape shape = new WorkloadShape(5_000, 11, 2);
    MatchWorkload.Summary[] first = new MatchWorkload.Summary[1];
    MatchWorkload.Summary[] second = new MatchWorkload.Summary[1];
    Collected a = collect(shape, first);
    Collected b = collect(shape, second);
    assertThat(a.expected).isEqualTo(b.expected);
    assertThat(a.payments).isEqualTo(b.payments);
    assertThat(a.bank).isEqualTo(b.bank);
    assertThat(first[0]).isEqualTo(second[0]);

    MatchWorkload.Summary[] other = new MatchWorkload.Summary[1];
    Collected c = collect(new WorkloadShape(5_000, 12, 2), other);
    assertThat(c.payments).isNotEqualTo(a.payments);
  }

  /**
   * Recounts the expected matches from the records themselves, by what each level needs to see, so
   * the workload's own tally is checked against the data rather than against itself.
   */
  @Test
  void expectedCountsPerLevelFollowFromTheRecords() {
    MatchWorkload.Summary[] summary = new MatchWorkload.Summary[1];
    Collected c = collect(new WorkloadShape(50_000, 3, 4), summary);
    MatchCounts expected = summary[0].expected();

    Map<String, ExpectedPayment> expectedByReference = new HashMap<>();
    c.expected.forEach(
        e ->
            expectedByReference.put(
                key(e.getProvenance().getTenantId(), e.getMerchantReference()), e));
    long l1 = 0;
    long l2Reference = 0;
    long l2Rounding = 0;
    long refunds = 0;
    Map<String, Long> batchNet = new HashMap<>();
    Map<String, PaymentEvent> payouts = new HashMap<>();
    Set<String> referencedByCaptures = new HashSet<>();
    for (PaymentEvent p : c.payments) {
      assertThat(p.getNetMinor()).isEqualTo(p.getGrossMinor() - p.getFeeMinor());
      String batch = key(p.getProvenance().getTenantId(), p.getBatchId());
      if (p.getRecordKind() == RecordKind.PAYOUT) {
        assertThat(payouts.put(batch, p)).isNull();
        continue;
      }
      batchNet.merge(batch, p.getNetMinor(), Long::sum);
      if (p.getType() == PaymentEventType.REFUND) {
        refunds++;
        continue;
      }
      if (p.getType() != PaymentEventType.CAPTURE) {
        continue;
      }
      assertThat(p.getFeeMinor()).isPositive();
      String tenant = p.getProvenance().getTenantId();
      ExpectedPayment exact = expectedByReference.get(key(tenant, p.getMerchantReference()));
      if (exact != null && exact.getAmountMinor() == p.getGrossMinor()) {
        l1++;
        referencedByCaptures.add(exact.getExpectedId());
      } else if (exact != null) {
        assertThat(Math.abs(exact.getAmountMinor() - p.getGrossMinor())).isEqualTo(1);
        l2Rounding++;
        referencedByCaptures.add(exact.getExpectedId());
      } else {
        String written = p.getMerchantReference().toUpperCase(Locale.ROOT).replace(' ', '-');
        ExpectedPayment e = expectedByReference.get(key(tenant, written));
        assertThat(e).as("expected payment of %s", p.getMerchantReference()).isNotNull();
        assertThat(e.getAmountMinor()).isEqualTo(p.getGrossMinor());
        l2Reference++;
        referencedByCaptures.add(e.getExpectedId());
      }
    }
    assertThat(payouts.keySet()).isEqualTo(batchNet.keySet());
    payouts.forEach(
        (batch, payout) ->
            assertThat(payout.getNetMinor()).isEqualTo(batchNet.get(batch)).isPositive());
    long withReference = 0;
    for (BankLine line : c.bank) {
      assertThat(payouts.values())
          .anyMatch(
              p ->
                  p.getNetMinor() == line.getAmountMinor()
                      && p.getNetCurrency().equals(line.getCurrency()));
      if (!line.getReferences().isEmpty()) {
        withReference++;
        assertThat(payouts.values())
            .anyMatch(
                p ->
                    line.getReferences().contains(p.getBankReference())
                        && p.getNetMinor() == line.getAmountMinor());
      }
    }
    long unpaid = c.expected.size() - referencedByCaptures.size();

    assertThat(expected.matchesByRule())
        .containsEntry("L1 exact-reference", l1)
        .containsEntry("L1 original-capture", refunds)
        .containsEntry("L2 normalised-reference", l2Reference)
        .containsEntry("L2 reference-rounding", l2Rounding)
        .containsEntry("L3 batch-net-sum", (long) payouts.size())
        .containsEntry("L4 amount-reference", withReference)
        .containsEntry("L4 amount-value-date", c.bank.size() - withReference)
        .hasSize(7);
    assertThat(expected.exceptionsByReason())
        .containsExactly(Map.entry("L1 MISSING_IN_PSP", unpaid));
    assertThat(expected.journalEntries())
        .isEqualTo(l1 + l2Reference + l2Rounding + 2L * payouts.size());
    assertThat(expected.matchesByLevel())
        .containsEntry(MatchLevel.L1, l1 + refunds)
        .containsEntry(MatchLevel.L2, l2Reference + l2Rounding)
        .containsEntry(MatchLevel.L3, (long) payouts.size())
        .containsEntry(MatchLevel.L4, (long) c.bank.size());

    // Mostly L1, some of every other level: the shape the benchmark promises.
    assertThat(l1).isGreaterThan(10 * (l2Reference + l2Rounding));
    assertThat(l2Reference).isPositive();
    assertThat(l2Rounding).isPositive();
    assertThat(refunds).isPositive();
    assertThat(withReference).isPositive().isLessThan(c.bank.size());
    assertThat(unpaid).isPositive();
  }

  @Test
  void refusesSizesOutsideItsLimits() {
    assertThatThrownBy(() -> new WorkloadShape(WorkloadShape.MIN_RECORDS - 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkloadShape(WorkloadShape.MAX_RECORDS + 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkloadShape(10_000, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkloadShape(10_000, 1, WorkloadShape.MAX_TENANTS + 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String key(String tenant, String reference) {
    return tenant + "|" + reference;
  }
}
