package dev.recon.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Structural checks on a parsed Terraform tree, standing in for {@code terraform validate} and a
 * linter (neither can run here). Each returns what it rejects; an empty list is a pass.
 */
final class TerraformChecks {
  static final String VARIABLES = "variables typed and described";
  static final String VARIABLE_REFERENCES = "variables declared and used";
  static final String MODULE_INPUTS = "module inputs";
  static final String MODULE_OUTPUTS = "module outputs";
  static final String LITERAL_SECRETS = "no literal secrets";
  static final String TAGS = "tags";
  static final String PROVIDERS = "providers pinned";
  static final String RDS = "rds";
  static final String S3 = "s3";

  /** Arguments of a module block that are Terraform's own, not inputs of the module. */
  static final Set<String> MODULE_META_ARGUMENTS =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  /** Resource types that take tags, and must carry the common ones. */
  static final Set<String> TAGGABLE =
      Set.of(
          "aws_vpc",
          "aws_subnet",
          "aws_internet_gateway",
          "aws_eip",
          "aws_nat_gateway",
          "aws_route_table",
          "aws_vpc_endpoint",
          "aws_security_group",
          "aws_vpc_security_group_ingress_rule",
          "aws_vpc_security_group_egress_rule",
          "aws_kms_key",
          "aws_cloudwatch_log_group",
          "aws_msk_cluster",
          "aws_db_subnet_group",
          "aws_db_parameter_group",
          "aws_db_instance",
          "aws_s3_bucket",
          "aws_secretsmanager_secret",
          "aws_iam_role",
          "aws_kinesisanalyticsv2_application",
          "aws_sns_topic",
          "aws_cloudwatch_metric_alarm");

  /**
   * Resource types that take no tags. A type in neither set is reported, so a new resource type is
   * classified on purpose rather than slipping through untagged.
   */
  static final Set<String> UNTAGGABLE =
      Set.of(
          "aws_route",
          "aws_route_table_association",
          "aws_msk_configuration",
          "aws_cloudwatch_log_stream",
          "aws_s3_bucket_ownership_controls",
          "aws_s3_bucket_public_access_block",
          "aws_s3_bucket_versioning",
          "aws_s3_bucket_server_side_encryption_configuration",
          "aws_s3_bucket_object_lock_configuration",
          "aws_s3_bucket_lifecycle_configuration",
          "aws_s3_bucket_policy",
          "aws_secretsmanager_secret_version",
          "aws_iam_role_policy",
          "aws_sns_topic_subscription",
          "random_password");

  /** Tag keys every root configuration sets on everything through the provider's default_tags. */
  static final List<String> REQUIRED_TAG_KEYS = List.of("Project", "Environment", "Owner");

  /** Attribute names whose value is a secret (the end of the name decides). */
  static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(password|passwd|passphrase|secret|token|apikey|api_key|private_key|secret_key"
              + "|access_key|credential|credentials|secret_string|secret_binary)$");

  /**
   * A secret written as a quoted literal inside an expression, e.g. jsonencode({password = "x"}).
   */
  static final Pattern SECRET_IN_EXPRESSION =
      Pattern.compile(
          "(?i)[a-z0-9_]*(password|passwd|secret|token|api_?key)\"?\\s*[=:]\\s*\\\\?\"[^\"$\\\\]*\\\\?\"");

  static final int MIN_BACKUP_RETENTION_DAYS = 7;

  private static final Pattern VAR_REFERENCE =
      Pattern.compile("\\bvar\\.([A-Za-z_][A-Za-z0-9_-]*)");
  private static final Pattern UPPER_BOUND =
      Pattern.compile("~>|<|^\\s*=?\\s*[0-9]+(\\.[0-9]+)*\\s*$");
  private static final Set<String> ENCRYPTION_ALGORITHMS =
      Set.of("aws:kms", "aws:kms:dsse", "AES256");
  private static final List<String> PUBLIC_ACCESS_FLAGS =
      List.of(
          "block_public_acls",
          "block_public_policy",
          "ignore_public_acls",
          "restrict_public_buckets");

  private final TerraformTree tree;
  private final TerraformValues values;

  TerraformChecks(TerraformTree tree) {
    this.tree = tree;
    this.values = new TerraformValues(tree);
  }

  List<Finding> all() {
    List<Finding> all = new ArrayList<>();
    all.addAll(variablesTypedAndDescribed());
    all.addAll(variableReferences());
    all.addAll(moduleInputs());
    all.addAll(moduleOutputs());
    all.addAll(literalSecrets());
    all.addAll(tags());
    all.addAll(providersPinned());
    all.addAll(rds());
    all.addAll(s3());
    return all;
  }

  /** Every variable has a type and a non-blank description. */
  List<Finding> variablesTypedAndDescribed() {
    List<Finding> findings = new ArrayList<>();
    for (TerraformDirectory d : tree.directories().values()) {
      d.variables()
          .forEach(
              (name, body) -> {
                String where = tree.where(d.dir()) + " variable." + name;
                if (body.path("type").asText("").isBlank()) {
                  findings.add(new Finding(VARIABLES, where, "has no type"));
                }
                if (body.path("description").asText("").isBlank()) {
                  findings.add(new Finding(VARIABLES, where, "has no description"));
                }
              });
    }
    return findings;
  }

  /** Every {@code var.x} refers to a declared variable, and every declared variable is used. */
  List<Finding> variableReferences() {
    List<Finding> findings = new ArrayList<>();
    for (TerraformDirectory d : tree.directories().values()) {
      Set<String> declared = d.variables().keySet();
      Set<String> used = new LinkedHashSet<>();
      // Uses inside a variable's own validation block do not count as uses.
      Matcher m = VAR_REFERENCE.matcher(d.textWithout("variable"));
      while (m.find()) {
        used.add(m.group(1));
      }
      Matcher inValidations = VAR_REFERENCE.matcher(d.text());
      Set<String> referenced = new LinkedHashSet<>(used);
      while (inValidations.find()) {
        referenced.add(inValidations.group(1));
      }
      for (String name : referenced) {
        if (!declared.contains(name)) {
          findings.add(
              new Finding(
                  VARIABLE_REFERENCES, tree.where(d.dir()), "var." + name + " is not declared"));
        }
      }
      for (String name : declared) {
        if (!used.contains(name)) {
          findings.add(
              new Finding(
                  VARIABLE_REFERENCES,
                  tree.where(d.dir()) + " variable." + name,
                  "is declared but never used"));
        }
      }
    }
    return findings;
  }

  /**
   * Every module call points at a folder of this tree, passes only inputs the module declares, and
   * passes every input without a default.
   */
  List<Finding> moduleInputs() {
    List<Finding> findings = new ArrayList<>();
    for (TerraformTree.ModuleCall call : tree.calls()) {
      String where = tree.where(call.caller().dir()) + " module." + call.name();
      TerraformDirectory target = tree.directories().get(call.target());
      if (target == null) {
        findings.add(
            new Finding(
                MODULE_INPUTS,
                where,
                "source " + call.body().path("source").asText() + " is not a module of this tree"));
        continue;
      }
      Map<String, JsonNode> declared = target.variables();
      for (Map.Entry<String, JsonNode> arg : call.body().properties()) {
        String input = arg.getKey();
        if (!MODULE_META_ARGUMENTS.contains(input) && !declared.containsKey(input)) {
          findings.add(
              new Finding(
                  MODULE_INPUTS,
                  where,
                  "passes " + input + ", which " + tree.where(target.dir()) + " does not declare"));
        }
      }
      declared.forEach(
          (name, body) -> {
            if (!body.has("default") && !call.body().has(name)) {
              findings.add(
                  new Finding(MODULE_INPUTS, where, "does not pass required input " + name));
            }
          });
    }
    return findings;
  }

  /**
   * Every output has a description, and every output of a called module is read by at least one of
   * its callers ({@code module.<call>.<output>}): a module's interface has no dead ends. Outputs of
   * root configurations (the environments) are what operators read and need no reader here.
   */
  List<Finding> moduleOutputs() {
    List<Finding> findings = new ArrayList<>();
    for (TerraformDirectory d : tree.directories().values()) {
      List<TerraformTree.ModuleCall> callers = tree.callsInto(d.dir());
      d.outputs()
          .forEach(
              (name, body) -> {
                String where = tree.where(d.dir()) + " output." + name;
                if (body.path("description").asText("").isBlank()) {
                  findings.add(new Finding(MODULE_OUTPUTS, where, "has no description"));
                }
                if (!callers.isEmpty() && callers.stream().noneMatch(c -> reads(c, name))) {
                  findings.add(new Finding(MODULE_OUTPUTS, where, "is used by no caller"));
                }
              });
    }
    return findings;
  }

  private static boolean reads(TerraformTree.ModuleCall call, String output) {
    Pattern reference =
        Pattern.compile(
            "\\bmodule\\."
                + Pattern.quote(call.name())
                + "(\\[[^\\]]*\\])?\\."
                + Pattern.quote(output)
                + "\\b");
    return reference.matcher(call.caller().text()).find();
  }

  /**
   * No secret in the code: an attribute named like a secret holds a reference, never a literal; a
   * variable named like a secret is sensitive and has no default; no expression embeds a quoted
   * secret.
   */
  List<Finding> literalSecrets() {
    List<Finding> findings = new ArrayList<>();
    for (TerraformDirectory d : tree.directories().values()) {
      d.files().forEach((file, body) -> walkForSecrets(tree.where(file), body, findings));
      d.variables()
          .forEach(
              (name, body) -> {
                if (SECRET_NAME.matcher(name).matches()) {
                  String where = tree.where(d.dir()) + " variable." + name;
                  if (!body.path("sensitive").asBoolean(false)) {
                    findings.add(new Finding(LITERAL_SECRETS, where, "is not sensitive = true"));
                  }
                  JsonNode fallback = body.get("default");
                  if (fallback != null && !fallback.isNull()) {
                    findings.add(new Finding(LITERAL_SECRETS, where, "has a default value"));
                  }
                }
              });
    }
    return findings;
  }

  private static void walkForSecrets(String where, JsonNode node, List<Finding> findings) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        JsonNode value = e.getValue();
        String at = where + " " + e.getKey();
        if (SECRET_NAME.matcher(e.getKey()).matches()
            && value.isTextual()
            && !value.asText().startsWith("${")) {
          findings.add(new Finding(LITERAL_SECRETS, at, "is a literal, not a reference"));
        }
        walkForSecrets(at, value, findings);
      }
    } else if (node.isArray()) {
      node.forEach(n -> walkForSecrets(where, n, findings));
    } else if (node.isTextual() && SECRET_IN_EXPRESSION.matcher(node.asText()).find()) {
      findings.add(new Finding(LITERAL_SECRETS, where, "embeds a quoted secret in an expression"));
    }
  }

  /**
   * Every root sets the common tags on its AWS provider (default_tags), and every taggable resource
   * also passes them on explicitly ({@code var.tags} or {@code local.tags}, possibly merged with
   * more), so a resource keeps them even where default_tags do not reach (e.g. Auto Scaling).
   */
  List<Finding> tags() {
    List<Finding> findings = new ArrayList<>();
    for (TerraformDirectory d : tree.directories().values()) {
      for (TerraformDirectory.Block r : d.resources()) {
        String where = tree.where(d.dir()) + " " + r.address();
        if (TAGGABLE.contains(r.type())) {
          String tags = r.body().path("tags").asText("");
          if (!tags.contains("var.tags") && !tags.contains("local.tags")) {
            findings.add(new Finding(TAGS, where, "does not set tags from var.tags or local.tags"));
          }
        } else if (!UNTAGGABLE.contains(r.type())) {
          findings.add(
              new Finding(
                  TAGS,
                  where,
                  "type " + r.type() + " is neither in TAGGABLE nor in UNTAGGABLE: classify it"));
        }
      }
      if (tree.isRoot(d.dir()) && (!d.resources().isEmpty() || !d.moduleCalls().isEmpty())) {
        findings.addAll(defaultTags(d));
      }
    }
    return findings;
  }

  private List<Finding> defaultTags(TerraformDirectory root) {
    String where = tree.where(root.dir()) + " provider.aws";
    List<JsonNode> aws = root.providers().getOrDefault("aws", List.of());
    if (aws.isEmpty()) {
      return List.of(new Finding(TAGS, where, "root configures no aws provider"));
    }
    List<Finding> findings = new ArrayList<>();
    for (JsonNode provider : aws) {
      JsonNode tags = TerraformDirectory.first(provider.path("default_tags")).path("tags");
      if (tags.isMissingNode()) {
        findings.add(new Finding(TAGS, where, "has no default_tags"));
        continue;
      }
      for (TerraformValues.Resolved value : values.resolve(root, tags)) {
        if (value.value() == null || !value.value().isObject()) {
          findings.add(
              new Finding(TAGS, where, "default_tags are not a literal map: cannot check keys"));
          continue;
        }
        for (String key : REQUIRED_TAG_KEYS) {
          if (!value.value().has(key)) {
            findings.add(new Finding(TAGS, where, "default_tags lack " + key));
          }
        }
      }
    }
    return findings;
  }

  /**
   * Every provider a configuration uses is in its required_providers with a source and a version
   * constraint with an upper bound ({@code ~>}, {@code <} or exact), and Terraform's own version is
   * constrained the same way.
   */
  List<Finding> providersPinned() {
    List<Finding> findings = new ArrayList<>();
    for (TerraformDirectory d : tree.directories().values()) {
      String where = tree.where(d.dir());
      Set<String> used = new LinkedHashSet<>();
      List<TerraformDirectory.Block> blocks = new ArrayList<>(d.resources());
      blocks.addAll(d.dataSources());
      blocks.forEach(b -> used.add(b.type().substring(0, b.type().indexOf('_'))));
      used.addAll(d.providers().keySet());
      if (used.isEmpty() && d.moduleCalls().isEmpty()) {
        continue;
      }
      String terraformVersion = "";
      JsonNode required = null;
      for (JsonNode t : d.terraformBlocks()) {
        if (t.has("required_version")) {
          terraformVersion = t.path("required_version").asText("");
        }
        if (t.has("required_providers")) {
          required = TerraformDirectory.first(t.path("required_providers"));
        }
      }
      if (!UPPER_BOUND.matcher(terraformVersion).find()) {
        findings.add(
            new Finding(
                PROVIDERS,
                where,
                "required_version '" + terraformVersion + "' has no upper bound"));
      }
      for (String provider : used) {
        JsonNode spec = required == null ? null : required.get(provider);
        if (spec == null) {
          findings.add(new Finding(PROVIDERS, where, provider + " is not in required_providers"));
          continue;
        }
        if (spec.path("source").asText("").isBlank()) {
          findings.add(new Finding(PROVIDERS, where, provider + " has no source"));
        }
        String version = spec.path("version").asText("");
        if (!UPPER_BOUND.matcher(version).find()) {
          findings.add(
              new Finding(
                  PROVIDERS,
                  where,
                  provider
                      + " version '"
                      + version
                      + "' is not pinned (use ~> or an upper bound)"));
        }
      }
    }
    return findings;
  }

  /**
   * Every PostgreSQL instance, in every root that deploys it: Multi-AZ, encrypted storage, at least
   * {@value #MIN_BACKUP_RETENTION_DAYS} days of backups (the point-in-time-recovery window), its
   * own parameter group, and deletion protection in production.
   */
  List<Finding> rds() {
    List<Finding> findings = new ArrayList<>();
    for (TerraformDirectory d : tree.directories().values()) {
      for (TerraformDirectory.Block db : d.resources()) {
        if (!db.type().equals("aws_db_instance")) {
          continue;
        }
        String where = tree.where(d.dir()) + " " + db.address();
        JsonNode body = db.body();
        for (TerraformValues.Resolved v : values.resolve(d, body.get("multi_az"))) {
          if (!v.isTrue()) {
            findings.add(new Finding(RDS, in(where, v), "multi_az is not true"));
          }
        }
        for (TerraformValues.Resolved v : values.resolve(d, body.get("storage_encrypted"))) {
          if (!v.isTrue()) {
            findings.add(new Finding(RDS, in(where, v), "storage_encrypted is not true"));
          }
        }
        for (TerraformValues.Resolved v : values.resolve(d, body.get("backup_retention_period"))) {
          Long days = v.asLong();
          if (days == null || days < MIN_BACKUP_RETENTION_DAYS) {
            findings.add(
                new Finding(
                    RDS,
                    in(where, v),
                    "backup_retention_period is "
                        + (days == null ? "not a known number" : days)
                        + ", needs >= "
                        + MIN_BACKUP_RETENTION_DAYS));
          }
        }
        for (TerraformValues.Resolved v : values.resolve(d, body.get("deletion_protection"))) {
          if (isProduction(v.root()) && !v.isTrue()) {
            findings.add(
                new Finding(RDS, in(where, v), "deletion_protection is not true in production"));
          }
        }
        if (!body.path("parameter_group_name").asText("").contains("aws_db_parameter_group.")) {
          findings.add(
              new Finding(RDS, where, "does not use a parameter group of this configuration"));
        }
      }
    }
    return findings;
  }

  private String in(String where, TerraformValues.Resolved v) {
    return where + " (in " + tree.where(v.root()) + ")";
  }

  static boolean isProduction(Path root) {
    return root.getFileName() != null && root.getFileName().toString().equals("production");
  }

  /**
   * Every bucket has server-side encryption, a public access block with all four flags on, and a
   * lifecycle configuration with an enabled rule, each as its own resource on that bucket.
   */
  List<Finding> s3() {
    List<Finding> findings = new ArrayList<>();
    for (TerraformDirectory d : tree.directories().values()) {
      for (TerraformDirectory.Block bucket : d.resources()) {
        if (!bucket.type().equals("aws_s3_bucket")) {
          continue;
        }
        String where = tree.where(d.dir()) + " " + bucket.address();
        List<TerraformDirectory.Block> encryption =
            on(d, bucket, "aws_s3_bucket_server_side_encryption_configuration");
        boolean encrypted =
            encryption.stream()
                .anyMatch(
                    e ->
                        ENCRYPTION_ALGORITHMS.contains(
                            TerraformDirectory.first(
                                    TerraformDirectory.first(e.body().path("rule"))
                                        .path("apply_server_side_encryption_by_default"))
                                .path("sse_algorithm")
                                .asText("")));
        if (!encrypted) {
          findings.add(new Finding(S3, where, "has no server-side encryption configuration"));
        }
        boolean blocked =
            on(d, bucket, "aws_s3_bucket_public_access_block").stream()
                .anyMatch(
                    b ->
                        PUBLIC_ACCESS_FLAGS.stream()
                            .allMatch(f -> b.body().path(f).asBoolean(false)));
        if (!blocked) {
          findings.add(
              new Finding(S3, where, "has no public access block with all four flags true"));
        }
        boolean lifecycle =
            on(d, bucket, "aws_s3_bucket_lifecycle_configuration").stream()
                .anyMatch(
                    l -> {
                      for (JsonNode rule : l.body().path("rule")) {
                        if ("Enabled".equals(rule.path("status").asText())) {
                          return true;
                        }
                      }
                      return false;
                    });
        if (!lifecycle) {
          findings.add(
              new Finding(S3, where, "has no lifecycle configuration with an enabled rule"));
        }
      }
    }
    return findings;
  }

  /** Resources of a type in the same configuration whose bucket is the given bucket resource. */
  private static List<TerraformDirectory.Block> on(
      TerraformDirectory d, TerraformDirectory.Block bucket, String type) {
    Pattern reference =
        Pattern.compile(
            "\\baws_s3_bucket\\." + Pattern.quote(bucket.name()) + "(\\[[^\\]]*\\])?\\.");
    return d.resources().stream()
        .filter(r -> r.type().equals(type))
        .filter(r -> reference.matcher(r.body().path("bucket").asText("")).find())
        .toList();
  }
}
