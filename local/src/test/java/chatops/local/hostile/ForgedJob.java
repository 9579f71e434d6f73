package chatops.local.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A job payload someone with {@code fc:InvokeFunction} on the Execution function could send, and
 * the words its drop must be logged with. Most start from a job the Front would write and change
 * one field; the rest are bytes that are no job at all.
 */
final class ForgedJob {
  static final String SLACK_URL = "https://hooks.slack.com/commands/T0001/1234/capabilityZZZZZZZZ";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final Function<Instant, byte[]> payload;
  private final String reason;

  private ForgedJob(String name, Function<Instant, byte[]> payload, String reason) {
    this.name = name;
    this.payload = payload;
    this.reason = reason;
  }

  /** The genuine job with {@code change} applied to its JSON. */
  static ForgedJob edited(String name, String reason, Consumer<ObjectNode> change) {
    return new ForgedJob(name, now -> {
      ObjectNode job = genuine(now);
      change.accept(job);
      return bytes(job);
    }, reason);
  }

  static ForgedJob raw(String name, String reason, byte[] payload) {
    return new ForgedJob(name, now -> payload.clone(), reason);
  }

  static ForgedJob respondingTo(String name, String url) {
    return edited("response_url: " + name, "responseUrl is not allowed", job -> job.put("responseUrl", url));
  }

  /** What the Front writes for {@code /ecs start i-a2} from U0001 in C0001, issued {@code now}. */
  static ObjectNode genuine(Instant now) {
    ObjectNode job = JSON.createObjectNode();
    job.put("version", 1);
    job.put("jobId", "5f0c2b1e-7d4a-4c8e-9b3f-0a1b2c3d4e5f");
    job.put("action", "start");
    job.putArray("instanceIds").add("i-a2");
    job.putNull("region");
    job.put("force", false);
    job.put("dryRun", false);
    job.put("teamId", "T0001");
    job.put("channelId", "C0001");
    job.put("channelName", "ops");
    job.put("userId", "U0001");
    job.put("userName", "alice");
    job.put("responseUrl", SLACK_URL);
    job.put("issuedAt", now.toString());
    return job;
  }

  static byte[] bytes(ObjectNode job) {
    try {
      return JSON.writeValueAsBytes(job);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  byte[] payload(Instant now) {
    return payload.apply(now);
  }

  /** A fragment of the reason the drop is logged with. */
  String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return name;
  }
}
