package chatops.local.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API action: checks its parameters, does its work, and returns the answer's fields. */
interface EcsAction {
  /** The fields that follow {@code RequestId} in a successful answer. */
  ObjectNode answer(RpcParameters params) throws Rejection;
}
