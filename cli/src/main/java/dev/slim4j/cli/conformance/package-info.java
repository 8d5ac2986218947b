/**
 * {@code slim4j conformance}: ONNX backend test data as the runtime's conformance suite. Test
 * discovery, one runner per test with a time limit, output comparison with ONNX's tolerances, and
 * the report. Uses the onnx reader and the runtime's Session; holds no op semantics.
 */
package dev.slim4j.cli.conformance;
