package chatops.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.ecs.EcsAction;
import chatops.ecs.EcsCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A job is an immutable, always-valid value whose printed form leaks no capability. */
class JobTest {

  @Test
  void exposesItsCommandAndItsOrigin() {
    Job job = JobCodecTest.stopJob().build();
    assertEquals(1, job.version());
    assertEquals(EcsCommand.of(EcsAction.STOP, List.of("i-web", "i-db"), "cn-hangzhou", true, false), job.command());
    assertEquals(EcsAction.STOP, job.action());
    assertEquals(Optional.of("cn-hangzhou"), job.region());
    assertTrue(job.force());
    assertFalse(job.dryRun());
    assertEquals("T1", job.teamId());
    assertEquals("C1", job.channelId());
    assertEquals(Optional.of("ops"), job.channelName());
    assertEquals("U1", job.userId());
    assertEquals(Optional.of("alice"), job.userName());
  }

  @Test
  void laterChangesToTheBuilderOrItsListDoNotReachABuiltJob() {
    List<String> ids = new ArrayList<>(List.of("i-a"));
    Job.Builder builder = JobCodecTest.stopJob().instanceIds(ids);
    Job job = builder.build();
    ids.add("i-b");
    builder.jobId("other");
    assertEquals(List.of("i-a"), job.instanceIds());
    assertEquals("req-1", job.jobId());
    assertThrows(UnsupportedOperationException.class, () -> job.instanceIds().add("i-c"));
  }

  @Test
  void toStringLeavesOutTheResponseUrl() {
    String shown = JobCodecTest.stopJob().build().toString();
    assertFalse(shown.contains("hooks.slack.com"), shown);
    assertTrue(shown.contains("stop i-web i-db cn-hangzhou --force"), shown);
  }

  @Test
  void buildNamesTheFirstMissingField() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JobCodecTest.stopJob().userId(null).build());
    assertEquals("userId is missing", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> JobCodecTest.stopJob().issuedAt(null).build());
    assertEquals("issuedAt is missing", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> JobCodecTest.stopJob().responseUrl("https://x/" + "a".repeat(2048)).build());
    assertEquals("responseUrl is longer than 2048", e.getMessage());
  }
}
