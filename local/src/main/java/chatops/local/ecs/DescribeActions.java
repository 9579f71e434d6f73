package chatops.local.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DescribeInstances and DescribeInstanceStatus: region-scoped, filtered, paged. An instance's
 * {@code StartTime} is when a start or reboot last brought it to Running (seeded ones: an hour
 * before seeding), written to the minute as ECS writes it.
 */
final class DescribeActions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TAG = Pattern.compile("Tag\\.(\\d{1,9})\\.(Key|Value)");
  private static final int MAX_TAGS = 20;
  private static final int MAX_IDS = 100;
  /** ECS's form for CreationTime and StartTime: UTC, to the minute ({@code 2017-12-10T04:04Z}). */
  private static final DateTimeFormatter API_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

  private final Fleet fleet;

  DescribeActions(Fleet fleet) {
    this.fleet = fleet;
  }

  Map<String, EcsAction> byName() {
    Map<String, EcsAction> actions = new LinkedHashMap<>();
    actions.put("DescribeInstances", this::describeInstances);
    actions.put("DescribeInstanceStatus", this::describeInstanceStatus);
    return actions;
  }

  /**
   * InstanceIds is a JSON array of up to 100 IDs; an empty array is a filter that matches nothing,
   * as documented. Unknown IDs are left out, not refused. Tag filters all have to match.
   */
  private ObjectNode describeInstances(RpcParameters params) throws Rejection {
    String regionId = params.require("RegionId");
    int pageSize = params.integer("PageSize", 10, 1, 100);
    int pageNumber = params.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    Optional<Set<String>> ids = instanceIds(params);
    Map<String, Optional<String>> tags = tagFilter(params);
    Optional<String> status = params.get("Status");
    Optional<String> zone = params.get("ZoneId");
    boolean dryRun = params.bool("DryRun");
    fleet.requireRegion(regionId);
    if (dryRun) {
      throw Rejection.dryRunPassed();
    }
    List<Fleet.Listed> matching = new ArrayList<>();
    for (Fleet.Listed listed : fleet.inRegion(regionId)) {
      EcsInstance instance = listed.instance;
      if (ids.map(set -> set.contains(instance.instanceId())).orElse(true)
          && status.map(s -> s.equals(instance.status().apiName())).orElse(true)
          && zone.map(z -> z.equals(instance.zoneId())).orElse(true)
          && hasTags(instance, tags)) {
        matching.add(listed);
      }
    }
    ObjectNode fields = paging(matching.size(), pageNumber, pageSize);
    ArrayNode list = fields.putObject("Instances").putArray("Instance");
    for (Fleet.Listed listed : Page.of(matching, pageNumber, pageSize)) {
      describe(list.addObject(), listed);
    }
    return fields;
  }

  /** InstanceId.N selects (unknown ones are left out); without any, the whole region is listed. */
  private ObjectNode describeInstanceStatus(RpcParameters params) throws Rejection {
    String regionId = params.require("RegionId");
    int pageSize = params.integer("PageSize", 10, 1, 50);
    int pageNumber = params.integer("PageNumber", 1, 1, Integer.MAX_VALUE);
    Set<String> ids = new LinkedHashSet<>(params.indexed("InstanceId"));
    Optional<String> zone = params.get("ZoneId");
    fleet.requireRegion(regionId);
    List<EcsInstance> matching = new ArrayList<>();
    for (Fleet.Listed listed : fleet.inRegion(regionId)) {
      EcsInstance instance = listed.instance;
      if ((ids.isEmpty() || ids.contains(instance.instanceId()))
          && zone.map(z -> z.equals(instance.zoneId())).orElse(true)) {
        matching.add(instance);
      }
    }
    ObjectNode fields = paging(matching.size(), pageNumber, pageSize);
    ArrayNode list = fields.putObject("InstanceStatuses").putArray("InstanceStatus");
    for (EcsInstance instance : Page.of(matching, pageNumber, pageSize)) {
      list.addObject()
          .put("InstanceId", instance.instanceId())
          .put("Status", instance.status().apiName());
    }
    return fields;
  }

  private static ObjectNode paging(int total, int pageNumber, int pageSize) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("TotalCount", total)
        .put("PageNumber", pageNumber)
        .put("PageSize", pageSize);
  }

  private static void describe(ObjectNode node, Fleet.Listed listed) {
    EcsInstance instance = listed.instance;
    node.put("InstanceId", instance.instanceId())
        .put("InstanceName", instance.name())
        .put("HostName", instance.name())
        .put("Description", "")
        .put("Status", instance.status().apiName())
        .put("RegionId", instance.regionId())
        .put("ZoneId", instance.zoneId())
        .put("InstanceType", instance.instanceType())
        .put("InstanceChargeType", "PostPaid")
        .put("CreationTime", API_TIME.format(listed.createdAt))
        .put("StartTime", API_TIME.format(listed.startTime))
        .put("StoppedMode", "Not-applicable");
    ArrayNode tags = node.putObject("Tags").putArray("Tag");
    for (Map.Entry<String, String> tag : instance.tags().entrySet()) {
      tags.addObject().put("TagKey", tag.getKey()).put("TagValue", tag.getValue());
    }
    node.putObject("OperationLocks").putArray("LockReason");
  }

  private static Optional<Set<String>> instanceIds(RpcParameters params) throws Rejection {
    Optional<String> raw = params.get("InstanceIds");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    JsonNode array;
    try {
      array = JSON.readTree(raw.get());
    } catch (JsonProcessingException e) {
      throw Rejection.malformedInstanceIds();
    }
    if (array == null || !array.isArray() || array.size() > MAX_IDS) {
      throw Rejection.malformedInstanceIds();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode id : array) {
      if (!id.isTextual()) {
        throw Rejection.malformedInstanceIds();
      }
      ids.add(id.asText());
    }
    return Optional.of(ids);
  }

  /** Key to wanted value; an empty Optional matches any value of that key. */
  private static Map<String, Optional<String>> tagFilter(RpcParameters params) throws Rejection {
    Map<Integer, String> keys = new TreeMap<>();
    Map<Integer, String> values = new TreeMap<>();
    for (Map.Entry<String, String> entry : params.all().entrySet()) {
      Matcher m = TAG.matcher(entry.getKey());
      if (!m.matches()) {
        continue;
      }
      int index = Integer.parseInt(m.group(1));
      if (index < 1 || index > MAX_TAGS) {
        throw Rejection.invalidParameter(entry.getKey());
      }
      ("Key".equals(m.group(2)) ? keys : values).put(index, entry.getValue());
    }
    Map<String, Optional<String>> filter = new LinkedHashMap<>();
    for (Map.Entry<Integer, String> value : values.entrySet()) {
      if (!keys.containsKey(value.getKey())) {
        throw Rejection.invalidParameter("Tag." + value.getKey() + ".Key");
      }
    }
    for (Map.Entry<Integer, String> key : keys.entrySet()) {
      if (key.getValue().isEmpty()) {
        throw Rejection.invalidParameter("Tag." + key.getKey() + ".Key");
      }
      filter.put(key.getValue(), Optional.ofNullable(values.get(key.getKey())));
    }
    return filter;
  }

  private static boolean hasTags(EcsInstance instance, Map<String, Optional<String>> wanted) {
    for (Map.Entry<String, Optional<String>> tag : wanted.entrySet()) {
      String actual = instance.tags().get(tag.getKey());
      if (actual == null || !tag.getValue().map(actual::equals).orElse(true)) {
        return false;
      }
    }
    return true;
  }
}
