package io.clockhealth.exporter.cli;

import io.clockhealth.exporter.config.ConfigException;
import io.clockhealth.exporter.config.ExporterSettings;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;

/**
 * A subcommand that collects once with the collection flags ({@code textfile}, {@code doctor}): it
 * resolves them, or says in one line which setting is wrong.
 */
abstract class CollectingCommand implements Callable<Integer> {

  @Mixin CollectionOptions collection = new CollectionOptions();

  final Invocation io;

  CollectingCommand(Invocation io) {
    this.io = io;
  }

  /** The settings, or {@code null} once the configuration error is printed. */
  final @Nullable ExporterSettings settingsOrReport(String command) {
    try {
      return collection.resolve();
    } catch (ConfigException e) {
      io.stderr().println(command + ": configuration error: " + e.getMessage());
      return null;
    }
  }
}
