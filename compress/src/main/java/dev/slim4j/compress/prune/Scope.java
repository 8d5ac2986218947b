package dev.slim4j.compress.prune;

/** Where a pruning ratio applies: to every group alike, or to one ranking of all channels of all groups. */
public enum Scope { PER_GROUP, GLOBAL }
