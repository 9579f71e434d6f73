package chatops.local.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import chatops.front.HttpReply;
import chatops.local.hostile.SignatureOracle.Verdict;
import chatops.slack.FormBody;
import chatops.slack.MalformedFormException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated Slack requests, {@code -Dfuzz.cases} of them (default 10,000) from
 * {@code -Dfuzz.seed} (default: a fresh seed, printed, so any failure can be replayed). For speed
 * the bulk goes straight to {@link chatops.front.CommandReceiver}, the object FrontHandler wraps;
 * every {@value #HTTP_EVERY}th goes through the real HTTP path (raw client → FC HTTP trigger →
 * FrontHandler) instead, so the adapter and the emulated platform see the same variety.
 *
 * <p>For every request: no 5xx and no exception; nothing told to (and nothing invoked for) a
 * request whose signature an independent oracle rejects; one log line that holds no secret,
 * signature or response_url path; and every job the Front does queue keeps to the policy.
 */
class FrontFuzzTest {
  private static final int HTTP_EVERY = 25;
  private static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
  private static final int CASES = Integer.getInteger("fuzz.cases", 10_000);
  private static final Set<Integer> UNTOLD_STATUSES = Set.of(200, 401, 405, 413);

  private static HostileStack stack;

  @BeforeAll
  static void start() {
    stack = HostileStack.start(HostileStack.Auth.SIGNATURE);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void nothingUnsignedIsToldOrStartedAndNothingFails() {
    System.out.println("front fuzz: seed=" + SEED + " cases=" + CASES + " (replay with -Dfuzz.seed=" + SEED + ")");
    String secret = stack.local().slack().signingSecret();
    RequestFuzzer fuzzer = new RequestFuzzer(new Random(SEED), secret, List.of(
        "https://hooks.slack.com/commands/T0001/1/capabilityAAAAAAAAAAAA",
        "https://hooks.slack.com/commands/T0001/2/capabilityBBBBBBBBBBBB",
        "https://hooks.slack-gov.com/commands/T0001/3/capabilityCCCCCCCC",
        stack.local().slack().responseUrlBase() + "/commands/T0001/4/capabilityDDDDDDDDDDDD",
        "https://hooks.slack.com@evil.example/commands/capabilityEEEEEEEE",
        "https://hooks.slack.com.evil.example/commands/capabilityFFFFFFF",
        "https://hooks.slack.com:8443/commands/capabilityGGGGGGGGGGGGGG",
        "http://hooks.slack.com/commands/capabilityHHHHHHHHHHHHHHHHHHHH",
        "https://hooks.sl\u0430ck.com/commands/capabilityIIIIIIIIIIIIIIII",
        "https://100.100.100.200/latest/meta-data/capabilityJJJJJJJJJJJJ"));
    FuzzedFront receiver = new FuzzedFront(secret);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < CASES; i++) {
      boolean http = i % HTTP_EVERY == 0;
      long now = http ? Caller.now() : FuzzedFront.NOW.getEpochSecond();
      Fuzzed request = fuzzer.next(now);
      String where = "seed=" + SEED + " case=" + i + " " + request;
      String outcome = http ? overHttp(request, secret, where) : direct(receiver, request, secret, where);
      outcomes.merge((http ? "http " : "direct ") + outcome, 1, Integer::sum);
    }
    System.out.println("front fuzz outcomes: " + outcomes);
    assertTrue(outcomes.keySet().stream().anyMatch(o -> o.startsWith("direct invoked")), "some requests must get through");
    assertTrue(outcomes.keySet().stream().anyMatch(o -> o.startsWith("http invoked")), "some HTTP requests must get through");
  }

  private static String direct(FuzzedFront receiver, Fuzzed request, String secret, String where) {
    int invokedBefore = receiver.invocations();
    int loggedBefore = receiver.log().size();
    HttpReply reply;
    try {
      reply = receiver.handle(request);
    } catch (RuntimeException | Error e) {
      throw new AssertionError("escaped the receiver: " + where, e);
    }
    boolean invoked = receiver.invocations() > invokedBefore;
    Verdict verdict = SignatureOracle.judge(request, secret, FuzzedFront.NOW.getEpochSecond());
    check(reply.status(), reply.body().length == 0, invoked, verdict, where);
    if (invoked) assertNull(receiver.lastJobProblem(), where);
    assertEquals(loggedBefore + 1, receiver.log().size(), () -> "one log line per request: " + where);
    String line = receiver.log().get(receiver.log().size() - 1);
    assertTrue(!line.contains(secret), () -> "log holds the signing secret: " + where);
    if (carriesItsResponseUrl(request)) assertTrue(!line.contains("capability"), () -> "log holds a response_url: " + line + " " + where);
    for (String signature : request.all("X-Slack-Signature")) {
      if (signature.length() >= 16) assertTrue(!line.contains(signature), () -> "log holds a signature: " + where);
    }
    return (invoked ? "invoked " : "") + reply.status();
  }

  /**
   * Whether the form still has the generated response_url as its response_url: a mutation can
   * splice the URL into another field, where it is just text the caller sent, not a capability.
   */
  private static boolean carriesItsResponseUrl(Fuzzed request) {
    try {
      return FormBody.decode(request.body).get("response_url").filter(request.responseUrl::equals).isPresent();
    } catch (MalformedFormException e) {
      return false;
    }
  }

  private static String overHttp(Fuzzed request, String secret, String where) {
    int invokedBefore = stack.executionInvocations();
    Reply reply = new Caller(stack).raw(request.method, request.body, request.asPairs());
    boolean invoked = stack.executionInvocations() > invokedBefore;
    check(reply.status(), reply.isEmpty(), invoked, SignatureOracle.judge(request, secret, Caller.now()), where);
    return (invoked ? "invoked " : "") + reply.status();
  }

  private static void check(int status, boolean emptyBody, boolean invoked, Verdict verdict, String where) {
    if (status >= 500) fail("answered " + status + ": " + where);
    if (verdict == Verdict.INVALID) {
      if (invoked) fail("invoked without a valid signature: " + where);
      if (!emptyBody || !UNTOLD_STATUSES.contains(status)) {
        fail("told an unverified caller something (" + status + "): " + where);
      }
    }
  }
}
