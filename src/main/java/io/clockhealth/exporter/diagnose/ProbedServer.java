package io.clockhealth.exporter.diagnose;

import io.clockhealth.exporter.model.ProbeReport;
import org.jspecify.annotations.Nullable;

/**
 * A time server the doctor was asked to probe ({@code --probe HOST}) and what came of it.
 *
 * @param target as given, {@code HOST[:PORT]}
 * @param report the probe's report; {@code null} when it was refused before asking
 * @param refused why it was not probed; {@code null} when it was
 */
public record ProbedServer(String target, @Nullable ProbeReport report, @Nullable String refused) {}
