package chatops.local.hostile;

import chatops.slack.Headers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One generated request: method, headers in order (a name may repeat), body, and how it was made. */
final class Fuzzed {
  final String method;
  final List<String[]> headers;
  final byte[] body;
  /** The response_url the genuine form carried, before any mutation. */
  final String responseUrl;
  final List<String> mutations;

  Fuzzed(String method, List<String[]> headers, byte[] body, String responseUrl, List<String> mutations) {
    this.method = method;
    this.headers = List.copyOf(headers);
    this.body = body;
    this.responseUrl = responseUrl;
    this.mutations = List.copyOf(mutations);
  }

  /** Every value of a header, its name matched without regard to case, as HTTP has it. */
  List<String> all(String name) {
    List<String> values = new ArrayList<>();
    for (String[] header : headers) if (header[0].equalsIgnoreCase(name)) values.add(header[1]);
    return values;
  }

  Headers asHeaders() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (String[] header : headers) map.computeIfAbsent(header[0], n -> new ArrayList<>()).add(header[1]);
    return Headers.of(map);
  }

  String[] asPairs() {
    String[] pairs = new String[headers.size() * 2];
    for (int i = 0; i < headers.size(); i++) {
      pairs[2 * i] = headers.get(i)[0];
      pairs[2 * i + 1] = headers.get(i)[1];
    }
    return pairs;
  }

  @Override
  public String toString() {
    return method + " " + body.length + " bytes, mutations " + mutations;
  }
}
