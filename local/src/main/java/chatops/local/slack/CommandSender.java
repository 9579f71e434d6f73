package chatops.local.slack;

import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Delivers a slash command the way Slack does: one signed POST, no retry, given up after the reply timeout. */
final class CommandSender {
  private final OkHttpClient http;
  private final String signingSecret;
  private final Clock clock;

  CommandSender(Duration replyTimeout, String signingSecret, Clock clock) {
    this.http = new OkHttpClient.Builder()
        .callTimeout(replyTimeout)
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .build();
    this.signingSecret = signingSecret;
    this.clock = clock;
  }

  CommandReply send(SlashCommandRequest command, String url) {
    Map<String, String> headers = command.headers(signingSecret, clock.instant().getEpochSecond());
    byte[] body = command.body();
    // The Content-Type comes from the headers only, so a test can change or drop it.
    Request request = new Request.Builder().url(url).headers(Headers.of(headers))
        .post(RequestBody.create(body, (MediaType) null)).build();
    long started = System.nanoTime();
    try (Response response = http.newCall(request).execute()) {
      byte[] reply = response.body() == null ? new byte[0] : response.body().bytes();
      return CommandReply.answered(response.code(), response.headers().toMultimap(), reply, since(started));
    } catch (InterruptedIOException timeout) {
      return CommandReply.timedOut(since(started));
    } catch (IOException e) {
      return CommandReply.undelivered(e.getClass().getSimpleName() + ": " + e.getMessage(), since(started));
    }
  }

  void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
