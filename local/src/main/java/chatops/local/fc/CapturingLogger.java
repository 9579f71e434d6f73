package chatops.local.fc;

import com.aliyun.fc.runtime.FunctionComputeLogger;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code context.getLogger()} of one request: writes into the log book under the request's id.
 * The level is shared by all requests of the function, since FC keeps it per instance.
 */
final class CapturingLogger implements FunctionComputeLogger {
  private final LogBook book;
  private final String service;
  private final String function;
  private final String requestId;
  private final AtomicReference<Level> threshold;

  CapturingLogger(LogBook book, String service, String function, String requestId, AtomicReference<Level> threshold) {
    this.book = book;
    this.service = service;
    this.function = function;
    this.requestId = requestId;
    this.threshold = threshold;
  }

  @Override
  public void trace(String message) {
    log(Level.TRACE, message);
  }

  @Override
  public void debug(String message) {
    log(Level.DEBUG, message);
  }

  @Override
  public void info(String message) {
    log(Level.INFO, message);
  }

  @Override
  public void warn(String message) {
    log(Level.WARN, message);
  }

  @Override
  public void error(String message) {
    log(Level.ERROR, message);
  }

  @Override
  public void fatal(String message) {
    log(Level.FATAL, message);
  }

  @Override
  public void setLogLevel(Level level) {
    if (level != null) {
      threshold.set(level);
    }
  }

  private void log(Level level, String message) {
    if (level.compareTo(threshold.get()) >= 0) {
      book.write(service, function, requestId, level, String.valueOf(message));
    }
  }
}
