package com.custompodautoscaler.core.shard;

import java.util.Objects;

/**
 * A shard's lease as one replica sees it, and which replica, if any, has asked its holder to hand
 * it over ({@code ""} for none).
 */
public record ShardView(LeaseView lease, String requestedBy) {

  public ShardView {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(requestedBy, "requestedBy");
  }
}
