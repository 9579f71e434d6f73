package chatops.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the figures came from: they only mean something next to the machine that produced them. */
final class Machine {
  private Machine() {}

  static String describe() {
    return "cores: " + Runtime.getRuntime().availableProcessors()
        + "; CPU: " + cpuModel()
        + "; JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + "; OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version");
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
      }
    } catch (IOException e) {
      return "unknown (" + e.getClass().getSimpleName() + ")";
    }
    return "unknown";
  }
}
