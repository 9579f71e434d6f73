package chatops.local.fc;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two FC 2.0 paths the emulator serves, split into service, qualifier and function:
 * the invoke API {@code /2016-08-15/services/{service}[.{qualifier}]/functions/{function}/invocations}
 * and the HTTP trigger {@code /2016-08-15/proxy/{service}[.{qualifier}]/{function}[/{path}]}.
 */
final class FcPath {
  static final String API_VERSION = "2016-08-15";
  private static final Pattern INVOKE =
      Pattern.compile("^/" + API_VERSION + "/services/([^/.]+)(?:\\.([^/]+))?/functions/([^/]+)/invocations/?$");
  private static final Pattern PROXY =
      Pattern.compile("^(/" + API_VERSION + "/proxy/([^/.]+)(?:\\.([^/]+))?/([^/]+))(/.*)?$");

  private final boolean invoke;
  private final String service;
  private final String qualifier;
  private final String function;
  private final String contextPath;

  private FcPath(boolean invoke, String service, String qualifier, String function, String contextPath) {
    this.invoke = invoke;
    this.service = service;
    this.qualifier = qualifier == null ? FcFunction.LATEST : qualifier;
    this.function = function;
    this.contextPath = contextPath;
  }

  /** Matches the decoded path; the names FC allows contain nothing that escaping would change. */
  static Optional<FcPath> parse(String decodedPath) {
    Matcher invoke = INVOKE.matcher(decodedPath);
    if (invoke.matches()) {
      return Optional.of(new FcPath(true, invoke.group(1), invoke.group(2), invoke.group(3), null));
    }
    Matcher proxy = PROXY.matcher(decodedPath);
    if (proxy.matches()) {
      return Optional.of(new FcPath(false, proxy.group(2), proxy.group(3), proxy.group(4), proxy.group(1)));
    }
    return Optional.empty();
  }

  static String triggerPath(String service, String function) {
    return "/" + API_VERSION + "/proxy/" + service + "/" + function + "/";
  }

  boolean isInvoke() {
    return invoke;
  }

  String service() {
    return service;
  }

  String qualifier() {
    return qualifier;
  }

  String function() {
    return function;
  }

  /** For the trigger: the part of the path that names the function; the rest is the handler's path info. */
  String contextPath() {
    return contextPath;
  }
}
