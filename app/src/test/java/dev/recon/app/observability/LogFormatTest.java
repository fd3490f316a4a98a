package dev.recon.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/** The shipped logback.xml: text by default, one JSON object per event with RECON_LOG_FORMAT. */
class LogFormatTest {
  private final PrintStream originalErr = System.err;

  @AfterEach
  void restore() {
    System.setErr(originalErr);
    System.clearProperty("RECON_LOG_FORMAT");
    System.clearProperty("RECON_LOG_LEVEL");
  }

  @Test
  void jsonEventsCarryTheCorrelationIdFromTheMdc() throws Exception {
    String logged = logWith("json", "c0ffee-42");
    JsonNode event = new ObjectMapper().readTree(logged.lines().findFirst().orElseThrow());
    assertThat(event.path("level").asText()).isEqualTo("WARN");
    assertThat(event.path("loggerName").asText()).isEqualTo("dev.recon.test");
    assertThat(event.path("formattedMessage").asText()).isEqualTo("ledger write took 7 ms");
    assertThat(event.path("mdc").path("correlation_id").asText()).isEqualTo("c0ffee-42");
  }

  @Test
  void textLinesShowTheCorrelationIdOnlyWhenThereIsOne() throws Exception {
    assertThat(logWith("text", "c0ffee-42")).contains("[c0ffee-42] ledger write took 7 ms");
    assertThat(logWith("text", null)).contains("dev.recon.test - ledger write took 7 ms");
  }

  private String logWith(String format, String correlationId) throws Exception {
    System.setProperty("RECON_LOG_FORMAT", format);
    System.setProperty("RECON_LOG_LEVEL", "INFO");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL shipped = getClass().getResource("/logback.xml");
    assertThat(shipped).as("app's logback.xml on the classpath").isNotNull();
    configurator.doConfigure(shipped);
    Logger log = context.getLogger("dev.recon.test");
    if (correlationId != null) {
      MDC.put("correlation_id", correlationId);
    }
    try {
      log.warn("ledger write took {} ms", 7);
    } finally {
      MDC.remove("correlation_id");
      context.stop();
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
