package chatops.local.hostile;

/** The instances the hostile stacks may touch (ECS_INSTANCES), and one they may not. */
final class Instances {
  static final String ALLOWED = "i-a1,i-a2,i-a3,i-a4,i-a5,i-a6";
  static final String UNMANAGED = "i-zz9";

  private Instances() {}
}
