package chatops.ecs;

/**
 * Renders a word the user typed for quoting back in a Slack reply. The word is untrusted: it must
 * not ping anyone ({@code <!channel>}), break out of the code span, or flood the reply.
 */
final class Quoted {
  static final int MAX_CODE_POINTS = 32;

  private Quoted() {}

  /** The word as a mrkdwn code span, escaped and cut to {@value #MAX_CODE_POINTS} characters. */
  static String word(String word) {
    StringBuilder out = new StringBuilder("`");
    int shown = 0;
    for (int i = 0; i < word.length(); ) {
      int cp = word.codePointAt(i);
      i += Character.charCount(cp);
      if (shown == MAX_CODE_POINTS) {
        out.append('…');
        break;
      }
      shown++;
      if (cp == '&') {
        out.append("&amp;");
      } else if (cp == '<') {
        out.append("&lt;");
      } else if (cp == '>') {
        out.append("&gt;");
      } else if (cp == '`') {
        out.append('\'');
      } else if (isInvisible(cp)) {
        out.append('?');
      } else {
        out.appendCodePoint(cp);
      }
    }
    return out.append('`').toString();
  }

  /** Characters that would show nothing, reorder the text around them, or are not characters. */
  private static boolean isInvisible(int cp) {
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
        return true;
      default:
        return false;
    }
  }
}
