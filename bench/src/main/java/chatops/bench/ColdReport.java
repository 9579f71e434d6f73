package chatops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

/** The cold-start and peak-memory rows: Front against the floor, side by side in one run. */
final class ColdReport {
  /** ¾ of FC's smallest MemorySize (128 MB), the heap the Front must live in. */
  static final String HEAP = "-Xmx96m";

  private ColdReport() {}

  /**
   * @param flagCases extra cases with JVM flags (reported apart: FC may not pass them)
   * @param otherJars other builds of front-fc.jar to run side by side, for before/after figures
   */
  static void run(Path root, Path harnessJar, int rounds, List<List<String>> flagCases, List<Path> otherJars,
      List<Integer> cpuShares, Report report) throws IOException, InterruptedException {
    List<ColdStarts.Case> cases = new ArrayList<>();
    ColdStarts.Case floor = new ColdStarts.Case("floor", "floor", List.of(HEAP), null);
    ColdStarts.Case front = new ColdStarts.Case("front", "front", List.of(HEAP), null);
    cases.add(floor);
    cases.add(front);
    for (List<String> flags : flagCases) {
      List<String> jvmFlags = new ArrayList<>(List.of(HEAP));
      jvmFlags.addAll(flags);
      cases.add(new ColdStarts.Case("front " + String.join(" ", flags), "front", jvmFlags, null));
    }
    for (Path jar : otherJars) {
      cases.add(new ColdStarts.Case("front from " + jar.getFileName(), "front", List.of(HEAP), jar));
    }
    Path scratch = Files.createTempDirectory("chatops-tls");
    BenchTls tls;
    try {
      tls = BenchTls.create(scratch);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not set up TLS for the stand-in FC endpoint", e);
    }
    List<String> httpsFlags = new ArrayList<>(List.of(HEAP));
    httpsFlags.addAll(tls.clientFlags());
    ColdStarts.Case https = new ColdStarts.Case("front, FC endpoint over https", "front", httpsFlags, null);
    cases.add(https);
    List<CpuQuota> quotas = new ArrayList<>();
    List<ColdStarts.Case[]> onShares = new ArrayList<>();
    try (FcStandIn fc = new FcStandIn(null); FcStandIn fcTls = new FcStandIn(tls.serverSockets)) {
      https.env.put("FUNCTION_COMPUTE_ENDPOINT", fcTls.endpoint());
      for (int percent : cpuShares) {
        CpuQuota quota = CpuQuota.create(percent);
        quotas.add(quota);
        ColdStarts.Case[] trio = {
            new ColdStarts.Case("floor", "floor", List.of(HEAP), null),
            new ColdStarts.Case("front", "front", List.of(HEAP), null),
            new ColdStarts.Case("front over https", "front", httpsFlags, null)};
        trio[2].env.put("FUNCTION_COMPUTE_ENDPOINT", fcTls.endpoint());
        for (ColdStarts.Case c : trio) {
          c.cpu = quota;
          cases.add(c);
        }
        onShares.add(trio);
      }
      ColdStarts runs = new ColdStarts(root.resolve("front-fc/target/front-fc.jar"), harnessJar, fc.endpoint());
      runs.run(cases, 2, rounds);
      int invokes = rounds * (int) cases.stream().filter(c -> c.mode.equals("front")).count();
      if (fc.refused() + fcTls.refused() > 0 || fc.queued() + fcTls.queued() < invokes) {
        throw new IllegalStateException("FC stand-ins queued " + (fc.queued() + fcTls.queued()) + " and refused "
            + (fc.refused() + fcTls.refused()));
      }
      report.cold(floor, front, https, cases, runs, rounds);
      for (ColdStarts.Case[] trio : onShares) report.cpuShare(trio[0], trio[1], trio[2]);
    } finally {
      for (CpuQuota quota : quotas) quota.close();
    }
  }
}
