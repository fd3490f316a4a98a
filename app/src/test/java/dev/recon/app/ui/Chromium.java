package dev.recon.app.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian chromium driven through chromedriver's W3C WebDriver protocol on 127.0.0.1: the
 * app module has no Selenium, and the few commands an end-to-end walk needs fit here.
 */
final class Chromium implements AutoCloseable {
  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Duration COMMAND = Duration.ofSeconds(90);
  // chromedriver may answer a click before the navigation it starts has replaced the page (seen
  // in CI under load): a click that navigates waits until the old document is gone
  private static final Duration NAVIGATION = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final String base;
  private final HttpClient http;
  private final Path dir;
  private String session;

  private Chromium(Process driver, String base, Path dir) {
    this.driver = driver;
    this.base = base;
    this.dir = dir;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A new browser with its own profile under {@code dir}. */
  static Chromium start(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Process p =
        new ProcessBuilder(CHROMEDRIVER, "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromedriver.log").toFile())
            .start();
    Chromium c = new Chromium(p, "http://127.0.0.1:" + port, dir);
    try {
      c.awaitReady();
      Map<String, Object> options =
          Map.of(
              "binary",
              CHROMIUM,
              "args",
              List.of(
                  "--headless=new",
                  "--no-sandbox",
                  "--disable-gpu",
                  "--disable-dev-shm-usage",
                  "--disable-background-networking",
                  "--disable-component-update",
                  "--disable-sync",
                  "--no-first-run",
                  "--user-data-dir=" + Files.createDirectories(dir.resolve("profile"))));
      JsonNode created =
          c.call(
              "POST",
              "/session",
              Map.of(
                  "capabilities",
                  Map.of(
                      "alwaysMatch",
                      Map.of("browserName", "chrome", "goog:chromeOptions", options))));
      c.session = created.path("sessionId").asText();
      return c;
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (true) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "/status")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200
            && JSON.readTree(r.body()).path("value").path("ready").asBoolean()) {
          return;
        }
      } catch (IOException notYet) {
        // chromedriver has not bound its port yet
      }
      if (System.nanoTime() > deadline || !driver.isAlive()) {
        throw new IOException("chromedriver did not start; log in " + dir);
      }
      Thread.sleep(100);
    }
  }

  private JsonNode call(String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(COMMAND)
            .header("Content-Type", "application/json");
    if (method.equals("GET")) {
      b.GET();
    } else if (method.equals("DELETE")) {
      b.DELETE();
    } else {
      b.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode tree = JSON.readTree(r.body());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          method + " " + path + " -> " + r.statusCode() + ": " + tree.path("value"));
    }
    return tree.path("value");
  }

  private JsonNode in(String method, String path, Object body) {
    try {
      return call(method, "/session/" + session + path, body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void open(String url) {
    in("POST", "/url", Map.of("url", url));
  }

  String url() {
    return in("GET", "/url", null).asText();
  }

  String source() {
    return in("GET", "/source", null).asText();
  }

  /** Elements by CSS selector, in document order. */
  List<String> all(String css) {
    return find("css selector", css);
  }

  private List<String> find(String using, String value) {
    List<String> ids = new ArrayList<>();
    in("POST", "/elements", Map.of("using", using, "value", value))
        .forEach(e -> ids.add(e.path(ELEMENT).asText()));
    return ids;
  }

  private String one(String using, String value) {
    List<String> found = find(using, value);
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "no element " + value + " on " + url() + "; screenshot " + screenshot());
    }
    return found.get(0);
  }

  String css(String css) {
    return one("css selector", css);
  }

  String link(String text) {
    return one("link text", text);
  }

  void click(String element) {
    in("POST", "/element/" + element + "/click", Map.of());
  }

  /** Clicks a link or submit button and returns once the page it leads to has replaced this one. */
  void follow(String element) {
    String page = css("html");
    click(element);
    long deadline = System.nanoTime() + NAVIGATION.toNanos();
    while (!stale(page)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "no navigation within " + NAVIGATION + " on " + url() + "; screenshot " + screenshot());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private boolean stale(String element) {
    try {
      call("GET", "/session/" + session + "/element/" + element + "/name", null);
      return false;
    } catch (IllegalStateException e) {
      // an element of a replaced document is "stale", or unknown to the new one
      String m = String.valueOf(e.getMessage());
      if (m.contains("stale element reference") || m.contains("no such element")) {
        return true;
      }
      throw e;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  void type(String element, String text) {
    in("POST", "/element/" + element + "/clear", Map.of());
    in("POST", "/element/" + element + "/value", Map.of("text", text));
  }

  String text(String element) {
    return in("GET", "/element/" + element + "/text", null).asText();
  }

  String property(String element, String name) {
    return in("GET", "/element/" + element + "/property/" + name, null).asText();
  }

  /** Saves a screenshot next to the profile and returns its path, for failure messages. */
  String screenshot() {
    try {
      Path png = dir.resolve("screenshot-" + System.nanoTime() + ".png");
      Files.write(png, Base64.getDecoder().decode(in("GET", "/screenshot", null).asText()));
      return png.toString();
    } catch (IOException | RuntimeException e) {
      return "(no screenshot: " + e + ")";
    }
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        call("DELETE", "/session/" + session, null);
      }
    } catch (IOException | RuntimeException e) {
      // the browser is going away regardless
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      driver.destroy();
    }
  }
}
