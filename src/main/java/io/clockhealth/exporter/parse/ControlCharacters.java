package io.clockhealth.exporter.parse;

import org.jspecify.annotations.Nullable;

/**
 * Makes untrusted text (tool output, captured input) safe to log: C0 controls, DEL and C1 controls
 * become {@code \xNN}, so output cannot move the cursor, recolour the terminal, set its title or
 * forge a line (CR, ESC, CSI U+009B, NEL U+0085).
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  public static @Nullable String escape(@Nullable String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
      if (control) {
        if (out == null) {
          out = new StringBuilder(text.length() + 8).append(text, 0, i);
        }
        out.append(String.format("\\x%02X", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
