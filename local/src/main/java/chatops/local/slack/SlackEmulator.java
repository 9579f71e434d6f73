package chatops.local.slack;

import chatops.local.LoopbackServer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Slack's side of a slash command, on 127.0.0.1: it signs and POSTs commands to an app's Request
 * URL exactly as Slack does (giving up after 3 seconds, never retrying), and it serves the response
 * URLs it hands out with them, recording every message posted there within Slack's limits.
 */
public final class SlackEmulator implements Closeable {
  private final LoopbackServer server;
  private final String signingSecret;
  private final String verificationToken;
  private final ResponseUrls responseUrls;
  private final PostFaults faults = new PostFaults();
  private final CommandSender sender;

  private SlackEmulator(Builder builder) {
    this.signingSecret = builder.signingSecret;
    this.verificationToken = builder.verificationToken;
    this.responseUrls = new ResponseUrls(this::port, builder.clock);
    this.sender = new CommandSender(builder.replyTimeout, signingSecret, builder.clock);
    this.server = new LoopbackServer(new ResponseUrlEndpoint(responseUrls, faults, builder.clock));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What the app must be configured with as SLACK_SIGNING_SECRET. */
  public String signingSecret() {
    return signingSecret;
  }

  /** The legacy verification token sent in every command's {@code token} field (SLACK_TOKEN). */
  public String verificationToken() {
    return verificationToken;
  }

  /** {@code http://127.0.0.1:PORT}: where response URLs point, for an app's allow-list. */
  public String responseUrlBase() {
    return "http://127.0.0.1:" + port();
  }

  /** A command from the default workspace; issuing it hands out a fresh response URL. */
  public SlashCommandRequest.Builder command(String command, String text) {
    return new SlashCommandRequest.Builder(responseUrls::issue, verificationToken, command, text);
  }

  /** POSTs the command, signed, to the app's Request URL and reports what came back. */
  public CommandReply send(SlashCommandRequest command, String requestUrl) {
    return sender.send(command, requestUrl);
  }

  /** Messages accepted at one response URL, in arrival order. */
  public List<JsonNode> messages(String responseUrl) {
    return responseUrls.messages(responseUrl);
  }

  /** Waits until {@code count} messages were accepted at the URL; returns what arrived, maybe fewer, when time is up. */
  public List<JsonNode> awaitMessages(String responseUrl, int count, Duration timeout) throws InterruptedException {
    return responseUrls.await(responseUrl, count, timeout);
  }

  /** Every post that reached the server, accepted or not, in arrival order. */
  public List<ReceivedPost> posts() {
    return responseUrls.posts();
  }

  /** The next {@code count} posts are answered 500 and not recorded as messages. */
  public void failNextPosts(int count) {
    faults.failNext(count);
  }

  /** The next {@code count} posts wait {@code hold} before Slack looks at them. */
  public void stallNextPosts(int count, Duration hold) {
    faults.stallNext(count, hold);
  }

  /** Clears the faults; posts held right now are answered 503 and not recorded as messages. */
  public void resetFaults() {
    faults.reset();
  }

  /** Forgets issued URLs and received posts. */
  public void clearHistory() {
    responseUrls.clear();
  }

  private int port() {
    return server.port();
  }

  @Override
  public void close() {
    faults.reset();
    sender.close();
    try {
      server.shutdown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private SlackEmulator start() {
    try {
      server.start(0);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("Slack emulator could not listen on 127.0.0.1", e);
    }
    return this;
  }

  /** Defaults: random signing secret and verification token, the system clock, Slack's 3000 ms reply timeout. */
  public static final class Builder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private String signingSecret = randomHex(16);
    private String verificationToken = randomHex(12);
    private Clock clock = Clock.systemUTC();
    private Duration replyTimeout = Duration.ofMillis(3000);

    private Builder() {
    }

    public Builder signingSecret(String signingSecret) {
      this.signingSecret = Objects.requireNonNull(signingSecret, "signingSecret");
      return this;
    }

    public Builder verificationToken(String verificationToken) {
      this.verificationToken = Objects.requireNonNull(verificationToken, "verificationToken");
      return this;
    }

    /** Stamps commands and ages response URLs; a settable clock lets a test pass the 30 minutes. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder replyTimeout(Duration replyTimeout) {
      this.replyTimeout = Objects.requireNonNull(replyTimeout, "replyTimeout");
      return this;
    }

    public SlackEmulator start() {
      return new SlackEmulator(this).start();
    }

    private static String randomHex(int bytes) {
      byte[] random = new byte[bytes];
      RANDOM.nextBytes(random);
      return SlackSigner.hex(random);
    }
  }
}
