package chatops.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormBodyTest {

  private static FormBody decode(String raw) throws MalformedFormException {
    return FormBody.decode(raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static String refusal(byte[] raw) {
    return assertThrows(MalformedFormException.class, () -> FormBody.decode(raw)).getMessage();
  }

  private static String refusal(String raw) {
    return refusal(raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void slackSendsSpacesInTheTextAsPlus() throws Exception {
    FormBody form = decode("command=%2Fecs&text=start+i-bp1abc+cn-hangzhou");

    assertEquals(Optional.of("/ecs"), form.get("command"));
    assertEquals(Optional.of("start i-bp1abc cn-hangzhou"), form.get("text"));
  }

  @Test
  void anEscapedPlusIsAPlusNotASpace() throws Exception {
    assertEquals(Optional.of("a+b c"), decode("text=a%2Bb+c").get("text"));
  }

  @Test
  void theResponseUrlArrivesPercentEncoded() throws Exception {
    FormBody form = decode("response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0001%2F1%2Fxyz%3Fa%3Db%26c%3Dd");

    assertEquals(Optional.of("https://hooks.slack.com/commands/T0001/1/xyz?a=b&c=d"), form.get("response_url"));
    assertEquals(List.of("response_url"), List.copyOf(form.keys()));
  }

  @Test
  void escapesAreUtf8AndEitherCaseOfHex() throws Exception {
    // "インスタンス起動" (start the instance), as Slack encodes it.
    FormBody form = decode("text=%E3%82%A4%E3%83%B3%E3%82%B9%E3%82%BF%E3%83%B3%E3%82%B9%e8%b5%b7%e5%8b%95");

    assertEquals(Optional.of("インスタンス起動"), form.get("text"));
  }

  @Test
  void rawUtf8BytesDecodeToo() throws Exception {
    FormBody form = FormBody.decode("text=日本語+テキスト".getBytes(StandardCharsets.UTF_8));

    assertEquals(Optional.of("日本語 テキスト"), form.get("text"));
  }

  @Test
  void keysKeepTheOrderOfTheBody() throws Exception {
    FormBody form = decode("token=t&team_id=T1&channel_id=C1&text=");

    assertEquals(List.of("token", "team_id", "channel_id", "text"), List.copyOf(form.keys()));
  }

  @Test
  void anEmptyBodyIsAnEmptyForm() throws Exception {
    FormBody form = FormBody.decode(new byte[0]);

    assertTrue(form.keys().isEmpty());
    assertEquals(Optional.empty(), form.get("text"));
  }

  @Test
  void aKeyWithoutEqualsHasAnEmptyValueAndSoDoesKeyEquals() throws Exception {
    FormBody form = decode("ssl_check&text=");

    assertEquals(Optional.of(""), form.get("ssl_check"));
    assertEquals(Optional.of(""), form.get("text"));
    assertEquals(Optional.empty(), form.get("user_id"));
  }

  @Test
  void onlyTheFirstEqualsSeparatesSoValuesMayHoldMore() throws Exception {
    assertEquals(Optional.of("a=b"), decode("text=a=b").get("text"));
  }

  @Test
  void emptySequencesBetweenAmpersandsCarryNothing() throws Exception {
    FormBody form = decode("&a=1&&b=2&");

    assertEquals(List.of("a", "b"), List.copyOf(form.keys()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"text=%", "text=%4", "text=%GG", "text=50%+off", "text=%4g", "te%Zxt=a", "text=ab%"})
  void aBrokenEscapeIsRefused(String raw) {
    assertTrue(refusal(raw).contains("%-escape"), raw);
  }

  @Test
  void theRefusalNamesTheFieldButNeverEchoesTheInput() {
    String message = refusal("user_id=U1&text=%3Cscript%3E%ZZ");

    assertEquals("The request form is malformed: field \"text\" has a %-escape that is not two hexadecimal digits.",
        message);
  }

  @Test
  void aKeyThatIsNotAPlainWordIsNamedByPosition() {
    assertEquals("The request form is malformed: field #2 appears more than once.",
        refusal("%3C%21channel%3E=1&%3C%21channel%3E=2"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"text=%FF", "text=%C3%28", "text=%C0%AF", "text=%ED%A0%80", "text=%E3%82", "%FF=x"})
  void invalidUtf8IsRefusedNotReplaced(String raw) {
    assertTrue(refusal(raw).contains("not valid UTF-8"), raw);
  }

  @Test
  void invalidRawUtf8BytesAreRefusedToo() {
    assertTrue(refusal(new byte[] {'t', 'e', 'x', 't', '=', (byte) 0xff}).contains("not valid UTF-8"));
  }

  @Test
  void aRepeatedKeyIsRefusedSinceNoReaderShouldHaveToPickOne() {
    assertEquals("The request form is malformed: field \"channel_id\" appears more than once.",
        refusal("channel_id=C1&text=start&channel_id=C2"));
  }

  @Test
  void aKeyRepeatedInAnotherSpellingIsStillRepeated() {
    assertTrue(refusal("text=a&te%78t=b").contains("appears more than once"));
  }

  @Test
  void keysMayNotBeEmptyOrHoldControlCharacters() {
    assertEquals("The request form is malformed: field #1 has no name.", refusal("=value"));
    assertTrue(refusal("te%00xt=a").contains("control character"));
    assertTrue(refusal("te%0Axt=a").contains("control character"));
  }

  @Test
  void valuesMayHoldNewlinesButNotNul() throws Exception {
    assertEquals(Optional.of("line one\nline two"), decode("text=line+one%0Aline+two").get("text"));
    assertTrue(refusal("text=a%00b").contains("NUL"));
  }

  @Test
  void toStringShowsKeysButNotTheTokenOrTheResponseUrl() throws Exception {
    FormBody form = decode("token=legacy-secret&response_url=https%3A%2F%2Fhooks.slack.com%2Fx");

    assertEquals("FormBody[token, response_url]", form.toString());
    assertFalse(form.toString().contains("legacy-secret"));
  }

  @Test
  void theKeySetCannotBeChanged() throws Exception {
    FormBody form = decode("a=1");

    assertThrows(UnsupportedOperationException.class, () -> form.keys().remove("a"));
  }
}
