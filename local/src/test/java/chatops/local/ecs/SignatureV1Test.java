package chatops.local.ecs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The worked example from Alibaba's signature documentation, and the encoding rules it depends on. */
class SignatureV1Test {
  @Test
  void theDocumentedExampleSignsToTheDocumentedSignature() {
    Map<String, String> params = new TreeMap<>();
    params.put("Action", "DescribeRegions");
    params.put("AccessKeyId", "testid");
    params.put("Format", "XML");
    params.put("SignatureMethod", "HMAC-SHA1");
    params.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
    params.put("SignatureVersion", "1.0");
    params.put("Timestamp", "2016-02-23T12:46:24Z");
    params.put("Version", "2014-05-26");

    String stringToSign = SignatureV1.stringToSign("GET", params);

    assertEquals(
        "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
            + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
            + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z"
            + "%26Version%3D2014-05-26",
        stringToSign);
    assertEquals("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", SignatureV1.sign(stringToSign, "testsecret"));
  }

  @Test
  void spaceStarAndTildeAreEncodedTheAlibabaWay() {
    assertEquals("a%20b%2Ac~d", SignatureV1.percentEncode("a b*c~d"));
    assertEquals("%E4%B8%AD", SignatureV1.percentEncode("中"));
  }

  @Test
  void signaturesCompareExactly() {
    assertTrue(SignatureV1.matches("abc=", "abc="));
    assertFalse(SignatureV1.matches("abc=", "abd="));
    assertFalse(SignatureV1.matches("abc=", "abc"));
  }
}
