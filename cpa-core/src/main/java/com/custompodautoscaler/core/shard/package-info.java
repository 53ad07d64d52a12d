/**
 * How the replicas of an autoscaler host divide hosted CPAs among themselves, as pure rules: a CPA
 * belongs to one of a fixed number of shards, each shard is held through a lease by at most one
 * replica, and a replica acts on a shard's CPAs only while its hold is certainly current.
 */
package com.custompodautoscaler.core.shard;
