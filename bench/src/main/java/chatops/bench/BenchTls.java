package chatops.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS for the stand-in FC endpoint, since the real one is {@code https://}: a fresh RSA 2048 key
 * and self-signed certificate for 127.0.0.1 (made with the JDK's keytool), and for the measured
 * JVM a copy of the JDK's own trust store with that certificate added, so it loads as many
 * certificates as it would in production.
 */
final class BenchTls {
  private static final String PASSWORD = "changeit";

  final SSLSocketFactory serverSockets;
  final Path trustStore;

  private BenchTls(SSLSocketFactory serverSockets, Path trustStore) {
    this.serverSockets = serverSockets;
    this.trustStore = trustStore;
  }

  static BenchTls create(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
    Path server = dir.resolve("fc-server.p12");
    Path certificate = dir.resolve("fc-server.cer");
    Path trust = dir.resolve("trust.p12");
    keytool("-genkeypair", "-alias", "fc", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", server.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-alias", "fc", "-keystore", server.toString(), "-storepass", PASSWORD,
        "-file", certificate.toString());
    Files.copy(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"), trust);
    trust.toFile().setWritable(true);
    keytool("-importcert", "-noprompt", "-alias", "bench-fc", "-file", certificate.toString(),
        "-keystore", trust.toString(), "-storepass", PASSWORD);

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(server)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(managers.getKeyManagers(), null, null);
    return new BenchTls(context.getSocketFactory(), trust);
  }

  /** The measured JVM's flags: trust what it would trust in production, plus the stand-in. */
  List<String> clientFlags() {
    return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
  }
}
