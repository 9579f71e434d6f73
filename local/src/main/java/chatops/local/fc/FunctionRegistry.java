package chatops.local.fc;

import com.aliyun.fc.runtime.Credentials;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/** The deployed functions, by service and name; finds the one a request names or the error FC would give. */
final class FunctionRegistry {
  private final Map<String, Map<String, FunctionRuntime>> services = new ConcurrentHashMap<>();
  private final Credentials roleCredentials;
  private final LogBook logs;
  private final ExecutorService runner;

  FunctionRegistry(Credentials roleCredentials, LogBook logs, ExecutorService runner) {
    this.roleCredentials = roleCredentials;
    this.logs = logs;
    this.runner = runner;
  }

  /** Deploying a function again replaces it, with a fresh instance that initializes anew. */
  void deploy(FcFunction function) {
    services.computeIfAbsent(function.service(), name -> new ConcurrentHashMap<>())
        .put(function.name(), new FunctionRuntime(function, roleCredentials, logs, runner));
  }

  void stopAll() {
    services.values().forEach(functions -> functions.values().forEach(FunctionRuntime::stop));
  }

  /** Either the runtime or the error, never both. */
  Lookup find(FcPath path) {
    Map<String, FunctionRuntime> functions = services.get(path.service());
    if (functions == null) {
      return new Lookup(null, FcError.serviceNotFound(path.service()));
    }
    FunctionRuntime runtime = functions.get(path.function());
    if (runtime == null) {
      return new Lookup(null, FcError.functionNotFound(path.service(), path.function()));
    }
    if (!runtime.function().answersTo(path.qualifier())) {
      return new Lookup(null, FcError.aliasNotFound(path.service(), path.qualifier()));
    }
    return new Lookup(runtime, null);
  }

  static final class Lookup {
    final FunctionRuntime runtime;
    final FcError error;

    private Lookup(FunctionRuntime runtime, FcError error) {
      this.runtime = runtime;
      this.error = error;
    }
  }
}
