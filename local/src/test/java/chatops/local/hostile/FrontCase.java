package chatops.local.hostile;

import java.util.Objects;
import java.util.function.Function;

/**
 * One hostile request and what the Front must answer: a bare status (nothing told to a caller
 * that is not proven to be Slack), or HTTP 200 with an ephemeral message whose text is given in
 * full. Either way nothing may be invoked.
 */
final class FrontCase {
  private final String name;
  private final HostileStack.Auth auth;
  private final Function<Caller, Reply> request;
  private final int status;
  private final String text;

  private FrontCase(String name, HostileStack.Auth auth, Function<Caller, Reply> request, int status, String text) {
    this.name = name;
    this.auth = auth;
    this.request = request;
    this.status = status;
    this.text = text;
  }

  /** Answered with {@code status} and an empty body, to a Front configured with a signing secret. */
  static FrontCase bare(String name, int status, Function<Caller, Reply> request) {
    return new FrontCase(name, HostileStack.Auth.SIGNATURE, request, status, null);
  }

  /** Answered 200 with an ephemeral message saying exactly {@code text}. */
  static FrontCase told(String name, String text, Function<Caller, Reply> request) {
    return new FrontCase(name, HostileStack.Auth.SIGNATURE, request, 200, Objects.requireNonNull(text));
  }

  /** The same case against a Front that has only the legacy token. */
  FrontCase tokenOnly() {
    return new FrontCase(name + " [token only]", HostileStack.Auth.LEGACY_TOKEN, request, status, text);
  }

  HostileStack.Auth auth() {
    return auth;
  }

  Reply send(Caller caller) {
    return request.apply(caller);
  }

  int status() {
    return status;
  }

  /** The whole text of the ephemeral reply, or null when the body must be empty. */
  String text() {
    return text;
  }

  @Override
  public String toString() {
    return name;
  }
}
