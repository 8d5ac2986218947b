/**
 * The {@code zoo} sub-command: lists the zoo models and builds trained ones reproducibly (a fixed recipe
 * per model run through {@code train}), cached per user so later issues and tests train each only once.
 */
package dev.slim4j.cli.zoo;
