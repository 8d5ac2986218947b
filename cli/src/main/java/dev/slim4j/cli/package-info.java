/**
 * The {@code slim4j} command line: {@link dev.slim4j.cli.Main}, the typed argument parser and one
 * sub-package per sub-command. The Java API does everything the CLI does; this package only parses
 * arguments and prints reports.
 */
package dev.slim4j.cli;
