package chatops.config;

import chatops.ecs.EcsGrammar;
import chatops.ecs.InstanceIds;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The variables both functions read, read the same way by both. */
final class CommonVariables {
  static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,31}");
  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

  private CommonVariables() {}

  /** Empty means anyone may change instances (within the channel rule). */
  static Set<String> allowedUsers(Env env) {
    return Set.copyOf(env.list(Variable.ALLOWED_USERS, id -> USER_ID.matcher(id).matches(),
        "must list Slack user IDs such as U0123ABCD"));
  }

  /** Empty means any instance. */
  static Set<String> allowedInstances(Env env) {
    return Set.copyOf(env.list(Variable.ECS_INSTANCES, InstanceIds::isValid,
        "must list ECS instance IDs such as i-bp1abc2def"));
  }

  static int maxInstances(Env env) {
    return env.number(Variable.ECS_MAX_INSTANCES, 1, InstanceIds.MAX_PER_COMMAND, EcsGrammar.DEFAULT_MAX_INSTANCES);
  }

  /** Lowercased host names; Slack's own hosts when unset. */
  static Set<String> responseHosts(Env env) {
    Set<String> hosts = new LinkedHashSet<>();
    for (String host : env.list(Variable.SLACK_RESPONSE_HOSTS, host -> true, "")) {
      String lower = host.toLowerCase(Locale.ROOT);
      if (!HOST.matcher(lower).matches()) {
        throw new SettingsException(Variable.SLACK_RESPONSE_HOSTS,
            "must list host names such as hooks.slack.com, without scheme, port or path");
      }
      hosts.add(lower);
    }
    return hosts.isEmpty() ? ResponseUrlPolicy.DEFAULT_SLACK_HOSTS : Set.copyOf(hosts);
  }
}
