package chatops.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The main of {@code bench/target/chatops-bench.jar} (run it through {@code bench/run}): measures
 * what issue 6 asks for and prints one table, also written to {@code bench/target/perf-report.md}.
 *
 * <pre>
 * java -jar bench/target/chatops-bench.jar [--rounds N] [--only cold,warm,ecs,footprint]
 *     [--flags "-XX:A;-XX:B -XX:C"] [--compare other-front-fc.jar,...] [--cpu 50,25]
 * </pre>
 *
 * {@code --flags} adds cold-start cases with JVM flags (one case per {@code ;}-separated group),
 * reported apart from the deployable result. {@code --compare} runs other builds of front-fc.jar
 * in the same rounds, which is how each optimisation's before/after figures were taken.
 * {@code --cpu} (default 50,25; {@code none} to skip) also runs floor, Front and Front over https
 * on those percentages of one CPU (cgroup quotas, root only), as FC gives small instances part of
 * a core.
 */
public final class PerfReport {
  private PerfReport() {}

  public static void main(String[] args) throws Exception {
    List<String> argList = Arrays.asList(args);
    int rounds = Integer.parseInt(option(argList, "--rounds", "21"));
    List<String> only = Arrays.asList(option(argList, "--only", "cold,warm,ecs,footprint").split(","));
    Path root = repositoryRoot();
    Report report = new Report();

    if (only.contains("cold") || only.contains("footprint")) {
      List<List<String>> flags = new ArrayList<>();
      for (String group : option(argList, "--flags", "").split(";")) {
        if (!group.isBlank()) flags.add(Arrays.asList(group.trim().split("\\s+")));
      }
      List<Path> others = new ArrayList<>();
      for (String jar : option(argList, "--compare", "").split(",")) {
        if (!jar.isBlank()) others.add(Path.of(jar).toAbsolutePath());
      }
      List<Integer> shares = new ArrayList<>();
      for (String share : option(argList, "--cpu", "50,25").split(",")) {
        if (!share.isBlank() && !share.equals("none")) shares.add(Integer.parseInt(share.trim()));
      }
      if (!shares.isEmpty() && !CpuQuota.available()) {
        report.note("CPU shares " + shares + " not measured: they need root and a writable /sys/fs/cgroup/cpu.");
        shares.clear();
      }
      ColdReport.run(root, harnessJar(root), rounds, flags, others, shares, report);
    }
    if (only.contains("ecs")) {
      report.ecs(EcsEconomy.run(1, 10, 100));
    }
    if (only.contains("warm")) {
      WarmRuns warm = new WarmRuns();
      warm.run(1, 5);
      report.warm(warm);
    }
    if (only.contains("footprint")) {
      report.jars(root.resolve("front-fc/target/front-fc.jar"), root.resolve("execution-fc/target/execution-fc.jar"));
    }
    String text = report.toMarkdown(Machine.describe());
    System.out.println(text);
    Path out = root.resolve("bench/target/perf-report.md");
    Files.writeString(out, text);
    System.out.println("written to " + root.relativize(out));
  }

  private static String option(List<String> args, String name, String fallback) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
  }

  /** The checkout this jar was built in: bench/target/chatops-bench.jar lives two levels below it. */
  private static Path repositoryRoot() throws URISyntaxException {
    Path jar = Path.of(PerfReport.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    return jar.getParent().getParent().getParent();
  }

  private static Path harnessJar(Path root) throws IOException {
    List<Path> found = new ArrayList<>();
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(root.resolve("bench/target"), "*-harness.jar")) {
      jars.forEach(found::add);
    }
    if (found.size() != 1) throw new IllegalStateException("expected one bench/target/*-harness.jar, found " + found);
    return found.get(0);
  }
}
