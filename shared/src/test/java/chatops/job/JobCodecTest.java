package chatops.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import chatops.ecs.EcsAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Front→Execution payload: what is written, what is read back, and every refusal. */
class JobCodecTest {
  private static final String RESPONSE_URL = "https://hooks.slack.com/commands/T1/123/CAPABILITY";
  private static final String WIRE = "{\"version\":1,\"jobId\":\"req-1\",\"action\":\"stop\","
      + "\"instanceIds\":[\"i-web\",\"i-db\"],\"region\":\"cn-hangzhou\",\"force\":true,\"dryRun\":false,"
      + "\"teamId\":\"T1\",\"channelId\":\"C1\",\"channelName\":\"ops\",\"userId\":\"U1\",\"userName\":\"alice\","
      + "\"responseUrl\":\"" + RESPONSE_URL + "\",\"issuedAt\":\"2024-05-01T12:00:00Z\"}";

  private final JobCodec codec = new JobCodec();

  static Job.Builder stopJob() {
    return Job.builder().jobId("req-1").action(EcsAction.STOP).instanceIds(List.of("i-web", "i-db"))
        .region("cn-hangzhou").force(true).dryRun(false).teamId("T1").channelId("C1").channelName("ops")
        .userId("U1").userName("alice").responseUrl(RESPONSE_URL).issuedAt(Instant.parse("2024-05-01T12:00:00Z"));
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The wire form with one field's JSON replaced ({@code null} removes the field). */
  private static String with(String field, String json) {
    String pattern = "\"" + field + "\":(\\[[^\\]]*\\]|\"[^\"]*\"|[^,}]*)";
    return json == null
        ? WIRE.replaceFirst(pattern + ",?", "").replace(",}", "}")
        : WIRE.replaceFirst(pattern, Matcher.quoteReplacement("\"" + field + "\":" + json));
  }

  @Test
  void writesTheContractFieldNamesInOrder() {
    assertEquals(WIRE, new String(codec.write(stopJob().build()), StandardCharsets.UTF_8));
  }

  @Test
  void readsWhatItWrites() throws Exception {
    Job job = stopJob().build();
    assertEquals(job, codec.read(codec.write(job)));
    Job minimal = stopJob().region(null).channelName(null).userName(null).force(false).build();
    assertEquals(minimal, codec.read(codec.write(minimal)));
    Job list = stopJob().action(EcsAction.LIST).instanceIds(List.of()).force(false).build();
    assertEquals(list, codec.read(codec.write(list)));
  }

  @Test
  void absentOrNullOptionalFieldsReadAsEmpty() throws Exception {
    Job job = codec.read(utf8(with("region", null).replace("\"channelName\":\"ops\"", "\"channelName\":null")));
    assertEquals(Optional.empty(), job.region());
    assertEquals(Optional.empty(), job.channelName());
    assertEquals(Optional.of("alice"), job.userName());
  }

  @Test
  void ignoresUnknownFieldsSoTheFrontCanAddOne() throws Exception {
    String json = WIRE.replace("{\"version\":1,", "{\"version\":1,\"traceId\":{\"a\":[1,2]},");
    assertEquals(stopJob().build(), codec.read(utf8(json)));
  }

  @Test
  void readsAnyOffsetAsTheSameInstant() throws Exception {
    Job job = codec.read(utf8(with("issuedAt", "\"2024-05-01T20:00:00+08:00\"")));
    assertEquals(Instant.parse("2024-05-01T12:00:00Z"), job.issuedAt());
  }

  @Test
  void collapsesRepeatedInstancesAsACommandDoes() throws Exception {
    Job job = codec.read(utf8(with("instanceIds", "[\"i-a\",\"i-b\",\"i-a\"]")));
    assertEquals(List.of("i-a", "i-b"), job.instanceIds());
  }

  static Stream<Arguments> refusals() {
    String hundredAndOne = IntStream.range(0, 101).mapToObj(i -> "\"i-" + i + "\"").collect(Collectors.joining(","));
    return Stream.of(
        arguments("", "payload is empty"),
        arguments("not json", "payload is not a single JSON value"),
        arguments(WIRE + " garbage", "payload is not a single JSON value"),
        arguments(WIRE + WIRE, "payload is not a single JSON value"),
        arguments(WIRE.substring(0, WIRE.length() - 1), "payload is not a single JSON value"),
        arguments(WIRE.replace("{\"version\":1,", "{\"version\":1,\"version\":1,"), "payload is not a single JSON value"),
        arguments("[" + WIRE + "]", "payload is not a JSON object"),
        arguments("null", "payload is not a JSON object"),
        arguments("\"job\"", "payload is not a JSON object"),
        arguments(with("version", null), "version is missing"),
        arguments(with("version", "2"), "version 2 is not supported (expected 1)"),
        arguments(with("version", "0"), "version 0 is not supported (expected 1)"),
        arguments(with("version", "\"1\""), "version must be a whole number"),
        arguments(with("version", "1.0"), "version must be a whole number"),
        arguments(with("jobId", null), "jobId is missing"),
        arguments(with("jobId", "\"a b\""), "jobId is not 1 to 128 of A-Za-z0-9._:-"),
        arguments(with("action", null), "action is missing"),
        arguments(with("action", "\"terminate\""), "action is not one of start, stop, reboot, status, list"),
        arguments(with("action", "\"STOP\""), "action is not one of start, stop, reboot, status, list"),
        arguments(with("action", "3"), "action must be a string"),
        arguments(with("instanceIds", null), "instanceIds is missing"),
        arguments(with("instanceIds", "\"i-web\""), "instanceIds must be an array"),
        arguments(with("instanceIds", "[]"), "stop needs at least one instance ID"),
        arguments(with("instanceIds", "[\"i-web\",7]"), "instanceIds[1] must be a string"),
        arguments(with("instanceIds", "[\"i-web\",\"I-DB\"]"), "instanceIds[1] is not a valid instance ID"),
        arguments(with("instanceIds", "[\"i-a;rm -rf /\"]"), "instanceIds[0] is not a valid instance ID"),
        arguments(with("instanceIds", "[" + hundredAndOne + "]"), "instanceIds holds more than 100 entries"),
        arguments(with("region", "\"cn-hangzhou.evil.com\""), "region is not a valid region ID"),
        arguments(with("region", "5"), "region must be a string"),
        arguments(with("force", null), "force is missing"),
        arguments(with("force", "\"true\""), "force must be true or false"),
        arguments(with("dryRun", "1"), "dryRun must be true or false"),
        arguments(with("teamId", null), "teamId is missing"),
        arguments(with("channelId", "\"\""), "channelId is missing"),
        arguments(with("userId", "null"), "userId is missing"),
        arguments(with("userName", "\"bob\\nforged=line\""), "userName contains a control character"),
        arguments(with("responseUrl", null), "responseUrl is missing"),
        arguments(with("responseUrl", "{}"), "responseUrl must be a string"),
        arguments(with("issuedAt", null), "issuedAt is missing"),
        arguments(with("issuedAt", "\"yesterday\""), "issuedAt must be an ISO-8601 instant such as 2024-05-01T12:00:00Z"),
        arguments(with("issuedAt", "1714564800"), "issuedAt must be a string"));
  }

  @ParameterizedTest(name = "[{0}]")
  @MethodSource("refusals")
  void refuses(String payload, String message) {
    InvalidJobException e = assertThrows(InvalidJobException.class, () -> codec.read(utf8(payload)));
    assertEquals(message, e.getMessage());
    assertNull(e.getCause());
    assertFalse(e.getMessage().contains("CAPABILITY"));
  }

  @Test
  void refusesOptionsTheActionDoesNotTake() {
    InvalidJobException e = assertThrows(InvalidJobException.class,
        () -> codec.read(utf8(with("action", "\"start\""))));
    assertEquals("force does not apply to start", e.getMessage());
    e = assertThrows(InvalidJobException.class,
        () -> codec.read(utf8(with("action", "\"list\"").replace("\"force\":true", "\"force\":false"))));
    assertEquals("list takes no instance IDs", e.getMessage());
  }

  @Test
  void refusesNullAndOversizedPayloads() {
    assertEquals("payload is empty", assertThrows(InvalidJobException.class, () -> codec.read(null)).getMessage());
    byte[] huge = utf8(WIRE.replace("\"jobId\"", "\"padding\":\"" + "x".repeat(JobCodec.MAX_BYTES) + "\",\"jobId\""));
    assertEquals("payload is larger than 65536 bytes",
        assertThrows(InvalidJobException.class, () -> codec.read(huge)).getMessage());
  }
}
