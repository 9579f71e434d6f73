package chatops.local.fc;

import java.util.ArrayList;
import java.util.List;

/** Header names keep the case the handler used; lookups ignore case, like any servlet container. */
final class ResponseHeaders {
  private final List<String[]> entries = new ArrayList<>();

  synchronized void add(String name, String value) {
    entries.add(new String[] {name, value});
  }

  synchronized void set(String name, String value) {
    remove(name);
    add(name, value);
  }

  synchronized void remove(String name) {
    entries.removeIf(entry -> entry[0].equalsIgnoreCase(name));
  }

  synchronized void clear() {
    entries.clear();
  }

  synchronized String first(String name) {
    return entries.stream().filter(entry -> entry[0].equalsIgnoreCase(name)).map(entry -> entry[1])
        .findFirst().orElse(null);
  }

  synchronized List<String> all(String name) {
    List<String> values = new ArrayList<>();
    entries.stream().filter(entry -> entry[0].equalsIgnoreCase(name)).forEach(entry -> values.add(entry[1]));
    return values;
  }

  synchronized List<String> names() {
    List<String> names = new ArrayList<>();
    for (String[] entry : entries) {
      if (names.stream().noneMatch(entry[0]::equalsIgnoreCase)) {
        names.add(entry[0]);
      }
    }
    return names;
  }

  synchronized List<String[]> entries() {
    return new ArrayList<>(entries);
  }
}
