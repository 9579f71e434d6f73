/**
 * An emulator of the Alibaba Cloud ECS RPC API (2014-05-26, JSON) for tests and the local stack;
 * {@link chatops.local.ecs.EcsEmulator} is the entry point.
 *
 * <p>What it checks, in order, with Alibaba's codes: HTTP method (GET/POST) and path; parameter
 * encoding and repeated names; {@code Format}, {@code Action}, {@code Version}; the access key; the
 * signature method and version; {@code Timestamp} format and the 15-minute window; the STS token
 * (missing, foreign, unknown, expired); the v1 signature; the nonce. Then each action checks its
 * parameters, the region, the instances and their states.
 *
 * <p>What it does not model: answers in XML (a request asking for XML is answered in JSON), the v3
 * (ACS3-HMAC-SHA256) signature, RAM permissions ({@code Forbidden.RAM}), security locks, billing,
 * {@code MaxResults}/{@code NextToken} paging, and every parameter of the describe calls except
 * {@code InstanceIds}, {@code Tag.N}, {@code Status}, {@code ZoneId} and paging (others are ignored,
 * as unknown parameters are by the real service).
 */
package chatops.local.ecs;
