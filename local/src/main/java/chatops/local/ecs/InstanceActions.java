package chatops.local.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * StartInstance(s), StopInstance(s), RebootInstance(s). Every parameter is checked before any
 * instance is looked at, and instances are checked before anything moves, so a dry run answers
 * exactly the error the real call would have had.
 */
final class InstanceActions {
  private static final List<String> STOPPED_MODES = List.of("StopCharging", "KeepCharging");

  private final Fleet fleet;

  InstanceActions(Fleet fleet) {
    this.fleet = fleet;
  }

  Map<String, EcsAction> byName() {
    Map<String, EcsAction> actions = new LinkedHashMap<>();
    actions.put("StartInstance", p -> single(p, Operation.START, "InitLocalDisk"));
    actions.put("StopInstance", p -> single(p, Operation.STOP, "ForceStop", "ConfirmStop", "Hibernate"));
    // The single reboot's force flag is named ForceStop; the batch one's is ForceReboot.
    actions.put("RebootInstance", p -> single(p, Operation.REBOOT, "ForceStop"));
    actions.put("StartInstances", p -> batch(p, Operation.START));
    actions.put("StopInstances", p -> batch(p, Operation.STOP, "ForceStop"));
    actions.put("RebootInstances", p -> batch(p, Operation.REBOOT, "ForceReboot"));
    return actions;
  }

  /** RegionId is optional here; when given, an instance in another region does not exist. */
  private ObjectNode single(RpcParameters params, Operation operation, String... flags)
      throws Rejection {
    String instanceId = params.require("InstanceId");
    boolean dryRun = checkOptions(params, operation, flags);
    String regionId = params.get("RegionId").filter(r -> !r.isEmpty()).orElse(null);
    if (regionId != null) {
      fleet.requireRegion(regionId);
    }
    fleet.change(regionId, List.of(instanceId), operation, BatchMode.ALL_TOGETHER, dryRun);
    if (dryRun) {
      throw Rejection.dryRunPassed();
    }
    return JsonNodeFactory.instance.objectNode();
  }

  /**
   * A repeated ID is acted on once. SuccessFirst with DryRun answers DRYRUN.SUCCESS whatever the
   * instances are, as the API documents.
   */
  private ObjectNode batch(RpcParameters params, Operation operation, String... flags)
      throws Rejection {
    String regionId = params.require("RegionId");
    List<String> instanceIds = new ArrayList<>(new LinkedHashSet<>(params.indexed("InstanceId")));
    if (instanceIds.isEmpty()) {
      throw Rejection.missing("InstanceId");
    }
    BatchMode mode = BatchMode.from(params);
    boolean dryRun = checkOptions(params, operation, flags);
    fleet.requireRegion(regionId);
    if (dryRun && mode == BatchMode.SUCCESS_FIRST) {
      throw Rejection.batchDryRunPassed();
    }
    List<InstanceChange> outcomes = fleet.change(regionId, instanceIds, operation, mode, dryRun);
    if (dryRun) {
      throw Rejection.batchDryRunPassed();
    }
    return instanceResponses(outcomes);
  }

  /** Returns DryRun; checks the action's boolean flags and, for stops, StoppedMode. */
  private static boolean checkOptions(RpcParameters params, Operation operation, String... flags)
      throws Rejection {
    for (String flag : flags) {
      params.bool(flag);
    }
    if (operation == Operation.STOP) {
      String mode = params.get("StoppedMode").orElse(null);
      if (mode != null && !STOPPED_MODES.contains(mode)) {
        throw Rejection.invalidParameter("StoppedMode");
      }
    }
    return params.bool("DryRun");
  }

  private static ObjectNode instanceResponses(List<InstanceChange> outcomes) {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    ArrayNode list = fields.putObject("InstanceResponses").putArray("InstanceResponse");
    for (InstanceChange outcome : outcomes) {
      list.addObject()
          .put("Code", outcome.code())
          .put("Message", outcome.message())
          .put("InstanceId", outcome.instanceId())
          .put("CurrentStatus", outcome.currentStatus())
          .put("PreviousStatus", outcome.previousStatus());
    }
    return fields;
  }
}
