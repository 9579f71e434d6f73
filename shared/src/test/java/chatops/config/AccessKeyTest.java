package chatops.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessKeyTest {
  @Test
  void stsKeyCarriesItsToken() {
    AccessKey key = AccessKey.of("STS.abcdef", "s3cret", "tok3n");
    assertTrue(key.isTemporary());
    assertEquals(Optional.of("tok3n"), key.securityToken());
  }

  @Test
  void emptyTokenMeansStaticKey() {
    assertFalse(AccessKey.of("LTAIabc", "s3cret", "").isTemporary());
    assertFalse(AccessKey.of("LTAIabc", "s3cret", null).isTemporary());
  }

  @Test
  void toStringRevealsNeitherSecretNorToken() {
    String shown = AccessKey.of("STS.abcdef", "s3cret", "tok3n").toString();
    assertFalse(shown.contains("s3cret"), shown);
    assertFalse(shown.contains("tok3n"), shown);
    assertFalse(shown.contains("abcdef"), shown);
  }

  @Test
  void refusesEmptyIdOrSecret() {
    assertThrows(IllegalArgumentException.class, () -> AccessKey.of("", "s", null));
    assertThrows(IllegalArgumentException.class, () -> AccessKey.of("id", null, null));
  }
}
