package chatops.local.e2e;

import java.util.Set;
import java.util.stream.Collectors;

/** The live non-daemon threads: any the demo leaves behind would keep the JVM from exiting. */
final class Threads {
  private final Set<Thread> threads;

  private Threads(Set<Thread> threads) {
    this.threads = threads;
  }

  static Threads nonDaemon() {
    return new Threads(Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && !thread.isDaemon())
        .collect(Collectors.toUnmodifiableSet()));
  }

  /** Waits up to 5 s for threads started since {@code before} to end: pools wind down asynchronously. */
  boolean awaitOnly(Threads before) throws InterruptedException {
    for (Thread thread : startedSince(before)) {
      thread.join(5000);
      if (thread.isAlive()) return false;
    }
    return true;
  }

  /** Names of the threads started since {@code before}, for the failure message. */
  Set<String> minus(Threads before) {
    return startedSince(before).stream().map(Thread::getName).collect(Collectors.toSet());
  }

  private Set<Thread> startedSince(Threads before) {
    return threads.stream().filter(thread -> !before.threads.contains(thread)).collect(Collectors.toSet());
  }
}
