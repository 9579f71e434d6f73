package chatops.local.fc;

import com.aliyun.fc.runtime.Context;
import com.aliyun.fc.runtime.Credentials;
import com.aliyun.fc.runtime.FunctionComputeLogger.Level;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One deployed function: runs its handler under the function's time limit, calls the initializer
 * once before the first request (again after a failed attempt, as FC starts a new instance), and
 * hands each call a fresh {@link Context}. Unhandled errors are written to the function's log.
 */
final class FunctionRuntime {
  private final FcFunction function;
  private final Credentials credentials;
  private final LogBook logs;
  private final ExecutorService runner;
  /** FC's Java runtime logs at INFO until the function lowers the level. */
  private final AtomicReference<Level> logLevel = new AtomicReference<>(Level.INFO);
  /** Runs not yet finished, so stopping the emulator can release the threads waiting on them. */
  private final Set<Future<byte[]>> running = new HashSet<>();
  private boolean stopped;
  private final Object initLock = new Object();
  private boolean initialized;

  FunctionRuntime(FcFunction function, Credentials credentials, LogBook logs, ExecutorService runner) {
    this.function = function;
    this.credentials = credentials;
    this.logs = logs;
    this.runner = runner;
  }

  FcFunction function() {
    return function;
  }

  RunResult runEvent(byte[] payload, String requestId, String qualifier, int retryCount) {
    return runTimed(requestId, qualifier, retryCount, context -> {
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      function.eventHandler().handleRequest(new ByteArrayInputStream(payload), output, context);
      return output.toByteArray();
    });
  }

  RunResult runHttp(HttpServletRequest request, HttpServletResponse response, String requestId, String qualifier) {
    return runTimed(requestId, qualifier, 0, context -> {
      function.httpHandler().handleRequest(request, response, context);
      return new byte[0];
    });
  }

  private RunResult runTimed(String requestId, String qualifier, int retryCount, HandlerCall call) {
    Future<byte[]> run;
    try {
      run = runner.submit(() -> {
        initializeOnce(qualifier);
        return call.run(context(requestId, qualifier, retryCount));
      });
    } catch (RejectedExecutionException stopped) {
      return RunResult.failed(new IllegalStateException("the FC emulator has stopped"));
    }
    synchronized (running) {
      if (stopped) {
        run.cancel(true);
      }
      running.add(run);
    }
    RunResult result;
    try {
      result = RunResult.success(run.get(function.timeLimit().toNanos(), TimeUnit.NANOSECONDS));
    } catch (CancellationException e) {
      result = RunResult.failed(new IllegalStateException("the FC emulator stopped during the run"));
    } catch (TimeoutException e) {
      run.cancel(true);
      result = RunResult.timedOut(function.timeLimit());
    } catch (ExecutionException e) {
      result = RunResult.failed(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.cancel(true);
      result = RunResult.failed(e);
    } finally {
      synchronized (running) {
        running.remove(run);
      }
    }
    if (!result.succeeded()) {
      logs.write(function.service(), function.name(), requestId, Level.ERROR,
          FcHeaders.UNHANDLED_ERROR + ": " + result.errorType() + ": " + result.errorMessage());
    }
    return result;
  }

  /** Cancels every unfinished run; a handler that ignores the interrupt no longer holds anyone up. */
  void stop() {
    synchronized (running) {
      stopped = true;
      running.forEach(run -> run.cancel(true));
    }
  }

  private void initializeOnce(String qualifier) throws Exception {
    if (function.initializer().isEmpty()) {
      return;
    }
    synchronized (initLock) {
      if (!initialized) {
        // FC gives the initializer a request id of its own.
        function.initializer().get().initialize(context(UUID.randomUUID().toString(), qualifier, 0));
        initialized = true;
      }
    }
  }

  private Context context(String requestId, String qualifier, int retryCount) {
    CapturingLogger logger = new CapturingLogger(logs, function.service(), function.name(), requestId, logLevel);
    return new EmulatedContext(requestId, credentials, function, qualifier, logger, retryCount);
  }

  @FunctionalInterface
  private interface HandlerCall {
    byte[] run(Context context) throws Exception;
  }
}
