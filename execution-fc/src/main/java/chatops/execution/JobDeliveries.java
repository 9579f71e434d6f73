package chatops.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The jobs this function instance has taken, by job ID. Function Compute delivers an async job
 * at least once, so the same payload can arrive again as a new event with a retry count of 0,
 * even while the first delivery is still running. Reading states first keeps start and stop from
 * being repeated, and ECS's StartTime a reboot, except within the minute the command was issued
 * (StartTime has minute precision), where only a redelivery is known not to be owed one. And two
 * deliveries running at once both read the old state, so the loser reports ECS's refusal,
 * contradicting the winner. So deliveries of one job run one after another here, and all but the
 * first run as a redelivery: they change nothing already changed and report the same outcome.
 *
 * <p>Per instance only: a duplicate sent to another instance is not seen, which leaves start and
 * stop safe (ECS refuses the second) and a reboot repeated if it comes within that minute.
 * Remembers the most recent {@value #REMEMBERED} jobs, far more than one instance runs in a job's
 * 30-minute life.
 */
final class JobDeliveries {
  static final int REMEMBERED = 4096;

  private final Map<String, Taken> jobs = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Taken> eldest) {
      return size() > REMEMBERED && !eldest.getValue().lock.isLocked();
    }
  };

  /**
   * Waits until no other delivery of the job runs here, then takes it; {@link Taken#release}
   * must follow.
   *
   * @throws InterruptedException when the platform ends the invocation while it waits
   */
  Taken take(String jobId) throws InterruptedException {
    Taken taken;
    synchronized (jobs) {
      taken = jobs.computeIfAbsent(jobId, id -> new Taken());
    }
    taken.lock.lockInterruptibly();
    taken.redelivery = taken.runs++ > 0;
    return taken;
  }

  /** One job as taken by one delivery at a time. */
  static final class Taken {
    private final ReentrantLock lock = new ReentrantLock();
    private int runs;
    private boolean redelivery;

    /** Whether an earlier delivery of the job was taken here: this one must not repeat its changes. */
    boolean redelivery() {
      return redelivery;
    }

    /** Lets the next delivery of the job run. */
    void release() {
      lock.unlock();
    }
  }
}
