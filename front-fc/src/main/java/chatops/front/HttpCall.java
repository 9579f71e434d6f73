package chatops.front;

import chatops.config.AccessKey;
import chatops.slack.Headers;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request as the platform delivered it, reduced to what the Front decides on. The body
 * is the raw bytes, never a decoded string, because the Slack signature covers the bytes exactly
 * as sent. A body over the cap is not kept at all: it is refused unread.
 *
 * <p>The execution credentials ride along because they belong to the invocation: FC hands each
 * request the role's current STS key, which rotates, so they must not be cached across requests.
 */
public final class HttpCall {
  private final String method;
  private final Headers headers;
  private final byte[] body;
  private final boolean bodyTooLarge;
  private final String requestId;
  private final AccessKey credentials;

  private HttpCall(Builder b) {
    this.method = Objects.requireNonNull(b.method, "method");
    this.headers = b.headers;
    this.bodyTooLarge = b.bodyTooLarge;
    this.body = b.bodyTooLarge ? new byte[0] : b.body.clone();
    this.requestId = b.requestId;
    this.credentials = b.credentials;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String method() {
    return method;
  }

  public Headers headers() {
    return headers;
  }

  /** The raw body; empty when {@link #bodyTooLarge()}. */
  public byte[] body() {
    return body.clone();
  }

  /** True when the body went past the cap; nothing of it is kept. */
  public boolean bodyTooLarge() {
    return bodyTooLarge;
  }

  /** The platform's request id (FC's {@code x-fc-request-id}), for correlating logs. */
  public String requestId() {
    return requestId;
  }

  /** The role's credentials for this invocation; empty when the function has no role. */
  public Optional<AccessKey> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** Method, request id and body size only: headers and body can hold a signature or a token. */
  @Override
  public String toString() {
    return "HttpCall{" + method + ", " + requestId + ", "
        + (bodyTooLarge ? "body too large" : body.length + " bytes") + "}";
  }

  public static final class Builder {
    private String method;
    private Headers headers = Headers.of();
    private byte[] body = new byte[0];
    private boolean bodyTooLarge;
    private String requestId = "unknown";
    private AccessKey credentials;

    private Builder() {}

    public Builder method(String method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    public Builder headers(Headers headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    public Builder bodyTooLarge(boolean bodyTooLarge) {
      this.bodyTooLarge = bodyTooLarge;
      return this;
    }

    public Builder requestId(String requestId) {
      if (requestId != null && !requestId.isEmpty()) this.requestId = requestId;
      return this;
    }

    /** Null when the platform gave none (no role, or a local run without one). */
    public Builder credentials(AccessKey credentials) {
      this.credentials = credentials;
      return this;
    }

    public HttpCall build() {
      return new HttpCall(this);
    }
  }
}
