package chatops.local.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.local.LocalMain;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first command, run in-process as a user or a script would run the jar: what it
 * prints, the exit status it gives, that it ends on EOF and leaves no thread running, and that it
 * prints no secret and no response URL.
 */
class DemoRunnerTest {
  /** The Slack emulator's random signing secret is 32 hex digits; job IDs are dashed UUIDs. */
  private static final Pattern LONG_HEX = Pattern.compile("[0-9a-f]{32}");

  @Test
  void oneCommandRunsToItsResultAndExitsZero() {
    Run run = Run.of(List.of("--command", "/ecs start i-bp1reports01", "--transition", "0"), "", Map.of());

    assertEquals(0, run.status, run.out);
    assertTrue(run.out.contains("i-bp1reports01   reports-batch  Stopped"), "the seeded fleet is shown: " + run.out);
    assertTrue(run.out.contains("> /ecs start i-bp1reports01"), run.out);
    assertTrue(Pattern.compile("reply after \\d+ ms, in_channel").matcher(run.out).find(), run.out);
    assertTrue(run.out.contains("@alice asked to *start* `i-bp1reports01`"), run.out);
    assertTrue(run.out.contains("`i-bp1reports01`: Stopped → Running"), run.out);
    assertNoSecrets(run.out);
  }

  @Test
  void aRefusedCommandExitsOne() {
    Run run = Run.of(List.of("--command", "frobnicate i-bp1reports01"), "", Map.of());

    assertEquals(1, run.status, run.out);
    assertTrue(run.out.contains("ephemeral (only you)"), run.out);
    assertTrue(run.out.contains("Unknown sub-command"), run.out);
  }

  @Test
  void helpIsItsOwnResult() {
    Run run = Run.of(List.of("--command", "/ecs help"), "", Map.of());

    assertEquals(0, run.status, run.out);
    assertTrue(run.out.contains("`/ecs start INSTANCE-ID... [REGION] [--dry-run]`"), run.out);
  }

  @Test
  void thePromptReadsCommandsUntilEndOfInputAndLeavesNoThreadBehind() throws InterruptedException {
    Threads before = Threads.nonDaemon();

    Run run = Run.of(List.of(), "status i-bp1shopweb01\n/ecs list ap-northeast-1\n", Map.of());

    assertEquals(0, run.status, run.out);
    assertTrue(run.out.contains("> /ecs status i-bp1shopweb01"), "without a terminal commands are echoed: " + run.out);
    assertTrue(run.out.contains("`i-bp1shopweb01`: *Running*"), run.out);
    assertTrue(run.out.contains("*list* in `ap-northeast-1`"), run.out);
    assertTrue(Threads.nonDaemon().awaitOnly(before), "non-daemon threads left: " + Threads.nonDaemon().minus(before));
    assertNoSecrets(run.out);
  }

  @Test
  void quitEndsThePromptAndOtherSlashCommandsAreNotSent() {
    Run run = Run.of(List.of(), "/deploy now\nquit\nstatus i-bp1shopweb01\n", Map.of());

    assertEquals(0, run.status, run.out);
    assertTrue(run.out.contains("only /ecs reaches this app, not /deploy"), run.out);
    assertFalse(run.out.contains("> /ecs status"), "nothing after quit is read: " + run.out);
  }

  @Test
  void usageErrorsExit64AndHelpPrintsTheUsage() {
    assertEquals(64, Run.of(List.of("--frobnicate"), "", Map.of()).status);
    assertEquals(64, Run.of(List.of("--port", "8080"), "", Map.of()).status);
    assertEquals(64, Run.of(List.of("--ecs-endpoint", "https://ecs.aliyuncs.com"), "", Map.of()).status);
    Run help = Run.of(List.of("--help"), "", Map.of());
    assertEquals(0, help.status);
    assertTrue(help.out.contains("--command \"/ecs ...\""), help.out);
  }

  @Test
  void serveNeedsTheSigningSecretAndRealEcsNeedsKeys() {
    Run serve = Run.of(List.of("--serve"), "", Map.of());
    assertEquals(78, serve.status);
    assertTrue(serve.err.contains("SLACK_SIGNING_SECRET must be set"), serve.err);

    Run real = Run.of(List.of("--real-ecs", "--region", "cn-hangzhou"), "", Map.of());
    assertEquals(78, real.status);
    assertTrue(real.err.contains("ALIBABA_CLOUD_ACCESS_KEY_ID must be set"), real.err);

    Run unscoped = Run.of(List.of("--serve", "--real-ecs", "--region", "cn-hangzhou"), "",
        Map.of("SLACK_SIGNING_SECRET", "s", "ALIBABA_CLOUD_ACCESS_KEY_ID", "id", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "k"));
    assertEquals(78, unscoped.status, "real instances need SLACK_CHANNEL to say who may touch them");
  }

  private static void assertNoSecrets(String out) {
    assertFalse(out.contains("/commands/"), "no response URL is printed");
    assertFalse(out.contains("v0="), "no signature is printed");
    assertFalse(LONG_HEX.matcher(out).find(), "no signing secret is printed");
  }

  /** One in-process run of the demo with its output captured. */
  static final class Run {
    final int status;
    final String out;
    final String err;

    private Run(int status, String out, String err) {
      this.status = status;
      this.out = out;
      this.err = err;
    }

    static Run of(List<String> args, String stdin, Map<String, String> env) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = LocalMain.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
          new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
      return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }
}
