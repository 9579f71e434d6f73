package chatops.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogLineTest {

  @Test
  void plainValuesAreWrittenBare() {
    String line = LogLine.of("front").with("requestId", "c0ffee-12").with("outcome", "accepted")
        .with("ms", 12).with("dryRun", false).toString();

    assertEquals("front requestId=c0ffee-12 outcome=accepted ms=12 dryRun=false", line);
  }

  @Test
  void valuesWithSpacesOrQuotesAreQuotedAndEscaped() {
    assertEquals("front text=\"start i-bp1abc cn-hangzhou\"",
        LogLine.of("front").with("text", "start i-bp1abc cn-hangzhou").toString());
    assertEquals("front text=\"say \\\"hi\\\" C:\\\\dir\"",
        LogLine.of("front").with("text", "say \"hi\" C:\\dir").toString());
  }

  @Test
  void aValueCannotForgeASecondLine() {
    String forged = "x\nfront outcome=accepted user=U_ADMIN\r\n";

    String line = LogLine.of("front").with("text", forged).with("outcome", "refused").toString();

    assertEquals("front text=\"x\\nfront outcome=accepted user=U_ADMIN\\r\\n\" outcome=refused", line);
    assertFalse(line.contains("\n"));
    assertFalse(line.contains("\r"));
  }

  @Test
  void aValueCannotPoseAsAnotherKey() {
    assertEquals("front user=\"U1 outcome=accepted\"", LogLine.of("front").with("user", "U1 outcome=accepted").toString());
    assertEquals("front user=\"a=b\"", LogLine.of("front").with("user", "a=b").toString());
  }

  @Test
  void nullEmptyAndTheWordNullAreToldApart() {
    String line = LogLine.of("front").with("a", (String) null).with("b", "").with("c", "null").toString();

    assertEquals("front a=null b=\"\" c=\"null\"", line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u2028", "\u2029", "\u0085", "\u000b", "\u000c", "\u0000", "\u001b", "\u007f", "\u202e", "\u200b", "\ufeff"})
  void separatorsControlsAndInvisibleFormattingAreEscaped(String character) {
    String line = LogLine.of("e").with("v", "a" + character + "b").toString();

    assertEquals(String.format("e v=\"a\\u%04xb\"", (int) character.charAt(0)), line);
  }

  @Test
  void tabsAreEscapedShort() {
    assertEquals("e v=\"a\\tb\"", LogLine.of("e").with("v", "a\tb").toString());
  }

  @Test
  void readableTextStaysReadable() {
    assertEquals("e text=\"インスタンス起動 🚀\"", LogLine.of("e").with("text", "インスタンス起動 🚀").toString());
  }

  @Test
  void loneSurrogatesAndInvisibleTagCharactersAreEscaped() {
    assertEquals("e v=\"a\\ud800b\"", LogLine.of("e").with("v", "a\ud800b").toString());
    assertEquals("e v=\"a\\udb40\\udc41\"", LogLine.of("e").with("v", "a\udb40\udc41").toString());
  }

  @Test
  void aSharedPrefixIsExtendedWithoutBeingChanged() {
    LogLine request = LogLine.of("front").with("requestId", "r1");

    String accepted = request.with("outcome", "accepted").toString();
    String refused = request.with("outcome", "refused").toString();

    assertEquals("front requestId=r1", request.toString());
    assertEquals("front requestId=r1 outcome=accepted", accepted);
    assertEquals("front requestId=r1 outcome=refused", refused);
  }

  @Test
  void keysAreChosenByCodeAndMustBePlainNames() {
    assertThrows(IllegalArgumentException.class, () -> LogLine.of("front").with("out come", "x"));
    assertThrows(IllegalArgumentException.class, () -> LogLine.of("front").with("a=b", "x"));
    assertThrows(IllegalArgumentException.class, () -> LogLine.of("front").with("", "x"));
    assertThrows(IllegalArgumentException.class, () -> LogLine.of("front\nexec"));
    assertThrows(NullPointerException.class, () -> LogLine.of(null));
    assertEquals("execution job.id=j1", LogLine.of("execution").with("job.id", "j1").toString());
  }
}
