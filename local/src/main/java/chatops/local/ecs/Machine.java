package chatops.local.ecs;

import java.time.Instant;

/** An instance as the fleet keeps it: the seeded description plus where its lifecycle is going. */
final class Machine {
  private final EcsInstance description;
  private final Lifecycle lifecycle;
  private final Instant createdAt;

  Machine(EcsInstance description, Lifecycle lifecycle, Instant createdAt) {
    this.description = description;
    this.lifecycle = lifecycle;
    this.createdAt = createdAt;
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

  InstanceStatus statusAt(Instant now) {
    return lifecycle.statusAt(now);
  }

  EcsInstance snapshotAt(Instant now) {
    return description.withStatus(statusAt(now));
  }

  Machine with(Lifecycle next) {
    return new Machine(description, next, createdAt);
  }
}
