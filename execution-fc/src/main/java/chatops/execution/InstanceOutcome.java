package chatops.execution;

import java.util.Objects;
import java.util.Optional;

/**
 * What became of one instance in one job: the report's line and the audit line's word. States are
 * the API's own names ({@code Running}), so what the user reads matches the ECS console.
 */
public final class InstanceOutcome {
  /** Each kind is one way a line can read; {@link #word()} is its name in the audit line. */
  public enum Kind {
    /** Changed by this job and seen in the target state. */
    CHANGED("changed"),
    /** Already moving toward the target; waited for, not changed again. */
    REACHED("reached"),
    /** Already in the target state (or, in a dry run, moving toward it); not touched. */
    ALREADY("already"),
    NOT_FOUND("not-found"),
    /** Not changed: its state does not allow the change now; {@link #detail()} says why in words. */
    REFUSED("refused"),
    /**
     * A reboot not done again: ECS says the instance booted since the command was issued, or the job
     * was delivered again and ECS's start time cannot tell. {@link #detail()} is the whole account.
     */
    NOT_REPEATED("not-repeated"),
    /** Still moving when the deadline came. */
    STILL_MOVING("still-moving"),
    /** Moved, then settled in a state other than the target. */
    ENDED_ELSEWHERE("ended-elsewhere"),
    WOULD_SUCCEED("would-succeed"),
    WOULD_FAIL("would-fail"),
    /** ECS refused or failed the call; {@link #detail()} says why. */
    FAILED("failed"),
    /** Read only ({@code status}, {@code list}). */
    SHOWN("shown");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  private final String instanceId;
  private final String name;
  private final Kind kind;
  private final String before;
  private final String after;
  private final long seconds;
  private final String detail;

  private InstanceOutcome(String instanceId, String name, Kind kind, String before, String after, long seconds,
      String detail) {
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
    this.name = name == null ? "" : name;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.before = emptyToNull(before);
    this.after = emptyToNull(after);
    this.seconds = seconds;
    this.detail = emptyToNull(detail);
  }

  /** An outcome with no timing: already, not found, refused, dry runs, failures. */
  static InstanceOutcome of(String instanceId, String name, Kind kind, String before, String detail) {
    return new InstanceOutcome(instanceId, name, kind, before, null, -1, detail);
  }

  /** An outcome that was waited for: where it started, where it was last seen, and after how long. */
  static InstanceOutcome timed(String instanceId, String name, Kind kind, String before, String after, long seconds,
      String detail) {
    return new InstanceOutcome(instanceId, name, kind, before, after, seconds, detail);
  }

  /** A read-only line: the state now, plus zone and type in {@code detail}. */
  static InstanceOutcome shown(InstanceInfo info) {
    String where = info.zone().isEmpty() && info.type().isEmpty() ? null : info.zone() + " · " + info.type();
    return new InstanceOutcome(info.id(), info.name(), Kind.SHOWN, null, info.status(), -1, where);
  }

  public String instanceId() {
    return instanceId;
  }

  /** The instance's display name; empty when unknown or unnamed. */
  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** The state read before anything was done; empty when never read (not found, ECS failed). */
  public Optional<String> before() {
    return Optional.ofNullable(before);
  }

  /** The state last seen after waiting, or the current state for read-only lines. */
  public Optional<String> after() {
    return Optional.ofNullable(after);
  }

  /** Seconds from the job's start to the last sighting; -1 when nothing was waited for. */
  public long seconds() {
    return seconds;
  }

  /** Plain words (not yet escaped for Slack) saying why, or zone and type for read-only lines. */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InstanceOutcome)) return false;
    InstanceOutcome that = (InstanceOutcome) o;
    return instanceId.equals(that.instanceId) && name.equals(that.name) && kind == that.kind
        && Objects.equals(before, that.before) && Objects.equals(after, that.after) && seconds == that.seconds
        && Objects.equals(detail, that.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instanceId, name, kind, before, after, seconds, detail);
  }

  @Override
  public String toString() {
    return instanceId + ":" + kind.word() + (before == null ? "" : " " + before) + (after == null ? "" : "->" + after)
        + (seconds < 0 ? "" : " " + seconds + "s") + (detail == null ? "" : " (" + detail + ")");
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
