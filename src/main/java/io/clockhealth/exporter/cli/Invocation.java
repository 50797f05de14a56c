package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.exec.ToolLeftovers;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * One run of the program, as every command sees it: its standard streams, and what it may do with
 * the processes its tools leave behind (adopt and end them as the exporter, leave them alone in a
 * test's JVM).
 */
record Invocation(
    InputStream stdin, PrintStream stdout, PrintStream stderr, ToolLeftovers leftovers) {}
