package chatops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A share of one CPU for the measured JVMs, as Function Compute gives an instance a share that
 * grows with its MemorySize: a cgroup (v1 cpu controller) with a CFS quota, which the JVM also
 * reads to size itself (one processor, serial GC). Needs root and a writable
 * {@code /sys/fs/cgroup/cpu}; {@link #available()} says whether this machine has them.
 */
final class CpuQuota implements AutoCloseable {
  private static final Path CPU = Path.of("/sys/fs/cgroup/cpu");
  private static final int PERIOD_MICROS = 100_000;

  final int percent;
  private final Path group;

  private CpuQuota(int percent, Path group) {
    this.percent = percent;
    this.group = group;
  }

  static boolean available() {
    return Files.isWritable(CPU) && Files.exists(CPU.resolve("cpu.cfs_quota_us"));
  }

  static CpuQuota create(int percent) throws IOException {
    if (percent < 1 || percent > 100) throw new IllegalArgumentException("a CPU share is 1..100 %");
    Path group = CPU.resolve("chatops-bench-" + ProcessHandle.current().pid() + "-" + percent);
    Files.createDirectories(group);
    Files.writeString(group.resolve("cpu.cfs_period_us"), Integer.toString(PERIOD_MICROS));
    Files.writeString(group.resolve("cpu.cfs_quota_us"), Integer.toString(PERIOD_MICROS * percent / 100));
    return new CpuQuota(percent, group);
  }

  /** {@code command}, run by a shell that first moves itself (and so what it execs) into the group. */
  List<String> wrap(List<String> command) {
    List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c",
        "echo $$ > " + group.resolve("tasks") + " && exec \"$@\"", "sh"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** The group can go once its processes have exited, which they have when a measurement returns. */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(group);
  }
}
