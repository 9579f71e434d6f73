package chatops.execution;

import chatops.config.ResponseUrlPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts the result to Slack's response_url with OkHttp. The URL comes from the job, which anyone
 * allowed to invoke the function can forge, so only what the {@link ResponseUrlPolicy} allows is
 * contacted, redirects are never followed (a 3xx could point anywhere), and nothing logged or
 * returned shows more of the URL than scheme and host.
 *
 * <p>429, 5xx and I/O failures are tried again a few times with backoff ({@code Retry-After}
 * honoured up to a cap); any other answer would be the same next time. The attempts are few
 * because Slack allows five posts per response_url and a 5xx may still have been delivered.
 * Build one poster per function instance: it holds the connection pool.
 */
public final class SlackResponsePoster implements ResultPoster {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int MAX_DETAIL = 60;

  private final ResponseUrlPolicy policy;
  private final OkHttpClient client;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final Duration firstBackoff;
  private final Duration maxRetryAfter;

  /** 3 attempts, 0.5 s then 1 s apart, Retry-After up to 5 s, 8 s per attempt at most. */
  public SlackResponsePoster(ResponseUrlPolicy policy) {
    this(policy, Sleeper.SYSTEM, 3, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(8));
  }

  public SlackResponsePoster(ResponseUrlPolicy policy, Sleeper sleeper, int maxAttempts, Duration firstBackoff,
      Duration maxRetryAfter, Duration attemptTimeout) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    if (maxAttempts < 1) throw new IllegalArgumentException("at least one attempt");
    this.maxAttempts = maxAttempts;
    this.firstBackoff = firstBackoff;
    this.maxRetryAfter = maxRetryAfter;
    this.client = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(2))
        .writeTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(5))
        .callTimeout(attemptTimeout)
        .followRedirects(false)
        .followSslRedirects(false)
        // OkHttp would otherwise resend the POST on its own; our loop decides and counts instead.
        .retryOnConnectionFailure(false)
        .build();
  }

  @Override
  public PostResult post(String responseUrl, byte[] jsonMessage) {
    String target = ResponseUrlPolicy.redact(responseUrl);
    HttpUrl url = policy.allows(responseUrl) ? HttpUrl.parse(responseUrl) : null;
    // Checked again as OkHttp reads it: two URL parsers that disagree on the host are an SSRF.
    if (url == null || !policy.allows(url.toString())) {
      return new PostResult(PostResult.Outcome.REFUSED, target, 0, 0, "response_url not allowed");
    }
    Request request = new Request.Builder().url(url).post(RequestBody.create(jsonMessage, JSON)).build();
    int status = 0;
    String detail = "";
    for (int attempt = 1; ; attempt++) {
      Duration wait = backoff(attempt);
      try (Response response = client.newCall(request).execute()) {
        status = response.code();
        if (response.isSuccessful()) return new PostResult(PostResult.Outcome.DELIVERED, target, status, attempt, "");
        detail = slackError(response);
        if (status != 429 && status < 500) {
          return new PostResult(PostResult.Outcome.REJECTED, target, status, attempt, detail);
        }
        Duration asked = retryAfter(response);
        if (asked != null && asked.compareTo(maxRetryAfter) > 0) {
          return new PostResult(PostResult.Outcome.FAILED, target, status, attempt,
              "Retry-After " + asked.getSeconds() + " s is longer than we wait");
        }
        if (asked != null) wait = asked;
      } catch (IOException e) {
        status = 0;
        detail = e.getClass().getSimpleName();
      }
      if (attempt >= maxAttempts) return new PostResult(PostResult.Outcome.FAILED, target, status, attempt, detail);
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new PostResult(PostResult.Outcome.FAILED, target, status, attempt, "interrupted");
      }
    }
  }

  private Duration backoff(int attempt) {
    return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
  }

  /** Seconds only: Slack sends seconds, and an HTTP date would need a trustworthy clock. */
  private static Duration retryAfter(Response response) {
    String value = response.header("Retry-After");
    if (value == null || !value.trim().matches("\\d{1,6}")) return null;
    return Duration.ofSeconds(Long.parseLong(value.trim()));
  }

  /** Slack answers failures with a short word such as {@code invalid_blocks}; keep only that shape. */
  private static String slackError(Response response) {
    String word;
    try {
      word = response.peekBody(MAX_DETAIL).string().trim();
    } catch (IOException e) {
      return "HTTP " + response.code();
    }
    return word.matches("[A-Za-z0-9_.-]{1," + MAX_DETAIL + "}") ? word : "HTTP " + response.code();
  }
}
