package chatops.local.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What Slack got back for a slash command: the status, headers and body of the reply and how long it
 * took, or that no reply came within Slack's 3 seconds (the user then sees {@code operation_timeout}),
 * or that the request could not be delivered at all.
 */
public final class CommandReply {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final Duration latency;
  private final boolean timedOut;
  private final String failure;

  private CommandReply(int status, Map<String, List<String>> headers, byte[] body, Duration latency,
                       boolean timedOut, String failure) {
    TreeMap<String, List<String>> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> sorted.put(name, List.copyOf(values)));
    this.status = status;
    this.headers = sorted;
    this.body = body.clone();
    this.latency = latency;
    this.timedOut = timedOut;
    this.failure = failure;
  }

  static CommandReply answered(int status, Map<String, List<String>> headers, byte[] body, Duration latency) {
    return new CommandReply(status, headers, body, latency, false, null);
  }

  static CommandReply timedOut(Duration latency) {
    return new CommandReply(0, Map.of(), new byte[0], latency, true, "operation_timeout");
  }

  static CommandReply undelivered(String reason, Duration latency) {
    return new CommandReply(0, Map.of(), new byte[0], latency, false, reason);
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }

  public boolean answered() {
    return status != 0;
  }

  public boolean timedOut() {
    return timedOut;
  }

  /** Why there was no answer: {@code operation_timeout} or the transport's error. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /** From the first byte sent to the last byte received (or to giving up). */
  public Duration latency() {
    return latency;
  }

  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public byte[] body() {
    return body.clone();
  }

  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The reply as JSON, as Slack reads a {@code response_type}/{@code text}/{@code blocks} answer. */
  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("the reply is not JSON: " + bodyText(), e);
    }
  }

  @Override
  public String toString() {
    return answered() ? status + " in " + latency.toMillis() + " ms: " + bodyText()
        : failure + " after " + latency.toMillis() + " ms";
  }
}
