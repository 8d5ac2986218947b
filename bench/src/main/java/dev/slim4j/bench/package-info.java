/**
 * JMH benchmarks and quick measurements of the kernels. Uses only the public kernels API; never shipped.
 */
package dev.slim4j.bench;
