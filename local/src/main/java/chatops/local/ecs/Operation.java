package chatops.local.ecs;

import java.time.Instant;

/** The three state changes, with the status each requires and the path each takes. */
enum Operation {
  START(InstanceStatus.STOPPED, InstanceStatus.STARTING) {
    @Override
    Lifecycle begin(Instant now, TransitionTimes times) {
      return Lifecycle.through(now, InstanceStatus.RUNNING)
          .phase(InstanceStatus.STARTING, times.starting())
          .build();
    }
  },
  STOP(InstanceStatus.RUNNING, InstanceStatus.STOPPING) {
    @Override
    Lifecycle begin(Instant now, TransitionTimes times) {
      return Lifecycle.through(now, InstanceStatus.STOPPED)
          .phase(InstanceStatus.STOPPING, times.stopping())
          .build();
    }
  },
  /** Running, Stopping, Starting, Running: the batch call's documented answer shows Stopping first. */
  REBOOT(InstanceStatus.RUNNING, InstanceStatus.STOPPING) {
    @Override
    Lifecycle begin(Instant now, TransitionTimes times) {
      return Lifecycle.through(now, InstanceStatus.RUNNING)
          .phase(InstanceStatus.STOPPING, times.stopping())
          .phase(InstanceStatus.STARTING, times.starting())
          .build();
    }
  };

  private final InstanceStatus required;
  private final InstanceStatus entered;

  Operation(InstanceStatus required, InstanceStatus entered) {
    this.required = required;
    this.entered = entered;
  }

  InstanceStatus required() {
    return required;
  }

  /** The status the call reports as current, even when the transition time is zero. */
  InstanceStatus entered() {
    return entered;
  }

  abstract Lifecycle begin(Instant now, TransitionTimes times);
}
