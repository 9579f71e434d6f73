package chatops.local.ecs;

/**
 * An error answer as ECS sends it: HTTP status, code and message. Thrown from any check so the
 * first failing check decides the answer, as on the real service. Codes, statuses and messages are
 * the ones Alibaba documents for ECS 2014-05-26 and for its RPC gateway.
 */
final class Rejection extends Exception {
  private final int status;
  private final String code;

  Rejection(int status, String code, String message) {
    // No stack trace: a rejection is an answer, not a fault in the emulator.
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  // Gateway: the request itself.

  static Rejection missing(String parameter) {
    return new Rejection(400, "Missing" + parameter, parameter + " is mandatory for this action.");
  }

  static Rejection invalidParameter(String parameter) {
    return new Rejection(
        400, "InvalidParameter", "The specified parameter \"" + parameter + "\" is not valid.");
  }

  static Rejection duplicateParameter(String parameter) {
    return new Rejection(
        400, "InvalidParameter", "The parameter \"" + parameter + "\" is given more than once.");
  }

  static Rejection malformedEncoding() {
    return new Rejection(
        400, "InvalidParameter", "The request parameters are not well-formed URL encoding.");
  }

  static Rejection unsupportedMethod() {
    return new Rejection(405, "UnsupportedHTTPMethod", "Specified HTTP method is not supported.");
  }

  static Rejection invalidFormat() {
    return new Rejection(400, "InvalidParameter.Format", "Specified parameter Format is not valid.");
  }

  static Rejection invalidVersion() {
    return new Rejection(400, "InvalidVersion", "Specified parameter Version is not valid.");
  }

  static Rejection unknownAction() {
    return new Rejection(
        404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
  }

  // Gateway: who is calling.

  static Rejection unknownAccessKey() {
    return new Rejection(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
  }

  static Rejection unsupportedSignatureMethod() {
    return new Rejection(
        400, "InvalidSignatureMethod", "Specified signature method is not supported.");
  }

  static Rejection unsupportedSignatureVersion() {
    return new Rejection(
        400, "InvalidSignatureVersion", "Specified signature version is not supported.");
  }

  static Rejection malformedTimestamp() {
    return new Rejection(
        400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
  }

  static Rejection expiredTimestamp() {
    return new Rejection(
        400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
  }

  static Rejection missingSecurityToken() {
    return new Rejection(400, "MissingSecurityToken", "SecurityToken is mandatory for this action.");
  }

  static Rejection malformedSecurityToken() {
    return new Rejection(
        400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed.");
  }

  static Rejection securityTokenOfAnotherKey() {
    return new Rejection(
        400,
        "InvalidSecurityToken.MismatchWithAccessKey",
        "Specified SecurityToken mismatch with the AccessKey.");
  }

  static Rejection expiredSecurityToken() {
    return new Rejection(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
  }

  /**
   * The real message ends with the server's string to sign; the SDK compares it with its own and, when
   * they are equal (only the secret differs), reports {@code SDK.InvalidAccessKeySecret} instead.
   */
  static Rejection signatureMismatch(String serverStringToSign) {
    return new Rejection(
        400,
        "SignatureDoesNotMatch",
        "Specified signature is not matched with our calculation. server string to sign is:"
            + serverStringToSign);
  }

  static Rejection nonceUsed() {
    return new Rejection(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
  }

  // Injected faults.

  static Rejection throttled() {
    return new Rejection(400, "Throttling.User", "Request was denied due to user flow control.");
  }

  static Rejection internalError() {
    return new Rejection(
        500,
        "InternalError",
        "The request processing has failed due to some unknown error, exception or failure.");
  }

  static Rejection serviceUnavailable() {
    return new Rejection(
        503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
  }

  // ECS: what the call asks for.

  static Rejection unknownRegion() {
    return new Rejection(404, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
  }

  static Rejection instanceNotFound() {
    return new Rejection(
        404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
  }

  static Rejection incorrectInstanceStatus() {
    return new Rejection(
        403,
        "IncorrectInstanceStatus",
        "The current status of the resource does not support this operation.");
  }

  static Rejection tooManyInstanceIds() {
    return new Rejection(
        403, "InvalidParameter.TooManyInstanceIds", "Instance ids cannot be more than 100.");
  }

  static Rejection malformedInstanceIds() {
    return new Rejection(
        400, "InvalidInstanceIds.Malformed", "The specified InstanceIds is not valid.");
  }

  /** What the single-instance calls and DescribeInstances answer to a dry run that would succeed. */
  static Rejection dryRunPassed() {
    return new Rejection(
        400, "DryRunOperation", "Request validation has been passed with DryRun flag set.");
  }

  /** What the batch calls (StartInstances and friends) answer instead, per their documentation. */
  static Rejection batchDryRunPassed() {
    return new Rejection(
        400, "DRYRUN.SUCCESS", "This request is a dryrun request with successful result.");
  }
}
