package chatops.local;

import chatops.local.fc.FcEmulator;
import chatops.local.fc.FcLogLine;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * What the functions log, kept out of the transcript's way: the Front writes to standard output
 * and the Execution to FC's logger, as each does in the cloud. Standard output is taken over
 * while the stack runs, and FC's log is followed; every line goes to one sink, which shows or
 * drops it. The demo prints to the stream held before, which {@link #close} puts back.
 */
final class FunctionOutput implements AutoCloseable {
  private final PrintStream previous;
  private final Consumer<String> lines;
  private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "demo-log-follower");
    thread.setDaemon(true);
    return thread;
  });
  private int linesShown;

  private FunctionOutput(PrintStream previous, Consumer<String> lines) {
    this.previous = previous;
    this.lines = lines;
  }

  static FunctionOutput redirect(Consumer<String> lines) {
    PrintStream previous = System.out;
    System.setOut(new PrintStream(new LineSink(lines), true, StandardCharsets.UTF_8));
    return new FunctionOutput(previous, lines);
  }

  /** Also passes on what the functions write to FC's logger (the Execution's lines). */
  void follow(FcEmulator fc) {
    follower.scheduleWithFixedDelay(() -> {
      List<FcLogLine> all = fc.logLines();
      for (; linesShown < all.size(); linesShown++) {
        FcLogLine line = all.get(linesShown);
        lines.accept(line.function() + " [" + line.level() + "] " + line.message());
      }
    }, 100, 100, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    follower.shutdownNow();
    System.out.flush();
    System.setOut(previous);
  }

  /** Hands over one line at a time; concurrent writers each write whole lines through println. */
  private static final class LineSink extends OutputStream {
    private final Consumer<String> lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineSink(Consumer<String> lines) {
      this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        emit();
      } else if (b != '\r') {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      for (int i = offset; i < offset + length; i++) write(bytes[i]);
    }

    /** PrintStream flushes after every print, mid-line too: a line is complete only at its newline. */
    @Override
    public void flush() {}

    private void emit() {
      lines.accept(line.toString(StandardCharsets.UTF_8));
      line.reset();
    }
  }
}
