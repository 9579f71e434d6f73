package chatops.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EcsExceptionTest {
  @ParameterizedTest
  @ValueSource(strings = {"Forbidden", "Forbidden.RAM", "Forbidden.NotSupportRAM"})
  void forbiddenNamesTheRamActionOfTheCallThatFailed(String code) {
    EcsException e = new EcsException("RebootInstances", code, "denied", "R1", 403);
    assertEquals(Optional.of("ecs:RebootInstances"), e.missingRamAction());
    assertFalse(e.retryable());
  }

  @Test
  void otherRefusalsNameNoRamAction() {
    assertEquals(Optional.empty(),
        new EcsException("StartInstances", "IncorrectInstanceStatus", "x", "R1", 403).missingRamAction());
  }

  @Test
  void aMessageCannotForgeALogLineOrCarryTheSignedRequest() {
    String fromEcs = "Specified signature is not matched.\nserver string to sign is:POST&%2F&AccessKeyId%3DSTS.x";
    EcsException e = new EcsException("DescribeInstances", "SignatureDoesNotMatch", fromEcs, "R1", 400);
    assertEquals("Specified signature is not matched. server [cut]", e.safeMessage());
    assertFalse(e.getMessage().contains("\n"));
    assertFalse(new EcsException("A", "B", "token SecurityToken=CAIS", null, 0).safeMessage().contains("CAIS"));
  }

  @Test
  void aLongMessageIsCapped() {
    String message = new EcsException("A", "B", "x".repeat(5000), null, 0).safeMessage();
    assertTrue(message.length() <= 301, message.length() + " chars");
  }

  @Test
  void noAnswerMeansNoRequestIdAndStatusZero() {
    EcsException e = new EcsException("StopInstances", EcsException.CONNECTION_FAILED, "could not reach", null, 0);
    assertEquals(Optional.empty(), e.requestId());
    assertEquals(0, e.httpStatus());
    assertTrue(e.retryable());
  }
}
