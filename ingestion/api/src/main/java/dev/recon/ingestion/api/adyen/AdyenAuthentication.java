package dev.recon.ingestion.api.adyen;

import dev.recon.ingestion.api.SecretReferences;
import dev.recon.ingestion.secret.SecretResolver;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** How report downloads authenticate: a report user's basic auth, or an API key. */
public sealed interface AdyenAuthentication {

  /** Every problem, each naming its field. */
  List<String> problems(String field);

  /** The header name and value to send; resolves the secrets now (rotation takes effect). */
  Header header(SecretResolver secrets);

  /** A header to set on each request; {@link #toString} hides the value. */
  record Header(String name, String value) {
    @Override
    public String toString() {
      return name + ": ****";
    }
  }

  /** Basic auth of a report user ({@code report@Company.X}); both parts are secret references. */
  record Basic(String usernameRef, String passwordRef) implements AdyenAuthentication {
    @Override
    public List<String> problems(String field) {
      List<String> p = new ArrayList<>();
      SecretReferences.problem(usernameRef).ifPresent(m -> p.add(field + ".username_ref: " + m));
      SecretReferences.problem(passwordRef).ifPresent(m -> p.add(field + ".password_ref: " + m));
      return p;
    }

    @Override
    public Header header(SecretResolver secrets) {
      String pair =
          secrets.resolve(usernameRef).reveal() + ":" + secrets.resolve(passwordRef).reveal();
      return new Header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** An API key of a web service user with the report role, sent as {@code X-API-Key}. */
  record ApiKey(String apiKeyRef) implements AdyenAuthentication {
    @Override
    public List<String> problems(String field) {
      List<String> p = new ArrayList<>();
      SecretReferences.problem(apiKeyRef).ifPresent(m -> p.add(field + ".api_key_ref: " + m));
      return p;
    }

    @Override
    public Header header(SecretResolver secrets) {
      return new Header("X-API-Key", secrets.resolve(apiKeyRef).reveal());
    }
  }
}
