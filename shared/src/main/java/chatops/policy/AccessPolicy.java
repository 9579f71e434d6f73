package chatops.policy;

import chatops.config.ExecutionSettings;
import chatops.config.FrontSettings;
import chatops.ecs.EcsAction;
import chatops.ecs.EcsCommand;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who may do what, where. Takes plain strings on purpose, so it does not depend on how Slack
 * delivers them. Two questions, asked in order by the Front: may this workspace and channel use
 * {@code /ecs} at all ({@link #checkWorkspace}), and may this user run this command
 * ({@link #check}). {@code help} has no command and needs only the first.
 *
 * <p>The Execution function cannot trust the job it is handed, so it re-asks the second question
 * with its own copy of the user and instance limits ({@link #from(ExecutionSettings)}).
 */
public final class AccessPolicy {
  private static final int MAX_NAMED = 5;

  private final boolean workspaceRules;
  private final Set<String> teams;
  private final boolean anyChannel;
  private final Set<String> channelIds;
  private final Set<String> channelNames;
  private final Set<EcsAction> actions;
  private final Set<String> users;
  private final Set<String> instances;
  private final int maxInstances;

  private AccessPolicy(boolean workspaceRules, Set<String> teams, boolean anyChannel, Set<String> channelIds,
      Set<String> channelNames, Set<EcsAction> actions, Set<String> users, Set<String> instances, int maxInstances) {
    this.workspaceRules = workspaceRules;
    this.teams = teams;
    this.anyChannel = anyChannel;
    this.channelIds = channelIds;
    this.channelNames = channelNames;
    this.actions = actions;
    this.users = users;
    this.instances = instances;
    this.maxInstances = maxInstances;
  }

  /** Every rule: workspace, channel, sub-command, user, instances. */
  public static AccessPolicy from(FrontSettings settings) {
    return new AccessPolicy(true, settings.teams(), settings.anyChannel(), settings.channelIds(),
        settings.channelNames(), settings.allowedActions(), settings.allowedUsers(), settings.allowedInstances(),
        settings.maxInstances());
  }

  /**
   * The rules the Execution function can re-check: user, instances and their number. Workspace,
   * channel and sub-command rules are the Front's alone; asking this policy about them is a bug.
   */
  public static AccessPolicy from(ExecutionSettings settings) {
    return new AccessPolicy(false, Set.of(), false, Set.of(), Set.of(),
        Collections.unmodifiableSet(EnumSet.allOf(EcsAction.class)), settings.allowedUsers(),
        settings.allowedInstances(), settings.maxInstances());
  }

  /**
   * May this workspace and channel use {@code /ecs}? A channel is matched by ID, or by name when
   * configured by name (the original sample's style; names can be changed by channel members).
   * Absent values (null) never match a restriction.
   *
   * @throws IllegalStateException on a policy built from {@link ExecutionSettings}
   */
  public Decision checkWorkspace(String teamId, String channelId, String channelName) {
    if (!workspaceRules) throw new IllegalStateException("workspace and channel rules belong to the Front");
    if (!teams.isEmpty() && (teamId == null || !teams.contains(teamId))) {
      return Decision.refuse(Decision.Rule.WORKSPACE, "This workspace is not allowed to use /ecs.");
    }
    boolean channelAllowed = anyChannel
        || (channelId != null && channelIds.contains(channelId))
        || (channelName != null && channelNames.contains(channelName.toLowerCase(Locale.ROOT)));
    if (!channelAllowed) {
      return Decision.refuse(Decision.Rule.CHANNEL, "/ecs cannot be used in this channel.");
    }
    return Decision.allow();
  }

  /**
   * May this user run this command? Checks the sub-command, then (for start, stop and reboot
   * only) the user, then every instance named.
   */
  public Decision check(String userId, EcsCommand command) {
    Objects.requireNonNull(command, "command");
    EcsAction action = command.action();
    if (!actions.contains(action)) {
      return Decision.refuse(Decision.Rule.SUB_COMMAND, "`" + action.word() + "` is not enabled for /ecs here.");
    }
    if (action.changesState() && !users.isEmpty() && (userId == null || !users.contains(userId))) {
      return Decision.refuse(Decision.Rule.USER, "You are not allowed to " + action.word() + " instances.");
    }
    if (command.instanceIds().size() > maxInstances) {
      return Decision.refuse(Decision.Rule.INSTANCE, "Too many instances: " + command.instanceIds().size()
          + " given, at most " + maxInstances + " per command.");
    }
    List<String> refused = new ArrayList<>();
    for (String id : command.instanceIds()) {
      if (!allowsInstance(id)) refused.add(id);
    }
    if (!refused.isEmpty()) {
      return Decision.refuse(Decision.Rule.INSTANCE, "/ecs does not manage " + named(refused) + ".");
    }
    return Decision.allow();
  }

  /** Whether an instance may be touched or shown; {@code list} results are filtered with it. */
  public boolean allowsInstance(String instanceId) {
    return instances.isEmpty() || instances.contains(instanceId);
  }

  /** Validated instance IDs only, so quoting them is safe; a long list is cut short. */
  private static String named(List<String> ids) {
    StringBuilder text = new StringBuilder();
    int shown = Math.min(ids.size(), MAX_NAMED);
    for (int i = 0; i < shown; i++) {
      if (i > 0) text.append(i == ids.size() - 1 ? " or " : ", ");
      text.append('`').append(ids.get(i)).append('`');
    }
    if (ids.size() > shown) text.append(" or ").append(ids.size() - shown).append(" more");
    return text.toString();
  }

  @Override
  public String toString() {
    return workspaceRules ? "AccessPolicy{front}" : "AccessPolicy{execution}";
  }
}
