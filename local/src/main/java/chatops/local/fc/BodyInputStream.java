package chatops.local.fc;

import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import java.io.IOException;

/** The request body, byte for byte, as the handler's {@code getInputStream()}; it is all here before the handler runs. */
final class BodyInputStream extends ServletInputStream {
  private final byte[] body;
  private int position;

  BodyInputStream(byte[] body) {
    this.body = body;
  }

  @Override
  public synchronized int read() {
    return position < body.length ? body[position++] & 0xff : -1;
  }

  @Override
  public synchronized int read(byte[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position >= body.length) {
      return -1;
    }
    int count = Math.min(length, body.length - position);
    System.arraycopy(body, position, target, offset, count);
    position += count;
    return count;
  }

  @Override
  public synchronized int available() {
    return body.length - position;
  }

  @Override
  public synchronized boolean isFinished() {
    return position >= body.length;
  }

  @Override
  public boolean isReady() {
    return true;
  }

  /** The whole body is buffered already, so a listener learns at once that it can read and that all has arrived. */
  @Override
  public void setReadListener(ReadListener listener) {
    try {
      if (!isFinished()) {
        listener.onDataAvailable();
      }
      listener.onAllDataRead();
    } catch (IOException e) {
      listener.onError(e);
    }
  }
}
