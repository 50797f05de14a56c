package io.clockhealth.exporter.exec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds an executable the way a shell would: a name with a slash as is, otherwise on PATH. */
public final class ExecutableResolver {

  private final String searchPath;

  public ExecutableResolver() {
    this(System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
  }

  public ExecutableResolver(String searchPath) {
    this.searchPath = searchPath;
  }

  /** The executable file for {@code name}, if one exists and may be executed. */
  public Optional<Path> resolve(String name) {
    if (name.contains("/")) {
      Path path = Path.of(name);
      return Files.isRegularFile(path) && Files.isExecutable(path)
          ? Optional.of(path)
          : Optional.empty();
    }
    for (String dir : searchPath.split(Pattern.quote(File.pathSeparator), -1)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** True when {@code name} names a file that exists but lacks execute permission. */
  public boolean existsButNotExecutable(String name) {
    if (!name.contains("/")) {
      return false;
    }
    Path path = Path.of(name);
    return Files.exists(path) && !(Files.isRegularFile(path) && Files.isExecutable(path));
  }
}
