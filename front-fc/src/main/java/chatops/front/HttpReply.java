package chatops.front;

import chatops.slack.SlackMessage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Front answers, independent of the servlet API so that every decision can be asserted
 * on a plain value. Bodies are bytes because that is what goes on the wire; a reply without a
 * body carries no content type, so Slack treats it as a bare acknowledgement.
 */
public final class HttpReply {
  static final String JSON = "application/json; charset=utf-8";

  private final int status;
  private final Map<String, String> headers;
  private final byte[] body;

  private HttpReply(int status, Map<String, String> headers, byte[] body) {
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  /** A status with nothing else: refusals that must not tell an unverified caller anything. */
  public static HttpReply empty(int status) {
    return new HttpReply(status, Map.of(), new byte[0]);
  }

  /** 405 names the one method we take, as HTTP requires of a 405. */
  public static HttpReply methodNotAllowed() {
    return new HttpReply(405, Map.of("Allow", "POST"), new byte[0]);
  }

  /**
   * 200 with a Slack message: how accepted commands and user-facing refusals alike are answered,
   * since Slack shows a non-2xx reply only as an opaque error.
   */
  public static HttpReply message(SlackMessage message) {
    return new HttpReply(200, Map.of("Content-Type", JSON), message.toJson());
  }

  public int status() {
    return status;
  }

  /** The content type, or null when the reply has no body. */
  public String contentType() {
    return headers.get("Content-Type");
  }

  /** Every header the reply sets, Content-Type included. */
  public Map<String, String> headers() {
    return new LinkedHashMap<>(headers);
  }

  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return "HttpReply{" + status + ", " + headers.keySet() + ", " + body.length + " bytes}";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof HttpReply)) return false;
    HttpReply that = (HttpReply) o;
    return status == that.status && headers.equals(that.headers) && Arrays.equals(body, that.body);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
  }
}
