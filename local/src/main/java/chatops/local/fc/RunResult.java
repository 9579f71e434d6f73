package chatops.local.fc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** How one run of a handler ended: its output, or the error FC would report for it. */
final class RunResult {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final byte[] output;
  private final String errorType;
  private final String errorMessage;

  private RunResult(byte[] output, String errorType, String errorMessage) {
    this.output = output;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }

  static RunResult success(byte[] output) {
    return new RunResult(output, null, null);
  }

  static RunResult failed(Throwable error) {
    return new RunResult(new byte[0], error.getClass().getName(), String.valueOf(error.getMessage()));
  }

  static RunResult timedOut(Duration limit) {
    return new RunResult(new byte[0], "FunctionTimeout", "Function timed out after " + describe(limit));
  }

  boolean succeeded() {
    return errorType == null;
  }

  byte[] output() {
    return output.clone();
  }

  String errorType() {
    return errorType;
  }

  String errorMessage() {
    return errorMessage;
  }

  /** The body FC answers for an unhandled error: {@code {"errorMessage","errorType"}}. */
  byte[] errorBody() {
    ObjectNode body = JSON.createObjectNode();
    body.put("errorMessage", errorMessage);
    body.put("errorType", errorType);
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String describe(Duration limit) {
    return limit.toMillis() % 1000 == 0 ? limit.getSeconds() + " seconds" : limit.toMillis() + " ms";
  }
}
