package chatops.execution;

import chatops.config.ResponseUrlPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Notes every post; answers delivered unless told otherwise. */
final class RecordingPoster implements ResultPoster {
  final List<String> urls = new ArrayList<>();
  final List<String> bodies = new ArrayList<>();
  private final Deque<PostResult.Outcome> outcomes = new ArrayDeque<>();
  private final Deque<String> details = new ArrayDeque<>();

  RecordingPoster answer(PostResult.Outcome outcome, String detail) {
    outcomes.add(outcome);
    details.add(detail);
    return this;
  }

  @Override
  public PostResult post(String responseUrl, byte[] jsonMessage) {
    urls.add(responseUrl);
    bodies.add(new String(jsonMessage, StandardCharsets.UTF_8));
    PostResult.Outcome outcome = outcomes.isEmpty() ? PostResult.Outcome.DELIVERED : outcomes.poll();
    String detail = details.isEmpty() ? "" : details.poll();
    int status = outcome == PostResult.Outcome.DELIVERED ? 200 : outcome == PostResult.Outcome.FAILED ? 503 : 400;
    return new PostResult(outcome, ResponseUrlPolicy.redact(responseUrl), status, 1, detail);
  }
}
