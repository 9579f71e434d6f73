package chatops.local.hostile;

import static chatops.local.hostile.ForgedJob.edited;
import static chatops.local.hostile.ForgedJob.raw;
import static chatops.local.hostile.ForgedJob.respondingTo;
import static chatops.local.hostile.ForgedJob.utf8;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/** The forged jobs: not JSON, unknown versions and actions, bad IDs and lists, and response URLs that are not Slack's. */
final class ForgedJobs {
  private ForgedJobs() {}

  static Stream<ForgedJob> all() {
    return Stream.of(payloads(), fields(), responseUrls()).flatMap(s -> s);
  }

  private static Stream<ForgedJob> payloads() {
    return Stream.of(
        raw("not JSON", "payload is not a single JSON value", utf8("start i-a2")),
        raw("a JSON array", "payload is not a JSON object", utf8("[{\"version\":1}]")),
        raw("a JSON string", "payload is not a JSON object", utf8("\"start i-a2\"")),
        raw("two objects", "payload is not a single JSON value", utf8("{\"version\":1} {\"version\":1}")),
        raw("a key twice", "payload is not a single JSON value", utf8("{\"version\":1,\"version\":1}")),
        raw("nested 60,000 deep", "payload is not a single JSON value", utf8("[".repeat(60_000))),
        raw("over 64 KiB", "payload is larger than 65536 bytes", new byte[64 * 1024 + 1]),
        raw("invalid UTF-8", "payload is not a single JSON value", new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}));
  }

  private static Stream<ForgedJob> fields() {
    return Stream.of(
        edited("version 2", "version 2 is not supported", job -> job.put("version", 2)),
        edited("version as a string", "version must be a whole number", job -> job.put("version", "1")),
        edited("version 1.0", "version must be a whole number", job -> job.put("version", 1.0)),
        edited("version beyond an int", "version must be a whole number", job -> job.put("version", 4_294_967_297L)),
        edited("no version", "version is missing", job -> job.remove("version")),
        edited("action destroy", "action is not one of", job -> job.put("action", "destroy")),
        edited("action in capitals", "action is not one of", job -> job.put("action", "START")),
        edited("action as a number", "action must be a string", job -> job.put("action", 0)),
        edited("no action", "action is missing", job -> job.remove("action")),
        edited("an upper-case instance ID", "instanceIds[0] is not a valid instance ID", job -> ids(job, "i-A2")),
        edited("a path as instance ID", "instanceIds[0] is not a valid instance ID", job -> ids(job, "../../etc/passwd")),
        edited("an empty instance ID", "instanceIds[0] is not a valid instance ID", job -> ids(job, "")),
        edited("instance IDs as a string", "instanceIds must be an array", job -> job.put("instanceIds", "i-a2")),
        edited("a number as instance ID", "instanceIds[0] must be a string", job -> job.putArray("instanceIds").add(2)),
        edited("no instance IDs to start", "start needs at least one instance ID", job -> job.putArray("instanceIds")),
        edited("101 instance IDs", "instanceIds holds more than 100 entries", job -> ids(job, numbered(101))),
        edited("6 instance IDs, over ECS_MAX_INSTANCES", "policy INSTANCE", job -> ids(job, "i-a1", "i-a2", "i-a3", "i-a4", "i-a5", "i-a6")),
        edited("an unmanaged instance", "policy INSTANCE", job -> ids(job, Instances.UNMANAGED)),
        edited("a region in capitals", "region is not a valid region ID", job -> job.put("region", "CN-HANGZHOU")),
        edited("a host as region", "region is not a valid region ID", job -> job.put("region", "evil.example:80")),
        edited("a forged team", "teamId is not a Slack team ID", job -> job.put("teamId", "T0001;DROP")),
        edited("a NUL in the channel", "channelId contains a control character", job -> job.put("channelId", "C0001\u0000")),
        edited("a mention as user", "userId is not a Slack user ID", job -> job.put("userId", "<!channel>")),
        edited("a user who may not start", "policy USER", job -> job.put("userId", "U9999")),
        edited("a path as job ID", "jobId is not 1 to 128", job -> job.put("jobId", "../../x y")),
        edited("a 200-character job ID", "jobId is not 1 to 128", job -> job.put("jobId", "j".repeat(200))),
        edited("issued 31 minutes ago", "after its response_url expired",
            job -> job.put("issuedAt", Instant.parse(job.get("issuedAt").asText()).minus(Duration.ofMinutes(31)).toString())),
        edited("issued 10 minutes ahead", "issuedAt is in the future",
            job -> job.put("issuedAt", Instant.parse(job.get("issuedAt").asText()).plus(Duration.ofMinutes(10)).toString())),
        edited("issued 'yesterday'", "issuedAt must be an ISO-8601 instant", job -> job.put("issuedAt", "yesterday")),
        edited("force as a string", "force must be true or false", job -> job.put("force", "yes")),
        edited("dryRun as a number", "dryRun must be true or false", job -> job.put("dryRun", 1)),
        edited("force on start", "force does not apply to start", job -> job.put("force", true)));
  }

  private static Stream<ForgedJob> responseUrls() {
    return Stream.of(
        respondingTo("http://", "http://hooks.slack.com/commands/T0001/1/x"),
        respondingTo("user info before another host", "https://hooks.slack.com@evil.example/commands/x"),
        respondingTo("escaped user info", "https://hooks.slack.com%40evil.example/commands/x"),
        respondingTo("a backslash before another host", "https://hooks.slack.com\\@evil.example/commands/x"),
        respondingTo("a fragment before another host", "https://evil.example#@hooks.slack.com/commands/x"),
        respondingTo("Slack's host as a subdomain", "https://hooks.slack.com.evil.example/commands/x"),
        respondingTo("another host", "https://evil.example/commands/x"),
        respondingTo("another port", "https://hooks.slack.com:8443/commands/x"),
        respondingTo("the default port spelled out", "https://hooks.slack.com:443/commands/x"),
        respondingTo("an IDN look-alike (Cyrillic a)", "https://hooks.sl\u0430ck.com/commands/x"),
        respondingTo("an IDN look-alike in punycode", "https://xn--hooks-slck-8nf.com/commands/x"),
        respondingTo("a raw IPv4 address", "https://127.0.0.1/commands/x"),
        respondingTo("a raw IPv6 address", "https://[::1]/commands/x"),
        respondingTo("a decimal IP", "https://2130706433/commands/x"),
        respondingTo("cloud metadata", "https://100.100.100.200/latest/meta-data/"),
        respondingTo("no path", "https://hooks.slack.com"),
        respondingTo("a file URL", "file:///etc/passwd"),
        respondingTo("ftp on Slack's host", "ftp://hooks.slack.com/commands/x"),
        respondingTo("a relative URL", "/commands/T0001/1/x"),
        edited("response_url: empty", "responseUrl is missing", job -> job.put("responseUrl", "")),
        edited("response_url: over 2048 characters", "responseUrl is longer than 2048",
            job -> job.put("responseUrl", ForgedJob.SLACK_URL + "/" + "a".repeat(2048))));
  }

  private static void ids(ObjectNode job, String... ids) {
    ArrayNode array = job.putArray("instanceIds");
    for (String id : ids) array.add(id);
  }

  private static String[] numbered(int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) ids[i] = "i-n" + i;
    return ids;
  }
}
