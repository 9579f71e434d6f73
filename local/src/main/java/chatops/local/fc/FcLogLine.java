package chatops.local.fc;

import com.aliyun.fc.runtime.FunctionComputeLogger.Level;

import java.time.Instant;

/** One line a function wrote through {@code context.getLogger()}, as FC would ship it to Log Service. */
public final class FcLogLine {
  private final Instant time;
  private final String service;
  private final String function;
  private final String requestId;
  private final Level level;
  private final String message;

  FcLogLine(Instant time, String service, String function, String requestId, Level level, String message) {
    this.time = time;
    this.service = service;
    this.function = function;
    this.requestId = requestId;
    this.level = level;
    this.message = message;
  }

  public Instant time() {
    return time;
  }

  public String service() {
    return service;
  }

  public String function() {
    return function;
  }

  public String requestId() {
    return requestId;
  }

  public Level level() {
    return level;
  }

  public String message() {
    return message;
  }

  /** FC's own layout: {@code time requestId [LEVEL] message}. */
  @Override
  public String toString() {
    return time + " " + requestId + " [" + level + "] " + message;
  }
}
