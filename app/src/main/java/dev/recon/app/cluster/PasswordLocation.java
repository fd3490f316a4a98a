package dev.recon.app.cluster;

import dev.recon.app.platform.PlatformSettings.SourcedValue;
import java.util.List;
import java.util.Optional;

/**
 * Where a cluster job finds a password, given as options: a file or an environment variable, read
 * where the job's main runs. The password itself is never an argument, because a Flink cluster
 * shows a job's arguments in its UI.
 *
 * @param fileOption the option naming the file, e.g. {@code --db-password-file}
 * @param file the file given, or null
 * @param variableOption the option naming the variable, e.g. {@code --db-password-env}
 * @param variable the variable given, or null
 */
record PasswordLocation(String fileOption, String file, String variableOption, String variable) {

  /**
   * The location as a secret reference ({@code file:/path} or {@code env:NAME}, resolved by the
   * platform's secret resolver) with the option as its origin; empty when neither is given, and an
   * error when both are.
   */
  Optional<SourcedValue> reference(List<String> errors) {
    boolean hasFile = file != null && !file.isBlank();
    boolean hasVariable = variable != null && !variable.isBlank();
    if (hasFile && hasVariable) {
      errors.add(fileOption + " and " + variableOption + ": give one of them, not both");
      return Optional.empty();
    }
    if (hasFile) {
      return Optional.of(new SourcedValue("file:" + file.strip(), fileOption));
    }
    if (hasVariable) {
      return Optional.of(new SourcedValue("env:" + variable.strip(), variableOption));
    }
    return Optional.empty();
  }

  /** The options again, as job arguments (for {@code recon submit}): names, never a password. */
  List<String> arguments() {
    if (file != null && !file.isBlank()) {
      return List.of(fileOption, file);
    }
    if (variable != null && !variable.isBlank()) {
      return List.of(variableOption, variable);
    }
    return List.of();
  }
}
