package chatops.job;

import chatops.ecs.EcsAction;
import chatops.ecs.InstanceIds;
import chatops.json.JsonWriter;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The job's JSON form, the payload of the Front's async invocation:
 *
 * <pre>
 * {"version":1,"jobId":"...","action":"stop","instanceIds":["i-abc"],"region":null,"force":false,
 *  "dryRun":false,"teamId":"T...","channelId":"C...","channelName":"ops","userId":"U...",
 *  "userName":"alice","responseUrl":"https://hooks.slack.com/...","issuedAt":"2024-05-01T12:00:00Z"}
 * </pre>
 *
 * <p>The reader trusts nothing: anyone allowed to invoke the Execution function can send any
 * bytes. It reads a tree and checks every field's presence and type itself, so nothing is bound by
 * reflection. Unknown fields are ignored, so a newer Front can add one without breaking an older
 * Execution; a change an older reader must not ignore bumps {@code version}. Duplicate fields,
 * trailing content and payloads over {@value #MAX_BYTES} bytes are refused. {@code region},
 * {@code channelName} and {@code userName} may be null or absent; every other field is required.
 */
public final class JobCodec {
  /** Far above any valid job (100 instance IDs and a response_url fit in a few KiB). */
  public static final int MAX_BYTES = 64 * 1024;

  /*
   * Written with our JsonWriter, read with jackson: the Front writes a job on its cold start, inside
   * Slack's 3 s, where an ObjectMapper (about 250 classes) and even jackson-core's generator cost
   * tens of milliseconds (see JsonWriter). Only the reader, which runs in Execution, builds the
   * mapper, in its own holder class so that writing never initialises it.
   */
  public byte[] write(Job job) {
    JsonWriter json = new JsonWriter(512).beginObject()
        .field("version", job.version())
        .field("jobId", job.jobId())
        .field("action", job.action().word())
        .beginArray("instanceIds");
    for (String id : job.instanceIds()) json.value(id);
    return json.endArray()
        .field("region", job.region().orElse(null))
        .field("force", job.force())
        .field("dryRun", job.dryRun())
        .field("teamId", job.teamId())
        .field("channelId", job.channelId())
        .field("channelName", job.channelName().orElse(null))
        .field("userId", job.userId())
        .field("userName", job.userName().orElse(null))
        .field("responseUrl", job.responseUrl())
        .field("issuedAt", job.issuedAt().toString())
        .endObject()
        .toUtf8();
  }

  public Job read(byte[] payload) throws InvalidJobException {
    if (payload == null || payload.length == 0) throw new InvalidJobException("payload is empty");
    if (payload.length > MAX_BYTES) throw new InvalidJobException("payload is larger than " + MAX_BYTES + " bytes");
    JsonNode root;
    try {
      root = Reading.READER.readTree(payload);
    } catch (IOException e) {
      throw new InvalidJobException("payload is not a single JSON value");
    }
    if (root == null || !root.isObject()) throw new InvalidJobException("payload is not a JSON object");

    JsonNode version = required(root, "version");
    if (!version.isIntegralNumber() || !version.canConvertToInt()) {
      throw new InvalidJobException("version must be a whole number");
    }
    if (version.intValue() != Job.VERSION) {
      throw new InvalidJobException("version " + version.intValue() + " is not supported (expected " + Job.VERSION + ")");
    }
    try {
      return Job.builder()
          .jobId(text(root, "jobId", true))
          .action(action(text(root, "action", true)))
          .instanceIds(instanceIds(root))
          .region(text(root, "region", false))
          .force(bool(root, "force"))
          .dryRun(bool(root, "dryRun"))
          .teamId(text(root, "teamId", true))
          .channelId(text(root, "channelId", true))
          .channelName(text(root, "channelName", false))
          .userId(text(root, "userId", true))
          .userName(text(root, "userName", false))
          .responseUrl(text(root, "responseUrl", true))
          .issuedAt(instant(text(root, "issuedAt", true)))
          .build();
    } catch (IllegalArgumentException e) {
      throw new InvalidJobException(e.getMessage());
    }
  }

  private static JsonNode required(JsonNode root, String field) throws InvalidJobException {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) throw new InvalidJobException(field + " is missing");
    return node;
  }

  private static String text(JsonNode root, String field, boolean isRequired) throws InvalidJobException {
    JsonNode node = isRequired ? required(root, field) : root.get(field);
    if (node == null || node.isNull()) return null;
    if (!node.isTextual()) throw new InvalidJobException(field + " must be a string");
    return node.textValue();
  }

  private static boolean bool(JsonNode root, String field) throws InvalidJobException {
    JsonNode node = required(root, field);
    if (!node.isBoolean()) throw new InvalidJobException(field + " must be true or false");
    return node.booleanValue();
  }

  /** Exactly the lowercase word the writer writes: a job is not typed by a person. */
  private static EcsAction action(String word) throws InvalidJobException {
    return EcsAction.fromWord(word).filter(action -> action.word().equals(word))
        .orElseThrow(() -> new InvalidJobException("action is not one of start, stop, reboot, status, list"));
  }

  private static List<String> instanceIds(JsonNode root) throws InvalidJobException {
    JsonNode node = required(root, "instanceIds");
    if (!node.isArray()) throw new InvalidJobException("instanceIds must be an array");
    if (node.size() > InstanceIds.MAX_PER_COMMAND) {
      throw new InvalidJobException("instanceIds holds more than " + InstanceIds.MAX_PER_COMMAND + " entries");
    }
    List<String> ids = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) throw new InvalidJobException("instanceIds[" + i + "] must be a string");
      ids.add(node.get(i).textValue());
    }
    return ids;
  }

  /** ISO-8601 with an offset; the writer uses {@code Z}, but any offset names one instant. */
  private static Instant instant(String text) throws InvalidJobException {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidJobException("issuedAt must be an ISO-8601 instant such as 2024-05-01T12:00:00Z");
    }
  }

  /** Initialised on the first read only: the Front, which only writes, never pays for it. */
  private static final class Reading {
    static final ObjectReader READER = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .reader();
  }
}
