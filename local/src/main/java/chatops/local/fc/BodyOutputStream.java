package chatops.local.fc;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Collects what the handler writes; FC sends the response only after the handler returns. */
final class BodyOutputStream extends ServletOutputStream {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  @Override
  public synchronized void write(int b) {
    buffer.write(b);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    buffer.write(bytes, offset, length);
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void setWriteListener(WriteListener listener) {
    try {
      listener.onWritePossible();
    } catch (IOException e) {
      listener.onError(e);
    }
  }

  synchronized byte[] toByteArray() {
    return buffer.toByteArray();
  }

  synchronized void clear() {
    buffer.reset();
  }
}
