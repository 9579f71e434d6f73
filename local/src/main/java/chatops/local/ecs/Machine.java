package chatops.local.ecs;

import java.time.Instant;

/**
 * An instance as the fleet keeps it: the seeded description, where its lifecycle is going, and when
 * it last reached Running before that lifecycle began.
 */
final class Machine {
  private final EcsInstance description;
  private final Lifecycle lifecycle;
  private final Instant createdAt;
  private final Instant startedBefore;

  Machine(EcsInstance description, Lifecycle lifecycle, Instant createdAt, Instant startedBefore) {
    this.description = description;
    this.lifecycle = lifecycle;
    this.createdAt = createdAt;
    this.startedBefore = startedBefore;
  }

  String instanceId() {
    return description.instanceId();
  }

  String regionId() {
    return description.regionId();
  }

  Instant createdAt() {
    return createdAt;
  }

  /** ECS's {@code StartTime}: the moment a start or reboot under way reached Running, else the one before. */
  Instant startTimeAt(Instant now) {
    return lifecycle.bootsAt().filter(at -> !now.isBefore(at)).orElse(startedBefore);
  }

  InstanceStatus statusAt(Instant now) {
    return lifecycle.statusAt(now);
  }

  EcsInstance snapshotAt(Instant now) {
    return description.withStatus(statusAt(now));
  }

  /** The next move, begun at {@code now}; a boot the current one finished is kept as the last start. */
  Machine with(Lifecycle next, Instant now) {
    return new Machine(description, next, createdAt, startTimeAt(now));
  }
}
