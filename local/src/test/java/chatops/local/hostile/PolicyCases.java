package chatops.local.hostile;

import static chatops.local.hostile.FrontCase.told;

import java.util.stream.Stream;

/**
 * Genuine, signed requests from where or whom /ecs is not allowed, or naming a reply address that
 * is not Slack's. The stack allows team T0001, channel C0001, changes by U0001 only, no reboot,
 * the instances in {@link Instances#ALLOWED}, and (being local) response URLs on the loopback only.
 */
final class PolicyCases {
  private PolicyCases() {}

  static Stream<FrontCase> all() {
    return Stream.of(identity(), policy(), responseUrls()).flatMap(s -> s);
  }

  private static Stream<FrontCase> identity() {
    return Stream.of(
        told("no team_id", Said.incomplete("workspace"), c -> c.send(c.ecs("start i-a1").withoutField("team_id"))),
        told("no channel_id", Said.incomplete("channel"), c -> c.send(c.ecs("start i-a1").withoutField("channel_id"))),
        told("no user_id", Said.incomplete("user"), c -> c.send(c.ecs("start i-a1").withoutField("user_id"))),
        told("blank user_id", Said.incomplete("user"), c -> c.send(c.ecs("start i-a1").withField("user_id", "  "))),
        told("empty channel_id", Said.incomplete("channel"), c -> c.send(c.ecs("start i-a1").withField("channel_id", ""))));
  }

  private static Stream<FrontCase> policy() {
    return Stream.of(
        told("another workspace", Said.WRONG_WORKSPACE, c -> c.send(c.command("start i-a1").team("T9999", "evil").build())),
        told("another workspace of the same enterprise", Said.WRONG_WORKSPACE,
            c -> c.send(c.command("start i-a1").team("T0002", "acme-eu").enterprise("E0001").build())),
        told("the team ID in lower case", Said.WRONG_WORKSPACE, c -> c.send(c.command("start i-a1").team("t0001", "acme").build())),
        told("another channel", Said.WRONG_CHANNEL, c -> c.send(c.command("start i-a1").channel("C9999", "random").build())),
        told("another channel renamed to the allowed one's name", Said.WRONG_CHANNEL,
            c -> c.send(c.command("start i-a1").channel("C9999", "ops").build())),
        told("a direct message", Said.WRONG_CHANNEL, c -> c.send(c.command("start i-a1").channel("D0001", "directmessage").build())),
        told("a private group", Said.WRONG_CHANNEL, c -> c.send(c.command("start i-a1").channel("G0001", "privategroup").build())),
        told("another user starts", Said.notAllowedTo("start"), c -> c.send(c.command("start i-a1").user("U9999", "mallory").build())),
        told("another user stops, forced", Said.notAllowedTo("stop"),
            c -> c.send(c.command("stop i-a1 --force").user("U9999", "mallory").build())),
        told("another user borrows the allowed user's name", Said.notAllowedTo("stop"),
            c -> c.send(c.command("stop i-a1").user("U9999", "alice").build())),
        told("another user, dry run", Said.notAllowedTo("stop"),
            c -> c.send(c.command("stop i-a1 --dry-run").user("U9999", "mallory").build())),
        told("a disabled sub-command", Said.disabled("reboot"), c -> c.send(c.ecs("reboot i-a1"))),
        told("an unmanaged instance", Said.unmanaged("`" + Instances.UNMANAGED + "`"),
            c -> c.send(c.ecs("status " + Instances.UNMANAGED))),
        told("an unmanaged instance among managed ones", Said.unmanaged("`" + Instances.UNMANAGED + "`"),
            c -> c.send(c.ecs("start i-a1 " + Instances.UNMANAGED + " i-a2"))));
  }

  private static Stream<FrontCase> responseUrls() {
    return Stream.of(
        reply("another host", "https://evil.example/commands/T0001/1/x"),
        reply("Slack's real host, which the local stack never contacts", "https://hooks.slack.com/commands/T0001/1/x"),
        reply("cloud metadata (link-local)", "http://169.254.169.254/latest/meta-data/"),
        reply("Alibaba Cloud metadata", "http://100.100.100.200/latest/meta-data/ram/security-credentials/"),
        reply("loopback as user info of another host", "http://127.0.0.1@evil.example/commands/1"),
        reply("loopback as a subdomain of another host", "http://127.0.0.1.evil.example/commands/1"),
        reply("localhost as a subdomain of another host", "http://localhost.evil.example/commands/1"),
        reply("a fragment hiding the host", "http://evil.example#@127.0.0.1/commands/1"),
        reply("IPv6 loopback", "http://[::1]/commands/1"),
        reply("loopback in short form", "http://127.1/commands/1"),
        reply("loopback in hex", "http://0x7f000001/commands/1"),
        reply("file URL", "file:///etc/passwd"),
        reply("javascript URL", "javascript:alert(1)"),
        reply("gopher URL", "gopher://127.0.0.1:6379/_FLUSHALL"),
        reply("scheme-relative", "//127.0.0.1/commands/1"),
        reply("empty", ""),
        told("none at all", Said.RESPONSE_URL, c -> c.send(c.ecs("status i-a1").withoutField("response_url"))),
        reply("over 2048 characters", "http://127.0.0.1/" + "a".repeat(2048)));
  }

  private static FrontCase reply(String name, String url) {
    return told("response_url: " + name, Said.RESPONSE_URL, c -> c.send(c.ecs("status i-a1").withField("response_url", url)));
  }
}
