package chatops.execution;

import java.time.Duration;

/** Waits between attempts; injectable so tests assert the waits instead of spending them. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
