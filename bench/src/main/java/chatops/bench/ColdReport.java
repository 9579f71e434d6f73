package chatops.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The cold-start and peak-memory rows: Front against the floor, side by side in one run. */
final class ColdReport {
  /** ¾ of FC's smallest MemorySize (128 MB), the heap the Front must live in. */
  static final String HEAP = "-Xmx96m";

  private ColdReport() {}

  static void run(Path root, Path harnessJar, int rounds, boolean withFlags, Report report)
      throws IOException, InterruptedException {
    List<ColdStarts.Case> cases = new ArrayList<>();
    ColdStarts.Case floor = new ColdStarts.Case("floor", "floor", List.of(HEAP));
    ColdStarts.Case front = new ColdStarts.Case("front", "front", List.of(HEAP));
    cases.add(floor);
    cases.add(front);
    if (withFlags) {
      cases.add(new ColdStarts.Case("front C1 only", "front", List.of(HEAP, "-XX:TieredStopAtLevel=1")));
      cases.add(new ColdStarts.Case("front SerialGC", "front", List.of(HEAP, "-XX:+UseSerialGC")));
      cases.add(new ColdStarts.Case("front no verify", "front", List.of(HEAP, "-XX:-BytecodeVerificationRemote")));
    }
    try (FcStandIn fc = new FcStandIn()) {
      ColdStarts runs = new ColdStarts(root.resolve("front-fc/target/front-fc.jar"), harnessJar, fc.endpoint());
      runs.run(cases, 2, rounds);
      int invokes = rounds * (int) cases.stream().filter(c -> c.mode.equals("front")).count();
      if (fc.refused() > 0 || fc.queued() < invokes) {
        throw new IllegalStateException("FC stand-in queued " + fc.queued() + " and refused " + fc.refused());
      }
      report.cold(floor, front, cases, runs, rounds);
    }
  }
}
