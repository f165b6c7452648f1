package dev.rehearsal.scaffold;

import dev.rehearsal.config.Constants;

/**
 * The GitHub Actions workflow {@code init} writes: on pull requests and pushes to the default branch, Rehearsal's
 * action runs the scenarios, uploads the summaries and puts the Markdown summary on the job page. PostgreSQL is a
 * service of the job when the repository has a PostgreSQL environment.
 */
final class WorkflowText {

  private WorkflowText() {}

  /**
   * @param action the action to use, {@code owner/repository@ref}
   * @param version the Rehearsal version the action installs
   * @param workingDirectory the project relative to the repository root, {@code .} at the root
   */
  static String render(String action, String version, boolean postgres, String workingDirectory) {
    StringBuilder text = new StringBuilder()
        .append("# Rehearses the MyBatis migrations' rollbacks on every pull request (written by 'rehearse init').\n")
        .append("name: Rehearsal\n")
        .append("on:\n")
        .append("  pull_request:\n")
        .append("  push:\n")
        .append("    branches: [main]\n")
        .append("permissions:\n")
        .append("  contents: read\n")
        .append("jobs:\n")
        .append("  rehearse:\n")
        .append("    runs-on: ubuntu-latest\n")
        .append("    timeout-minutes: 30\n");
    if (postgres) {
      text.append("    services:\n")
          .append("      postgres:\n")
          .append("        image: postgres:15\n")
          .append("        env:\n")
          .append("          POSTGRES_HOST_AUTH_METHOD: trust\n")
          .append("        ports: [\"5432:5432\"]\n")
          .append("        options: >-\n")
          .append("          --health-cmd \"pg_isready -U postgres\" --health-interval 5s --health-timeout 5s\n")
          .append("          --health-retries 20\n");
    }
    text.append("    steps:\n")
        .append("      - uses: actions/checkout@v4\n")
        .append("      - uses: ").append(action).append('\n')
        .append("        with:\n")
        .append("          version: \"").append(version).append("\"\n")
        .append("          databases: ").append(postgres ? "sqlite,postgres" : "sqlite").append('\n');
    if (postgres) {
      text.append("          postgres-url: ").append(Constants.DEFAULT_POSTGRES_URL).append('\n');
    }
    if (!workingDirectory.equals(".")) {
      text.append("          working-directory: ").append(ConfigText.scalar(workingDirectory)).append('\n');
    }
    return text.toString();
  }
}
