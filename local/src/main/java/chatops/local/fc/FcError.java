package chatops.local.fc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.mockwebserver.MockResponse;

/**
 * An error as the FC 2.0 API answers it: an HTTP status and a JSON body
 * {@code {"ErrorCode","ErrorMessage"}}. The capitalised names are what aliyun-java-sdk-fc's Gson
 * mapping reads (the public docs show them lower-case, which the SDK would not parse).
 * Codes and messages follow the "Error codes" page of Function Compute 2.0.
 */
final class FcError {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int status;
  private final String code;
  private final String message;

  private FcError(int status, String code, String message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  static FcError missingHeader(String header) {
    return new FcError(400, "MissingRequiredHeader", "required HTTP header " + header + " was not specified");
  }

  static FcError invalidArgument(String message) {
    return new FcError(400, "InvalidArgument", message);
  }

  static FcError pathNotSupported(String method, String path) {
    return new FcError(400, "PathNotSupported", "'" + method + "' against '" + path + "' is not supported");
  }

  static FcError entityTooLarge(int maxBytes) {
    return new FcError(400, "EntityTooLarge", "payload size exceeds maximum allowed size (" + maxBytes + " bytes)");
  }

  static FcError invalidAccessKeyId(String accessKeyId) {
    return new FcError(403, "InvalidAccessKeyID", "invalid access key ID '" + accessKeyId + "'");
  }

  static FcError signatureNotMatch() {
    return new FcError(403, "SignatureNotMatch", "The request signature we calculated does not match the"
        + " signature you provided. Check your access key and signing method");
  }

  /** Not in FC's published table; the code other Alibaba Cloud APIs use for a bad STS token. */
  static FcError invalidSecurityToken() {
    return new FcError(403, "InvalidSecurityToken", "the security token you provided is invalid");
  }

  /** Not in FC's published table; the code other Alibaba Cloud APIs use outside the 15-minute window. */
  static FcError requestTimeTooSkewed() {
    return new FcError(403, "RequestTimeTooSkewed",
        "the difference between the request time and the server's time is too large");
  }

  static FcError accessDenied(String message) {
    return new FcError(403, "AccessDenied", message);
  }

  static FcError serviceNotFound(String service) {
    return new FcError(404, "ServiceNotFound", "service '" + service + "' does not exist");
  }

  static FcError functionNotFound(String service, String function) {
    return new FcError(404, "FunctionNotFound",
        "function '" + function + "' does not exist in service '" + service + "'");
  }

  static FcError aliasNotFound(String service, String qualifier) {
    return new FcError(404, "AliasNotFound", "alias '" + qualifier + "' of service '" + service + "' does not exist");
  }

  static FcError triggerNotFound(String service, String function) {
    return new FcError(404, "TriggerNotFound",
        "function '" + function + "' of service '" + service + "' has no HTTP trigger");
  }

  static FcError internal() {
    return new FcError(500, "InternalServerError", "an internal error has occurred. Please retry.");
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  MockResponse toResponse(String requestId) {
    ObjectNode body = JSON.createObjectNode();
    body.put("ErrorCode", code);
    body.put("ErrorMessage", message);
    return new MockResponse()
        .setResponseCode(status)
        .setHeader(FcHeaders.REQUEST_ID, requestId)
        .setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }

  @Override
  public String toString() {
    return status + " " + code + ": " + message;
  }
}
