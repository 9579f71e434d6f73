package chatops.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The functions write their log lines to standard output, as FC collects them; in the demo they
 * would break up the transcript, so standard output is taken over while the stack runs and each
 * line goes to the given sink (shown indented, or dropped). The demo prints to the stream it held
 * before, which {@link #close} puts back.
 */
final class FunctionOutput implements AutoCloseable {
  private final PrintStream previous;

  private FunctionOutput(PrintStream previous) {
    this.previous = previous;
  }

  static FunctionOutput redirect(Consumer<String> lines) {
    PrintStream previous = System.out;
    System.setOut(new PrintStream(new LineSink(lines), true, StandardCharsets.UTF_8));
    return new FunctionOutput(previous);
  }

  @Override
  public void close() {
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
