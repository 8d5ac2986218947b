/**
 * Pattern rewriting: a {@link dev.slim4j.ir.rewrite.Rule} pairs a {@link dev.slim4j.ir.rewrite.Pattern}
 * (a small tree of ops rooted at one node) with a {@link dev.slim4j.ir.rewrite.Replacement} (the nodes
 * and new initializers computing the root's outputs); {@link dev.slim4j.ir.rewrite.ApplyRewrites} applies
 * a list of rules to a fixpoint. A new fusion is one rule. Depends on ir only; must not import runtime or kernels.
 */
package dev.slim4j.ir.rewrite;
