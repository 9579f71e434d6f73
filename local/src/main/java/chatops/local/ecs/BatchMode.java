package chatops.local.ecs;

/** The batch calls' {@code BatchOptimization}: all or nothing, or each instance on its own. */
enum BatchMode {
  ALL_TOGETHER("AllTogether"),
  SUCCESS_FIRST("SuccessFirst");

  private final String apiName;

  BatchMode(String apiName) {
    this.apiName = apiName;
  }

  /** AllTogether when absent, as documented; any other value is refused. */
  static BatchMode from(RpcParameters params) throws Rejection {
    String value = params.get("BatchOptimization").orElse(ALL_TOGETHER.apiName);
    for (BatchMode mode : values()) {
      if (mode.apiName.equals(value)) {
        return mode;
      }
    }
    throw Rejection.invalidParameter("BatchOptimization");
  }
}
