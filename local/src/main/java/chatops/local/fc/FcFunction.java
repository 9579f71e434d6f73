package chatops.local.fc;

import com.aliyun.fc.runtime.FunctionInitializer;
import com.aliyun.fc.runtime.HttpRequestHandler;
import com.aliyun.fc.runtime.StreamRequestHandler;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A function as template.yml would declare it: service, name, handler, optional initializer,
 * time limit and memory. HTTP functions are reached through their HTTP trigger; event functions
 * through the invoke API (sync or async).
 */
public final class FcFunction {
  /** FC's rule for service and function names; it also keeps '.' free for the qualifier. */
  private static final Pattern NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]{0,127}$");
  static final String LATEST = "LATEST";

  /** Which entry point the function has. */
  public enum Kind { HTTP, EVENT }

  private final String service;
  private final String name;
  private final Kind kind;
  private final HttpRequestHandler httpHandler;
  private final StreamRequestHandler eventHandler;
  private final FunctionInitializer initializer;
  private final Duration timeLimit;
  private final int memoryMb;
  private final Set<String> qualifiers;

  private FcFunction(Builder builder) {
    this.service = builder.service;
    this.name = builder.name;
    this.kind = builder.kind;
    this.httpHandler = builder.httpHandler;
    this.eventHandler = builder.eventHandler;
    this.initializer = builder.initializer;
    this.timeLimit = builder.timeLimit;
    this.memoryMb = builder.memoryMb;
    this.qualifiers = Set.copyOf(builder.qualifiers);
  }

  /** A function behind an HTTP trigger (FC 2.0 {@code HttpRequestHandler}). */
  public static Builder http(String service, String name, HttpRequestHandler handler) {
    return new Builder(service, name, Kind.HTTP, Objects.requireNonNull(handler, "handler"), null);
  }

  /** A function invoked through the invoke API (FC 2.0 {@code StreamRequestHandler}). */
  public static Builder event(String service, String name, StreamRequestHandler handler) {
    return new Builder(service, name, Kind.EVENT, null, Objects.requireNonNull(handler, "handler"));
  }

  public String service() {
    return service;
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public Duration timeLimit() {
    return timeLimit;
  }

  public int memoryMb() {
    return memoryMb;
  }

  /** True for LATEST and for every qualifier (alias or version) the function was declared with. */
  public boolean answersTo(String qualifier) {
    return LATEST.equals(qualifier) || qualifiers.contains(qualifier);
  }

  HttpRequestHandler httpHandler() {
    return httpHandler;
  }

  StreamRequestHandler eventHandler() {
    return eventHandler;
  }

  Optional<FunctionInitializer> initializer() {
    return Optional.ofNullable(initializer);
  }

  /** What template.yml's Handler would say: {@code pkg.Class::handleRequest}. */
  String handlerName() {
    Object handler = kind == Kind.HTTP ? httpHandler : eventHandler;
    return handler.getClass().getName() + "::handleRequest";
  }

  String initializerName() {
    return initializer == null ? null : initializer.getClass().getName() + "::initialize";
  }

  @Override
  public String toString() {
    return service + "/" + name + " (" + kind + ")";
  }

  /** Defaults are FC's: 60 s time limit, 128 MB. */
  public static final class Builder {
    private final String service;
    private final String name;
    private final Kind kind;
    private final HttpRequestHandler httpHandler;
    private final StreamRequestHandler eventHandler;
    private FunctionInitializer initializer;
    private Duration timeLimit = Duration.ofSeconds(60);
    private int memoryMb = 128;
    private final Set<String> qualifiers = new LinkedHashSet<>();

    private Builder(String service, String name, Kind kind, HttpRequestHandler httpHandler,
            StreamRequestHandler eventHandler) {
      this.service = requireName(service, "service");
      this.name = requireName(name, "function");
      this.kind = kind;
      this.httpHandler = httpHandler;
      this.eventHandler = eventHandler;
    }

    /** Called once per instance before its first request, like template.yml's Initializer. */
    public Builder initializer(FunctionInitializer initializer) {
      this.initializer = Objects.requireNonNull(initializer, "initializer");
      return this;
    }

    public Builder timeLimit(Duration timeLimit) {
      if (timeLimit.isZero() || timeLimit.isNegative()) {
        throw new IllegalArgumentException("time limit must be positive");
      }
      this.timeLimit = timeLimit;
      return this;
    }

    public Builder memoryMb(int memoryMb) {
      if (memoryMb < 128 || memoryMb > 3072 || memoryMb % 64 != 0) {
        throw new IllegalArgumentException("memory must be 128..3072 MB in steps of 64");
      }
      this.memoryMb = memoryMb;
      return this;
    }

    /** Aliases or versions the function also answers to, besides LATEST. */
    public Builder qualifiers(String... qualifiers) {
      this.qualifiers.addAll(Arrays.asList(qualifiers));
      return this;
    }

    public FcFunction build() {
      return new FcFunction(this);
    }

    private static String requireName(String value, String what) {
      if (value == null || !NAME.matcher(value).matches()) {
        throw new IllegalArgumentException(what + " name must match " + NAME.pattern() + ": " + value);
      }
      return value;
    }
  }
}
