package chatops.execution;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory ECS region on a {@link FakeClock}: instances take a set number of seconds to move
 * between states, as real ones do, and every call is counted by kind. Batch limits and argument
 * shapes are checked as the real gateway checks them ({@link InstanceBatch}).
 *
 * <p>Each instance remembers when it last reached Running (by a start or a reboot) and describes
 * it as ECS's {@code StartTime} does: cut to the minute. Instances are added as started a day
 * earlier, unless told otherwise.
 */
final class FakeFleet implements EcsGateway {
  enum Call { DESCRIBE, STATUSES, CHANGE, LIST }

  /** One change call as the worker made it. */
  static final class ChangeCall {
    final ChangeKind kind;
    final List<String> ids;
    final boolean force;
    final boolean dryRun;

    ChangeCall(ChangeKind kind, List<String> ids, boolean force, boolean dryRun) {
      this.kind = kind;
      this.ids = ids;
      this.force = force;
      this.dryRun = dryRun;
    }
  }

  private final FakeClock clock;
  private final Map<String, Machine> machines = new LinkedHashMap<>();
  private final Map<Call, Integer> counts = new EnumMap<>(Call.class);
  private final Map<Call, Deque<EcsException>> failures = new EnumMap<>(Call.class);
  private final Set<ChangeKind> forbidden = EnumSet.noneOf(ChangeKind.class);
  private final List<ChangeCall> changeCalls = new ArrayList<>();
  private int requests;
  private boolean startTimes = true;
  Duration bootTime = Duration.ofSeconds(30);
  Duration stopTime = Duration.ofSeconds(20);
  Duration rebootTime = Duration.ofSeconds(40);

  FakeFleet(FakeClock clock) {
    this.clock = clock;
    for (Call call : Call.values()) failures.put(call, new ArrayDeque<>());
  }

  FakeFleet add(String id, String name, String status) {
    machines.put(id, new Machine(id, name, status, clock.instant().minus(Duration.ofDays(1))));
    return this;
  }

  /** The instance last reached Running at {@code at}. */
  FakeFleet startedAt(String id, Instant at) {
    machines.get(id).started = at;
    return this;
  }

  /** Describes answer without {@code StartTime}, as for an instance ECS has no start time for. */
  FakeFleet withoutStartTimes() {
    startTimes = false;
    return this;
  }

  /** When the instance last reached Running, to the instant (ECS's answers say only the minute). */
  Instant startTime(String id) {
    return machines.get(id).startTime(clock.instant());
  }

  /** Instances i-w000 .. with the given status, named web-0 ..; returns their IDs. */
  List<String> addMany(int count, String status) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = String.format("i-w%03d", i);
      add(id, "web-" + i, status);
      ids.add(id);
    }
    return ids;
  }

  /** The instance is moving to {@code status}, which it reaches after {@code seconds}. */
  FakeFleet moving(String id, String transitional, String status, long seconds) {
    machines.get(id).moveTo(transitional, null, status, clock.instant().plusSeconds(seconds));
    return this;
  }

  /** A start of this instance boots, then falls back to Stopped. */
  FakeFleet failsToBoot(String id) {
    machines.get(id).failsToBoot = true;
    return this;
  }

  /** The next call of this kind fails so. */
  FakeFleet failNext(Call call, EcsException failure) {
    failures.get(call).add(failure);
    return this;
  }

  FakeFleet forbid(ChangeKind kind) {
    forbidden.add(kind);
    return this;
  }

  String status(String id) {
    return machines.get(id).status(clock.instant());
  }

  int count(Call call) {
    return counts.getOrDefault(call, 0);
  }

  List<ChangeCall> changeCalls() {
    return List.copyOf(changeCalls);
  }

  /** e.g. {@code describe=1 change=1 status=8 list=0}: what the lead reports. */
  String counts() {
    return "describe=" + count(Call.DESCRIBE) + " change=" + count(Call.CHANGE) + " status=" + count(Call.STATUSES)
        + " list=" + count(Call.LIST);
  }

  @Override
  public InstancePage describe(String region, List<String> instanceIds) throws EcsException {
    InstanceBatch batch = begin(Call.DESCRIBE, region, instanceIds);
    List<InstanceInfo> found = new ArrayList<>();
    for (String id : batch.ids()) {
      Machine m = machines.get(id);
      if (m != null) found.add(m.info(clock.instant()));
    }
    return new InstancePage(nextRequestId(), found, found.size(), 1, MAX_IDS);
  }

  @Override
  public InstanceStatuses statuses(String region, List<String> instanceIds) throws EcsException {
    InstanceBatch batch = begin(Call.STATUSES, region, instanceIds);
    Map<String, String> statuses = new LinkedHashMap<>();
    for (String id : batch.ids()) {
      Machine m = machines.get(id);
      if (m != null) statuses.put(id, m.status(clock.instant()));
    }
    return new InstanceStatuses(nextRequestId(), statuses);
  }

  @Override
  public ChangeResult change(ChangeKind kind, String region, List<String> instanceIds, boolean force, boolean dryRun)
      throws EcsException {
    InstanceBatch batch = begin(Call.CHANGE, region, instanceIds);
    if (force && !kind.acceptsForce()) throw new IllegalArgumentException("force on " + kind);
    changeCalls.add(new ChangeCall(kind, batch.ids(), force, dryRun));
    String requestId = nextRequestId();
    if (forbidden.contains(kind)) {
      throw new EcsException(kind.apiAction(), "Forbidden.RAM",
          "User not authorized to operate on the specified resource, or this API doesn't support RAM.", requestId, 403);
    }
    Instant now = clock.instant();
    List<InstanceChange> changes = new ArrayList<>();
    for (String id : batch.ids()) {
      Machine m = machines.get(id);
      String before = m == null ? null : m.status(now);
      String code = m == null ? EcsException.INSTANCE_NOT_FOUND
          : before.equals(kind == ChangeKind.START ? "Stopped" : "Running") ? InstanceChange.ACCEPTED
          : EcsException.INCORRECT_INSTANCE_STATUS;
      if (dryRun && !code.equals(InstanceChange.ACCEPTED)) {
        // Dry runs are AllTogether: one instance that would fail fails the whole call.
        throw new EcsException(kind.apiAction(), code, "The current status of the resource does not support this"
            + " operation.", requestId, code.equals(EcsException.INSTANCE_NOT_FOUND) ? 404 : 403);
      }
      if (!dryRun && code.equals(InstanceChange.ACCEPTED)) m.change(kind, now);
      changes.add(new InstanceChange(id, code, code.equals(InstanceChange.ACCEPTED) ? "success" : "refused", before,
          m == null ? null : m.status(now)));
    }
    return dryRun ? ChangeResult.dryRunPassed(kind, requestId, batch.ids())
        : new ChangeResult(kind, false, requestId, changes);
  }

  @Override
  public InstancePage list(String region, int pageNumber, int pageSize) throws EcsException {
    begin(Call.LIST, region, null);
    List<Machine> all = new ArrayList<>(machines.values());
    int from = Math.min((pageNumber - 1) * pageSize, all.size());
    List<InstanceInfo> page = new ArrayList<>();
    for (Machine m : all.subList(from, Math.min(from + pageSize, all.size()))) page.add(m.info(clock.instant()));
    return new InstancePage(nextRequestId(), page, all.size(), pageNumber, pageSize);
  }

  private InstanceBatch begin(Call call, String region, List<String> instanceIds) throws EcsException {
    counts.merge(call, 1, Integer::sum);
    InstanceBatch batch = instanceIds == null ? null : InstanceBatch.of(region, instanceIds);
    InstanceBatch.checkRegion(region);
    EcsException failure = failures.get(call).poll();
    if (failure != null) throw failure;
    return batch;
  }

  private String nextRequestId() {
    return "REQ-" + (++requests);
  }

  /** One instance: a resting state, or a move through up to two transitional states to a final one. */
  private final class Machine {
    final String id;
    final String name;
    String resting;
    String first;
    String second;
    Instant halfway;
    Instant readyAt;
    boolean failsToBoot;
    /** When it last reached Running before the move under way, if any. */
    Instant started;

    Machine(String id, String name, String status, Instant started) {
      this.id = id;
      this.name = name;
      this.resting = status;
      this.started = started;
    }

    void moveTo(String transitional, String thenTransitional, String finalStatus, Instant at) {
      started = startTime(clock.instant());
      first = transitional;
      second = thenTransitional;
      Instant now = clock.instant();
      halfway = now.plus(Duration.between(now, at).dividedBy(2));
      readyAt = at;
      resting = finalStatus;
    }

    void change(ChangeKind kind, Instant now) {
      switch (kind) {
        case START:
          moveTo("Starting", null, failsToBoot ? "Stopped" : "Running", now.plus(bootTime));
          break;
        case STOP:
          moveTo("Stopping", null, "Stopped", now.plus(stopTime));
          break;
        default:
          moveTo("Stopping", "Starting", "Running", now.plus(rebootTime));
      }
    }

    String status(Instant now) {
      if (readyAt == null || !now.isBefore(readyAt)) return resting;
      return second != null && !now.isBefore(halfway) ? second : first;
    }

    /** A move that ends in Running is a boot: it counts from the moment it gets there. */
    Instant startTime(Instant now) {
      boolean booted = readyAt != null && resting.equals("Running") && !now.isBefore(readyAt);
      return booted ? readyAt : started;
    }

    InstanceInfo info(Instant now) {
      Instant reported = startTimes ? startTime(now).truncatedTo(ChronoUnit.MINUTES) : null;
      return new InstanceInfo(id, name, status(now), "cn-hangzhou-h", "ecs.g7.large", reported);
    }
  }
}
