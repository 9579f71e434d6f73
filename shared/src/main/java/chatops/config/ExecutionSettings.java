package chatops.config;

import chatops.ecs.Regions;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Execution function's configuration, read once from its environment and typed. It re-reads
 * the user and instance limits the Front applied because a job can be forged by anyone allowed to
 * invoke the function.
 */
public final class ExecutionSettings {
  private final String defaultRegion;
  private final Endpoint ecsEndpoint;
  private final AccessKey staticAccessKey;
  private final Set<String> allowedUsers;
  private final Set<String> allowedInstances;
  private final int maxInstances;
  private final Set<String> responseHosts;

  private ExecutionSettings(Env env) {
    defaultRegion = env.checked(Variable.ECS_REGION, Regions::isValid, "must be a region ID such as cn-hangzhou")
        .orElseThrow(() -> new SettingsException(Variable.ECS_REGION, "is required"));
    ecsEndpoint = env.endpoint(Variable.ECS_ENDPOINT).orElse(null);
    staticAccessKey = staticAccessKey(env);
    allowedUsers = CommonVariables.allowedUsers(env);
    allowedInstances = CommonVariables.allowedInstances(env);
    maxInstances = CommonVariables.maxInstances(env);
    responseHosts = CommonVariables.responseHosts(env);
  }

  /** Reads and checks every Execution variable; throws on the first missing or malformed one. */
  public static ExecutionSettings from(Map<String, String> env) throws SettingsException {
    return new ExecutionSettings(new Env(env, Variable.Function.EXECUTION));
  }

  /** Half a key pair is a mistake to report, not a reason to fall back to the role silently. */
  private static AccessKey staticAccessKey(Env env) {
    Optional<String> id = env.optional(Variable.ACCESS_KEY_ID);
    Optional<String> secret = env.optional(Variable.ACCESS_KEY_SECRET);
    if (id.isPresent() && secret.isEmpty()) {
      throw new SettingsException(Variable.ACCESS_KEY_SECRET, "is required when ACCESS_KEY_ID is set");
    }
    if (secret.isPresent() && id.isEmpty()) {
      throw new SettingsException(Variable.ACCESS_KEY_ID, "is required when ACCESS_KEY_SECRET is set");
    }
    return id.map(keyId -> AccessKey.of(keyId, secret.get(), null)).orElse(null);
  }

  /** {@code ECS_REGION}: where a command that names no region runs. */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** {@code ECS_ENDPOINT}: an override for local runs and tests; empty = the SDK's regional endpoint. */
  public Optional<Endpoint> ecsEndpoint() {
    return Optional.ofNullable(ecsEndpoint);
  }

  /** Legacy static keys; empty = the function role's STS credentials, the recommended setup. */
  public Optional<AccessKey> staticAccessKey() {
    return Optional.ofNullable(staticAccessKey);
  }

  /** Users who may start, stop and reboot; empty = anyone. */
  public Set<String> allowedUsers() {
    return allowedUsers;
  }

  /** Instances that may be touched; empty = any. */
  public Set<String> allowedInstances() {
    return allowedInstances;
  }

  public int maxInstances() {
    return maxInstances;
  }

  public Set<String> responseHosts() {
    return responseHosts;
  }

  /** Safe to log: the access key shows only whether it is set. */
  @Override
  public String toString() {
    return "ExecutionSettings{region=" + defaultRegion
        + ", ecsEndpoint=" + (ecsEndpoint != null ? ecsEndpoint : "default")
        + ", credentials=" + (staticAccessKey != null ? "static key" : "function role")
        + ", users=" + (allowedUsers.isEmpty() ? "any" : allowedUsers.size())
        + ", instances=" + (allowedInstances.isEmpty() ? "any" : allowedInstances.size())
        + ", maxInstances=" + maxInstances + ", responseHosts=" + responseHosts + "}";
  }
}
