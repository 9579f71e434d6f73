package chatops.local.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.config.Variable;
import chatops.local.LocalStack;
import chatops.local.ecs.EcsFaults;
import chatops.local.fc.FcLogLine;
import chatops.local.fc.StsKey;
import chatops.local.slack.SlashCommandRequest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Full runs, failures included, with every line they leave captured: what the functions logged
 * through FC, everything on standard output and error, and every java.util.logging record. No
 * line may hold a signing secret, the legacy token, an STS or static access key secret, an STS
 * security token, a request signature, or a response_url beyond its scheme and host.
 */
class SecretsInLogsTest {
  private static final String STATIC_SECRET = "static-key-secret-5d41402abc4b2a76b9719d911017c592";
  private final Set<String> secrets = new LinkedHashSet<>();
  private final Set<String> responseUrls = new LinkedHashSet<>();
  private final List<String> lines = new ArrayList<>();

  @Test
  void noRunLeavesASecretASignatureOrAResponseUrlInAnyLogLine() throws Exception {
    secrets.add(HostileStack.LEGACY_TOKEN);
    secrets.add(STATIC_SECRET);
    try (LogCapture capture = new LogCapture()) {
      run(HostileStack.builder().set(Variable.ECS_CMD_CODE, null), this::commandsAndFailures);
      run(HostileStack.builder().set(Variable.SLACK_SIGNING_SECRET, null).set(Variable.SLACK_TOKEN, HostileStack.LEGACY_TOKEN),
          this::legacyToken);
      run(HostileStack.builder().set(Variable.SLACK_TEAM, "not a team").set(Variable.ECS_REGION, "Not A Region"),
          this::misconfigured);
      run(HostileStack.builder().set(Variable.ACCESS_KEY_ID, "LTAI5tHostileStatic").set(Variable.ACCESS_KEY_SECRET, STATIC_SECRET),
          this::staticKeyEcsRefuses);
      lines.addAll(capture.lines());
    }
    System.out.println("secrets: scanned " + lines.size() + " log lines for " + secrets.size() + " secrets and signatures and "
        + responseUrls.size() + " response URLs");
    assertTrue(lines.size() > 30, "the runs left lines to scan: " + lines.size());
    for (String line : lines) {
      // The failure message masks what it found, so the test report does not leak it either.
      for (String secret : secrets) {
        assertTrue(!line.contains(secret), () -> "a secret or signature in: " + line.replace(secret, "***"));
      }
      for (String url : responseUrls) {
        assertTrue(!line.contains(url) && !line.contains(capability(url)), () -> "a response_url path in: " + line);
      }
    }
  }

  private void run(LocalStack.Builder builder, Flow flow) throws Exception {
    try (LocalStack local = builder.start()) {
      StsKey role = local.fc().roleKey();
      secrets.add(local.slack().signingSecret());
      secrets.add(role.getAccessKeySecret());
      secrets.add(role.getSecurityToken());
      flow.run(local);
      new Platform(local).awaitIdle();
      for (FcLogLine line : local.fc().logLines()) lines.add(line.toString());
    }
  }

  private void commandsAndFailures(LocalStack local) throws Exception {
    Platform platform = new Platform(local);
    sendAndAwait(local, local.command("start i-a2").build());
    local.slack().failNextPosts(3);
    sendAndAwait(local, local.command("status i-a1").build());
    send(local, local.command("status i-a3").build()
        .withField("response_url", remember(local.slack().responseUrlBase() + "/commands/T0001/9/capabilityNEVERISSUED")));
    sendSigned(local, local.command("start i-a2").build(), "an-impostor-secret", Caller.now());
    sendSigned(local, local.command("start i-a2").build(), local.slack().signingSecret(), Caller.now() - 3600);
    send(local, local.command("start i-a2").build().withRawBody(Caller.bytes("text=%G1&token=" + HostileStack.LEGACY_TOKEN)));
    send(local, local.command("stop i-a1").user("U9999", "mallory").build());
    send(local, local.command("status i-a1").build().withField("response_url", remember("https://evil.example/capabilityEVIL")));
    local.ecs().faults().throttleNext(3).dropNext(1, EcsFaults.Drop.AFTER_SERVING);
    sendAndAwait(local, local.command("reboot i-a5").build());
    local.fc().stallInvokesUntilReset();
    send(local, local.command("status i-a1").build());
    local.fc().resetFaults();
    ObjectNode forged = ForgedJob.genuine(Instant.now());
    forged.put("responseUrl", remember("https://hooks.slack.com/commands/T0001/1/capabilityFORGED"));
    platform.deliver(ForgedJob.bytes(forged));
    forged.put("responseUrl", remember(local.slack().responseUrlBase() + "/commands/T0001/2/capabilityEXPIRED"));
    forged.put("issuedAt", Instant.now().minus(Duration.ofHours(2)).toString());
    platform.deliver(ForgedJob.bytes(forged));
  }

  private void legacyToken(LocalStack local) throws Exception {
    sendAndAwait(local, local.command("status i-a1").build().withField("token", HostileStack.LEGACY_TOKEN));
    send(local, local.command("status i-a1").build().withField("token", HostileStack.LEGACY_TOKEN + "x"));
  }

  private void misconfigured(LocalStack local) throws Exception {
    assertEquals(500, send(local, local.command("status i-a1").build()).status());
    ObjectNode job = ForgedJob.genuine(Instant.now());
    job.put("responseUrl", remember(local.slack().responseUrlBase() + "/commands/T0001/3/capabilityMISCONF"));
    new Platform(local).deliver(ForgedJob.bytes(job));
  }

  private void staticKeyEcsRefuses(LocalStack local) throws Exception {
    sendAndAwait(local, local.command("start i-a2").build());
  }

  /** Sends as Slack would, signed now. */
  private Reply send(LocalStack local, SlashCommandRequest request) {
    return sendSigned(local, request, local.slack().signingSecret(), Caller.now());
  }

  /** Sends signed with {@code secret} at {@code timestamp}, remembering the signature and the response URLs. */
  private Reply sendSigned(LocalStack local, SlashCommandRequest request, String secret, long timestamp) {
    SlashCommandRequest signed = request.signedWith(secret).withTimestamp(timestamp);
    secrets.add(Caller.sign(secret, Long.toString(timestamp), signed.body()));
    remember(request.responseUrl());
    request.field("response_url").ifPresent(this::remember);
    return Reply.of(local.send(signed));
  }

  /** Sends, then waits for the result so that the Execution's lines are part of the run. */
  private void sendAndAwait(LocalStack local, SlashCommandRequest request) throws InterruptedException {
    send(local, request);
    local.slack().awaitMessages(request.field("response_url").orElseThrow(), 1, Duration.ofSeconds(30));
  }

  private String remember(String url) {
    responseUrls.add(url);
    return url;
  }

  private static String capability(String url) {
    return url.substring(url.lastIndexOf('/') + 1);
  }

  @FunctionalInterface
  private interface Flow {
    void run(LocalStack local) throws Exception;
  }
}
