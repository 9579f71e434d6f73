package chatops.local.slack;

import com.fasterxml.jackson.databind.JsonNode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The response URLs handed out with commands, shaped like Slack's
 * {@code /commands/{team}/{id}/{secret}}, and every post that reached them, in arrival order.
 * Tests read the accepted messages per URL or wait for them.
 */
final class ResponseUrls {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final IntSupplier port;
  private final Clock clock;
  private final Map<String, ResponseUrl> byPath = new ConcurrentHashMap<>();
  private final List<ReceivedPost> posts = new ArrayList<>();

  ResponseUrls(IntSupplier port, Clock clock) {
    this.port = port;
    this.clock = clock;
  }

  String issue(String teamId) {
    String path = "/commands/" + teamId + "/" + (100_000_000_000L + RANDOM.nextInt(Integer.MAX_VALUE)) + "/"
        + randomText(24);
    byPath.put(path, new ResponseUrl(path, clock.instant()));
    return base() + path;
  }

  ResponseUrl find(String path) {
    return byPath.get(path);
  }

  String urlOf(String path) {
    return base() + path;
  }

  synchronized void record(ReceivedPost post) {
    posts.add(post);
    notifyAll();
  }

  synchronized List<ReceivedPost> posts() {
    return List.copyOf(posts);
  }

  synchronized List<JsonNode> messages(String responseUrl) {
    List<JsonNode> messages = new ArrayList<>();
    for (ReceivedPost post : posts) {
      if (post.accepted() && post.responseUrl().equals(responseUrl)) {
        post.message().ifPresent(messages::add);
      }
    }
    return List.copyOf(messages);
  }

  /** Returns once {@code count} messages were accepted at the URL, or what arrived when the time is up. */
  synchronized List<JsonNode> await(String responseUrl, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonNode> messages = messages(responseUrl);
    while (messages.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
      messages = messages(responseUrl);
    }
    return messages;
  }

  synchronized void clear() {
    posts.clear();
    byPath.clear();
  }

  private String base() {
    return "http://127.0.0.1:" + port.getAsInt();
  }

  private static String randomText(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return text.toString();
  }
}
