package chatops.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Posts a report to the job's response_url: at most two posts per run. The second, plain text
 * only, is sent just when Slack refused the first one's blocks, so a layout mistake of ours never
 * leaves the channel without its result. Slack accepts five posts per response_url, and the
 * platform may run a job up to three times.
 */
final class ResultDelivery {
  /** Slack's answers that blame the blocks rather than the URL. */
  static final Set<String> BLOCK_ERRORS = Set.of("invalid_blocks", "invalid_blocks_format");

  /** The posts made for one report, in order. */
  static final class Delivery {
    private final List<PostResult> posts;

    Delivery(List<PostResult> posts) {
      this.posts = List.copyOf(posts);
    }

    List<PostResult> posts() {
      return posts;
    }

    PostResult last() {
      return posts.get(posts.size() - 1);
    }

    boolean delivered() {
      return last().delivered();
    }

    /** Slack or the network failed in a way a later try may not: running the job again is worth it. */
    boolean transientFailure() {
      return last().outcome() == PostResult.Outcome.FAILED;
    }
  }

  private final ResultPoster poster;

  ResultDelivery(ResultPoster poster) {
    this.poster = Objects.requireNonNull(poster, "poster");
  }

  Delivery deliver(String responseUrl, ResultReport report) {
    List<PostResult> posts = new ArrayList<>();
    PostResult first = poster.post(responseUrl, report.message().toJson());
    posts.add(first);
    if (first.outcome() == PostResult.Outcome.REJECTED && BLOCK_ERRORS.contains(first.detail())) {
      posts.add(poster.post(responseUrl, report.plainMessage().toJson()));
    }
    return new Delivery(posts);
  }
}
