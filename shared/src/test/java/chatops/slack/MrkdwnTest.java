package chatops.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MrkdwnTest {

  @Test
  void escapesTheThreeCharactersSlackTreatsAsMarkup() {
    assertEquals("&lt;!channel&gt; stop &amp; start", Mrkdwn.escape("<!channel> stop & start"));
  }

  @Test
  void aLinkCannotBeDisguised() {
    assertEquals("&lt;https://evil.example|your bill&gt;", Mrkdwn.escape("<https://evil.example|your bill>"));
  }

  @Test
  void whatAUserTypedAsAnEntityIsShownAsTyped() {
    assertEquals("&amp;amp;", Mrkdwn.escape("&amp;"));
  }

  @Test
  void everythingElseIsLeftAlone() {
    assertEquals("start i-bp1abc *now* _please_ 起動 \"quoted\"", Mrkdwn.escape("start i-bp1abc *now* _please_ 起動 \"quoted\""));
    assertEquals("", Mrkdwn.escape(""));
  }

  @Test
  void mentionsUseSlacksIdSyntax() {
    assertEquals("<@U1>", Mrkdwn.user("U1"));
    assertEquals("<@W012A3CDE>", Mrkdwn.user("W012A3CDE"));
    assertEquals("<#C1>", Mrkdwn.channel("C1"));
    assertEquals("<#G8PSS9T3V>", Mrkdwn.channel("G8PSS9T3V"));
  }

  @Test
  void somethingThatIsNotAnIdIsShownAsTextNeverAsMarkup() {
    assertEquals("U1&gt; &lt;!channel", Mrkdwn.user("U1> <!channel"));
    assertEquals("general", Mrkdwn.channel("general"));
    assertEquals("", Mrkdwn.user(""));
  }
}
