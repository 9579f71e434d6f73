package chatops.local.fc;

import com.aliyun.fc.runtime.FunctionComputeLogger.Level;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Every log line of every function, in the order written; what Log Service would hold. */
final class LogBook {
  private final Clock clock;
  private final List<FcLogLine> lines = new CopyOnWriteArrayList<>();

  LogBook(Clock clock) {
    this.clock = clock;
  }

  void write(String service, String function, String requestId, Level level, String message) {
    lines.add(new FcLogLine(clock.instant(), service, function, requestId, level, message));
  }

  List<FcLogLine> all() {
    return List.copyOf(lines);
  }

  List<FcLogLine> of(String service, String function) {
    return lines.stream()
        .filter(line -> line.service().equals(service) && line.function().equals(function))
        .collect(Collectors.toUnmodifiableList());
  }

  void clear() {
    lines.clear();
  }
}
