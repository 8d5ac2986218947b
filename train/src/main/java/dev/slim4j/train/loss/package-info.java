/**
 * Loss functions and penalties for training. Each returns its value and its gradient with respect
 * to its input (logits, predictions or weights), computed in double precision; batch losses are
 * means over the batch. Depends only on {@code dev.slim4j.tensor}.
 */
package dev.slim4j.train.loss;
