package chatops.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One way to write a list in an environment variable, in the three spellings deployments use. */
class ListValueTest {

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {
      "start,stop", " start , stop ", "start,stop,", ",start,,stop",
      "[\"start\",\"stop\"]", "[ \"start\" , \"stop\" ]",
      "[\"start\" \"stop\"]", "['start' 'stop']", "['start', \"stop\"]", "[\"start\"\"stop\"]",
  })
  void readsEveryForm(String text) {
    assertEquals(List.of("start", "stop"), ListValue.parse(text));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"[]", "[ ]", "", " , "})
  void readsEmptyLists(String text) {
    assertEquals(List.of(), ListValue.parse(text));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {
      "[", "[\"start\"", "[start]", "[\"start\",]", "[,\"start\"]", "[\"start\",,\"stop\"]", "[\"\"]",
      "[\"sta\\\"rt\"]", "[\"start' ]", "[\"start\"] trailing",
  })
  void refusesMalformedBrackets(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ListValue.parse(text));
    assertEquals("not a list", e.getMessage());
  }
}
