package dev.recon.ingestion.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.recon.ingestion.file.RawFile;
import dev.recon.ingestion.publish.PublishReceipt;
import dev.recon.ingestion.secret.SecretUnavailableException;
import dev.recon.ingestion.store.AuditEntry;
import dev.recon.ingestion.store.ConnectorAuditLog;
import dev.recon.ingestion.webhook.config.PspWebhook;
import dev.recon.ingestion.webhook.config.SignatureScheme;
import dev.recon.ingestion.webhook.config.TenantWebhooks;
import dev.recon.ingestion.webhook.config.WebhookSettings;
import dev.recon.ingestion.webhook.event.EventKey;
import dev.recon.ingestion.webhook.event.EventKeys;
import dev.recon.ingestion.webhook.event.WebhookJson;
import dev.recon.ingestion.webhook.limit.BoundedBody;
import dev.recon.ingestion.webhook.limit.RefusalAuditBudget;
import dev.recon.ingestion.webhook.limit.TenantBuckets;
import dev.recon.ingestion.webhook.signature.SignatureVerdict;
import dev.recon.schemas.RawRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decides what happens to one webhook delivery, independent of the HTTP library: which tenant and
 * PSP it names, whether it is within the limits, whether its signature proves its origin, whether
 * it was received before, and only then publishes its raw body to Kafka. It answers 2xx only after
 * Kafka acknowledged the record, so a PSP that got a 2xx never needs to send the event again.
 */
public final class WebhookReceiver {
  /** The MDC key the logs carry a delivery's correlation id under (JSON logs: a field). */
  public static final String CORRELATION_MDC = "correlation_id";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);

  public static final String CONNECTOR = "webhook";
  public static final String ACTION = "receive";
  public static final String JSON_MEDIA_TYPE = "application/json";

  /** Adyen retries a notification until it reads exactly this body. */
  public static final String ADYEN_ACKNOWLEDGEMENT = "[accepted]";

  /** Sent back with every answer, and stored with the raw record: ties a delivery to its logs. */
  public static final String CORRELATION_HEADER = "X-Recon-Correlation-Id";

  /** Names from the URL go into audit subjects clipped to this and with odd characters masked. */
  public static final int MAX_SUBJECT_PART_CHARS = 64;

  private static final String TEXT = "text/plain; charset=utf-8";

  private final Map<String, TenantWebhooks> tenants;
  private final WebhookCollaborators collaborators;
  private final TenantBuckets rateLimits;
  private final RefusalAuditBudget refusalAudits;

  public WebhookReceiver(WebhookSettings settings, WebhookCollaborators collaborators) {
    settings.requireValid();
    this.collaborators = collaborators;
    this.tenants =
        settings.tenants().stream()
            .collect(Collectors.toUnmodifiableMap(TenantWebhooks::tenantId, Function.identity()));
    Map<String, Integer> rates = new HashMap<>();
    settings.tenants().forEach(t -> rates.put(t.tenantId(), t.requestsPerSecond()));
    this.rateLimits = new TenantBuckets(rates, collaborators.clock());
    List<String> auditKeys = new ArrayList<>(tenants.keySet());
    auditKeys.add(ConnectorAuditLog.UNKNOWN_TENANT);
    this.refusalAudits = new RefusalAuditBudget(auditKeys, collaborators.clock());
  }

  /** Who a delivery is audited under and how it is named. */
  private record Delivery(
      String tenantId, String connectorId, String subject, String correlationId, boolean adyen) {
    Delivery forEvent(EventKey key) {
      return new Delivery(
          tenantId, connectorId, subject + " event=" + key.dedupeKey(), correlationId, adyen);
    }
  }

  public WebhookReply receive(WebhookRequest request) {
    String correlationId = UUID.randomUUID().toString();
    // Every log line of this delivery carries the id its raw record and journal trail carry.
    try (MDC.MDCCloseable c = MDC.putCloseable(CORRELATION_MDC, correlationId)) {
      return receive(request, correlationId);
    }
  }

  private WebhookReply receive(WebhookRequest request, String correlationId) {
    String subject =
        request.method().toUpperCase(Locale.ROOT)
            + " /webhooks/"
            + masked(request.tenant())
            + "/"
            + masked(request.psp());
    TenantWebhooks tenant = tenants.get(request.tenant());
    if (tenant == null) {
      Delivery unknown =
          new Delivery(ConnectorAuditLog.UNKNOWN_TENANT, CONNECTOR, subject, correlationId, false);
      return refuse(
          unknown, WebhookOutcome.UNKNOWN_TENANT, "no webhooks are configured for this tenant");
    }
    PspWebhook psp = tenant.psp(request.psp()).orElse(null);
    if (psp == null) {
      Delivery unknownPsp =
          new Delivery(tenant.tenantId(), CONNECTOR, subject, correlationId, false);
      return refuse(unknownPsp, WebhookOutcome.UNKNOWN_PSP, "PSP not enabled for this tenant");
    }
    Delivery delivery =
        new Delivery(
            tenant.tenantId(),
            CONNECTOR + ":" + psp.psp(),
            subject,
            correlationId,
            psp.scheme() == SignatureScheme.ADYEN);
    return receive(request, tenant, psp, delivery);
  }

  private WebhookReply receive(
      WebhookRequest request, TenantWebhooks tenant, PspWebhook psp, Delivery delivery) {
    if (!request.method().equalsIgnoreCase("POST")) {
      return refuse(delivery, WebhookOutcome.METHOD_NOT_ALLOWED, "only POST is accepted");
    }
    if (!rateLimits.tryTake(tenant.tenantId())) {
      return refuse(
          delivery,
          WebhookOutcome.RATE_LIMITED,
          "over " + tenant.requestsPerSecond() + " requests per second");
    }
    if (!isJson(request.contentType())) {
      return refuse(
          delivery,
          WebhookOutcome.UNSUPPORTED_MEDIA_TYPE,
          "content type " + masked(String.valueOf(request.contentType())));
    }
    if (BoundedBody.declaredTooLarge(request.contentLength(), tenant.maxBodyBytes())) {
      return refuse(
          delivery,
          WebhookOutcome.BODY_TOO_LARGE,
          "declared "
              + request.contentLength()
              + " bytes, over the limit of "
              + tenant.maxBodyBytes());
    }
    Optional<byte[]> read;
    try {
      read = BoundedBody.read(request.body(), tenant.maxBodyBytes());
    } catch (IOException e) {
      return refuse(
          delivery,
          WebhookOutcome.MALFORMED_EVENT,
          "body could not be read: " + e.getClass().getSimpleName());
    }
    if (read.isEmpty()) {
      return refuse(
          delivery,
          WebhookOutcome.BODY_TOO_LARGE,
          "body over the limit of " + tenant.maxBodyBytes() + " bytes");
    }
    return verifyAndPublish(request, psp, delivery, read.get());
  }

  private WebhookReply verifyAndPublish(
      WebhookRequest request, PspWebhook psp, Delivery delivery, byte[] body) {
    Instant now = collaborators.clock().instant();
    List<byte[]> keys;
    try {
      keys = DeliverySignatures.keys(psp, collaborators.secrets());
    } catch (SecretUnavailableException | IllegalArgumentException e) {
      return refuse(delivery, WebhookOutcome.SECRET_UNAVAILABLE, e.getMessage());
    }
    SignatureScheme scheme = psp.scheme();
    Optional<JsonNode> json =
        scheme == SignatureScheme.STRIPE || scheme == SignatureScheme.ADYEN
            ? WebhookJson.read(body)
            : Optional.empty();
    SignatureVerdict verdict = DeliverySignatures.verify(request, psp, body, json, keys, now);
    if (!verdict.valid()) {
      return refuse(delivery, DeliverySignatures.outcomeOf(verdict), verdict.detail());
    }
    Optional<EventKey> key =
        switch (scheme) {
          case STRIPE -> json.flatMap(EventKeys::stripe);
          case ADYEN -> json.flatMap(EventKeys::adyen);
          case GENERIC_HMAC, MTN_MOMO, AIRTEL ->
              EventKeys.headerOrContent(request.header(EventKeys.EVENT_ID_HEADER), body);
        };
    if (key.isEmpty()) {
      return refuse(
          delivery,
          WebhookOutcome.MALFORMED_EVENT,
          "no valid event id (" + scheme + ") in a correctly signed body");
    }
    return publishOnce(psp, delivery.forEvent(key.get()), key.get(), body, now);
  }

  private WebhookReply publishOnce(
      PspWebhook psp, Delivery delivery, EventKey key, byte[] body, Instant now) {
    String source = WebhookSource.of(psp);
    try {
      Optional<PublishReceipt> earlier =
          collaborators.publishedObjects().find(delivery.tenantId(), source, key.dedupeKey());
      if (earlier.isPresent()) {
        return acknowledge(
            delivery, WebhookOutcome.DUPLICATE, "already published as " + earlier.get().rawId());
      }
    } catch (RuntimeException e) {
      LOG.error("dedupe lookup failed for {} {}", delivery.tenantId(), delivery.subject(), e);
      return refuse(delivery, WebhookOutcome.STORE_UNAVAILABLE, "dedupe store unavailable");
    }
    RawRecord raw =
        RawFile.toRawRecord(
            new RawFile.Origin(
                delivery.tenantId(), source, psp.psp(), key.fileName(), psp.scheme().formatHint()),
            body,
            now,
            delivery.correlationId());
    PublishReceipt receipt;
    try {
      receipt = collaborators.publisher().publish(raw);
    } catch (RuntimeException e) {
      LOG.warn(
          "publish failed for {} {}: {}", delivery.tenantId(), delivery.subject(), e.toString());
      return refuse(
          delivery, WebhookOutcome.PUBLISH_FAILED, "Kafka did not acknowledge; the PSP will retry");
    }
    try {
      collaborators
          .publishedObjects()
          .record(delivery.tenantId(), source, key.dedupeKey(), receipt);
    } catch (RuntimeException e) {
      // The record is durable in Kafka: acknowledge. A redelivery is published again, and
      // normalization's dedupe on the deterministic raw id makes that copy a no-op.
      LOG.error(
          "published {} but could not record it for dedupe; a redelivery will publish it again",
          receipt.rawId(),
          e);
    }
    return acknowledge(
        delivery,
        WebhookOutcome.ACCEPTED,
        "published "
            + body.length
            + " bytes as "
            + receipt.rawId()
            + " at "
            + receipt.topic()
            + "-"
            + receipt.partition()
            + "@"
            + receipt.offset()
            + " source "
            + source);
  }

  private WebhookReply acknowledge(Delivery delivery, WebhookOutcome outcome, String detail) {
    audit(delivery, outcome, detail);
    String body = delivery.adyen() ? ADYEN_ACKNOWLEDGEMENT : outcome.publicReason();
    return new WebhookReply(
        outcome, TEXT, body, Map.of(CORRELATION_HEADER, delivery.correlationId()));
  }

  private WebhookReply refuse(Delivery delivery, WebhookOutcome outcome, String detail) {
    if (refusalAudits.admit(delivery.tenantId())) {
      long leftOut = refusalAudits.takeSuppressed(delivery.tenantId());
      audit(
          delivery,
          outcome,
          leftOut == 0
              ? detail
              : detail + " (" + leftOut + " earlier refusals over the audit budget not written)");
    } else {
      LOG.debug("refusal over the audit budget: {} {}", delivery.subject(), outcome);
    }
    Map<String, String> headers = new HashMap<>();
    headers.put(CORRELATION_HEADER, delivery.correlationId());
    if (outcome == WebhookOutcome.METHOD_NOT_ALLOWED) {
      headers.put("Allow", "POST");
    } else if (outcome == WebhookOutcome.RATE_LIMITED) {
      headers.put("Retry-After", "1");
    }
    return new WebhookReply(outcome, TEXT, outcome.publicReason(), headers);
  }

  private void audit(Delivery delivery, WebhookOutcome outcome, String detail) {
    try {
      collaborators
          .auditLog()
          .record(
              new AuditEntry(
                  delivery.tenantId(),
                  delivery.connectorId(),
                  ACTION,
                  delivery.subject(),
                  outcome.audit(),
                  outcome + ": " + detail + " [correlation " + delivery.correlationId() + "]"));
    } catch (RuntimeException e) {
      LOG.error(
          "audit write failed for {} {} {}", delivery.tenantId(), delivery.subject(), outcome, e);
    }
  }

  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String mediaType = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return mediaType.strip().equalsIgnoreCase(JSON_MEDIA_TYPE);
  }

  /** URL parts are attacker-chosen: only safe characters, clipped, reach the audit table. */
  static String masked(String part) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < part.length() && out.length() < MAX_SUBJECT_PART_CHARS; i++) {
      char c = part.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || c == '.';
      out.append(safe ? c : '?');
    }
    return part.length() > MAX_SUBJECT_PART_CHARS ? out + "…" : out.toString();
  }
}
