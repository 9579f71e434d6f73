package chatops.local;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The demo's command line, read once; anything it cannot use is a {@link UsageException}. */
final class Options {
  static final String USAGE = String.join("\n",
      "Usage: java -jar local/target/chatops-local.jar [mode] [options]",
      "",
      "Modes:",
      "  (none)                 start the local stack and read /ecs commands at a prompt",
      "  --command \"/ecs ...\"   run one command; exit 0 once its result arrived,",
      "                         1 if it was refused, 2 if no reply or result came in time",
      "  --serve [--port N]     keep the Front listening for curl or a real Slack app (through a",
      "                         tunnel); needs SLACK_SIGNING_SECRET; honours SLACK_CHANNEL, SLACK_TEAM,",
      "                         ALLOWED_USERS and ECS_INSTANCES from the environment",
      "",
      "Options:",
      "  --region R             default region for commands that name none (cn-hangzhou)",
      "  --transition S         seconds an emulated instance takes to start or to stop (3)",
      "  --timeout S            seconds to wait for a command's result (60)",
      "  --verbose              also print the functions' log lines",
      "  --real-ecs             call real Alibaba Cloud ECS in --region instead of the emulator, signed",
      "                         with ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET",
      "                         (untested here; it changes real instances)",
      "  --ecs-endpoint URL     with --real-ecs: an ECS endpoint other than the region's own",
      "  --help                 this text");

  /** How the runner is used. */
  enum Mode { PROMPT, COMMAND, SERVE, HELP }

  private Mode mode = Mode.PROMPT;
  private String command;
  private Integer port;
  private String region;
  private Duration transition = Duration.ofSeconds(3);
  private Duration timeout = Duration.ofSeconds(60);
  private boolean verbose;
  private boolean realEcs;
  private String ecsEndpoint;

  private Options() {}

  static Options parse(List<String> args) throws UsageException {
    Options options = new Options();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--help":
        case "-h":
          options.mode = Mode.HELP;
          return options;
        case "--command":
          options.setMode(Mode.COMMAND);
          options.command = value(args, ++i, arg);
          break;
        case "--serve":
          options.setMode(Mode.SERVE);
          break;
        case "--port":
          options.port = number(value(args, ++i, arg), arg, 1, 65535);
          break;
        case "--region":
          options.region = value(args, ++i, arg);
          break;
        case "--transition":
          options.transition = Duration.ofSeconds(number(value(args, ++i, arg), arg, 0, 600));
          break;
        case "--timeout":
          options.timeout = Duration.ofSeconds(number(value(args, ++i, arg), arg, 1, 3600));
          break;
        case "--verbose":
          options.verbose = true;
          break;
        case "--real-ecs":
          options.realEcs = true;
          break;
        case "--ecs-endpoint":
          options.ecsEndpoint = value(args, ++i, arg);
          break;
        default:
          throw new UsageException("unknown argument: " + arg);
      }
    }
    if (options.port != null && options.mode != Mode.SERVE) throw new UsageException("--port goes with --serve");
    if (options.ecsEndpoint != null && !options.realEcs) {
      throw new UsageException("--ecs-endpoint goes with --real-ecs");
    }
    if (options.realEcs && options.region == null) throw new UsageException("--real-ecs needs --region");
    return options;
  }

  private void setMode(Mode next) throws UsageException {
    if (mode != Mode.PROMPT) throw new UsageException("--command and --serve exclude each other");
    mode = next;
  }

  private static String value(List<String> args, int index, String option) throws UsageException {
    if (index >= args.size()) throw new UsageException(option + " needs a value");
    return args.get(index);
  }

  private static int number(String text, String option, int min, int max) throws UsageException {
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) return value;
    } catch (NumberFormatException e) {
      // refused below, in words that name the option
    }
    throw new UsageException(option + " must be a whole number from " + min + " to " + max);
  }

  Mode mode() {
    return mode;
  }

  String command() {
    return command;
  }

  Optional<Integer> port() {
    return Optional.ofNullable(port);
  }

  Optional<String> region() {
    return Optional.ofNullable(region);
  }

  Duration transition() {
    return transition;
  }

  Duration timeout() {
    return timeout;
  }

  boolean verbose() {
    return verbose;
  }

  boolean realEcs() {
    return realEcs;
  }

  Optional<String> ecsEndpoint() {
    return Optional.ofNullable(ecsEndpoint);
  }

  /** A command line the runner cannot use; its message says what was wrong. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }
}
