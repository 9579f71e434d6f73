package chatops.local.ecs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Where an instance is going: the transitional phases it passes through, each until a moment, and the
 * status it settles in. Immutable; the status is read against a clock, so nothing has to tick.
 */
final class Lifecycle {
  private final List<Phase> phases;
  private final InstanceStatus settled;
  private final Instant settlesAt;

  private Lifecycle(List<Phase> phases, InstanceStatus settled, Instant settlesAt) {
    this.phases = Collections.unmodifiableList(phases);
    this.settled = settled;
    this.settlesAt = settlesAt;
  }

  static Lifecycle steady(InstanceStatus status) {
    return new Lifecycle(List.of(), status, null);
  }

  static Lifecycle seeded(InstanceStatus status, Instant now, TransitionTimes times) {
    switch (status) {
      case PENDING:
      case STARTING:
        return through(now, InstanceStatus.RUNNING).phase(status, times.starting()).build();
      case STOPPING:
        return through(now, InstanceStatus.STOPPED).phase(status, times.stopping()).build();
      default:
        return steady(status);
    }
  }

  static Plan through(Instant start, InstanceStatus settled) {
    return new Plan(start, settled);
  }

  InstanceStatus statusAt(Instant now) {
    for (Phase phase : phases) {
      if (now.isBefore(phase.until)) {
        return phase.status;
      }
    }
    return settled;
  }

  /**
   * When a move that ends in Running gets there: a start or a reboot, which is when ECS's
   * {@code StartTime} moves. Empty for an instance at rest or moving elsewhere.
   */
  Optional<Instant> bootsAt() {
    return settled == InstanceStatus.RUNNING ? Optional.ofNullable(settlesAt) : Optional.empty();
  }

  /** Builds the phases back to back from a start moment. */
  static final class Plan {
    private final List<Phase> phases = new ArrayList<>();
    private final InstanceStatus settled;
    private Instant cursor;

    private Plan(Instant start, InstanceStatus settled) {
      this.cursor = start;
      this.settled = settled;
    }

    Plan phase(InstanceStatus status, Duration length) {
      cursor = cursor.plus(length);
      phases.add(new Phase(status, cursor));
      return this;
    }

    Lifecycle build() {
      return new Lifecycle(new ArrayList<>(phases), settled, cursor);
    }
  }

  private static final class Phase {
    final InstanceStatus status;
    final Instant until;

    Phase(InstanceStatus status, Instant until) {
      this.status = status;
      this.until = until;
    }
  }
}
