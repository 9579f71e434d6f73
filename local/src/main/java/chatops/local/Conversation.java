package chatops.local;

import chatops.local.slack.CommandReply;
import chatops.local.slack.ReceivedPost;
import chatops.local.slack.SlashCommandRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The demo user's side of Slack: sends each command as the default user, shows the reply, then
 * every message posted to that command's response URL. The first result is awaited before the
 * prompt returns; anything later (a platform retry's post) is printed as it arrives.
 */
final class Conversation implements AutoCloseable {
  /** How the command ended, and the exit status {@code --command} gives it. */
  enum Outcome {
    DONE(0), REFUSED(1), NO_RESULT(2);

    final int exitStatus;

    Outcome(int exitStatus) {
      this.exitStatus = exitStatus;
    }
  }

  private final LocalStack stack;
  private final Transcript transcript;
  private final Duration resultTimeout;
  private final Map<String, Followed> followed = new ConcurrentHashMap<>();
  private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "demo-follower");
    thread.setDaemon(true);
    return thread;
  });

  Conversation(LocalStack stack, Transcript transcript, Duration resultTimeout) {
    this.stack = stack;
    this.transcript = transcript;
    this.resultTimeout = resultTimeout;
    follower.scheduleWithFixedDelay(this::printLateMessages, 200, 200, TimeUnit.MILLISECONDS);
  }

  Outcome send(TypedCommand command) throws InterruptedException {
    SlashCommandRequest request = stack.command(command.text()).build();
    Instant sentAt = Instant.now();
    CommandReply reply = stack.send(request);
    transcript.reply(reply);
    if (!reply.answered()) return Outcome.NO_RESULT;
    if (reply.status() != 200 || !isJson(reply)) return Outcome.REFUSED;
    if (!SlackText.visibility(reply.json()).equals("in_channel")) {
      return command.isHelp() ? Outcome.DONE : Outcome.REFUSED;
    }
    Followed follow = new Followed(request.responseUrl(), sentAt);
    followed.put(follow.url, follow);
    stack.slack().awaitMessages(follow.url, 1, resultTimeout);
    if (follow.printNew() > 0) return Outcome.DONE;
    transcript.line("  no result within " + resultTimeout.getSeconds() + " s");
    return Outcome.NO_RESULT;
  }

  @Override
  public void close() {
    follower.shutdownNow();
  }

  private void printLateMessages() {
    followed.values().forEach(Followed::printNew);
  }

  private static boolean isJson(CommandReply reply) {
    try {
      reply.json();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** One command's response URL and how many of its messages are on screen. */
  private final class Followed {
    final String url;
    final Instant sentAt;
    int printed;

    Followed(String url, Instant sentAt) {
      this.url = url;
      this.sentAt = sentAt;
    }

    /** Prints what arrived since the last call; safe from the prompt and the follower thread alike. */
    synchronized int printNew() {
      List<ReceivedPost> messages = stack.slack().posts().stream()
          .filter(post -> post.accepted() && post.responseUrl().equals(url) && post.message().isPresent())
          .collect(Collectors.toList());
      for (; printed < messages.size(); printed++) {
        ReceivedPost post = messages.get(printed);
        transcript.message(post.message().get(), Duration.between(sentAt, post.receivedAt()));
      }
      return printed;
    }
  }
}
