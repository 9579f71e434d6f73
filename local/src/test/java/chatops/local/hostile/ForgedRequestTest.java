package chatops.local.hostile;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile requests through the real HTTP path of the local stack (Slack emulator or a raw client →
 * FC HTTP trigger → FrontHandler, with the real Execution and the ECS emulator behind), one table row each: the status, the reply's whole text (or an empty body), and
 * that the Execution function was not invoked and ECS not called. Two Fronts serve the table, one
 * with a signing secret and one with only the legacy token; both stay up for the whole table.
 */
class ForgedRequestTest {
  private static final Map<HostileStack.Auth, HostileStack> STACKS = new EnumMap<>(HostileStack.Auth.class);

  @BeforeAll
  static void start() {
    for (HostileStack.Auth auth : HostileStack.Auth.values()) STACKS.put(auth, HostileStack.start(auth));
  }

  @AfterAll
  static void stop() {
    STACKS.values().forEach(HostileStack::close);
  }

  static Stream<FrontCase> cases() {
    return Stream.of(SignatureCases.all(), BodyCases.all(), PolicyCases.all(), GrammarCases.all()).flatMap(s -> s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedAndStartsNothing(FrontCase hostile) {
    HostileStack stack = STACKS.get(hostile.auth());
    stack.clearHistory();

    Reply reply = hostile.send(new Caller(stack));

    assertAll(
        () -> assertEquals(hostile.status(), reply.status(), () -> "status; reply: " + reply),
        () -> {
          if (hostile.text() == null) {
            assertTrue(reply.isEmpty(), () -> "an empty body; reply: " + reply);
          } else {
            assertEquals("ephemeral", reply.responseType(), () -> "only the caller sees a refusal; " + reply);
            assertEquals(hostile.text(), reply.text());
          }
        },
        () -> assertEquals(0, stack.executionInvocations(), "Execution invocations"),
        () -> assertEquals(0, stack.ecsRequests(), "ECS requests"));
  }

  /** Without this the zeros above could come from a stack that never invokes anything. */
  @Test
  void theGenuineCommandGetsThroughBothFronts() {
    for (HostileStack stack : STACKS.values()) {
      stack.clearHistory();
      Caller caller = new Caller(stack);

      Reply reply = caller.send(caller.ecs("start i-a1"));

      assertEquals(200, reply.status(), reply::toString);
      assertEquals("in_channel", reply.responseType(), reply::toString);
      assertEquals(1, stack.executionInvocations());
    }
  }

  /**
   * What the table leaves out because it is accepted: header names in any case (HTTP says they
   * are case-insensitive) and any Content-Type, since the signature does not cover that header
   * and the body is decoded as a form whatever it claims.
   */
  @Test
  void headerNameCaseAndContentTypeDoNotMatterToASignedCommand() {
    HostileStack stack = STACKS.get(HostileStack.Auth.SIGNATURE);
    stack.clearHistory();
    Caller caller = new Caller(stack);
    long at = Caller.now();
    byte[] body = caller.ecs("start i-a1").body();

    Reply reply = caller.raw("POST", body, "X-SLACK-REQUEST-TIMESTAMP", Long.toString(at),
        "x-slack-signature", Caller.sign(caller.secret(), Long.toString(at), body), "Content-Type", "text/plain");

    assertEquals("in_channel", reply.responseType(), reply::toString);
    assertEquals(1, stack.executionInvocations());
  }
}
