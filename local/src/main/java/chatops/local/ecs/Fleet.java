package chatops.local.ecs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The instances, by region, and the rules for moving them. Every read and change happens under one
 * lock, so a batch call sees and changes its instances atomically, as AllTogether promises.
 */
final class Fleet {
  /** Public ECS regions, so a region with no seeded instance answers an empty list, not NotFound. */
  private static final List<String> PUBLIC_REGIONS =
      List.of(
          "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu",
          "cn-hangzhou", "cn-shanghai", "cn-nanjing", "cn-fuzhou", "cn-shenzhen", "cn-heyuan",
          "cn-guangzhou", "cn-chengdu", "cn-hongkong", "ap-northeast-1", "ap-northeast-2",
          "ap-southeast-1", "ap-southeast-3", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
          "us-east-1", "us-west-1", "eu-west-1", "eu-central-1", "me-east-1", "me-central-1");

  /**
   * A seeded instance was created and last started this long before it was seeded, so that its
   * {@code StartTime} is plainly in the past: a reboot asked for right after seeding is still owed.
   */
  static final Duration SEEDED_UPTIME = Duration.ofHours(1);

  private final Clock clock;
  private final Set<String> regions = new LinkedHashSet<>(PUBLIC_REGIONS);
  private final Map<String, Machine> machines = new LinkedHashMap<>();
  private TransitionTimes times;

  Fleet(Clock clock, TransitionTimes times) {
    this.clock = clock;
    this.times = times;
  }

  synchronized void transitionTimes(TransitionTimes next) {
    this.times = next;
  }

  /** Seeding an instance in a region outside the public list makes that region known. */
  synchronized void seed(EcsInstance instance) {
    if (machines.containsKey(instance.instanceId())) {
      throw new IllegalArgumentException("already seeded: " + instance.instanceId());
    }
    Instant now = clock.instant();
    Instant earlier = now.minus(SEEDED_UPTIME);
    regions.add(instance.regionId());
    machines.put(
        instance.instanceId(),
        new Machine(instance, Lifecycle.seeded(instance.status(), now, times), earlier, earlier));
  }

  synchronized void requireRegion(String regionId) throws Rejection {
    if (!regions.contains(regionId)) {
      throw Rejection.unknownRegion();
    }
  }

  synchronized Optional<EcsInstance> find(String instanceId) {
    Machine machine = machines.get(instanceId);
    return machine == null ? Optional.empty() : Optional.of(machine.snapshotAt(clock.instant()));
  }

  synchronized List<EcsInstance> all() {
    Instant now = clock.instant();
    List<EcsInstance> out = new ArrayList<>();
    for (Machine machine : machines.values()) {
      out.add(machine.snapshotAt(now));
    }
    return out;
  }

  /** In seeding order, which stands in for the real service's creation order. */
  synchronized List<Listed> inRegion(String regionId) {
    Instant now = clock.instant();
    List<Listed> out = new ArrayList<>();
    for (Machine machine : machines.values()) {
      if (machine.regionId().equals(regionId)) {
        out.add(new Listed(machine.snapshotAt(now), machine.createdAt(), machine.startTimeAt(now)));
      }
    }
    return out;
  }

  /**
   * Checks every instance, then moves the ones that may move. An instance outside the given region
   * does not exist for the call; a null region means the call named none (single-instance calls).
   * AllTogether throws the first instance's error and moves nothing; a dry run moves nothing.
   */
  synchronized List<InstanceChange> change(
      String regionId, List<String> instanceIds, Operation operation, BatchMode mode, boolean dryRun)
      throws Rejection {
    Instant now = clock.instant();
    List<InstanceChange> outcomes = new ArrayList<>();
    for (String id : instanceIds) {
      Machine machine = machines.get(id);
      if (machine == null || (regionId != null && !machine.regionId().equals(regionId))) {
        outcomes.add(InstanceChange.notFound(id));
        continue;
      }
      InstanceStatus status = machine.statusAt(now);
      outcomes.add(
          status == operation.required()
              ? InstanceChange.moved(id, status, operation.entered())
              : InstanceChange.refused(id, status));
    }
    if (mode == BatchMode.ALL_TOGETHER) {
      for (InstanceChange outcome : outcomes) {
        if (!outcome.succeeded()) {
          throw outcome.error();
        }
      }
    }
    if (!dryRun) {
      Lifecycle next = operation.begin(now, times);
      for (InstanceChange outcome : outcomes) {
        if (outcome.succeeded()) {
          machines.computeIfPresent(outcome.instanceId(), (id, machine) -> machine.with(next, now));
        }
      }
    }
    return outcomes;
  }

  /** An instance as DescribeInstances lists it. */
  static final class Listed {
    final EcsInstance instance;
    final Instant createdAt;
    final Instant startTime;

    Listed(EcsInstance instance, Instant createdAt, Instant startTime) {
      this.instance = instance;
      this.createdAt = createdAt;
      this.startTime = startTime;
    }
  }
}
