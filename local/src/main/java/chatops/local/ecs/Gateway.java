package chatops.local.ecs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Alibaba's RPC gateway checks before ECS sees a call: the API exists, the caller is who the
 * signature says, the request is fresh and not a replay. The order follows the gateway's: the API
 * first, then the key, the signature parameters, the clock, the token, the signature, the nonce.
 */
final class Gateway {
  static final String VERSION = "2014-05-26";
  private static final Duration ALLOWED_SKEW = Duration.ofMinutes(15);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

  private final AccessKeys keys;
  private final NonceLedger nonces;
  private final Set<String> actions;
  private final Clock clock;

  Gateway(AccessKeys keys, NonceLedger nonces, Set<String> actions, Clock clock) {
    this.keys = keys;
    this.nonces = nonces;
    this.actions = actions;
    this.clock = clock;
  }

  /** Returns the action to run, or throws the gateway's answer. */
  String admit(String method, RpcParameters params) throws Rejection {
    if (!"GET".equals(method) && !"POST".equals(method)) {
      throw Rejection.unsupportedMethod();
    }
    String action = checkApi(params);
    String keyId = params.require("AccessKeyId");
    AccessKeys.Key key = keys.find(keyId).orElseThrow(Rejection::unknownAccessKey);
    checkSignatureScheme(params);
    Instant now = clock.instant();
    checkTimestamp(params.require("Timestamp"), now);
    checkToken(keyId, key, params.get("SecurityToken").orElse(""), now);
    checkSignature(method, key, params);
    if (!nonces.firstUse(keyId, params.require("SignatureNonce"), now)) {
      throw Rejection.nonceUsed();
    }
    return action;
  }

  /**
   * The emulator always answers JSON; XML is accepted as a value so that a request valid on the real
   * service is not refused here.
   */
  private String checkApi(RpcParameters params) throws Rejection {
    String format = params.get("Format").orElse("XML");
    if (!"JSON".equalsIgnoreCase(format) && !"XML".equalsIgnoreCase(format)) {
      throw Rejection.invalidFormat();
    }
    String action = params.require("Action");
    if (!VERSION.equals(params.require("Version"))) {
      throw Rejection.invalidVersion();
    }
    if (!actions.contains(action)) {
      throw Rejection.unknownAction();
    }
    return action;
  }

  private static void checkSignatureScheme(RpcParameters params) throws Rejection {
    params.require("Signature");
    if (!"HMAC-SHA1".equals(params.require("SignatureMethod"))) {
      throw Rejection.unsupportedSignatureMethod();
    }
    if (!"1.0".equals(params.require("SignatureVersion"))) {
      throw Rejection.unsupportedSignatureVersion();
    }
    params.require("SignatureNonce");
  }

  private static void checkTimestamp(String value, Instant now) throws Rejection {
    Instant stamped;
    try {
      stamped = LocalDateTime.parse(value, TIMESTAMP).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw Rejection.malformedTimestamp();
    }
    if (Duration.between(stamped, now).abs().compareTo(ALLOWED_SKEW) > 0) {
      throw Rejection.expiredTimestamp();
    }
  }

  /** A plain key with a token is refused too: the token cannot belong to it. */
  private void checkToken(String keyId, AccessKeys.Key key, String token, Instant now)
      throws Rejection {
    if (token.isEmpty()) {
      if (key.isSts()) {
        throw Rejection.missingSecurityToken();
      }
      return;
    }
    if (!key.tokenMatches(token)) {
      throw keys.belongsToAnotherKey(token, keyId)
          ? Rejection.securityTokenOfAnotherKey()
          : Rejection.malformedSecurityToken();
    }
    if (key.expiredAt(now)) {
      throw Rejection.expiredSecurityToken();
    }
  }

  private static void checkSignature(String method, AccessKeys.Key key, RpcParameters params)
      throws Rejection {
    Map<String, String> signed = new TreeMap<>(params.all());
    String given = signed.remove("Signature");
    String stringToSign = SignatureV1.stringToSign(method, signed);
    if (!SignatureV1.matches(SignatureV1.sign(stringToSign, key.secret()), given)) {
      throw Rejection.signatureMismatch(stringToSign);
    }
  }
}
