package chatops.local.ecs;

import java.util.List;

/** PageNumber/PageSize paging as ECS does it: pages from 1; a page past the end is empty. */
final class Page {
  private Page() {}

  static <T> List<T> of(List<T> all, int pageNumber, int pageSize) {
    long from = (long) (pageNumber - 1) * pageSize;
    if (from >= all.size()) {
      return List.of();
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + pageSize));
  }
}
