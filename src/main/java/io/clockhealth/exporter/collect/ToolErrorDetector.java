package io.clockhealth.exporter.collect;

import java.util.Optional;

/** Recognises one tool's error messages in its combined stdout and stderr. */
@FunctionalInterface
public interface ToolErrorDetector {

  Optional<ToolError> find(String output);
}
