package chatops.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Runs fresh JVMs of each {@link Case} in rounds, the order reversed every round so a drift in the
 * machine's load falls on every case alike, and keeps each run's whole-process wall time (fork to
 * exit, as this process sees it) and peak resident memory ({@code /usr/bin/time -v}).
 */
final class ColdStarts {
  static final String SIGNING_SECRET = "bench-signing-secret";
  static final String BODY = "token=unused&team_id=T0001&team_domain=bench&channel_id=C0001"
      + "&channel_name=ops&user_id=U0001&user_name=alice&command=%2Fecs&text=start+i-bench0001"
      + "&api_app_id=A0001&trigger_id=1.2.3"
      + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0001%2F1%2Fabc";
  private static final File GNU_TIME = new File("/usr/bin/time");

  /** One kind of measured JVM: the harness mode, the JVM flags and the Front jar it runs with. */
  static final class Case {
    final String name;
    final String mode;
    final List<String> jvmFlags;
    final Path frontJar;
    /** Environment variables this case sets differently, such as another FC endpoint. */
    final Map<String, String> env = new LinkedHashMap<>();
    /** The share of one CPU the JVM runs on; null: the whole machine. */
    CpuQuota cpu;
    final Samples wallMillis = new Samples();
    final Samples peakRssKib = new Samples();
    /** User + system CPU: steadier than wall time when other work shares the machine. */
    final Samples cpuMillis = new Samples();

    /** {@code frontJar} null: the one the bench was built with. */
    Case(String name, String mode, List<String> jvmFlags, Path frontJar) {
      this.name = name;
      this.mode = mode;
      this.jvmFlags = jvmFlags;
      this.frontJar = frontJar;
    }
  }

  private final String java;
  private final Path frontJar;
  private final Path harnessJar;
  private final Map<String, String> env;
  private final Path scratch;

  ColdStarts(Path frontJar, Path harnessJar, String fcEndpoint) throws IOException {
    this.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    this.frontJar = frontJar;
    this.harnessJar = harnessJar;
    this.scratch = Files.createTempDirectory("chatops-cold");
    this.env = new LinkedHashMap<>();
    env.put("PATH", "/usr/bin:/bin");
    env.put("SLACK_SIGNING_SECRET", SIGNING_SECRET);
    env.put("SLACK_CHANNEL", "C0001");
    env.put("FUNCTION_COMPUTE_ENDPOINT", fcEndpoint);
    env.put("FC_ACCOUNT_ID", FcStandIn.ACCOUNT_ID);
    env.put("FC_REGION", FcStandIn.REGION);
    env.put("INVOKE_SERVICE", FcStandIn.SERVICE);
    env.put("INVOKE_FC", FcStandIn.FUNCTION);
  }

  static boolean measuresMemory() {
    return GNU_TIME.canExecute();
  }

  /** {@code warmUps} unmeasured rounds first: they bring the jars into the page cache. */
  void run(List<Case> cases, int warmUps, int rounds) throws IOException, InterruptedException {
    for (int round = -warmUps; round < rounds; round++) {
      List<Case> order = new ArrayList<>(cases);
      if (Math.floorMod(round, 2) == 1) Collections.reverse(order);
      for (Case c : order) {
        Run run = once(c);
        if (round >= 0) {
          c.wallMillis.add(run.wallMillis);
          if (run.time != null) {
            c.peakRssKib.add(run.time.get("Maximum resident set size (kbytes)"));
            c.cpuMillis.add(1000 * (run.time.get("User time (seconds)") + run.time.get("System time (seconds)")));
          }
        }
      }
    }
  }

  /** What one case's command line looks like, for the report. */
  String commandLine(Case c) {
    List<String> shown = new ArrayList<>(List.of("java"));
    shown.addAll(c.jvmFlags);
    shown.addAll(List.of("-cp", "front-fc.jar:bench-harness.jar", "chatops.bench.cold.ColdStart", c.mode,
        "BODY", "TIMESTAMP", "SIGNATURE"));
    return String.join(" ", shown);
  }

  private Run once(Case c) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    Path rss = scratch.resolve("rss.txt");
    if (measuresMemory()) command.addAll(List.of(GNU_TIME.getPath(), "-v", "-o", rss.toString()));
    command.addAll(command(c));
    if (c.cpu != null) command = c.cpu.wrap(command);
    Path out = scratch.resolve("out.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(out.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    builder.environment().putAll(c.env);

    long started = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    double wallMillis = (System.nanoTime() - started) / 1e6;

    String output = Files.readString(out);
    if (exit != 0 || !output.contains("ok=true")) {
      throw new IllegalStateException("cold start '" + c.name + "' failed (exit " + exit + "):\n" + output);
    }
    return new Run(wallMillis, measuresMemory() ? timeReport(Files.readString(rss)) : null);
  }

  private List<String> command(Case c) {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(c.jvmFlags);
    String classpath = (c.frontJar != null ? c.frontJar : frontJar) + File.pathSeparator + harnessJar;
    command.addAll(List.of("-cp", classpath, "chatops.bench.cold.ColdStart", c.mode, BODY, timestamp,
        slackSignature(timestamp)));
    return command;
  }

  /** The numeric lines of {@code /usr/bin/time -v}, such as "Maximum resident set size (kbytes): 58112". */
  private static Map<String, Double> timeReport(String report) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String line : report.split("\n")) {
      int colon = line.lastIndexOf(": ");
      if (colon < 0) continue;
      try {
        values.put(line.substring(0, colon).trim(), Double.parseDouble(line.substring(colon + 2).trim()));
      } catch (NumberFormatException e) {
        // A line whose value is not a number (the command, the elapsed m:ss) is not used.
      }
    }
    return values;
  }

  /** Slack's signature over the body, made here so the measured JVM does only the verifying. */
  static String slackSignature(String timestamp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + BODY).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder("v0=");
      for (byte b : digest) hex.append(String.format("%02x", b));
      return hex.toString();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Run {
    final double wallMillis;
    /** What /usr/bin/time reported; null without it. */
    final Map<String, Double> time;

    Run(double wallMillis, Map<String, Double> time) {
      this.wallMillis = wallMillis;
      this.time = time;
    }
  }
}
