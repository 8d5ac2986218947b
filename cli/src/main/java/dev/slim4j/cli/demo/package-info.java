/** The {@code demo} sub-command: the main job of slim4j shown end to end on a small model. */
package dev.slim4j.cli.demo;
