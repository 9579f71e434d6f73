package chatops.local.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything written to System.out and System.err, and every java.util.logging record, while it
 * is open; the output still reaches the console. FC collects a function's stdout and stderr into
 * its log store, and the SDKs and MockWebServer log through java.util.logging, so together with
 * the FC emulator's log book this is every line a run leaves.
 */
final class LogCapture implements AutoCloseable {
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final List<String> records = new ArrayList<>();
  private final Logger root = Logger.getLogger("");
  private final Handler handler = new Handler() {
    private final SimpleFormatter format = new SimpleFormatter();

    @Override
    public void publish(LogRecord record) {
      synchronized (records) {
        records.add(format.format(record));
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  LogCapture() {
    System.setOut(new PrintStream(new Tee(originalOut), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(originalErr), true, StandardCharsets.UTF_8));
    root.addHandler(handler);
  }

  /** The lines so far: standard output and error, then the logging records. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    synchronized (captured) {
      lines.addAll(Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\n")));
    }
    synchronized (records) {
      lines.addAll(records);
    }
    return lines;
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    root.removeHandler(handler);
  }

  /** Writes to the console and to the capture. */
  private final class Tee extends OutputStream {
    private final OutputStream console;

    Tee(OutputStream console) {
      this.console = console;
    }

    @Override
    public void write(int b) {
      synchronized (captured) {
        captured.write(b);
      }
      try {
        console.write(b);
      } catch (IOException ignored) {
        // The console is only a convenience; the capture is what the test reads.
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      synchronized (captured) {
        captured.write(bytes, offset, length);
      }
      try {
        console.write(bytes, offset, length);
      } catch (IOException ignored) {
        // As above.
      }
    }
  }
}
