package com.custompodautoscaler.core.shard;

import java.nio.charset.StandardCharsets;

/**
 * The shard of a CPA: a stable hash of its namespace and name, so that every replica, every version
 * and every restart puts a CPA in the same shard.
 */
public final class ShardKey {

  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private ShardKey() {}

  /** The shard, in {@code [0, shardCount)}, of CPA {@code name} in {@code namespace}. */
  public static int of(String namespace, String name, int shardCount) {
    if (shardCount < 1) {
      throw new IllegalArgumentException("shardCount must be at least 1, not " + shardCount);
    }
    return (int) Long.remainderUnsigned(hash(namespace + "/" + name), shardCount);
  }

  /**
   * How much {@code member} prefers {@code shard}: each member ranks the shards in its own order,
   * so that members taking free shards at the same moment mostly reach for different ones.
   */
  static long preference(String member, int shard) {
    return hash(member + "#" + shard);
  }

  /** FNV-1a over the UTF-8 bytes, then a finalizer that spreads nearby inputs over all bits. */
  static long hash(String text) {
    long hash = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    hash *= 0xc4ceb9fe1a85ec53L;
    hash ^= hash >>> 33;
    return hash;
  }
}
