package chatops.ecs;

import java.util.regex.Pattern;

/** The shape of an ECS instance ID, checked before an ID goes anywhere near an API or a reply. */
public final class InstanceIds {
  /** No command or job names more instances than one ECS batch call accepts. */
  public static final int MAX_PER_COMMAND = 100;

  private static final Pattern SHAPE = Pattern.compile("i-[a-z0-9]{1,64}");

  private InstanceIds() {}

  /** {@code i-} followed by 1 to 64 lowercase letters and digits, as ECS issues them. */
  public static boolean isValid(String id) {
    return id != null && SHAPE.matcher(id).matches();
  }
}
