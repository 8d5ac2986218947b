/**
 * Passes: named functions from {@link dev.slim4j.ir.Graph} to Graph, composed by a
 * {@link dev.slim4j.ir.pass.PassManager} that can verify the graph after each. The generic ones live
 * here (type inference, dead-node and identity elimination, constant folding, topological sort);
 * technique-specific passes live in their own modules. Nothing here evaluates ops itself: folding
 * takes an {@link dev.slim4j.ir.pass.OpEvaluator} from outside. Must not import runtime or kernels.
 */
package dev.slim4j.ir.pass;
