/** Sessions: compile a model into an execution order, check inputs, run nodes. Imports ir and tensor. */
package dev.slim4j.runtime;
