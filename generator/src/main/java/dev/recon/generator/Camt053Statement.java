package dev.recon.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A camt.053.001.08 message with one statement per currency account and booking day, balances that
 * foot from day to day (OPBD + entries = CLBD), each entry's AcctSvcrRef as its id and the payout
 * reference in its unstructured remittance information.
 */
final class Camt053Statement {
  /** The opening balance of each account on the first statement day. */
  static final long OPENING_MINOR = 2_500_000;

  private Camt053Statement() {}

  static String render(String tenant, List<String> currencies, List<BankEntry> entries) {
    Map<String, Map<LocalDate, List<BankEntry>>> byAccount =
        new TreeMap<>(Comparator.comparingInt(currencies::indexOf));
    for (BankEntry e : entries) {
      byAccount
          .computeIfAbsent(e.currency(), c -> new TreeMap<>())
          .computeIfAbsent(e.valueDate(), d -> new ArrayList<>())
          .add(e);
    }
    String tenantCode = tenant.toUpperCase(java.util.Locale.ROOT);
    StringBuilder x = new StringBuilder(entries.size() * 520 + 1000);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n")
        .append("  <BkToCstmrStmt>\n")
        .append("    <GrpHdr><MsgId>STMT-")
        .append(tenantCode)
        .append("</MsgId><CreDtTm>")
        .append(lastDay(entries))
        .append("T18:00:00+01:00</CreDtTm></GrpHdr>\n");
    for (Map.Entry<String, Map<LocalDate, List<BankEntry>>> account : byAccount.entrySet()) {
      String currency = account.getKey();
      long balance = OPENING_MINOR;
      for (Map.Entry<LocalDate, List<BankEntry>> day : account.getValue().entrySet()) {
        long closing = balance;
        for (BankEntry e : day.getValue()) {
          closing = Math.addExact(closing, e.amountMinor());
        }
        x.append("    <Stmt>\n      <Id>")
            .append(tenantCode)
            .append('-')
            .append(currency)
            .append('-')
            .append(day.getKey())
            .append("</Id>\n      <CreDtTm>")
            .append(day.getKey())
            .append("T18:00:00+01:00</CreDtTm>\n      <Acct><Id><IBAN>")
            .append(iban(currency))
            .append("</IBAN></Id><Ccy>")
            .append(currency)
            .append("</Ccy></Acct>\n");
        balance(x, "OPBD", balance, currency, day.getKey().minusDays(1));
        balance(x, "CLBD", closing, currency, day.getKey());
        for (BankEntry e : day.getValue()) {
          entry(x, e);
        }
        x.append("    </Stmt>\n");
        balance = closing;
      }
    }
    x.append("  </BkToCstmrStmt>\n</Document>\n");
    return x.toString();
  }

  private static void entry(StringBuilder x, BankEntry e) {
    x.append("      <Ntry>\n        <Amt Ccy=\"")
        .append(e.currency())
        .append("\">")
        .append(MajorUnits.of(Math.abs(e.amountMinor())))
        .append("</Amt>\n        <CdtDbtInd>")
        .append(e.amountMinor() >= 0 ? "CRDT" : "DBIT")
        .append("</CdtDbtInd>\n        <Sts><Cd>BOOK</Cd></Sts>\n        <BookgDt><Dt>")
        .append(e.valueDate())
        .append("</Dt></BookgDt>\n        <ValDt><Dt>")
        .append(e.valueDate())
        .append("</Dt></ValDt>\n        <AcctSvcrRef>")
        .append(e.lineId())
        .append("</AcctSvcrRef>\n        <NtryDtls><TxDtls><RmtInf><Ustrd>")
        .append(escape(e.remittance()))
        .append("</Ustrd></RmtInf></TxDtls></NtryDtls>\n      </Ntry>\n");
  }

  private static void balance(StringBuilder x, String code, long minor, String ccy, LocalDate day) {
    x.append("      <Bal><Tp><CdOrPrtry><Cd>")
        .append(code)
        .append("</Cd></CdOrPrtry></Tp><Amt Ccy=\"")
        .append(ccy)
        .append("\">")
        .append(MajorUnits.of(Math.abs(minor)))
        .append("</Amt><CdtDbtInd>")
        .append(minor >= 0 ? "CRDT" : "DBIT")
        .append("</CdtDbtInd><Dt><Dt>")
        .append(day)
        .append("</Dt></Dt></Bal>\n");
  }

  private static String iban(String currency) {
    return switch (currency) {
      case "EUR" -> "NL91ABNA0417164300";
      case "USD" -> "NL02ABNA0123456789";
      default -> "GB33BUKB20201555555555";
    };
  }

  private static LocalDate lastDay(List<BankEntry> entries) {
    return entries.stream()
        .map(BankEntry::valueDate)
        .max(Comparator.naturalOrder())
        .orElse(LocalDate.EPOCH);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
