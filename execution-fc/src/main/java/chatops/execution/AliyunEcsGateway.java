package chatops.execution;

import chatops.config.AccessKey;
import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.BasicCredentials;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.RebootInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.RebootInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.StartInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.StartInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.StopInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.StopInstancesResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.http.CallBack;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.HttpClientConfig;
import com.aliyuncs.http.HttpRequest;
import com.aliyuncs.http.HttpResponse;
import com.aliyuncs.http.HttpUtil;
import com.aliyuncs.http.IHttpClient;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.policy.retry.RetryPolicy;
import com.aliyuncs.profile.DefaultProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link EcsGateway} over aliyun-java-sdk-ecs: the one class that touches the Alibaba Cloud SDK.
 *
 * <p>What the SDK (core 4.7.10) does that shapes this class: its Apache HTTP client is one JVM-wide
 * singleton configured by whichever client was built first, so timeouts are set on every request;
 * its exceptions carry no HTTP status, so a thin wrapper around that client notes it; its
 * connection-error messages quote the signed URL (security token included), so they are never
 * passed on; and {@code DEBUG=sdk} in the environment would log the string to sign, so that
 * switch is forced off.
 */
public final class AliyunEcsGateway implements EcsGateway {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  private static final Pattern INSTANCE_ID = Pattern.compile("^i-[a-z0-9]{1,64}$");
  private static final Pattern REGION = Pattern.compile("^[a-z]{2,}(-[a-z0-9]+)+$");
  /**
   * Real changes use SuccessFirst: each instance is changed or refused on its own and reported,
   * so one instance in the wrong state does not hold back the rest. Dry runs use AllTogether,
   * because ECS answers every SuccessFirst dry run with success without checking anything.
   */
  private static final String SUCCESS_FIRST = "SuccessFirst";
  private static final String ALL_TOGETHER = "AllTogether";
  private static final String DRY_RUN_OPERATION = "DryRunOperation";
  private static final String DESCRIBE = "DescribeInstances";
  /** Only names the client's home; every request carries its own RegionId. */
  private static final String PROFILE_REGION = "cn-hangzhou";

  static {
    HttpUtil.setIsHttpDebug(false);
    HttpUtil.setIsHttpContentDebug(false);
  }

  private final Supplier<AccessKey> credentials;
  private final String endpointHost;
  private final ProtocolType protocol;
  private final int connectMillis;
  private final int readMillis;
  private Connection connection;

  /**
   * @param credentials asked before every call; a different key (rotated STS credentials) builds a new client
   * @param endpointOverride {@code ECS_ENDPOINT} such as {@code http://127.0.0.1:8080}; empty = HTTPS
   *     to the region's own endpoint ({@code ecs.<region>.aliyuncs.com})
   */
  public AliyunEcsGateway(Supplier<AccessKey> credentials, Optional<String> endpointOverride,
      Duration connectTimeout, Duration readTimeout) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.connectMillis = Math.toIntExact(connectTimeout.toMillis());
    this.readMillis = Math.toIntExact(readTimeout.toMillis());
    if (endpointOverride.isPresent()) {
      URI uri = endpointUri(endpointOverride.get());
      this.endpointHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      this.protocol = uri.getScheme().equals("http") ? ProtocolType.HTTP : ProtocolType.HTTPS;
    } else {
      this.endpointHost = null;
      this.protocol = ProtocolType.HTTPS;
    }
  }

  public AliyunEcsGateway(Supplier<AccessKey> credentials, Optional<String> endpointOverride) {
    this(credentials, endpointOverride, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  @Override
  public InstancePage describe(String region, List<String> instanceIds) throws EcsException {
    List<String> ids = checkIds(instanceIds);
    DescribeInstancesRequest request = new DescribeInstancesRequest();
    request.setInstanceIds(jsonArray(ids));
    // The default page holds 10: instances past it would silently read as "not found".
    request.setPageSize(MAX_IDS);
    InstancePage page = page(send(DESCRIBE, request, checkRegion(region)));
    List<InstanceInfo> asked = new ArrayList<>();
    for (InstanceInfo instance : page.instances()) {
      if (ids.contains(instance.id())) asked.add(instance);
    }
    return new InstancePage(page.requestId(), asked, asked.size(), 1, MAX_IDS);
  }

  /**
   * DescribeInstances rather than DescribeInstanceStatus: the latter pages at most 50 (default 10)
   * so a poll of 51-100 IDs costs two calls, and it needs one more RAM action; the former answers
   * up to 100 IDs in one call, at the price of a larger body.
   */
  @Override
  public InstanceStatuses statuses(String region, List<String> instanceIds) throws EcsException {
    InstancePage page = describe(region, instanceIds);
    Map<String, String> statuses = new LinkedHashMap<>();
    for (InstanceInfo instance : page.instances()) statuses.put(instance.id(), instance.status());
    return new InstanceStatuses(page.requestId(), statuses);
  }

  @Override
  public ChangeResult change(ChangeKind kind, String region, List<String> instanceIds, boolean force, boolean dryRun)
      throws EcsException {
    List<String> ids = checkIds(instanceIds);
    String regionId = checkRegion(region);
    if (force && !kind.acceptsForce()) throw new IllegalArgumentException(kind + " has no forced variant");
    try {
      switch (kind) {
        case START:
          return started(send(kind.apiAction(), startRequest(ids, dryRun), regionId), dryRun);
        case STOP:
          return stopped(send(kind.apiAction(), stopRequest(ids, force, dryRun), regionId), dryRun);
        case REBOOT:
          return rebooted(send(kind.apiAction(), rebootRequest(ids, force, dryRun), regionId), dryRun);
        default:
          throw new IllegalArgumentException("unknown change " + kind);
      }
    } catch (EcsException e) {
      if (!dryRun || !e.code().equals(DRY_RUN_OPERATION)) throw e;
      List<InstanceChange> passed = new ArrayList<>();
      for (String id : ids) passed.add(InstanceChange.dryRunPassed(id));
      return new ChangeResult(kind, true, e.requestId().orElse("none"), passed);
    }
  }

  @Override
  public InstancePage list(String region, int pageNumber, int pageSize) throws EcsException {
    if (pageNumber < 1) throw new IllegalArgumentException("page numbers start at 1");
    if (pageSize < 1 || pageSize > MAX_IDS) throw new IllegalArgumentException("page size must be 1.." + MAX_IDS);
    DescribeInstancesRequest request = new DescribeInstancesRequest();
    request.setPageNumber(pageNumber);
    request.setPageSize(pageSize);
    return page(send(DESCRIBE, request, checkRegion(region)));
  }

  private static StartInstancesRequest startRequest(List<String> ids, boolean dryRun) {
    StartInstancesRequest request = new StartInstancesRequest();
    request.setInstanceIds(ids);
    request.setBatchOptimization(dryRun ? ALL_TOGETHER : SUCCESS_FIRST);
    request.setDryRun(dryRun);
    return request;
  }

  private static StopInstancesRequest stopRequest(List<String> ids, boolean force, boolean dryRun) {
    StopInstancesRequest request = new StopInstancesRequest();
    request.setInstanceIds(ids);
    request.setBatchOptimization(dryRun ? ALL_TOGETHER : SUCCESS_FIRST);
    request.setForceStop(force);
    request.setDryRun(dryRun);
    return request;
  }

  private static RebootInstancesRequest rebootRequest(List<String> ids, boolean force, boolean dryRun) {
    RebootInstancesRequest request = new RebootInstancesRequest();
    request.setInstanceIds(ids);
    request.setBatchOptimization(dryRun ? ALL_TOGETHER : SUCCESS_FIRST);
    request.setForceReboot(force);
    request.setDryRun(dryRun);
    return request;
  }

  private static ChangeResult started(StartInstancesResponse response, boolean dryRun) throws EcsException {
    List<InstanceChange> changes = new ArrayList<>();
    for (StartInstancesResponse.InstanceResponse r : orEmpty(response.getInstanceResponses())) {
      changes.add(change("StartInstances", r.getInstanceId(), r.getCode(), r.getMessage(),
          r.getPreviousStatus(), r.getCurrentStatus()));
    }
    return new ChangeResult(ChangeKind.START, dryRun, requestId("StartInstances", response.getRequestId()), changes);
  }

  private static ChangeResult stopped(StopInstancesResponse response, boolean dryRun) throws EcsException {
    List<InstanceChange> changes = new ArrayList<>();
    for (StopInstancesResponse.InstanceResponse r : orEmpty(response.getInstanceResponses())) {
      changes.add(change("StopInstances", r.getInstanceId(), r.getCode(), r.getMessage(),
          r.getPreviousStatus(), r.getCurrentStatus()));
    }
    return new ChangeResult(ChangeKind.STOP, dryRun, requestId("StopInstances", response.getRequestId()), changes);
  }

  private static ChangeResult rebooted(RebootInstancesResponse response, boolean dryRun) throws EcsException {
    List<InstanceChange> changes = new ArrayList<>();
    for (RebootInstancesResponse.InstanceResponse r : orEmpty(response.getInstanceResponses())) {
      changes.add(change("RebootInstances", r.getInstanceId(), r.getCode(), r.getMessage(),
          r.getPreviousStatus(), r.getCurrentStatus()));
    }
    return new ChangeResult(ChangeKind.REBOOT, dryRun, requestId("RebootInstances", response.getRequestId()), changes);
  }

  private static InstanceChange change(String action, String id, String code, String message, String before,
      String after) throws EcsException {
    if (id == null || code == null) throw unreadable(action, "an instance answer without InstanceId or Code");
    return new InstanceChange(id, code, message, before, after);
  }

  private static InstancePage page(DescribeInstancesResponse response) throws EcsException {
    List<InstanceInfo> instances = new ArrayList<>();
    for (DescribeInstancesResponse.Instance i : orEmpty(response.getInstances())) {
      if (i.getInstanceId() == null) throw unreadable(DESCRIBE, "an instance without InstanceId");
      instances.add(new InstanceInfo(i.getInstanceId(), i.getInstanceName(), i.getStatus(), i.getZoneId(),
          i.getInstanceType()));
    }
    return new InstancePage(requestId(DESCRIBE, response.getRequestId()), instances,
        orZero(response.getTotalCount()), orZero(response.getPageNumber()), orZero(response.getPageSize()));
  }

  private <T extends AcsResponse> T send(String action, AcsRequest<T> request, String region) throws EcsException {
    Connection current = connection();
    request.setSysRegionId(region);
    request.setSysAcceptFormat(FormatType.JSON);
    request.setSysProtocol(protocol);
    if (endpointHost != null) request.setSysEndpoint(endpointHost);
    request.setSysConnectTimeout(connectMillis);
    request.setSysReadTimeout(readMillis);
    current.statuses.forget();
    try {
      return current.client.getAcsResponse(request);
    } catch (ServerException e) {
      // Caught before its superclass: a 5xx whose body says nothing is still the server failing.
      throw fromSdk(action, e, current.statuses.last(), true);
    } catch (ClientException e) {
      throw fromSdk(action, e, current.statuses.last(), false);
    } catch (RuntimeException e) {
      throw unreadable(action, "the SDK failed with " + e.getClass().getSimpleName());
    } finally {
      current.statuses.forget();
    }
  }

  private static EcsException fromSdk(String action, ClientException e, int status, boolean serverSide) {
    String code = e.getErrCode() == null ? "" : e.getErrCode();
    if (code.equals("SDK.ReadTimeout")) {
      return new EcsException(action, EcsException.TIMEOUT, "no answer from ECS within the read timeout", null, 0);
    }
    if (code.equals("SDK.ServerUnreachable")) {
      return new EcsException(action, EcsException.CONNECTION_FAILED, "could not reach the ECS endpoint", null, 0);
    }
    if (code.isEmpty() || code.equals("(null)")) {
      // The SDK could not read an error body (not JSON); its message would quote that body.
      String message = "ECS answered HTTP " + status + " without a readable error";
      if (!serverSide) return new EcsException(action, EcsException.UNREADABLE_RESPONSE, message, null, status);
      boolean unavailable = status == 502 || status == 503 || status == 504;
      return new EcsException(action, unavailable ? EcsException.SERVICE_UNAVAILABLE : EcsException.INTERNAL_ERROR,
          message, null, status);
    }
    if (code.startsWith("SDK.")) {
      // The SDK's own failures: their messages may quote the signed URL, so only the code goes on.
      String cause = e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")";
      return new EcsException(action, EcsException.UNREADABLE_RESPONSE, "the SDK failed with " + code + cause, null, status);
    }
    return new EcsException(action, code, e.getErrMsg(), e.getRequestId(), status);
  }

  private synchronized Connection connection() {
    AccessKey key = Objects.requireNonNull(credentials.get(), "no credentials");
    if (connection == null || !connection.key.equals(key)) connection = new Connection(key, connectMillis, readMillis);
    return connection;
  }

  private static EcsException unreadable(String action, String what) {
    return new EcsException(action, EcsException.UNREADABLE_RESPONSE, what, null, 0);
  }

  private static String requestId(String action, String requestId) throws EcsException {
    if (requestId == null || requestId.isEmpty()) throw unreadable(action, "an answer without RequestId");
    return requestId;
  }

  private static List<String> checkIds(List<String> instanceIds) {
    if (instanceIds.isEmpty() || instanceIds.size() > MAX_IDS) {
      throw new IllegalArgumentException("1.." + MAX_IDS + " instance IDs per call, got " + instanceIds.size());
    }
    for (String id : instanceIds) {
      if (id == null || !INSTANCE_ID.matcher(id).matches()) throw new IllegalArgumentException("not an instance ID");
    }
    if (new HashSet<>(instanceIds).size() != instanceIds.size()) throw new IllegalArgumentException("repeated instance ID");
    return List.copyOf(instanceIds);
  }

  private static String checkRegion(String region) {
    // The region becomes part of the endpoint's host name: nothing but a region's shape may pass.
    if (region == null || !REGION.matcher(region).matches()) throw new IllegalArgumentException("not a region ID");
    return region;
  }

  /** IDs are checked against {@code i-[a-z0-9]+} first, so they need no JSON escaping. */
  private static String jsonArray(List<String> ids) {
    return "[\"" + String.join("\",\"", ids) + "\"]";
  }

  private static URI endpointUri(String endpoint) {
    try {
      URI uri = new URI(endpoint.trim());
      boolean plain = uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"));
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null && plain) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below without echoing the value
    }
    throw new IllegalArgumentException("ECS_ENDPOINT must look like http(s)://host[:port]");
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  /** One SDK client per access key: the SDK binds credentials to the client. */
  private static final class Connection {
    final AccessKey key;
    final DefaultAcsClient client;
    final StatusNotingHttpClient statuses;

    Connection(AccessKey key, int connectMillis, int readMillis) {
      this.key = key;
      DefaultProfile profile = DefaultProfile.getProfile(PROFILE_REGION);
      HttpClientConfig config = HttpClientConfig.getDefault();
      config.setProtocolType(ProtocolType.HTTPS);
      config.setConnectionTimeoutMillis(connectMillis);
      config.setReadTimeoutMillis(readMillis);
      config.setIgnoreSSLCerts(false);
      profile.setHttpClientConfig(config);
      AlibabaCloudCredentials sdkCredentials = key.securityToken().isPresent()
          ? new BasicSessionCredentials(key.id(), key.secret(), key.securityToken().get())
          : new BasicCredentials(key.id(), key.secret());
      this.client = new DefaultAcsClient(profile, new StaticCredentialsProvider(sdkCredentials));
      // We retry ourselves, inside the job's deadline and only for errors worth it (Retrier).
      client.setAutoRetry(false);
      client.setMaxRetryNumber(0);
      client.setSysRetryPolicy(RetryPolicy.none());
      this.statuses = new StatusNotingHttpClient(client.getHttpClient());
      client.setHttpClient(statuses);
    }
  }

  /**
   * Passes every call to the SDK's shared HTTP client and notes the answer's status for the calling
   * thread, because the SDK's exceptions drop it. Never closes the shared client.
   */
  private static final class StatusNotingHttpClient extends IHttpClient {
    private final IHttpClient shared;
    private final ThreadLocal<Integer> status = new ThreadLocal<>();

    StatusNotingHttpClient(IHttpClient shared) {
      this.shared = shared;
    }

    int last() {
      Integer value = status.get();
      return value == null ? 0 : value;
    }

    void forget() {
      status.remove();
    }

    @Override
    protected void init(HttpClientConfig config) {
      // the shared client was initialised when the SDK built it
    }

    @Override
    public HttpResponse syncInvoke(HttpRequest request) throws IOException, ClientException {
      HttpResponse response = shared.syncInvoke(request);
      status.set(response.getStatus());
      return response;
    }

    @Override
    public Future<HttpResponse> asyncInvoke(HttpRequest request, CallBack callback) throws IOException {
      throw new UnsupportedOperationException("the gateway only makes synchronous calls");
    }

    @Override
    public void ignoreSSLCertificate() {
      throw new UnsupportedOperationException("certificate checks stay on");
    }

    @Override
    public void restoreSSLCertificate() {
      // they were never off
    }

    @Override
    public boolean isSingleton() {
      return true;
    }

    @Override
    public void close() {
      // the shared client belongs to the SDK and every other client in this JVM
    }
  }
}
