package chatops.ecs;

import java.util.Locale;
import java.util.Optional;

/** What a command asks of ECS. {@code help} is not an action: it never reaches ECS. */
public enum EcsAction {
  START("start", InstanceState.RUNNING),
  STOP("stop", InstanceState.STOPPED),
  REBOOT("reboot", InstanceState.RUNNING),
  STATUS("status", null),
  LIST("list", null);

  private final String word;
  private final InstanceState targetState;

  EcsAction(String word, InstanceState targetState) {
    this.word = word;
    this.targetState = targetState;
  }

  /** The sub-command as typed in Slack and written in jobs: lowercase. */
  public String word() {
    return word;
  }

  /**
   * The action for a word, ignoring case: phones capitalise the first word of a message, and
   * {@code Start} can only mean {@code start}.
   */
  public static Optional<EcsAction> fromWord(String word) {
    if (word == null) return Optional.empty();
    String lower = word.toLowerCase(Locale.ROOT);
    for (EcsAction action : values()) {
      if (action.word.equals(lower)) return Optional.of(action);
    }
    return Optional.empty();
  }

  /** Start, stop and reboot change instances; only these are limited by {@code ALLOWED_USERS}. */
  public boolean changesState() {
    return targetState != null;
  }

  /** The state a change waits for (RUNNING for start and reboot, STOPPED for stop); null otherwise. */
  public InstanceState targetState() {
    return targetState;
  }

  /** Every action but {@code list} names the instances it works on. */
  public boolean takesInstances() {
    return this != LIST;
  }

  /** {@code --force} means a forced stop, which only stop and reboot perform. */
  public boolean allowsForce() {
    return this == STOP || this == REBOOT;
  }

  /** ECS answers {@code DryRun=true} only for the calls that change something. */
  public boolean allowsDryRun() {
    return changesState();
  }
}
