/** Training on the graph IR: data sets, losses, optimizers, schedules, gradient rules, the trainer loop. */
package dev.slim4j.train;
