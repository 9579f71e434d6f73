package chatops.local;

import chatops.config.AccessKey;
import chatops.config.ResponseUrlPolicy;
import chatops.config.Variable;
import chatops.ecs.Regions;
import chatops.local.ecs.TransitionTimes;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.mockwebserver.MockWebServer;

/**
 * The demo: {@code java -jar local/target/chatops-local.jar} starts the local stack and reads
 * {@code /ecs} commands at a prompt, showing for each what Slack would show. {@code --command}
 * runs one command for scripts; {@code --serve} only keeps the Front listening. See {@link
 * Options#USAGE}.
 */
public final class LocalMain {
  static final int USAGE_ERROR = 64;
  static final int CONFIG_ERROR = 78;
  static final String KEY_ID_VARIABLE = "ALIBABA_CLOUD_ACCESS_KEY_ID";
  static final String KEY_SECRET_VARIABLE = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
  private static final String USER_ID = "U0001";
  private static final String USER_NAME = "alice";
  /** Held so JUL keeps the level: a logger nobody references forgets it. */
  private static final Logger SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

  private LocalMain() {}

  public static void main(String[] args) {
    // sdk-core brings slf4j-api without a binding; its three-line warning is noise to a demo user.
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    // Slack text has arrows and bullets; a C locale would turn them into '?', so UTF-8 it is.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(List.of(args), System.in, out, err, System.getenv()));
  }

  /**
   * Runs the demo to its end and returns the exit status (0 done, 1 refused, 2 no result in time, 64
   * usage, 78 configuration, 130 interrupted); the caller's streams are left open. Public so the
   * end-to-end tests can run it in-process and see that it leaves no thread behind.
   */
  public static int run(List<String> args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (Options.UsageException e) {
      err.println(e.getMessage());
      err.println(Options.USAGE);
      return USAGE_ERROR;
    }
    if (options.mode() == Options.Mode.HELP) {
      out.println(Options.USAGE);
      return 0;
    }
    LocalStack.Builder builder;
    try {
      builder = stackFor(options, env);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return CONFIG_ERROR;
    }
    Consumer<String> functionLines = options.verbose() || options.mode() == Options.Mode.SERVE
        ? line -> out.println("    | " + line) : line -> { };
    try (FunctionOutput functionOutput = FunctionOutput.redirect(functionLines);
        LocalStack stack = builder.start()) {
      functionOutput.follow(stack.fc());
      // A client that connects and leaves (a port probe, a dropped keep-alive) is logged at WARNING.
      SERVER_LOG.setLevel(Level.SEVERE);
      Transcript transcript = new Transcript(out, Map.of(USER_ID, USER_NAME));
      transcript.started(stack);
      switch (options.mode()) {
        case COMMAND:
          return command(stack, transcript, options);
        case SERVE:
          return new ServeMode(stack, transcript, options.port()).serve();
        default:
          return prompt(stack, transcript, options, in);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } catch (IOException e) {
      err.println("could not read the commands: " + e.getMessage());
      return 1;
    }
  }

  private static int command(LocalStack stack, Transcript transcript, Options options) throws InterruptedException {
    TypedCommand command = TypedCommand.parse(options.command());
    if (command.kind() != TypedCommand.Kind.SEND) {
      transcript.line("--command takes an " + TypedCommand.SLASH + " command, e.g. \"/ecs status i-bp1shopweb01\"");
      return USAGE_ERROR;
    }
    transcript.sent(command.slashLine().orElseThrow());
    try (Conversation conversation = new Conversation(stack, transcript, options.timeout())) {
      return conversation.send(command).exitStatus;
    }
  }

  /** Reads until EOF or {@code quit}; without a terminal the commands are echoed, so a log reads like a session. */
  private static int prompt(LocalStack stack, Transcript transcript, Options options, InputStream in)
      throws IOException, InterruptedException {
    boolean terminal = System.console() != null;
    transcript.line("");
    transcript.line("You are @" + USER_NAME + " (" + USER_ID + ") in #ops (" + LocalStack.CHANNEL_ID + "); commands that"
        + " name no region run in " + stack.defaultRegion() + ".");
    transcript.line("Type /ecs help, a command such as `start i-bp1reports01`, :fleet for the emulator's view, or quit.");
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    try (Conversation conversation = new Conversation(stack, transcript, options.timeout())) {
      while (true) {
        if (terminal) transcript.prompt("/ecs> ");
        String line = lines.readLine();
        if (line == null) return 0;
        TypedCommand command = TypedCommand.parse(line);
        switch (command.kind()) {
          case QUIT:
            return 0;
          case NOTHING:
            break;
          case FLEET:
            if (stack.realEcs().isPresent()) {
              transcript.line("  :fleet shows the emulator, and this stack calls real ECS");
            } else {
              transcript.fleet(stack.ecs().instances());
            }
            break;
          case OTHER_COMMAND:
            transcript.line("  only " + TypedCommand.SLASH + " reaches this app, not " + command.text());
            break;
          default:
            if (!terminal) transcript.sent(command.slashLine().orElseThrow());
            conversation.send(command);
        }
      }
    }
  }

  /** Everything the command line and the environment decide about the stack, checked before it starts. */
  static LocalStack.Builder stackFor(Options options, Map<String, String> env) {
    LocalStack.Builder builder = LocalStack.builder()
        .transitionTimes(TransitionTimes.of(options.transition(), options.transition()));
    if (options.region().isPresent()) {
      if (!Regions.isValid(options.region().get())) {
        throw new IllegalArgumentException("--region must be a region ID such as cn-hangzhou");
      }
      builder.defaultRegion(options.region().get());
    }
    if (options.realEcs()) {
      String id = nonBlank(env.get(KEY_ID_VARIABLE), KEY_ID_VARIABLE);
      String secret = nonBlank(env.get(KEY_SECRET_VARIABLE), KEY_SECRET_VARIABLE);
      builder.realEcs(RealEcs.of(options.region().orElseThrow(), options.ecsEndpoint().orElse(null),
          AccessKey.of(id, secret, null)));
    }
    if (options.mode() == Options.Mode.SERVE) {
      builder.signingSecret(nonBlank(env.get(Variable.SLACK_SIGNING_SECRET.envName()),
          Variable.SLACK_SIGNING_SECRET.envName()));
      // Commands come from a real Slack app (or curl), whose results go to Slack's own hosts.
      builder.responseUrls(ResponseUrlPolicy.slackHosts(ResponseUrlPolicy.DEFAULT_SLACK_HOSTS));
      String channels = env.get(Variable.SLACK_CHANNEL.envName());
      if (isBlank(channels) && options.realEcs()) {
        throw new IllegalArgumentException(Variable.SLACK_CHANNEL.envName()
            + " is required with --serve --real-ecs: say which channels may change real instances");
      }
      // The emulated instances are toys: any channel of the real workspace may play with them.
      builder.set(Variable.SLACK_CHANNEL, isBlank(channels) ? "*" : channels);
      builder.set(Variable.SLACK_TEAM, blankToNull(env.get(Variable.SLACK_TEAM.envName())));
      for (Variable passed : List.of(Variable.ALLOWED_USERS, Variable.ECS_INSTANCES)) {
        builder.set(passed, blankToNull(env.get(passed.envName())));
      }
    }
    return builder;
  }

  private static String nonBlank(String value, String name) {
    if (isBlank(value)) throw new IllegalArgumentException(name + " must be set");
    return value;
  }

  private static String blankToNull(String value) {
    return isBlank(value) ? null : value;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
