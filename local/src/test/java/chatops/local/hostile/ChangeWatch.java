package chatops.local.hostile;

import chatops.local.ecs.EcsEmulator;
import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.InstanceStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the state changes each watched instance actually began, by sampling the ECS emulator
 * every 2 ms: a step out of Running or Stopped into Stopping or Starting is one change. Counting
 * change calls would not do, since a repeated call that ECS refuses (IncorrectInstanceStatus)
 * changes nothing, while a repeated reboot that ECS accepts reboots the machine twice.
 * Transitions in these tests last hundreds of milliseconds, so no step is missed.
 */
final class ChangeWatch implements AutoCloseable {
  private final EcsEmulator ecs;
  private final List<String> instanceIds;
  private final Map<String, AtomicInteger> changes = new ConcurrentHashMap<>();
  private final Map<String, InstanceStatus> last = new ConcurrentHashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  ChangeWatch(EcsEmulator ecs, List<String> instanceIds) {
    this.ecs = ecs;
    this.instanceIds = List.copyOf(instanceIds);
    for (String id : instanceIds) {
      changes.put(id, new AtomicInteger());
      last.put(id, status(id));
    }
    sampler = new Thread(this::sample, "change-watch");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Changes begun on {@code instanceId} since the watch started. */
  int changes(String instanceId) {
    return changes.get(instanceId).get();
  }

  int totalChanges() {
    return changes.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private void sample() {
    while (running) {
      for (String id : instanceIds) {
        InstanceStatus now = status(id);
        InstanceStatus before = last.put(id, now);
        if (isStable(before) && !isStable(now)) changes.get(id).incrementAndGet();
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private InstanceStatus status(String id) {
    return ecs.instance(id).map(EcsInstance::status).orElseThrow(() -> new IllegalArgumentException(id + " is not seeded"));
  }

  private static boolean isStable(InstanceStatus status) {
    return status == InstanceStatus.RUNNING || status == InstanceStatus.STOPPED;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
