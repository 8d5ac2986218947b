/**
 * Classification metrics accumulated over batches of logits and labels: top-k accuracy, per-class
 * accuracy and the confusion matrix. Ties between equal scores go to the lower class index, as in an
 * argmax. Depends only on {@code dev.slim4j.tensor}.
 */
package dev.slim4j.train.metric;
