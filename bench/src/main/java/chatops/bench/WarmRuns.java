package chatops.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.util.Statistics;

/** Runs {@link WarmDecision} under JMH on one thread: throughput, then the latency distribution. */
final class WarmRuns {
  double opsPerSecond;
  double p50Micros;
  double p99Micros;
  double p999Micros;
  String jvm;

  void run(int forks, int iterations) throws RunnerException {
    RunResult throughput = single(options(Mode.Throughput, TimeUnit.SECONDS, forks, iterations));
    opsPerSecond = throughput.getPrimaryResult().getScore();
    RunResult sample = single(options(Mode.SampleTime, TimeUnit.MICROSECONDS, forks, iterations));
    Statistics latency = sample.getPrimaryResult().getStatistics();
    p50Micros = latency.getPercentile(50);
    p99Micros = latency.getPercentile(99);
    p999Micros = latency.getPercentile(99.9);
    BenchmarkParams params = sample.getParams();
    jvm = params.getJdkVersion() + " " + params.getVmName();
  }

  private static Options options(Mode mode, TimeUnit unit, int forks, int iterations) {
    return new OptionsBuilder()
        .include(WarmDecision.class.getName() + ".decide")
        .mode(mode)
        .timeUnit(unit)
        .threads(1)
        .forks(forks)
        .warmupIterations(iterations)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(2))
        // The same heap cap as FC's smallest instance gets (see the footprint rows).
        .jvmArgsAppend("-Xmx96m")
        .shouldFailOnError(true)
        .build();
  }

  private static RunResult single(Options options) throws RunnerException {
    return new Runner(options).run().iterator().next();
  }
}
