package chatops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The rows of the performance table, each with its target and whether this run met it. */
final class Report {
  private final List<String[]> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void cold(ColdStarts.Case floor, ColdStarts.Case front, ColdStarts.Case https, List<ColdStarts.Case> all,
      ColdStarts runs, int rounds) {
    double ratio = front.wallMillis.median() / floor.wallMillis.median();
    row("Floor cold start (form decode + one HMAC-SHA256), median wall", millis(floor.wallMillis), "", "");
    row("Front cold start (initialize + verify + async invoke + reply), median wall", millis(front.wallMillis), "", "");
    row("**Front cold start / floor**", String.format(Locale.ROOT, "**%.2f×**", ratio), "≤ 2.00×", met(ratio <= 2.0));
    row("Front / floor, fastest runs (least disturbed by other load)", String.format(Locale.ROOT, "%.2f×",
        front.wallMillis.min() / floor.wallMillis.min()), "", "");
    if (front.cpuMillis.count() > 0) {
      row("Front / floor in CPU time (user + sys), medians", String.format(Locale.ROOT, "%.2f× (%.0f ms / %.0f ms)",
          front.cpuMillis.median() / floor.cpuMillis.median(), front.cpuMillis.median(), floor.cpuMillis.median()), "", "");
    }
    row("Front with the FC endpoint over https, as in production (TLS handshake included) / floor",
        String.format(Locale.ROOT, "%.2f× (%s%s)", https.wallMillis.median() / floor.wallMillis.median(),
            millis(https.wallMillis), https.peakRssKib.count() == 0 ? ""
                : String.format(Locale.ROOT, "; peak RSS %.1f MiB", https.peakRssKib.max() / 1024)), "", "");
    for (ColdStarts.Case c : all) {
      if (c == floor || c == front || c == https || c.cpu != null) continue;
      double other = c.wallMillis.median() / floor.wallMillis.median();
      String what = c.frontJar != null ? "(another build) " : "(JVM flags, not settable on FC) ";
      String cpu = c.cpuMillis.count() == 0 ? "" : String.format(Locale.ROOT, "; CPU %.2f×",
          c.cpuMillis.median() / floor.cpuMillis.median());
      row(what + c.name + " / floor", String.format(Locale.ROOT, "%.2f× (%s%s)", other, millis(c.wallMillis), cpu), "", "");
    }
    if (front.peakRssKib.count() > 0) {
      double mib = front.peakRssKib.max() / 1024;
      row("Front peak RSS of the cold start, " + ColdReport.HEAP + " (max of " + front.peakRssKib.count() + ")",
          String.format(Locale.ROOT, "%.1f MiB (median %.1f; floor %.1f)", mib,
              front.peakRssKib.median() / 1024, floor.peakRssKib.median() / 1024),
          "fits 128 MB", met(mib * 1.048576 <= 128));
    } else {
      notes.add("Peak RSS not measured: /usr/bin/time is missing (apt-get install time).");
    }
    notes.add("Cold starts: " + rounds + " measured rounds after 2 unmeasured ones, cases alternating and "
        + "reversed each round; wall time from fork to exit seen by the parent. Each: `"
        + runs.commandLine(front) + "`");
  }

  /** One CPU share: how the cold start stretches when FC gives the instance part of a core. */
  void cpuShare(ColdStarts.Case floor, ColdStarts.Case front, ColdStarts.Case https) {
    row(String.format(Locale.ROOT, "Cold starts on %d %% of one CPU (cgroup quota): floor / front / front over https",
            floor.cpu.percent),
        String.format(Locale.ROOT, "%.0f / %.0f / %.0f ms (%.2f×, %.2f×)", floor.wallMillis.median(),
            front.wallMillis.median(), https.wallMillis.median(),
            front.wallMillis.median() / floor.wallMillis.median(), https.wallMillis.median() / floor.wallMillis.median()),
        "", "");
  }

  void warm(WarmRuns warm) {
    row("Front warm decision (CommandReceiver.handle), throughput on 1 thread",
        String.format(Locale.ROOT, "%,.0f ops/s", warm.opsPerSecond), "≥ 20,000 ops/s", met(warm.opsPerSecond >= 20_000));
    row("Front warm decision, p99 (JMH SampleTime)",
        String.format(Locale.ROOT, "%.1f µs (p50 %.1f, p99.9 %.1f)", warm.p99Micros, warm.p50Micros, warm.p999Micros),
        "< 1 ms", met(warm.p99Micros < 1000));
  }

  void ecs(List<EcsEconomy> runs) {
    int describes = runs.get(0).describeCalls;
    boolean sameDescribes = runs.stream().allMatch(r -> r.describeCalls == describes);
    for (EcsEconomy r : runs) {
      int changeCallsAllowed = (r.instances + 99) / 100;
      row(String.format(Locale.ROOT, "ECS calls to start %d instance%s (%d s boot)", r.instances,
              r.instances == 1 ? "" : "s", EcsEconomy.BOOT.toSeconds()),
          String.format(Locale.ROOT, "%d StartInstances + %d describe%s = %d", r.startCalls, r.describeCalls,
              r.otherCalls == 0 ? "" : " + " + r.otherCalls + " other", r.startCalls + r.describeCalls + r.otherCalls),
          "1 change per 100 + 1 status per poll, same for every count",
          met(r.startCalls == changeCallsAllowed && r.otherCalls == 0 && sameDescribes));
    }
    for (EcsEconomy r : runs) {
      row(String.format(Locale.ROOT, "Last of %d instance%s Running → result at Slack", r.instances,
              r.instances == 1 ? "" : "s"),
          String.format(Locale.ROOT, "%.2f s", r.reachedToSlack.toMillis() / 1000.0),
          "≤ one poll interval (" + EcsEconomy.POLL_INTERVAL.toSeconds() + " s)",
          met(r.reachedToSlack.compareTo(EcsEconomy.POLL_INTERVAL) <= 0));
    }
    notes.add("ECS economy: the real ExecutionHandler (worker, aliyun-java-sdk-ecs gateway, OkHttp poster) in real "
        + "time against the ECS emulator (every call counted; instances boot in " + EcsEconomy.BOOT.toSeconds()
        + " s) and the Slack emulator; the describes are the first look at the instances plus one per poll. "
        + "First result line (" + runs.get(0).instances + " instance): `" + runs.get(0).resultFirstLine + "`");
  }

  void jars(Path front, Path execution) throws IOException {
    jar("front-fc.jar", front, 6);
    jar("execution-fc.jar", execution, 19);
  }

  void row(String measurement, String result, String target, String verdict) {
    rows.add(new String[] {measurement, result, target, verdict});
  }

  void note(String note) {
    notes.add(note);
  }

  String toMarkdown(String machine) {
    StringBuilder out = new StringBuilder("| measurement | result | target | met |\n|---|---|---|---|\n");
    for (String[] row : rows) out.append("| ").append(String.join(" | ", row)).append(" |\n");
    out.append("\nMachine: ").append(machine).append('\n');
    for (String note : notes) out.append("\n").append(note).append('\n');
    return out.toString();
  }

  /** Megabytes as the targets say them (10^6 bytes), with MiB alongside. */
  private void jar(String name, Path jar, int targetMb) throws IOException {
    if (!Files.exists(jar)) {
      row(name + " size", "not built", "≤ " + targetMb + " MB", "?");
      return;
    }
    long bytes = Files.size(jar);
    row(name + " size", String.format(Locale.ROOT, "%.2f MB (%.2f MiB)", bytes / 1e6, bytes / 1048576.0),
        "≤ " + targetMb + " MB", met(bytes <= targetMb * 1_000_000L));
  }

  private static String millis(Samples samples) {
    return String.format(Locale.ROOT, "%.0f ms (min %.0f, max %.0f, n=%d)",
        samples.median(), samples.min(), samples.max(), samples.count());
  }

  private static String met(boolean met) {
    return met ? "yes" : "**no**";
  }
}
