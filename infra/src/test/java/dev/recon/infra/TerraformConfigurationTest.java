package dev.recon.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real infra/terraform tree passes every structural check. */
class TerraformConfigurationTest {
  private static final Set<String> MODULES =
      Set.of("network", "msk", "flink", "rds", "s3_bucket", "secrets", "iam", "alarms");
  private static final Set<String> ENVIRONMENTS = Set.of("staging", "production");

  private static TerraformTree tree;
  private static TerraformChecks checks;

  @BeforeAll
  static void parse() throws Exception {
    tree = TerraformTree.load(InfraPaths.terraform(), HclParser.ofModule());
    checks = new TerraformChecks(tree);
  }

  @Test
  void everyModuleAndEnvironmentIsThere() {
    Set<String> folders =
        tree.directories().keySet().stream()
            .map(d -> tree.where(d))
            .collect(Collectors.toCollection(TreeSet::new));
    for (String m : MODULES) {
      assertThat(folders).contains("modules/" + m);
    }
    for (String e : ENVIRONMENTS) {
      assertThat(folders).contains("environments/" + e);
      assertThat(tree.isRoot(InfraPaths.terraform().resolve("environments/" + e))).isTrue();
    }
  }

  @Test
  void everyEnvironmentDeploysEveryModule() {
    for (String e : ENVIRONMENTS) {
      Path env = InfraPaths.terraform().resolve("environments/" + e);
      Set<String> deployed =
          tree.calls().stream()
              .filter(c -> c.caller().dir().equals(env))
              .map(c -> c.target().getFileName().toString())
              .collect(Collectors.toSet());
      assertThat(deployed).as(e).containsExactlyInAnyOrderElementsOf(MODULES);
    }
  }

  @Test
  void environmentsDifferOnlyInTheirSettings() throws Exception {
    Path envs = InfraPaths.terraform().resolve("environments");
    for (String shared : new String[] {"main.tf", "outputs.tf", "versions.tf"}) {
      assertThat(Files.readString(envs.resolve("production").resolve(shared)))
          .as(shared + " is the same file in staging and production")
          .isEqualTo(Files.readString(envs.resolve("staging").resolve(shared)));
    }
  }

  @Test
  void exampleVariableAndBackendFilesAreValidHclWithoutSecrets() throws Exception {
    List<Path> examples;
    try (Stream<Path> walk = Files.walk(InfraPaths.terraform())) {
      examples =
          walk.filter(p -> p.getFileName().toString().endsWith(".example")).sorted().toList();
    }
    assertThat(examples).hasSize(4);
    HclParser.Outcome outcome = HclParser.ofModule().parse(examples);
    assertThat(outcome).isInstanceOf(HclParser.Parsed.class);
    ((HclParser.Parsed) outcome)
        .files()
        .forEach(
            (file, body) ->
                body.properties()
                    .forEach(
                        e ->
                            assertThat(TerraformChecks.SECRET_NAME.matcher(e.getKey()).matches())
                                .as(file + " " + e.getKey())
                                .isFalse()));
  }

  @Test
  void variablesAreTypedAndDescribed() {
    assertThat(checks.variablesTypedAndDescribed()).isEmpty();
  }

  @Test
  void variablesAreDeclaredAndUsed() {
    assertThat(checks.variableReferences()).isEmpty();
  }

  @Test
  void moduleCallsPassExactlyDeclaredInputs() {
    assertThat(checks.moduleInputs()).isEmpty();
  }

  @Test
  void moduleOutputsAreDescribedAndRead() {
    assertThat(checks.moduleOutputs()).isEmpty();
  }

  @Test
  void noLiteralSecrets() {
    assertThat(checks.literalSecrets()).isEmpty();
  }

  @Test
  void everythingTaggable() {
    assertThat(checks.tags()).isEmpty();
  }

  @Test
  void providersArePinned() {
    assertThat(checks.providersPinned()).isEmpty();
  }

  @Test
  void databaseIsHardened() {
    assertThat(checks.rds()).isEmpty();
  }

  @Test
  void bucketsAreEncryptedPrivateAndExpire() {
    assertThat(checks.s3()).isEmpty();
  }

  @Test
  void productionDatabaseIsResolvedAsProtected() {
    // Guards the RDS check itself: it must see the production value, not skip it as unknown.
    TerraformDirectory rds = tree.directories().get(InfraPaths.terraform().resolve("modules/rds"));
    TerraformDirectory.Block db =
        rds.resources().stream().filter(r -> r.type().equals("aws_db_instance")).findFirst().get();
    var resolved = new TerraformValues(tree).resolve(rds, db.body().get("deletion_protection"));
    assertThat(resolved)
        .extracting(r -> tree.where(r.root()), TerraformValues.Resolved::isTrue)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("environments/production", true),
            org.assertj.core.groups.Tuple.tuple("environments/staging", false));
  }
}
