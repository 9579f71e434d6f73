package chatops.local.slack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;

import java.io.IOException;
import java.time.Clock;

/**
 * Slack's side of {@code response_url}: takes a JSON message posted to an issued URL, within its
 * 5 posts and 30 minutes, and answers {@code ok}; anything else gets Slack's error answer.
 */
final class ResponseUrlEndpoint extends Dispatcher {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ResponseUrls urls;
  private final PostFaults faults;
  private final Clock clock;

  ResponseUrlEndpoint(ResponseUrls urls, PostFaults faults, Clock clock) {
    this.urls = urls;
    this.faults = faults;
    this.clock = clock;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    String target = request.getPath() == null ? "/" : request.getPath();
    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
    byte[] body = request.getBody().readByteArray();
    PostFaults.Verdict verdict = faults.admit();
    if (verdict == PostFaults.Verdict.FAIL) {
      return answer(path, body, null, SlackAnswer.INJECTED_FAILURE);
    }
    if (verdict == PostFaults.Verdict.DROP) {
      return answer(path, body, null, SlackAnswer.DROPPED);
    }
    ResponseUrl url = urls.find(path);
    if (url == null) {
      return answer(path, body, null, SlackAnswer.NO_SUCH_URL);
    }
    if (!"POST".equals(request.getMethod())) {
      return answer(path, body, null, SlackAnswer.METHOD_NOT_ALLOWED);
    }
    JsonNode message = parse(body);
    if (message == null || !message.isObject()) {
      return answer(path, body, null, SlackAnswer.INVALID_PAYLOAD);
    }
    if (!hasContent(message)) {
      return answer(path, body, message, SlackAnswer.NO_TEXT);
    }
    return answer(path, body, message, url.use(clock.instant()));
  }

  /** Nothing may stay held when the server stops. */
  @Override
  public void shutdown() {
    faults.reset();
  }

  private MockResponse answer(String path, byte[] body, JsonNode message, SlackAnswer answer) {
    urls.record(new ReceivedPost(urls.urlOf(path), clock.instant(), body, message, answer.status(), answer.word()));
    return new MockResponse().setResponseCode(answer.status())
        .setHeader("Content-Type", "text/plain; charset=utf-8")
        .setBody(answer.word());
  }

  /** A message needs text or blocks, unless it only deletes the original. */
  private static boolean hasContent(JsonNode message) {
    JsonNode text = message.get("text");
    JsonNode blocks = message.get("blocks");
    return (text != null && text.isTextual() && !text.asText().isEmpty())
        || (blocks != null && blocks.isArray() && blocks.size() > 0)
        || message.path("delete_original").asBoolean(false);
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException notJson) {
      return null;
    }
  }
}
