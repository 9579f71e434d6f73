package chatops.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeadersTest {

  @Test
  void namesMatchWhateverTheirCase() {
    Headers headers = Headers.of("X-Slack-Signature", "v0=abc");

    assertEquals(Optional.of("v0=abc"), headers.first("x-slack-signature"));
    assertEquals(Optional.of("v0=abc"), headers.first("X-SLACK-SIGNATURE"));
    assertEquals(List.of("v0=abc"), headers.all("x-Slack-signature"));
  }

  @Test
  void aHeaderSentTwiceUnderTwoSpellingsKeepsBothValuesInOrder() {
    Map<String, List<String>> raw = new HashMap<>();
    raw.put("X-Slack-Signature", List.of("v0=first"));
    Headers headers = Headers.of(raw);
    Headers twice = Headers.of("X-Slack-Signature", "v0=first", "x-slack-signature", "v0=second");

    assertEquals(List.of("v0=first"), headers.all("x-slack-signature"));
    assertEquals(List.of("v0=first", "v0=second"), twice.all("X-Slack-Signature"));
    assertEquals(Optional.of("v0=first"), twice.first("X-Slack-Signature"));
  }

  @Test
  void onlyAsciiLettersFoldSoALookalikeNameIsAnotherHeader() {
    Headers headers = Headers.of("X-Slack-S\u0131gnature", "v0=dotless-i");

    assertTrue(headers.all("X-Slack-Signature").isEmpty());
    assertEquals(Optional.of("v0=dotless-i"), headers.first("x-slack-s\u0131gnature"));
  }

  @Test
  void anAbsentHeaderIsEmpty() {
    Headers headers = Headers.of();

    assertEquals(Optional.empty(), headers.first("X-Slack-Signature"));
    assertEquals(List.of(), headers.all("X-Slack-Signature"));
  }

  @Test
  void servletStyleMapsMayCarryNullNamesAndValues() {
    Map<String, List<String>> raw = new HashMap<>();
    raw.put(null, List.of("HTTP/1.1 200 OK"));
    raw.put("Content-Type", Arrays.asList("application/x-www-form-urlencoded", null));
    raw.put("X-Empty", null);

    Headers headers = Headers.of(raw);

    assertEquals(List.of("application/x-www-form-urlencoded"), headers.all("content-type"));
    assertTrue(headers.all("x-empty").isEmpty());
  }

  @Test
  void isACopyThatCannotBeChangedAfterwards() {
    Map<String, List<String>> raw = new HashMap<>();
    List<String> values = new java.util.ArrayList<>(List.of("1"));
    raw.put("X-Slack-Request-Timestamp", values);
    Headers headers = Headers.of(raw);

    values.add("2");
    raw.put("X-Other", List.of("x"));

    assertEquals(List.of("1"), headers.all("x-slack-request-timestamp"));
    assertFalse(headers.first("x-other").isPresent());
    assertThrows(UnsupportedOperationException.class,
        () -> headers.all("x-slack-request-timestamp").add("3"));
  }

  @Test
  void pairsMustComeInTwos() {
    assertThrows(IllegalArgumentException.class, () -> Headers.of("X-Slack-Signature"));
  }

  @Test
  void toStringShowsNamesButNeverValues() {
    Headers headers = Headers.of("X-Slack-Signature", "v0=secret-looking", "Host", "example.com");

    assertEquals("Headers[host, x-slack-signature]", headers.toString());
  }

  @Test
  void equalHeadersAreEqualWhateverTheSpelling() {
    assertEquals(Headers.of("Host", "a"), Headers.of("host", "a"));
    assertEquals(Headers.of("Host", "a").hashCode(), Headers.of("HOST", "a").hashCode());
  }
}
