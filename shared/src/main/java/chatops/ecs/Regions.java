package chatops.ecs;

import java.util.regex.Pattern;

/** The shape of an Alibaba Cloud region ID such as {@code cn-hangzhou} or {@code ap-northeast-1}. */
public final class Regions {
  private static final Pattern SHAPE = Pattern.compile("[a-z]{2,}(-[a-z0-9]+)+");
  private static final int MAX_LENGTH = 64;

  private Regions() {}

  public static boolean isValid(String region) {
    return region != null && region.length() <= MAX_LENGTH && SHAPE.matcher(region).matches();
  }
}
