package chatops.local;

import chatops.local.ecs.EcsInstance;
import chatops.local.slack.CommandReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the demo prints: the stack it started, then for each command what Slack would show, in the
 * order it arrives. Nothing secret is printed: no signing secret, no signature, no response URL
 * (a capability), no access key secret.
 */
final class Transcript {
  private static final String INDENT = "    ";

  private final PrintStream out;
  private final SlackText slackText;

  Transcript(PrintStream out, Map<String, String> userNames) {
    this.out = out;
    this.slackText = new SlackText(userNames);
  }

  synchronized void started(LocalStack stack) {
    out.println(stack.realEcs().isPresent()
        ? "ChatOps local stack: Slack and Function Compute on 127.0.0.1, ECS in the real cloud"
        : "ChatOps local stack: Slack, Function Compute and ECS on 127.0.0.1 (no cloud, no Docker)");
    out.println("  Front      " + stack.frontUrl());
    out.println("             FC HTTP trigger running the real chatops.front.FrontHandler");
    out.println("  Execution  " + LocalStack.EXECUTION_SERVICE + "/" + LocalStack.EXECUTION_FUNCTION
        + ", FC async invoke (" + stack.asyncRetries() + " retries) running the real chatops.execution.ExecutionHandler");
    if (stack.realEcs().isPresent()) {
      RealEcs real = stack.realEcs().get();
      out.println("  ECS        REAL Alibaba Cloud in " + real.region() + " ("
          + real.endpoint().orElse("the region's own endpoint") + "), signed with " + real.key()
          + " -- untested here, and it changes real instances");
    } else {
      out.println("  ECS        http://" + stack.ecs().endpoint() + " (emulated; instances take "
          + seconds(stack.transitionTime()) + " to start or stop)");
    }
    out.println("  Slack      " + stack.slack().responseUrlBase() + " (emulated; signs commands, receives results)");
    if (stack.realEcs().isEmpty()) fleet(stack.ecs().instances());
  }

  synchronized void fleet(List<EcsInstance> instances) {
    out.println("Instances in the ECS emulator:");
    out.println(String.format(Locale.ROOT, "  %-15s %-16s %-14s %-9s %-17s %-18s %s",
        "REGION", "ID", "NAME", "STATUS", "ZONE", "TYPE", "TAGS"));
    for (EcsInstance instance : instances) {
      String tags = instance.tags().entrySet().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
          .collect(Collectors.joining(" "));
      out.println(String.format(Locale.ROOT, "  %-15s %-16s %-14s %-9s %-17s %-18s %s",
          instance.regionId(), instance.instanceId(), instance.name(), instance.status().apiName(),
          instance.zoneId(), instance.instanceType(), tags));
    }
  }

  synchronized void sent(String slashLine) {
    out.println("> " + slashLine);
  }

  /** Slack shows the reply only when it is HTTP 200 in time; otherwise the user sees an error. */
  synchronized void reply(CommandReply reply) {
    long ms = reply.latency().toMillis();
    if (!reply.answered()) {
      out.println("  no reply after " + ms + " ms (" + reply.failure().orElse("no answer")
          + "): Slack tells the user the command failed");
      return;
    }
    if (reply.status() != 200) {
      out.println("  reply after " + ms + " ms: HTTP " + reply.status()
          + ", which Slack shows the user as a failed command");
      return;
    }
    JsonNode json;
    try {
      json = reply.json();
    } catch (RuntimeException notJson) {
      out.println("  reply after " + ms + " ms, shown as plain text:");
      block(reply.bodyText());
      return;
    }
    out.println("  reply after " + ms + " ms, " + audience(json) + ":");
    block(slackText.render(json));
  }

  synchronized void message(JsonNode message, Duration sinceSent) {
    String after = sinceSent.toMillis() < 1000 ? sinceSent.toMillis() + " ms" : seconds(sinceSent);
    out.println("  message after " + after + ", " + audience(message) + ":");
    block(slackText.render(message));
  }

  synchronized void line(String text) {
    out.println(text);
  }

  synchronized void prompt(String text) {
    out.print(text);
    out.flush();
  }

  private static String audience(JsonNode message) {
    return SlackText.visibility(message).equals("in_channel") ? "in_channel (everyone in the channel)"
        : "ephemeral (only you)";
  }

  private void block(String text) {
    for (String line : text.split("\n", -1)) out.println(INDENT + line);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
