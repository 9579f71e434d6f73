package chatops.config;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every environment variable either function reads: the single list that the settings classes,
 * the deployment template and its consistency check agree on. The settings readers refuse to read
 * a variable not declared here for their function.
 */
public enum Variable {
  SLACK_SIGNING_SECRET(Kind.SECRET, Function.FRONT),
  /** Legacy verification token; used only when no signing secret is set. */
  SLACK_TOKEN(Kind.SECRET, Function.FRONT),
  SLACK_CHANNEL(Kind.PLAIN, Function.FRONT),
  SLACK_TEAM(Kind.PLAIN, Function.FRONT),
  ECS_CMD_CODE(Kind.PLAIN, Function.FRONT),
  FUNCTION_COMPUTE_ENDPOINT(Kind.PLAIN, Function.FRONT),
  INVOKE_FC(Kind.PLAIN, Function.FRONT),
  INVOKE_SERVICE(Kind.PLAIN, Function.FRONT),
  /** Set by Function Compute in every instance; a deployment overrides it only for the local stack. */
  FC_ACCOUNT_ID(Kind.PLATFORM, Function.FRONT),
  /** Set by Function Compute in every instance; a deployment overrides it only for the local stack. */
  FC_REGION(Kind.PLATFORM, Function.FRONT),
  ALLOWED_USERS(Kind.PLAIN, Function.FRONT, Function.EXECUTION),
  ECS_INSTANCES(Kind.PLAIN, Function.FRONT, Function.EXECUTION),
  ECS_MAX_INSTANCES(Kind.PLAIN, Function.FRONT, Function.EXECUTION),
  /** The Front refuses a command whose response_url it could not post to, so it reads this too. */
  SLACK_RESPONSE_HOSTS(Kind.PLAIN, Function.FRONT, Function.EXECUTION),
  ECS_REGION(Kind.PLAIN, Function.EXECUTION),
  ECS_ENDPOINT(Kind.PLAIN, Function.EXECUTION),
  /** Treated as secret: together with the secret it signs, and alone it identifies the account. */
  ACCESS_KEY_ID(Kind.SECRET, Function.EXECUTION),
  ACCESS_KEY_SECRET(Kind.SECRET, Function.EXECUTION);

  /** The two functions of the deployment. */
  public enum Function {
    FRONT,
    EXECUTION
  }

  private enum Kind {
    PLAIN,
    SECRET,
    PLATFORM
  }

  private final Kind kind;
  private final Set<Function> readBy;

  Variable(Kind kind, Function first, Function... rest) {
    this.kind = kind;
    this.readBy = Collections.unmodifiableSet(EnumSet.of(first, rest));
  }

  /** The name in the environment, exactly as the template declares it. */
  public String envName() {
    return name();
  }

  public Set<Function> readBy() {
    return readBy;
  }

  /** A secret's value never appears in a log line, an exception or a reply. */
  public boolean isSecret() {
    return kind == Kind.SECRET;
  }

  /** Provided by the platform: a deployment template need not (and normally does not) declare it. */
  public boolean isPlatformProvided() {
    return kind == Kind.PLATFORM;
  }

  /** The variables one function reads, in declaration order. */
  public static Set<Variable> allReadBy(Function function) {
    Set<Variable> read = EnumSet.noneOf(Variable.class);
    for (Variable variable : values()) {
      if (variable.readBy.contains(function)) read.add(variable);
    }
    return Collections.unmodifiableSet(read);
  }
}
