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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * {@link EcsGateway} over aliyun-java-sdk-ecs: the one class that touches the Alibaba Cloud SDK.
 *
 * <p>What the SDK (core 4.7.10) does that shapes this class: its Apache HTTP client is one JVM-wide
 * singleton configured by whichever client was built first, so timeouts are set on every request;
 * its exceptions carry no HTTP status, so a thin wrapper around that client notes it; its
 * connection-error messages quote the signed URL (security token included), so they are never
 * passed on; it refuses any answer whose content type is not JSON or XML before reading it; and
 * {@code DEBUG=sdk} in the environment would log the string to sign, so that switch is forced off.
 */
public final class AliyunEcsGateway implements EcsGateway {
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Real changes use SuccessFirst: each instance is changed or refused on its own and reported,
   * so one instance in the wrong state does not hold back the rest. Dry runs use AllTogether,
   * because ECS answers every SuccessFirst dry run with success without checking anything.
   */
  private static final String SUCCESS_FIRST = "SuccessFirst";
  private static final String ALL_TOGETHER = "AllTogether";
  /**
   * How ECS says a dry run would have succeeded: the single-instance calls answer DryRunOperation,
   * the batch calls we make answer DRYRUN.SUCCESS (StartInstances' API reference); take either.
   */
  private static final Set<String> DRY_RUN_PASSED = Set.of("DryRunOperation", "DRYRUN.SUCCESS");
  private static final String DESCRIBE = "DescribeInstances";
  /** Only names the client's home; every request carries its own RegionId. */
  private static final String PROFILE_REGION = "cn-hangzhou";

  static {
    HttpUtil.setIsHttpDebug(false);
    HttpUtil.setIsHttpContentDebug(false);
  }

  private final Supplier<AccessKey> credentials;
  private final EcsEndpoint endpoint;
  private final int connectMillis;
  private final int readMillis;
  private Connection connection;

  /**
   * @param credentials asked before every call; a different key (rotated STS credentials) builds a new client
   * @param endpointOverride {@code ECS_ENDPOINT} such as {@code http://127.0.0.1:8080}; empty = HTTPS
   *     to the region's own endpoint, which the SDK resolves offline from its bundled table or the
   *     {@code ecs.<region>.aliyuncs.com} rule (cn-hangzhou: {@code ecs-cn-hangzhou.aliyuncs.com})
   */
  public AliyunEcsGateway(Supplier<AccessKey> credentials, Optional<String> endpointOverride,
      Duration connectTimeout, Duration readTimeout) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.endpoint = EcsEndpoint.from(endpointOverride);
    this.connectMillis = Math.toIntExact(connectTimeout.toMillis());
    this.readMillis = Math.toIntExact(readTimeout.toMillis());
  }

  public AliyunEcsGateway(Supplier<AccessKey> credentials, Optional<String> endpointOverride) {
    this(credentials, endpointOverride, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
  }

  @Override
  public InstancePage describe(String region, List<String> instanceIds) throws EcsException {
    InstanceBatch batch = InstanceBatch.of(region, instanceIds);
    DescribeInstancesRequest request = new DescribeInstancesRequest();
    request.setInstanceIds(batch.idsAsJsonArray());
    // The default page holds 10: instances past it would silently read as "not found".
    request.setPageSize(MAX_IDS);
    return page(send(DESCRIBE, request, batch.region())).only(batch.ids());
  }

  /**
   * DescribeInstances rather than DescribeInstanceStatus: the latter pages at most 50 (default 10)
   * so a poll of 51-100 IDs costs two calls, and it needs one more RAM action; the former answers
   * up to 100 IDs in one call, at the price of a larger body.
   */
  @Override
  public InstanceStatuses statuses(String region, List<String> instanceIds) throws EcsException {
    return InstanceStatuses.of(describe(region, instanceIds));
  }

  @Override
  public ChangeResult change(ChangeKind kind, String region, List<String> instanceIds, boolean force, boolean dryRun)
      throws EcsException {
    InstanceBatch batch = InstanceBatch.of(region, instanceIds);
    if (force && !kind.acceptsForce()) throw new IllegalArgumentException(kind + " has no forced variant");
    String mode = dryRun ? ALL_TOGETHER : SUCCESS_FIRST;
    try {
      switch (kind) {
        case START:
          return start(batch, mode, dryRun);
        case STOP:
          return stop(batch, mode, force, dryRun);
        case REBOOT:
          return reboot(batch, mode, force, dryRun);
        default:
          throw new IllegalArgumentException("unknown change " + kind);
      }
    } catch (EcsException e) {
      if (!dryRun || !DRY_RUN_PASSED.contains(e.code())) throw e;
      return ChangeResult.dryRunPassed(kind, e.requestId().orElse("none"), batch.ids());
    }
  }

  @Override
  public InstancePage list(String region, int pageNumber, int pageSize) throws EcsException {
    if (pageNumber < 1) throw new IllegalArgumentException("page numbers start at 1");
    if (pageSize < 1 || pageSize > MAX_IDS) throw new IllegalArgumentException("page size must be 1.." + MAX_IDS);
    DescribeInstancesRequest request = new DescribeInstancesRequest();
    request.setPageNumber(pageNumber);
    request.setPageSize(pageSize);
    return page(send(DESCRIBE, request, InstanceBatch.checkRegion(region)));
  }

  private ChangeResult start(InstanceBatch batch, String mode, boolean dryRun) throws EcsException {
    StartInstancesRequest request = new StartInstancesRequest();
    request.setInstanceIds(batch.ids());
    request.setBatchOptimization(mode);
    request.setDryRun(dryRun);
    StartInstancesResponse response = send(ChangeKind.START.apiAction(), request, batch.region());
    List<InstanceChange> changes = new ArrayList<>();
    for (StartInstancesResponse.InstanceResponse r : orEmpty(response.getInstanceResponses())) {
      changes.add(change(r.getInstanceId(), r.getCode(), r.getMessage(), r.getPreviousStatus(), r.getCurrentStatus()));
    }
    return result(ChangeKind.START, dryRun, response.getRequestId(), changes);
  }

  private ChangeResult stop(InstanceBatch batch, String mode, boolean force, boolean dryRun) throws EcsException {
    StopInstancesRequest request = new StopInstancesRequest();
    request.setInstanceIds(batch.ids());
    request.setBatchOptimization(mode);
    request.setForceStop(force);
    request.setDryRun(dryRun);
    StopInstancesResponse response = send(ChangeKind.STOP.apiAction(), request, batch.region());
    List<InstanceChange> changes = new ArrayList<>();
    for (StopInstancesResponse.InstanceResponse r : orEmpty(response.getInstanceResponses())) {
      changes.add(change(r.getInstanceId(), r.getCode(), r.getMessage(), r.getPreviousStatus(), r.getCurrentStatus()));
    }
    return result(ChangeKind.STOP, dryRun, response.getRequestId(), changes);
  }

  private ChangeResult reboot(InstanceBatch batch, String mode, boolean force, boolean dryRun) throws EcsException {
    RebootInstancesRequest request = new RebootInstancesRequest();
    request.setInstanceIds(batch.ids());
    request.setBatchOptimization(mode);
    request.setForceReboot(force);
    request.setDryRun(dryRun);
    RebootInstancesResponse response = send(ChangeKind.REBOOT.apiAction(), request, batch.region());
    List<InstanceChange> changes = new ArrayList<>();
    for (RebootInstancesResponse.InstanceResponse r : orEmpty(response.getInstanceResponses())) {
      changes.add(change(r.getInstanceId(), r.getCode(), r.getMessage(), r.getPreviousStatus(), r.getCurrentStatus()));
    }
    return result(ChangeKind.REBOOT, dryRun, response.getRequestId(), changes);
  }

  /** Null when ECS left out the instance or its code: {@link #result} then refuses the whole answer. */
  private static InstanceChange change(String id, String code, String message, String before, String after) {
    return id == null || code == null ? null : new InstanceChange(id, code, message, before, after);
  }

  private static ChangeResult result(ChangeKind kind, boolean dryRun, String requestId, List<InstanceChange> changes)
      throws EcsException {
    if (changes.contains(null)) throw unreadable(kind.apiAction(), "an instance answer without InstanceId or Code");
    return new ChangeResult(kind, dryRun, requestId(kind.apiAction(), requestId), changes);
  }

  private static InstancePage page(DescribeInstancesResponse response) throws EcsException {
    List<InstanceInfo> instances = new ArrayList<>();
    for (DescribeInstancesResponse.Instance i : orEmpty(response.getInstances())) {
      if (i.getInstanceId() == null) throw unreadable(DESCRIBE, "an instance without InstanceId");
      instances.add(new InstanceInfo(i.getInstanceId(), i.getInstanceName(), i.getStatus(), i.getZoneId(),
          i.getInstanceType(), EcsTimestamp.parse(i.getStartTime()).orElse(null)));
    }
    return new InstancePage(requestId(DESCRIBE, response.getRequestId()), instances,
        orZero(response.getTotalCount()), orZero(response.getPageNumber()), orZero(response.getPageSize()));
  }

  private <T extends AcsResponse> T send(String action, AcsRequest<T> request, String region) throws EcsException {
    Connection current = connection();
    request.setSysRegionId(region);
    request.setSysAcceptFormat(FormatType.JSON);
    request.setSysProtocol(endpoint.https() ? ProtocolType.HTTPS : ProtocolType.HTTP);
    endpoint.override().ifPresent(request::setSysEndpoint);
    request.setSysConnectTimeout(connectMillis);
    request.setSysReadTimeout(readMillis);
    current.statuses.forget();
    try {
      return current.client.getAcsResponse(request);
    } catch (ClientException e) {
      // One catch for both: the SDK raises its ServerException only for a readable 5xx body, so the
      // noted HTTP status, not the exception's class, says whether the server side failed.
      throw SdkFailure.read(action, e.getErrCode(), e.getErrMsg(), e.getRequestId(), e.getCause(),
          current.statuses.last());
    } catch (RuntimeException e) {
      throw unreadable(action, "the SDK failed with " + e.getClass().getSimpleName());
    } finally {
      current.statuses.forget();
    }
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
      // We retry ourselves, inside the job's deadline and only for errors worth it (Retrier). Only the
      // retry policy counts in 4.7.10 (setAutoRetry/setMaxRetryNumber are deprecated no-ops); none() is
      // its default, set here so a later SDK default cannot retry behind our back.
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
    protected void init(HttpClientConfig config) {} // the shared client was initialised when the SDK built it

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
    @Deprecated
    public void ignoreSSLCertificate() {
      throw new UnsupportedOperationException("certificate checks stay on");
    }

    @Override
    @Deprecated
    public void restoreSSLCertificate() {} // they were never off

    @Override
    public boolean isSingleton() {
      return true;
    }

    @Override
    public void close() {} // the shared client serves every SDK client in this JVM
  }
}
