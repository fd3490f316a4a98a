package dev.recon.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check rejects a fixture under src/test/resources/fixtures/terraform broken for it. */
class TerraformChecksTest {

  /** The fixtures that parse; invalid-syntax is parsed on its own, since it fails the run. */
  private static final List<String> PARSEABLE =
      List.of(
          "missing-type",
          "literal-secrets",
          "module-calls",
          "untagged",
          "unpinned",
          "weak-rds",
          "open-bucket");

  private static Map<Path, TerraformTree> trees;

  @BeforeAll
  static void parseFixtures() throws Exception {
    trees =
        TerraformTree.loadEach(
            PARSEABLE.stream().map(f -> InfraPaths.fixture("terraform/" + f)).toList(),
            HclParser.ofModule());
  }

  private static TerraformChecks checksOf(String fixture) {
    return new TerraformChecks(trees.get(InfraPaths.fixture("terraform/" + fixture)));
  }

  private static List<String> lines(List<Finding> findings) {
    return findings.stream().map(f -> f.where() + ": " + f.message()).toList();
  }

  @Test
  void rejectsVariablesWithoutTypeOrDescription() throws Exception {
    assertThat(lines(checksOf("missing-type").variablesTypedAndDescribed()))
        .containsExactlyInAnyOrder(
            ". variable.region: has no type", ". variable.zone: has no description");
  }

  @Test
  void rejectsUndeclaredAndUnusedVariables() throws Exception {
    assertThat(lines(checksOf("missing-type").variableReferences()))
        .containsExactlyInAnyOrder(
            ".: var.nowhere is not declared", ". variable.unused: is declared but never used");
  }

  @Test
  void rejectsLiteralSecrets() throws Exception {
    assertThat(lines(checksOf("literal-secrets").literalSecrets()))
        .containsExactlyInAnyOrder(
            "main.tf resource aws_db_instance db password: is a literal, not a reference",
            "main.tf resource aws_secretsmanager_secret_version v secret_string:"
                + " embeds a quoted secret in an expression",
            ". variable.api_token: is not sensitive = true",
            ". variable.api_token: has a default value");
  }

  @Test
  void rejectsUndeclaredMissingAndUnknownModuleInputs() throws Exception {
    assertThat(lines(checksOf("module-calls").moduleInputs()))
        .containsExactlyInAnyOrder(
            "environments/production module.box: passes colour, which modules/box does not declare",
            "environments/production module.box: does not pass required input size",
            "environments/production module.ghost: source ../../modules/missing is not a module"
                + " of this tree");
  }

  @Test
  void rejectsModuleOutputsNobodyReads() throws Exception {
    assertThat(lines(checksOf("module-calls").moduleOutputs()))
        .containsExactly("modules/box output.unread: is used by no caller");
  }

  @Test
  void rejectsUntaggedResourcesUnclassifiedTypesAndRootsWithoutDefaultTags() throws Exception {
    assertThat(lines(checksOf("untagged").tags()))
        .containsExactlyInAnyOrder(
            ". aws_s3_bucket.plain: does not set tags from var.tags or local.tags",
            ". aws_fancy_new_thing.x: type aws_fancy_new_thing is neither in TAGGABLE nor in"
                + " UNTAGGABLE: classify it",
            ". provider.aws: has no default_tags");
  }

  @Test
  void rejectsUnpinnedProviders() throws Exception {
    assertThat(lines(checksOf("unpinned").providersPinned()))
        .containsExactlyInAnyOrder(
            ".: required_version '' has no upper bound",
            ".: random is not in required_providers",
            ".: aws version '>= 5.0' is not pinned (use ~> or an upper bound)");
  }

  @Test
  void rejectsWeakDatabaseSettingsResolvedThroughModuleCalls() throws Exception {
    String db = "modules/db aws_db_instance.this";
    assertThat(lines(checksOf("weak-rds").rds()))
        .containsExactlyInAnyOrder(
            db + " (in environments/production): multi_az is not true",
            db + " (in environments/production): storage_encrypted is not true",
            db + " (in environments/production): backup_retention_period is 3, needs >= 7",
            db + " (in environments/production): deletion_protection is not true in production",
            db + ": does not use a parameter group of this configuration");
  }

  @Test
  void rejectsBucketsWithoutEncryptionPublicAccessBlockOrLifecycle() throws Exception {
    assertThat(lines(checksOf("open-bucket").s3()))
        .containsExactlyInAnyOrder(
            ". aws_s3_bucket.bare: has no server-side encryption configuration",
            ". aws_s3_bucket.bare: has no public access block with all four flags true",
            ". aws_s3_bucket.bare: has no lifecycle configuration with an enabled rule",
            ". aws_s3_bucket.leaky: has no server-side encryption configuration",
            ". aws_s3_bucket.leaky: has no public access block with all four flags true",
            ". aws_s3_bucket.leaky: has no lifecycle configuration with an enabled rule",
            ". aws_s3_bucket.other: has no public access block with all four flags true",
            ". aws_s3_bucket.other: has no lifecycle configuration with an enabled rule");
  }

  @Test
  void parserRejectsInvalidSyntaxWithFileAndLine() throws Exception {
    Path broken = InfraPaths.fixture("terraform/invalid-syntax/main.tf");
    HclParser.Outcome outcome = HclParser.ofModule().parse(List.of(broken));
    assertThat(outcome).isInstanceOf(HclParser.Rejected.class);
    assertThat(((HclParser.Rejected) outcome).message())
        .contains("invalid-syntax/main.tf:2,")
        .contains("Unclosed configuration block");
    assertThatThrownBy(
            () ->
                TerraformTree.load(
                    InfraPaths.fixture("terraform/invalid-syntax"), HclParser.ofModule()))
        .isInstanceOf(TerraformTree.InvalidHclException.class);
  }

  @Test
  void missingParserPackageFailsWithTheInstallCommand() throws Exception {
    Path bare = Files.createTempDirectory("hcl-check-bare");
    try {
      Files.copy(
          InfraPaths.module().resolve("hcl-check").resolve(HclParser.SCRIPT),
          bare.resolve(HclParser.SCRIPT));
      HclParser parser = new HclParser(bare);
      List<Path> file = List.of(InfraPaths.fixture("terraform/unpinned/main.tf"));
      assertThatThrownBy(() -> parser.parse(file))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(HclParser.INSTALL_COMMAND);
    } finally {
      try (Stream<Path> files = Files.walk(bare)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
