package chatops.local.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Slash-command requests from one seeded {@link Random}: a Slack-shaped form with plausible and
 * implausible field values (half of them plausible enough to be accepted), signed at a time near now, then zero to three mutations of the body,
 * the headers or the method. Half the body mutations are re-signed, so that forms Slack never
 * sends also reach the code behind the signature check. Same seed, same requests.
 */
final class RequestFuzzer {
  private static final String[] TEAMS = {"T0001", "T0001", "T0001", "T9999", "t0001", ""};
  private static final String[] CHANNELS = {"C0001", "C0001", "C0001", "C9999", "D0001", "G0001", ""};
  private static final String[] USERS = {"U0001", "U0001", "U0001", "U9999", " ", ""};
  private static final String[] VERBS = {"start", "stop", "status", "list", "reboot", "help", "STOP", "destroy", "", "--force"};
  private static final String[] WORDS = {"i-a1", "i-a2", "i-a3", "i-a4", "i-a5", "i-a6", "i-zz9", "i-A1", "i-",
      "cn-hangzhou", "cn-beijing", "cn_hangzhou", "--force", "--dry-run", "--region", "--region=cn-hangzhou",
      "--region=", "--yes", "<!channel>", "\u2014force", "x", "%", "&", "=", "\u202e", "\u0007", "\ud83d\ude00"};
  private static final String[] SPACES = {" ", " ", " ", "  ", "\t", "\u00a0", "\n"};
  private static final String[] INSERTS = {"%", "%G", "%0", "%00", "%C3%28", "%ED%A0%80", "%C0%AF", "&", "=", "&&",
      "\0", "\u00ff", "+", "%2B", "&ssl_check=1", "&token=", "&text=stop+i-a1", "&team_id=T0001", "&user_id=U0001"};
  private static final int CAP = 16 * 1024;
  /** The first response URLs given are ones some Front accepts; plausible forms use only those. */
  static final int PLAUSIBLE_URLS = 4;

  private final Random random;
  private final String secret;
  private final String[] responseUrls;

  RequestFuzzer(Random random, String secret, List<String> responseUrls) {
    this.random = random;
    this.secret = secret;
    this.responseUrls = responseUrls.toArray(new String[0]);
  }

  Fuzzed next(long now) {
    List<String> mutations = new ArrayList<>();
    boolean plausible = random.nextBoolean();
    String url = plausible ? responseUrls[random.nextInt(PLAUSIBLE_URLS)] : pick(responseUrls);
    byte[] genuine = form(url, plausible);
    int count = random.nextInt(10) < 3 ? 0 : 1 + random.nextInt(3);
    int bodyMutations = 0;
    for (int i = 0; i < count; i++) if (random.nextBoolean()) bodyMutations++;
    byte[] body = genuine;
    for (int i = 0; i < bodyMutations; i++) body = mutateBody(body, mutations);
    boolean resign = bodyMutations > 0 && random.nextBoolean();
    if (resign) mutations.add("re-signed");
    String stamp = Long.toString(now + random.nextInt(401) - 200);
    List<String[]> headers = new ArrayList<>();
    headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
    headers.add(new String[] {"X-Slack-Request-Timestamp", stamp});
    headers.add(new String[] {"X-Slack-Signature", Caller.sign(secret, stamp, resign ? body : genuine)});
    for (int i = bodyMutations; i < count; i++) mutateHeaders(headers, now, mutations);
    String method = random.nextInt(50) == 0 ? pick(new String[] {"GET", "PUT", "DELETE", "PATCH"}) : "POST";
    if (!method.equals("POST")) mutations.add("method " + method);
    return new Fuzzed(method, headers, body, url, mutations);
  }

  /** A plausible form is one the policy allows, bar the odd user or instance, so mutations start near acceptance. */
  private byte[] form(String url, boolean plausible) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("token", "legacy-token-ignored");
    fields.put("team_id", plausible ? TEAMS[0] : pick(TEAMS));
    fields.put("team_domain", "acme");
    fields.put("channel_id", plausible ? CHANNELS[0] : pick(CHANNELS));
    fields.put("channel_name", random.nextBoolean() ? "ops" : "directmessage");
    fields.put("user_id", plausible && random.nextInt(4) > 0 ? USERS[0] : pick(USERS));
    fields.put("user_name", random.nextBoolean() ? "alice" : "mall\u00f6ry");
    fields.put("command", "/ecs");
    fields.put("text", plausible ? plausibleText() : text());
    fields.put("response_url", url);
    fields.put("trigger_id", random.nextLong() + ".1.abc");
    fields.put("api_app_id", random.nextInt(5) == 0 ? "A0OTHER" : "A0001");
    StringBuilder body = new StringBuilder();
    fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name).append('=')
        .append(encode(value)));
    return body.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private String text() {
    StringBuilder text = new StringBuilder(pick(VERBS));
    int words = random.nextInt(8);
    for (int i = 0; i < words; i++) {
      text.append(pick(SPACES)).append(random.nextInt(8) == 0 ? randomWord() : pick(WORDS));
    }
    return text.toString();
  }

  private String plausibleText() {
    String verb = pick(new String[] {"start", "stop", "status", "list"});
    StringBuilder text = new StringBuilder(verb);
    if (!verb.equals("list")) {
      int ids = 1 + random.nextInt(3);
      for (int i = 0; i < ids; i++) text.append(' ').append(WORDS[random.nextInt(7)]);
    }
    if (random.nextBoolean()) text.append(" cn-hangzhou");
    if (verb.equals("stop") && random.nextBoolean()) text.append(" --force");
    if ((verb.equals("start") || verb.equals("stop")) && random.nextInt(4) == 0) text.append(" --dry-run");
    return text.toString();
  }

  private String randomWord() {
    char[] word = new char[1 + random.nextInt(12)];
    for (int i = 0; i < word.length; i++) {
      word[i] = (char) (random.nextInt(8) == 0 ? random.nextInt(0x3000) : 0x21 + random.nextInt(94));
    }
    return new String(word);
  }

  private String encode(String value) {
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    return random.nextInt(4) == 0 ? encoded.replace("+", "%20") : encoded;
  }

  private byte[] mutateBody(byte[] body, List<String> mutations) {
    int at = body.length == 0 ? 0 : random.nextInt(body.length + 1);
    switch (random.nextInt(10)) {
      case 0:
        if (body.length == 0) return body;
        byte[] flipped = body.clone();
        flipped[Math.min(at, body.length - 1)] ^= (byte) (1 + random.nextInt(255));
        mutations.add("flip byte");
        return flipped;
      case 1:
        mutations.add("insert byte");
        return splice(body, at, at, new byte[] {(byte) random.nextInt(256)});
      case 2:
        mutations.add("delete range");
        return splice(body, at, Math.min(body.length, at + random.nextInt(40)), new byte[0]);
      case 3:
        mutations.add("truncate");
        return Arrays.copyOf(body, at);
      case 4:
        String insert = pick(INSERTS);
        mutations.add("insert " + insert.replace("\0", "NUL"));
        return splice(body, at, at, insert.getBytes(StandardCharsets.ISO_8859_1));
      case 5:
        byte[] noise = new byte[random.nextInt(65)];
        random.nextBytes(noise);
        mutations.add("random bytes");
        return noise;
      case 6:
        mutations.add("semicolons");
        return new String(body, StandardCharsets.ISO_8859_1).replace('&', ';').getBytes(StandardCharsets.ISO_8859_1);
      case 7:
        boolean over = random.nextInt(10) == 0;
        mutations.add(over ? "over the cap" : "padded");
        int size = (over ? Math.max(body.length, CAP) + 1 : body.length) + random.nextInt(over ? 100 : 2048);
        byte[] padded = Arrays.copyOf(body, size);
        Arrays.fill(padded, body.length, size, (byte) 'a');
        return padded;
      case 8:
        mutations.add("empty");
        return new byte[0];
      default:
        mutations.add("upper-cased");
        return new String(body, StandardCharsets.ISO_8859_1).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.ISO_8859_1);
    }
  }

  private void mutateHeaders(List<String[]> headers, long now, List<String> mutations) {
    switch (random.nextInt(8)) {
      case 0:
        mutations.add("no timestamp");
        headers.removeIf(h -> h[0].equals("X-Slack-Request-Timestamp"));
        break;
      case 1:
        mutations.add("no signature");
        headers.removeIf(h -> h[0].equals("X-Slack-Signature"));
        break;
      case 2:
        String[] copy = random.nextBoolean() ? find(headers, "X-Slack-Signature") : find(headers, "X-Slack-Request-Timestamp");
        if (copy == null) break;
        mutations.add("twice " + copy[0]);
        headers.add(new String[] {copy[0], copy[1]});
        break;
      case 3:
        String stamp = pick(new String[] {"", "abc", "-1", "0", Long.toString(now - 301), Long.toString(now + 301),
            Long.toString(now * 1000), "99999999999999999999", "+" + now, now + ".0", Long.toString(now - 300)});
        mutations.add("timestamp '" + stamp + "'");
        replace(headers, "X-Slack-Request-Timestamp", stamp);
        break;
      case 4:
        String[] sig = find(headers, "X-Slack-Signature");
        if (sig == null) break;
        String value = sig[1];
        String forged = pick(new String[] {value.toUpperCase(Locale.ROOT), value.substring(0, Math.max(0, value.length() - 1)),
            "v0=", value.length() > 3 ? value.substring(3) : "", "v1" + (value.length() > 2 ? value.substring(2) : ""),
            value + "0", Caller.sign("guessed-secret", "1", new byte[0])});
        mutations.add("signature forged");
        sig[1] = forged;
        break;
      case 5:
        mutations.add("header names upper-cased");
        for (String[] header : headers) header[0] = header[0].toUpperCase(Locale.ROOT);
        break;
      case 6:
        mutations.add("content type");
        replace(headers, "Content-Type", pick(new String[] {"application/json", "text/plain", "multipart/form-data"}));
        break;
      default:
        mutations.add("extra headers");
        headers.add(new String[] {"X-Slack-Retry-Num", "1"});
        headers.add(new String[] {"X-Forwarded-For", "10.0.0." + random.nextInt(256)});
    }
  }

  private static String[] find(List<String[]> headers, String name) {
    for (String[] header : headers) if (header[0].equalsIgnoreCase(name)) return header;
    return null;
  }

  private static void replace(List<String[]> headers, String name, String value) {
    String[] header = find(headers, name);
    if (header == null) headers.add(new String[] {name, value});
    else header[1] = value;
  }

  private static byte[] splice(byte[] body, int from, int to, byte[] insert) {
    byte[] out = new byte[body.length - (to - from) + insert.length];
    System.arraycopy(body, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(body, to, out, from + insert.length, body.length - to);
    return out;
  }

  private String pick(String[] values) {
    return values[random.nextInt(values.length)];
  }
}
