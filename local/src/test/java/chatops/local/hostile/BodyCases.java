package chatops.local.hostile;

import static chatops.local.hostile.Caller.bytes;
import static chatops.local.hostile.Caller.text;
import static chatops.local.hostile.FrontCase.bare;
import static chatops.local.hostile.FrontCase.told;

import chatops.local.slack.SlashCommandRequest;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Bodies Slack never sends. Over the cap: 413 unread. Unsigned: 401 whatever is in them. Signed
 * but undecodable: the user is told the request could not be read, since only Slack (or whoever
 * holds the secret) can get that far. {@code ssl_check}: a bare 200 that processes nothing,
 * command or not.
 *
 * <p>The Content-Type header is not checked, on purpose: the signature does not cover it, so it
 * proves nothing about origin, and the body is decoded strictly as a form whatever it claims. A
 * JSON or multipart body therefore fails as a form (or lacks every field), as these cases show.
 */
final class BodyCases {
  private static final int CAP = 16 * 1024;
  private static final String FORM = "Content-Type";
  private static final String FORM_TYPE = "application/x-www-form-urlencoded";

  private BodyCases() {}

  static Stream<FrontCase> all() {
    return Stream.of(sslCheck(), contentTypes(), sizes(), encodings()).flatMap(s -> s);
  }

  private static Stream<FrontCase> sslCheck() {
    return Stream.of(
        bare("ssl_check with a token, unsigned", 200, c -> c.raw("POST", bytes("ssl_check=1&token=" + c.token()), FORM, FORM_TYPE)),
        bare("ssl_check without a token", 200, c -> c.raw("POST", bytes("ssl_check=1"), FORM, FORM_TYPE)),
        bare("ssl_check with a command attached, unsigned", 200,
            c -> c.send(c.ecs("start i-a1").withField("ssl_check", "1").withoutHeader("X-Slack-Signature"))),
        bare("ssl_check with a command attached, signed", 200, c -> c.send(c.ecs("start i-a1").withField("ssl_check", "1"))),
        bare("ssl_check with a command attached", 200, c -> c.send(c.ecs("start i-a1").withField("ssl_check", "1"))).tokenOnly(),
        bare("ssl_check=true is no probe, and unsigned", 401,
            c -> c.send(c.ecs("start i-a1").withField("ssl_check", "true").withoutHeader("X-Slack-Signature"))),
        bare("ssl_check given twice, unsigned", 401, c -> c.raw("POST", bytes("ssl_check=1&ssl_check=1"), FORM, FORM_TYPE)));
  }

  private static Stream<FrontCase> contentTypes() {
    String json = "{\"team_id\":\"T0001\",\"channel_id\":\"C0001\",\"user_id\":\"U0001\",\"text\":\"start i-a1\"}";
    String multipart = "--b\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nstart i-a1\r\n--b--\r\n";
    return Stream.of(
        bare("JSON, unsigned", 401, c -> c.raw("POST", bytes(json), FORM, "application/json")),
        told("JSON, signed: no form fields in it", Said.incomplete("workspace"),
            c -> c.signedPost(bytes(json), FORM, "application/json")),
        told("multipart, signed", Said.malformed("field #1 has a control character in its name."),
            c -> c.signedPost(bytes(multipart), FORM, "multipart/form-data; boundary=b")),
        told("XML, signed", Said.incomplete("workspace"),
            c -> c.signedPost(bytes("<?xml version=\"1.0\"?><command>start i-a1</command>"), FORM, "text/xml")),
        bare("a form as text/plain, unsigned", 401,
            c -> c.send(c.ecs("start i-a1").withHeader(FORM, "text/plain").withoutHeader("X-Slack-Signature"))),
        bare("a form with no content type and a forged signature", 401,
            c -> c.send(c.ecs("start i-a1").withoutHeader(FORM).signedWith("not-the-secret"))));
  }

  private static Stream<FrontCase> sizes() {
    return Stream.of(
        bare("one byte over the cap, signed", 413, c -> c.send(padded(c, CAP + 1))),
        bare("one byte over the cap, unsigned", 413, c -> c.send(padded(c, CAP + 1).withoutHeader("X-Slack-Signature"))),
        bare("a megabyte", 413, c -> c.signedPost(new byte[1024 * 1024], FORM, FORM_TYPE)),
        told("just under the cap, signed: read, then refused by the grammar", Said.badCommand(
            "The command is too long (" + (CAP - 1024) + " characters; at most 2000)."), c -> c.send(longText(c, CAP - 1024))),
        told("empty, signed", Said.incomplete("workspace"), c -> c.signedPost(new byte[0], FORM, FORM_TYPE)),
        bare("empty, unsigned", 401, c -> c.raw("POST", new byte[0], FORM, FORM_TYPE)));
  }

  private static Stream<FrontCase> encodings() {
    return Stream.of(
        told("binary, not a form", Said.malformed("the name of field #1 is not valid UTF-8 text."),
            c -> c.signedPost(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x41, (byte) 0x80}, FORM, FORM_TYPE)),
        told("broken %-escape", Said.malformed("field \"text\" has a %-escape that is not two hexadecimal digits."),
            c -> c.send(edited(c, body -> body.replace("text=start", "text=%G1start")))),
        told("%-escape cut off at the end", Said.malformed("field \"api_app_id\" has a %-escape that is not two hexadecimal digits."),
            c -> c.send(edited(c, body -> body + "%2"))),
        told("a lone %", Said.malformed("field \"text\" has a %-escape that is not two hexadecimal digits."),
            c -> c.send(edited(c, body -> body.replace("text=start", "text=%start")))),
        told("text given twice", Said.malformed("field \"text\" appears more than once."),
            c -> c.send(edited(c, body -> body + "&text=stop+i-a1"))),
        told("team_id given twice", Said.malformed("field \"team_id\" appears more than once."),
            c -> c.send(edited(c, body -> "team_id=T9999&" + body))),
        told("user_id given twice, same value", Said.malformed("field \"user_id\" appears more than once."),
            c -> c.send(edited(c, body -> body + "&user_id=U0001"))),
        told("escaped NUL in the text", Said.malformed("field \"text\" contains a NUL character."),
            c -> c.send(edited(c, body -> body.replace("text=start", "text=start%00")))),
        told("raw NUL byte in the text", Said.malformed("field \"text\" contains a NUL character."),
            c -> c.send(edited(c, body -> body.replace("text=start", "text=start\0")))),
        told("NUL in a field name", Said.malformed("field #13 has a control character in its name."),
            c -> c.send(edited(c, body -> body + "&x%00=1"))),
        told("invalid UTF-8", Said.malformed("field \"text\" is not valid UTF-8 text."),
            c -> c.send(edited(c, body -> body.replace("text=start", "text=%C3%28start")))),
        told("overlong UTF-8 for /", Said.malformed("field \"command\" is not valid UTF-8 text."),
            c -> c.send(edited(c, body -> body.replace("command=%2Fecs", "command=%C0%AFecs")))),
        told("a UTF-16 surrogate in UTF-8", Said.malformed("field \"text\" is not valid UTF-8 text."),
            c -> c.send(edited(c, body -> body.replace("text=start", "text=%ED%A0%80start")))),
        told("raw Latin-1 byte", Said.malformed("field \"user_name\" is not valid UTF-8 text."),
            c -> c.send(edited(c, body -> body.replace("user_name=alice", "user_name=al\u00e9ice")))),
        told("a field without a name", Said.malformed("field #13 has no name."), c -> c.send(edited(c, body -> body + "&=x"))),
        told("semicolons instead of ampersands", Said.incomplete("workspace"),
            c -> c.send(edited(c, body -> body.replace('&', ';')))));
  }

  /** The genuine command with its body edited as text; the emulator signs the edited bytes. */
  private static SlashCommandRequest edited(Caller c, UnaryOperator<String> edit) {
    SlashCommandRequest request = c.ecs("start i-a1");
    return request.withRawBody(bytes(edit.apply(text(request.body()))));
  }

  /** The genuine command padded with an extra field to exactly {@code size} bytes. */
  private static SlashCommandRequest padded(Caller c, int size) {
    SlashCommandRequest request = c.ecs("start i-a1");
    int room = size - request.body().length - "&pad=".length();
    return request.withField("pad", "x".repeat(room));
  }

  /** A genuine command whose text is {@code length} spaces and letters, so the body stays under the cap. */
  private static SlashCommandRequest longText(Caller c, int length) {
    return c.ecs("start " + "a".repeat(length - 6));
  }
}
