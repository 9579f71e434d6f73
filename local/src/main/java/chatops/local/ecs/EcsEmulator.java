package chatops.local.ecs;

import chatops.local.LoopbackServer;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ECS RPC API (version 2014-05-26, JSON) on 127.0.0.1 and an ephemeral port, close enough to the
 * real service that the real {@code DefaultAcsClient} and the {@code aliyun-java-sdk-ecs} request
 * classes work against it unchanged (point a request at it with {@code setSysEndpoint(endpoint())}
 * and {@code setSysProtocol(ProtocolType.HTTP)}). It refuses what the real service refuses, with the
 * real codes and statuses: unknown keys, bad signatures, stale timestamps, replayed nonces, missing or
 * foreign STS tokens, unknown actions and regions, bad parameters, wrong instance states.
 *
 * <p>Counting: {@link #calls} counts requests that passed the gateway and reached their action,
 * whatever the action answered (a dry run and IncorrectInstanceStatus are calls). {@link #rejections}
 * counts, by error code, requests refused before any action ran: gateway checks and injected faults
 * (a dropped request counts under {@link EcsFaults#DROPPED}, unless it was dropped after serving).
 *
 * <p>The clock also judges request timestamps, as on the real service: move a {@link ManualClock}
 * more than 15 minutes away from real time and SDK requests are refused as expired.
 */
public final class EcsEmulator implements AutoCloseable {
  private final LoopbackServer server;
  private final Fleet fleet;
  private final AccessKeys keys;
  private final EcsFaults faults;
  private final CallLog log;

  private EcsEmulator(Builder builder) throws IOException {
    this.fleet = new Fleet(builder.clock, builder.transitionTimes);
    this.keys = new AccessKeys();
    this.faults = new EcsFaults();
    this.log = new CallLog();
    Map<String, EcsAction> byName = new LinkedHashMap<>(new InstanceActions(fleet).byName());
    byName.putAll(new DescribeActions(fleet).byName());
    Map<String, EcsAction> actions = Map.copyOf(byName);
    Gateway gateway = new Gateway(keys, new NonceLedger(), actions.keySet(), builder.clock);
    this.server = new LoopbackServer(new EcsDispatcher(faults, gateway, actions, log));
    server.start(0);
  }

  /** The system clock and {@link TransitionTimes#defaults()}. */
  public static EcsEmulator start() throws IOException {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code 127.0.0.1:PORT}: what {@code AcsRequest.setSysEndpoint} takes. */
  public String endpoint() {
    return "127.0.0.1:" + server.port();
  }

  /** {@code http://127.0.0.1:PORT/}, for clients that take a URL. */
  public String url() {
    return "http://" + endpoint() + "/";
  }

  public int port() {
    return server.port();
  }

  public EcsEmulator addAccessKey(String accessKeyId, String secret) {
    keys.addPlain(accessKeyId, secret);
    return this;
  }

  /** An STS key: every call must carry exactly this token. */
  public EcsEmulator addStsAccessKey(String accessKeyId, String secret, String securityToken) {
    keys.addSts(accessKeyId, secret, securityToken, null);
    return this;
  }

  /** An STS key whose token is refused as expired from {@code expiresAt} on (emulator clock). */
  public EcsEmulator addStsAccessKey(
      String accessKeyId, String secret, String securityToken, Instant expiresAt) {
    keys.addSts(accessKeyId, secret, securityToken, Objects.requireNonNull(expiresAt, "expiresAt"));
    return this;
  }

  /**
   * Adds instances. Their region becomes known if it is not a public one already. A transitional
   * status completes after the configured time, counted from now.
   */
  public EcsEmulator seed(EcsInstance... instances) {
    for (EcsInstance instance : instances) {
      fleet.seed(instance);
    }
    return this;
  }

  /** The instance as it is now, status included. */
  public Optional<EcsInstance> instance(String instanceId) {
    return fleet.find(instanceId);
  }

  /** Every instance as it is now, in seeding order. */
  public List<EcsInstance> instances() {
    return fleet.all();
  }

  /** Applies to transitions that begin from now on; ones under way keep their times. */
  public EcsEmulator transitionTimes(TransitionTimes times) {
    fleet.transitionTimes(Objects.requireNonNull(times, "times"));
    return this;
  }

  /** Requests of this action that reached it (see the class comment). */
  public int calls(String action) {
    return log.served(action);
  }

  public int totalCalls() {
    return log.totalServed();
  }

  /** Requests refused with this code before reaching an action (see the class comment). */
  public int rejections(String code) {
    return log.rejected(code);
  }

  public int totalRejections() {
    return log.totalRejected();
  }

  /**
   * The parameters of the last call of this action that reached it, without {@code Signature} and
   * {@code SecurityToken}: lets a test see that, say, {@code ForceStop=true} made it to the wire.
   */
  public Optional<Map<String, String>> lastParameters(String action) {
    return log.lastParameters(action);
  }

  /** Forgets calls, rejections and last parameters. */
  public void resetCounts() {
    log.reset();
  }

  public EcsFaults faults() {
    return faults;
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
  }

  /** Options before the server starts. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private TransitionTimes transitionTimes = TransitionTimes.defaults();

    private Builder() {}

    /** Drives transitions and the timestamp check; a {@link ManualClock} lets tests skip waiting. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    public Builder transitionTimes(TransitionTimes value) {
      this.transitionTimes = Objects.requireNonNull(value, "transitionTimes");
      return this;
    }

    public EcsEmulator start() throws IOException {
      return new EcsEmulator(this);
    }
  }
}
