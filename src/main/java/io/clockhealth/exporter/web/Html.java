package io.clockhealth.exporter.web;

import java.io.PrintWriter;

/** Escaping for text placed in HTML: source names and tool output are not ours to trust. */
final class Html {

  private Html() {}

  /** A two-cell table row, both cells escaped. */
  static void row(PrintWriter out, String name, String value) {
    out.printf("<tr><th>%s</th><td>%s</td></tr>%n", escape(name), escape(value));
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
