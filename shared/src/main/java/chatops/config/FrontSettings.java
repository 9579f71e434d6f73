package chatops.config;

import chatops.ecs.EcsAction;
import chatops.ecs.Regions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Front function's configuration, read once from its environment and typed. Unset optional
 * lists mean "no restriction"; {@code SLACK_CHANNEL} has no such default ({@code *} says "any
 * channel" explicitly). Neither verification secret being set is not an error here, so the
 * function can start and say which are missing; the request verifier then refuses everything.
 */
public final class FrontSettings {
  private static final Pattern TEAM_ID = Pattern.compile("[TE][A-Z0-9]{2,31}");
  private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,31}");
  private static final Pattern CHANNEL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
  private static final Set<String> PLACEHOLDER_NAMES = Set.of("directmessage", "privategroup");
  private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
  private static final Pattern SERVICE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,127}");
  private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{1,32}");
  /** {@code {account}.{region}[-internal].fc.aliyuncs.com}, the FC 2.0 endpoint host. */
  private static final Pattern FC_HOST = Pattern.compile("([0-9]{1,32})\\.([a-z0-9-]+?)(-internal)?\\.fc\\.aliyuncs\\.com");

  private final String signingSecret;
  private final String legacyToken;
  private final boolean anyChannel;
  private final Set<String> channelIds;
  private final Set<String> channelNames;
  private final Set<String> teams;
  private final Set<EcsAction> allowedActions;
  private final Set<String> allowedUsers;
  private final Set<String> allowedInstances;
  private final int maxInstances;
  private final Set<String> responseHosts;
  private final Endpoint functionComputeEndpoint;
  private final String fcAccountId;
  private final String fcRegion;
  private final String invokeFunction;
  private final String invokeService;

  private FrontSettings(Env env) {
    signingSecret = env.optional(Variable.SLACK_SIGNING_SECRET).orElse(null);
    legacyToken = env.optional(Variable.SLACK_TOKEN).orElse(null);

    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    boolean any = false;
    for (String channel : env.list(Variable.SLACK_CHANNEL, item -> true, "")) {
      String name = (channel.startsWith("#") ? channel.substring(1) : channel).toLowerCase(Locale.ROOT);
      if (channel.equals("*")) {
        any = true;
      } else if (CHANNEL_ID.matcher(channel).matches()) {
        ids.add(channel);
      } else if (PLACEHOLDER_NAMES.contains(name)) {
        // Slack sends these instead of a name for some conversations; allowing one would allow them all.
        throw new SettingsException(Variable.SLACK_CHANNEL,
            "names a placeholder Slack sends for direct messages and private channels; use the channel ID");
      } else if (CHANNEL_NAME.matcher(name).matches()) {
        names.add(name);
      } else {
        throw new SettingsException(Variable.SLACK_CHANNEL,
            "must list channel IDs (C0123ABCD), channel names (ops or #ops), or *");
      }
    }
    if (!any && ids.isEmpty() && names.isEmpty()) {
      throw new SettingsException(Variable.SLACK_CHANNEL, "is required (* allows any channel)");
    }
    anyChannel = any;
    channelIds = Set.copyOf(ids);
    channelNames = Set.copyOf(names);

    teams = Set.copyOf(env.list(Variable.SLACK_TEAM, id -> TEAM_ID.matcher(id).matches(),
        "must list Slack workspace IDs such as T0123ABCD"));
    allowedActions = actions(env);
    allowedUsers = CommonVariables.allowedUsers(env);
    allowedInstances = CommonVariables.allowedInstances(env);
    maxInstances = CommonVariables.maxInstances(env);
    responseHosts = CommonVariables.responseHosts(env);

    functionComputeEndpoint = env.endpoint(Variable.FUNCTION_COMPUTE_ENDPOINT)
        .orElseThrow(() -> new SettingsException(Variable.FUNCTION_COMPUTE_ENDPOINT, "is required"));
    Matcher host = FC_HOST.matcher(functionComputeEndpoint.host());
    boolean named = host.matches() && Regions.isValid(host.group(2));
    fcAccountId = env.checked(Variable.FC_ACCOUNT_ID, ACCOUNT_ID.asMatchPredicate(), "must be a numeric account ID")
        .orElseGet(() -> fromHost(named ? host.group(1) : null, Variable.FC_ACCOUNT_ID));
    fcRegion = env.checked(Variable.FC_REGION, Regions::isValid, "must be a region ID such as cn-hangzhou")
        .orElseGet(() -> fromHost(named ? host.group(2) : null, Variable.FC_REGION));
    invokeFunction = env.checked(Variable.INVOKE_FC, FUNCTION_NAME.asMatchPredicate(), "must be a function name")
        .orElseThrow(() -> new SettingsException(Variable.INVOKE_FC, "is required"));
    invokeService = env.checked(Variable.INVOKE_SERVICE, SERVICE_NAME.asMatchPredicate(), "must be a service name")
        .orElse(null);
  }

  /** Reads and checks every Front variable; throws on the first missing or malformed one. */
  public static FrontSettings from(Map<String, String> env) throws SettingsException {
    return new FrontSettings(new Env(env, Variable.Function.FRONT));
  }

  private static Set<EcsAction> actions(Env env) {
    if (env.optional(Variable.ECS_CMD_CODE).isEmpty()) {
      return Collections.unmodifiableSet(EnumSet.allOf(EcsAction.class));
    }
    // An explicit empty list ([] or ["help"]) allows nothing but help: failing closed, not open.
    Set<String> words = env.list(Variable.ECS_CMD_CODE,
        word -> word.equalsIgnoreCase("help") || EcsAction.fromWord(word).isPresent(),
        "must list sub-commands among start, stop, reboot, status, list and help");
    Set<EcsAction> actions = EnumSet.noneOf(EcsAction.class);
    for (String word : words) EcsAction.fromWord(word).ifPresent(actions::add);
    return Collections.unmodifiableSet(actions);
  }

  private static String fromHost(String parsed, Variable variable) {
    if (parsed == null) {
      throw new SettingsException(variable, "is required when FUNCTION_COMPUTE_ENDPOINT is not"
          + " {account}.{region}[-internal].fc.aliyuncs.com");
    }
    return parsed;
  }

  public Optional<String> signingSecret() {
    return Optional.ofNullable(signingSecret);
  }

  public Optional<String> legacyToken() {
    return Optional.ofNullable(legacyToken);
  }

  /**
   * The verification variables that are unset: both when no request can be verified (every
   * request is then refused), {@code SLACK_SIGNING_SECRET} alone when running on the legacy token.
   */
  public List<Variable> missingVerification() {
    List<Variable> missing = new ArrayList<>();
    if (signingSecret == null) missing.add(Variable.SLACK_SIGNING_SECRET);
    if (legacyToken == null) missing.add(Variable.SLACK_TOKEN);
    return List.copyOf(missing);
  }

  /** {@code SLACK_CHANNEL} holds {@code *}. */
  public boolean anyChannel() {
    return anyChannel;
  }

  public Set<String> channelIds() {
    return channelIds;
  }

  /** Lowercase, without {@code #}: the original sample's style; IDs are safer (names change). */
  public Set<String> channelNames() {
    return channelNames;
  }

  /** Allowed workspace IDs; empty = any workspace. */
  public Set<String> teams() {
    return teams;
  }

  /** Sub-commands allowed besides help (always allowed); all when {@code ECS_CMD_CODE} is unset. */
  public Set<EcsAction> allowedActions() {
    return allowedActions;
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

  public Endpoint functionComputeEndpoint() {
    return functionComputeEndpoint;
  }

  public String fcAccountId() {
    return fcAccountId;
  }

  public String fcRegion() {
    return fcRegion;
  }

  /** The Execution function's name. */
  public String invokeFunction() {
    return invokeFunction;
  }

  /** The Execution function's service; empty = the Front's own service. */
  public Optional<String> invokeService() {
    return Optional.ofNullable(invokeService);
  }

  /** Safe to log: secrets show only whether they are set. */
  @Override
  public String toString() {
    return "FrontSettings{signingSecret=" + (signingSecret != null ? "set" : "unset")
        + ", legacyToken=" + (legacyToken != null ? "set" : "unset")
        + ", channels=" + (anyChannel ? "any" : (channelIds.size() + channelNames.size()))
        + ", teams=" + (teams.isEmpty() ? "any" : teams.size())
        + ", actions=" + allowedActions
        + ", users=" + (allowedUsers.isEmpty() ? "any" : allowedUsers.size())
        + ", instances=" + (allowedInstances.isEmpty() ? "any" : allowedInstances.size())
        + ", maxInstances=" + maxInstances
        + ", responseHosts=" + responseHosts
        + ", endpoint=" + functionComputeEndpoint + ", account=" + fcAccountId + ", region=" + fcRegion
        + ", function=" + invokeFunction + ", service=" + (invokeService != null ? invokeService : "own") + "}";
  }
}
