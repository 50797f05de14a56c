package io.clockhealth.exporter.parse;

/**
 * A tool's own error message, recognised in its output (e.g. chronyc {@code 506 Cannot talk to
 * daemon}, ntpq {@code ***Request timed out}, timedatectl {@code Failed to connect to bus}).
 *
 * @param code a short identifier of the error for callers that react to one kind (chrony's reply
 *     code such as {@code 501}); free-form per tool
 * @param line the tool's words, as printed
 * @param lineNumber the 1-based line of the output the message is on
 * @param daemonAnswered whether the daemon itself produced the error (it is up but refused), as
 *     opposed to the tool failing to reach it
 */
public record ToolError(String code, String line, int lineNumber, boolean daemonAnswered) {}
