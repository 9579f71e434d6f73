package chatops.bench.cold;

import chatops.front.FrontHandler;
import chatops.slack.FormBody;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The main of one measured JVM: FC's runtime reduced to what a handler sees, then one slash command.
 *
 * <pre>
 * java -cp front-fc.jar:bench-harness.jar chatops.bench.cold.ColdStart front|floor BODY TIMESTAMP SIGNATURE
 * </pre>
 *
 * {@code front} runs {@link FrontHandler}'s production constructor (settings from the environment),
 * its initializer and one request, whose async invoke reaches the FC endpoint the environment names.
 * {@code floor} gets the same request through the same objects and does the least any Slack
 * endpoint must: decode the form and compute one HMAC-SHA256 over the body. Both print one line and
 * exit 0 only when the reply is the one expected, so a fast wrong answer is never counted.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    byte[] body = args[1].getBytes(StandardCharsets.US_ASCII);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
    headers.put("X-Slack-Request-Timestamp", List.of(args[2]));
    headers.put("X-Slack-Signature", List.of(args[3]));
    HarnessRequest request = new HarnessRequest(headers, body);
    HarnessResponse response = new HarnessResponse();
    HarnessContext context = new HarnessContext("bench-cold-1");

    long started = System.nanoTime();
    boolean ok;
    if (mode.equals("front")) {
      FrontHandler handler = new FrontHandler();
      handler.initialize(context);
      long initialized = System.nanoTime();
      handler.handleRequest(request, response, context);
      String reply = new String(response.body(), StandardCharsets.UTF_8);
      ok = response.getStatus() == 200 && reply.contains("\"in_channel\"");
      System.out.println("harness mode=front ok=" + ok + " initMs=" + (initialized - started) / 1_000_000
          + " requestMs=" + (System.nanoTime() - initialized) / 1_000_000);
    } else if (mode.equals("floor")) {
      ok = floor(request, response, args[2], args[3]);
      System.out.println("harness mode=floor ok=" + ok + " ms=" + (System.nanoTime() - started) / 1_000_000);
    } else {
      throw new IllegalArgumentException("mode is front or floor");
    }
    if (!ok) System.exit(2);
  }

  private static boolean floor(HarnessRequest request, HarnessResponse response, String timestamp, String signature)
      throws Exception {
    byte[] body = request.getInputStream().readAllBytes();
    FormBody form = FormBody.decode(body);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(System.getenv("SLACK_SIGNING_SECRET").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
    byte[] expected = mac.doFinal(body);
    StringBuilder hex = new StringBuilder("v0=");
    for (byte b : expected) hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    boolean verified = MessageDigest.isEqual(hex.toString().getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
    response.setStatus(verified ? 200 : 401);
    response.getOutputStream().write(("{\"text\":\"" + form.get("text").orElse("") + "\"}").getBytes(StandardCharsets.UTF_8));
    return verified && form.get("text").isPresent();
  }
}
