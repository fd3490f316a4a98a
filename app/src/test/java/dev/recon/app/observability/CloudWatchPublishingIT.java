package dev.recon.app.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import dev.recon.app.platform.CloudWatchTarget;
import io.micrometer.core.instrument.MockClock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * recon run's alarm metrics through the real AWS SDK client to a CloudWatch stand-in on 127.0.0.1:
 * the PutMetricData request on the wire carries the namespace, the metric names and the Environment
 * dimension the alarms read, and the step's values.
 */
class CloudWatchPublishingIT {
  private static final String ACCESS_KEY = "AKIDRECONSTANDIN";
  private static final String SECRET_KEY = "stand-in-secret-never-sent";

  @Test
  @Timeout(60)
  void putMetricDataCarriesWhatTheAlarmsRead() throws Exception {
    MockClock clock = new MockClock();
    clock.add(System.currentTimeMillis(), TimeUnit.MILLISECONDS);
    try (CloudWatchStandIn cloudWatch = CloudWatchStandIn.start()) {
      CloudWatchTarget target =
          new CloudWatchTarget("Recon", "staging", "eu-west-1", cloudWatch.endpoint());
      try (AlarmMetrics metrics =
          AlarmMetrics.publishTo(
              target,
              StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)),
              clock,
              false)) {
        metrics.deadLetters(3);
        metrics.deadLetters(1);
        metrics.openBreaks(OptionalLong.of(12));
        clock.add(AlarmMetrics.STEP);

        metrics.publishNow();
      }

      CloudWatchStandIn.Request request = cloudWatch.requests().poll(30, TimeUnit.SECONDS);
      assertThat(request).as("a PutMetricData request within 30 s").isNotNull();
      assertThat(cloudWatch.requests()).as("one publish, nothing else").isEmpty();

      // Smithy RPCv2 CBOR, which this SDK version prefers for CloudWatch over the AWS query form
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.path())
          .isEqualTo("/service/GraniteServiceVersion20100801/operation/PutMetricData");
      assertThat(request.header("Content-Type")).isEqualTo("application/cbor");
      assertThat(request.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
      assertThat(request.header("Authorization"))
          .startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
          .contains("/eu-west-1/monitoring/aws4_request");
      assertThat(
              String.join("\n", allHeaderValues(request))
                  + new String(request.body(), StandardCharsets.ISO_8859_1))
          .doesNotContain(SECRET_KEY);

      JsonNode put = new CBORMapper().readTree(request.body());
      assertThat(put.path("Namespace").asText()).isEqualTo("Recon");
      List<String> data = new ArrayList<>();
      for (JsonNode datum : put.path("MetricData")) {
        assertThat(datum.path("Dimensions")).hasSize(1);
        JsonNode dimension = datum.path("Dimensions").get(0);
        data.add(
            datum.path("MetricName").asText()
                + " "
                + dimension.path("Name").asText()
                + "="
                + dimension.path("Value").asText()
                + " "
                + datum.path("Value").asDouble()
                + " "
                + datum.path("Unit").asText()
                + " "
                + datum.path("StorageResolution").asInt());
      }
      assertThat(data)
          .containsExactlyInAnyOrder(
              "DeadLetters Environment=staging 4.0 Count 60",
              "OpenBreaks Environment=staging 12.0 Count 60");
    }
  }

  private static List<String> allHeaderValues(CloudWatchStandIn.Request request) {
    List<String> values = new ArrayList<>();
    request.headers().forEach((k, v) -> values.add(k + ": " + String.join(",", v)));
    return values;
  }
}
