package chatops.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import chatops.job.JobCodec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * front-fc.jar is shaded without aliyun-java-sdk-fc, Guava and Gson (FcExecutionInvoker signs its
 * own calls), while the module's test classpath still has them: so a class of ours that started
 * using them would pass every test here and fail only when deployed. This test reads the compiled
 * classes of front-fc and shared and fails instead.
 */
class NoFcSdkTest {
  private static final List<String> LEFT_OUT_OF_THE_JAR =
      List.of("com/aliyuncs/", "com/google/common/", "com/google/gson/", "org/apache/commons/lang/");

  @Test
  void noClassOfTheFrontOrSharedReferencesWhatTheJarLeavesOut() throws Exception {
    List<Path> classes = classFiles(FrontHandler.class);
    classes.addAll(classFiles(JobCodec.class));
    assertTrue(classes.size() > 40, "found only " + classes.size() + " classes");

    for (Path file : classes) {
      // Class names in a class file's constant pool are plain ASCII, slash-separated.
      String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
      for (String prefix : LEFT_OUT_OF_THE_JAR) {
        assertEquals(-1, bytes.indexOf(prefix), file.getFileName() + " refers to " + prefix);
      }
    }
  }

  /** Every .class file under the directory (or jar) root that {@code anchor} was loaded from. */
  private static List<Path> classFiles(Class<?> anchor) throws IOException, URISyntaxException {
    Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".class")).collect(Collectors.toList());
    }
  }
}
