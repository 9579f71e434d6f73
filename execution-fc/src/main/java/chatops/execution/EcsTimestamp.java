package chatops.execution;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * ECS's UTC times as its answers write them. {@code DescribeInstances} gives {@code StartTime} to the
 * minute ({@code 2017-12-10T04:04Z}, per the API reference and its examples), though some of the
 * reference's pages name the format with seconds ({@code yyyy-MM-ddTHH:mm:ssZ}): both are read.
 */
final class EcsTimestamp {
  private static final DateTimeFormatter UTC_MINUTES_OR_SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]'Z'").withResolverStyle(ResolverStyle.STRICT);

  private EcsTimestamp() {}

  /** Empty when absent or not in either form: a time we cannot read is no evidence of anything. */
  static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) return Optional.empty();
    try {
      return Optional.of(LocalDateTime.parse(text.trim(), UTC_MINUTES_OR_SECONDS).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
