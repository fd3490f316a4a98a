package dev.recon.reporting.web;

import dev.recon.reporting.access.Totp;
import dev.recon.reporting.access.TotpSecret;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client for tests. It keeps cookies itself: the JDK's CookieManager never
 * sends Secure cookies over http://, and the server marks every cookie Secure.
 */
final class Browserless {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  final String base;
  final Map<String, String> cookies = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  Browserless(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), null);
  }

  HttpResponse<String> post(String path, Map<String, String> form)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) -> {
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        null);
  }

  HttpResponse<String> api(String path, String key) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(HttpRequest.Builder b, Object unused)
      throws IOException, InterruptedException {
    if (!cookies.isEmpty()) {
      StringBuilder c = new StringBuilder();
      cookies.forEach(
          (k, v) -> c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      b.header("Cookie", c.toString());
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    for (String set : r.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (value.isEmpty() || set.contains("Max-Age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return r;
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF field in page:\n" + html);
    }
    return m.group(1);
  }

  /** Password step; returns the response to it. */
  HttpResponse<String> password(String user, String password)
      throws IOException, InterruptedException {
    String csrf = csrf(get("/login").body());
    return post("/login", Map.of("_csrf", csrf, "username", user, "password", password));
  }

  /** TOTP step with the code of the given step offset from now. */
  HttpResponse<String> totp(String secret, int stepOffset)
      throws IOException, InterruptedException {
    String csrf = csrf(get("/login/totp").body());
    long step = Totp.step(Instant.now()) + stepOffset;
    String code = Totp.code(new TotpSecret(secret).bytes(), step);
    return post("/login/totp", Map.of("_csrf", csrf, "code", code));
  }

  /** Both steps; the client then holds a signed-in session. */
  Browserless signIn(String user, String password, String secret)
      throws IOException, InterruptedException {
    HttpResponse<String> first = password(user, password);
    if (first.statusCode() != 303) {
      throw new AssertionError("password step answered " + first.statusCode());
    }
    HttpResponse<String> second = totp(secret, 0);
    if (second.statusCode() != 303) {
      throw new AssertionError("TOTP step answered " + second.statusCode());
    }
    return this;
  }

  /** The CSRF token of a page of the signed-in session. */
  String csrfOf(String path) throws IOException, InterruptedException {
    return csrf(get(path).body());
  }

  HttpResponse<String> postMulti(
      String path, Map<String, String> form, String repeated, List<String> values)
      throws IOException, InterruptedException {
    StringBuilder body = new StringBuilder(encode(form));
    for (String v : values) {
      body.append('&')
          .append(repeated)
          .append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        null);
  }

  HttpResponse<String> apiPost(String path, String key, Map<String, String> form)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) -> {
          if (body.length() > 0) {
            body.append('&');
          }
          body.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
    return body.toString();
  }
}
