package chatops.local.ecs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.UUID;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;

/**
 * Answers in the shape ECS sends: JSON with {@code RequestId} first, the JSON content type the SDK
 * insists on, and the request ID repeated in {@code x-acs-request-id}.
 */
final class JsonAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonAnswers() {}

  static String newRequestId() {
    return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
  }

  static MockResponse success(String requestId, ObjectNode fields) {
    ObjectNode body = JSON.createObjectNode().put("RequestId", requestId);
    body.setAll(fields);
    return respond(200, requestId, body);
  }

  /** {@code hostId} is the host the call was sent to, as the real HostId is. */
  static MockResponse error(String requestId, String hostId, Rejection rejection) {
    ObjectNode body =
        JSON.createObjectNode()
            .put("RequestId", requestId)
            .put("HostId", hostId)
            .put("Code", rejection.code())
            .put("Message", rejection.getMessage())
            .put(
                "Recommend",
                "https://api.aliyun.com/troubleshoot?q="
                    + rejection.code()
                    + "&product=Ecs&requestId="
                    + requestId);
    return respond(rejection.status(), requestId, body);
  }

  static MockResponse dropped() {
    return new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST);
  }

  private static MockResponse respond(int status, String requestId, ObjectNode body) {
    try {
      return new MockResponse()
          .setResponseCode(status)
          .setHeader("Content-Type", "application/json;charset=utf-8")
          .setHeader("x-acs-request-id", requestId)
          .setBody(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }
}
