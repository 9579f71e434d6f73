package chatops.local.hostile;

import chatops.local.LocalStack;
import chatops.local.ecs.EcsInstance;
import chatops.local.ecs.InstanceStatus;
import chatops.local.fc.FcLogLine;
import chatops.local.slack.CommandReply;
import chatops.local.slack.SlashCommandRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One round under one fault: a start, a stop and a reboot on fresh instances, sent at once, then
 * what became of each: acknowledged in time or refused with a reason, changed, its result
 * delivered or its loss explained in the Execution's log, and how many changes ECS began.
 */
final class FaultRound {
  static final long BUDGET_MILLIS = 3000;
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final ObjectMapper JSON = new ObjectMapper();

  final String fault;
  final int commands;
  int inTime;
  int accepted;
  int refusedWithReason;
  long slowestMillis;
  int changed;
  int delivered;
  int explained;
  int duplicateChanges;
  int changedThoughRefused;
  final List<String> problems = new ArrayList<>();

  private FaultRound(String fault, int commands) {
    this.fault = fault;
    this.commands = commands;
  }

  static FaultRound run(LocalStack local, Fault fault) throws Exception {
    Platform platform = new Platform(local);
    Map<String, InstanceStatus> targets = Map.of(
        seed(local, InstanceStatus.STOPPED, "start"), InstanceStatus.RUNNING,
        seed(local, InstanceStatus.RUNNING, "stop"), InstanceStatus.STOPPED,
        seed(local, InstanceStatus.RUNNING, "reboot"), InstanceStatus.RUNNING);
    List<String> ids = new ArrayList<>(targets.keySet());
    List<SlashCommandRequest> requests = new ArrayList<>();
    for (String id : ids) requests.add(local.command(verb(id) + " " + id).build());
    FaultRound round = new FaultRound(fault.toString(), requests.size());
    List<CommandReply> replies;
    try (ChangeWatch watch = new ChangeWatch(local.ecs(), ids)) {
      fault.arm(local);
      replies = sendAtOnce(local, requests);
      for (int i = 0; i < requests.size(); i++) {
        if (isAccepted(replies.get(i))) {
          for (int extra = 0; extra < fault.extraDeliveries(); extra++) platform.deliver(platform.jobOf(requests.get(i)));
        }
      }
      for (int i = 0; i < requests.size(); i++) {
        round.account(local, platform, requests.get(i), replies.get(i), targets.get(ids.get(i)), ids.get(i), watch);
      }
      platform.awaitIdle();
      // Released now, a held invoke is answered 500; give a retry the chance to slip through.
      Fault.clear(local);
      Thread.sleep(300);
      platform.awaitIdle();
      for (int i = 0; i < ids.size(); i++) {
        String id = ids.get(i);
        round.duplicateChanges += Math.max(0, watch.changes(id) - 1);
        if (!isAccepted(replies.get(i)) && watch.changes(id) > 0) {
          round.changedThoughRefused++;
          round.problems.add(id + " changed although the user was told nothing was");
        }
      }
    }
    return round;
  }

  private void account(LocalStack local, Platform platform, SlashCommandRequest request, CommandReply reply,
      InstanceStatus target, String id, ChangeWatch watch) throws InterruptedException {
    slowestMillis = Math.max(slowestMillis, reply.latency().toMillis());
    boolean answered = reply.answered() && reply.status() == 200 && reply.latency().toMillis() < BUDGET_MILLIS;
    if (answered) inTime++; else problems.add(id + " not acknowledged in time: " + reply);
    if (isAccepted(reply)) {
      accepted++;
      List<JsonNode> messages = local.slack().awaitMessages(request.responseUrl(), 1, Duration.ofSeconds(40));
      if (!messages.isEmpty()) {
        delivered++;
      } else if (lossExplained(local, platform, request)) {
        explained++;
      } else {
        problems.add(id + ": no result and nothing in the log says why");
      }
    } else if (answered && !text(reply).isEmpty()) {
      refusedWithReason++;
    } else if (answered) {
      problems.add(id + " refused without a reason: " + reply);
    }
    platform.awaitIdle();
    if (local.ecs().instance(id).map(EcsInstance::status).orElseThrow() == target && watch.changes(id) > 0) changed++;
  }

  /** The Execution's log names the job and why its result could not be posted. */
  private static boolean lossExplained(LocalStack local, Platform platform, SlashCommandRequest request) {
    String jobId = json(platform.jobOf(request)).path("jobId").asText();
    for (FcLogLine line : local.fc().logLines(LocalStack.EXECUTION_SERVICE, LocalStack.EXECUTION_FUNCTION)) {
      String message = line.message();
      if (message.contains("job=" + jobId) && (message.startsWith("report-") || message.startsWith("dropped"))) return true;
    }
    return false;
  }

  private static List<CommandReply> sendAtOnce(LocalStack local, List<SlashCommandRequest> requests) throws Exception {
    ExecutorService slack = Executors.newFixedThreadPool(requests.size());
    try {
      List<Future<CommandReply>> sent = new ArrayList<>();
      for (SlashCommandRequest request : requests) sent.add(slack.submit(() -> local.send(request)));
      List<CommandReply> replies = new ArrayList<>();
      for (Future<CommandReply> reply : sent) replies.add(reply.get());
      return replies;
    } finally {
      slack.shutdownNow();
    }
  }

  private static boolean isAccepted(CommandReply reply) {
    return reply.answered() && reply.status() == 200 && "in_channel".equals(reply.json().path("response_type").asText());
  }

  private static String text(CommandReply reply) {
    return reply.body().length == 0 ? "" : reply.json().path("text").asText();
  }

  /** The verb is kept in the ID's name so the round can tell which command an instance belongs to. */
  private static String seed(LocalStack local, InstanceStatus status, String verb) {
    String id = "i-f" + NEXT.incrementAndGet() + verb;
    local.ecs().seed(EcsInstance.builder(id, "cn-hangzhou").name("fault-" + verb).status(status).build());
    return id;
  }

  private static String verb(String id) {
    return id.replaceFirst("^i-f[0-9]+", "");
  }

  private static JsonNode json(byte[] payload) {
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String row() {
    return String.format("| %-45s | %d | %d/%d in time (%d accepted, %d refused with a reason), slowest %d ms | %d | %d | %d | %d |",
        fault, commands, inTime, commands, accepted, refusedWithReason, slowestMillis, changed, delivered, explained,
        duplicateChanges);
  }
}
