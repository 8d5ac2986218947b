/**
 * {@code slim4j run}: reads inputs (.npy, .pb or random), runs a model with the runtime's
 * Session, prints and saves outputs. No op semantics here.
 */
package dev.slim4j.cli.run;
