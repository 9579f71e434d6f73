package chatops.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.ResponseUrlPolicy;
import chatops.ecs.EcsAction;
import chatops.job.JobCodec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Anyone allowed to invoke the function can hand it any bytes: a job that fails any check is
 * logged and dropped, and neither ECS nor any URL is contacted.
 */
class ExecutionHandlerForgedJobTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeClock clock = new FakeClock();
  private final FakeFleet fleet = new FakeFleet(clock).add("i-web1", "web-1", "Stopped");
  private final RecordingPoster poster = new RecordingPoster();
  private final FakeContext context = new FakeContext();

  static Stream<Arguments> forgeries() {
    return Stream.of(
        Arguments.of("version", 2, "version 2 is not supported"),
        Arguments.of("action", "destroy", "invalid job"),
        Arguments.of("instanceIds", List.of("i-ABC"), "not a valid instance ID"),
        Arguments.of("instanceIds", List.of("../../x"), "not a valid instance ID"),
        Arguments.of("region", "cn-hangzhou.evil.example", "region"),
        Arguments.of("force", "yes", "invalid job"),
        Arguments.of("responseUrl", "https://evil.example/commands/secretpart", "https://evil.example/…"),
        Arguments.of("responseUrl", "http://hooks.slack.com/commands/secretpart", "http://hooks.slack.com/…"),
        Arguments.of("responseUrl", "https://hooks.slack.com@evil.example/secretpart", "responseUrl is not allowed"),
        Arguments.of("responseUrl", "https://hooks.slack.com:8443/secretpart", "responseUrl is not allowed"),
        Arguments.of("responseUrl", "https://hooks.slack.com.evil.example/secretpart", "responseUrl is not allowed"),
        Arguments.of("userId", "U0001> <!channel", "userId is not a Slack user ID"),
        Arguments.of("teamId", "t-lower", "teamId is not a Slack team ID"),
        Arguments.of("channelId", "#ops", "channelId is not a Slack channel ID"),
        Arguments.of("issuedAt", "2026-03-01T08:00:00Z", "after its response_url expired"),
        Arguments.of("issuedAt", "2026-03-01T10:00:00Z", "issuedAt is in the future"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("forgeries")
  void aForgedFieldDropsTheJobAndContactsNothing(String field, Object value, String reason) throws Exception {
    ObjectNode job = (ObjectNode) JSON.readTree(new JobCodec().write(Jobs.job(EcsAction.START, "i-web1")));
    job.set(field, JSON.valueToTree(value));

    invoke(handler(), JSON.writeValueAsBytes(job));

    assertNothingContacted();
    assertTrue(context.logs().contains("dropped") && context.logs().contains(reason), context.logs());
  }

  @Test
  void bytesThatAreNotAJobAreDropped() throws Exception {
    invoke(handler(), "{\"version\":1,\"jobId\":\"x\"".getBytes(StandardCharsets.UTF_8));
    invoke(handler(), new byte[0]);
    invoke(handler(), new byte[JobCodec.MAX_BYTES + 10]);

    assertNothingContacted();
    assertEquals(3, context.logLines.stream().filter(l -> l.contains("dropped")).count(), context.logs());
  }

  @Test
  void aUserNotAllowedToChangeInstancesIsDropped() throws Exception {
    invoke(handler("ALLOWED_USERS", "U0BOSS"), new JobCodec().write(Jobs.job(EcsAction.START, "i-web1")));

    assertNothingContacted();
    assertTrue(context.logs().contains("policy USER"), context.logs());
  }

  @Test
  void anInstanceOutsideEcsInstancesIsDropped() throws Exception {
    invoke(handler("ECS_INSTANCES", "i-other"), new JobCodec().write(Jobs.job(EcsAction.START, "i-web1")));

    assertNothingContacted();
    assertTrue(context.logs().contains("policy INSTANCE"), context.logs());
  }

  @Test
  void moreInstancesThanTheFunctionAllowsIsDropped() throws Exception {
    invoke(handler("ECS_MAX_INSTANCES", "1"), new JobCodec().write(Jobs.job(EcsAction.STOP, "i-a", "i-b")));

    assertNothingContacted();
    assertTrue(context.logs().contains("Too many instances"), context.logs());
  }

  @Test
  void aBadConfigurationDropsEveryJobAndNamesTheVariable() throws Exception {
    ExecutionHandler handler = new ExecutionHandler(Jobs.env("ECS_REGION", "not a region"),
        ResponseUrlPolicy.slackHosts(ResponseUrlPolicy.DEFAULT_SLACK_HOSTS), wiring());

    handler.initialize(context);
    invoke(handler, new JobCodec().write(Jobs.job(EcsAction.START, "i-web1")));

    assertNothingContacted();
    assertTrue(context.logs().contains("config-invalid") && context.logs().contains("ECS_REGION"), context.logs());
    assertTrue(context.logs().contains("dropped") && context.logs().contains("configuration"), context.logs());
    assertFalse(context.logs().contains("not a region"), "the value is never echoed");
  }

  private void assertNothingContacted() {
    assertEquals("describe=0 change=0 status=0 list=0", fleet.counts());
    assertEquals(List.of(), poster.urls);
    assertFalse(context.logs().contains("secretpart"), "a response_url is logged by host only: " + context.logs());
  }

  private ExecutionHandler handler(String... env) {
    return new ExecutionHandler(Jobs.env(env), ResponseUrlPolicy.slackHosts(ResponseUrlPolicy.DEFAULT_SLACK_HOSTS),
        wiring());
  }

  private Wiring wiring() {
    return new Wiring((settings, credentials) -> fleet, urls -> poster, clock, clock.sleeper(), Jobs.retrier(clock));
  }

  private void invoke(ExecutionHandler handler, byte[] payload) throws Exception {
    handler.handleRequest(new ByteArrayInputStream(payload), new ByteArrayOutputStream(), context);
  }
}
