package io.clockhealth.exporter.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** {@code /-/healthy} and {@code /-/ready}: 200 with a word while the condition holds, else 503. */
final class PlainTextServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient BooleanSupplier condition;
  private final String word;

  /** Answers {@code word} while {@code condition} holds, else "Not " and the word. */
  PlainTextServlet(BooleanSupplier condition, String word) {
    this.condition = condition;
    this.word = word;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean ok = condition.getAsBoolean();
    response.setStatus(ok ? 200 : 503);
    response.setContentType("text/plain; charset=utf-8");
    response.getWriter().println(ok ? word : "Not " + word.toLowerCase(Locale.ROOT));
  }
}
