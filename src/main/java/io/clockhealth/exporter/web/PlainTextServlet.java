package io.clockhealth.exporter.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** {@code /-/healthy} and {@code /-/ready}: 200 with a word while the condition holds, else 503. */
final class PlainTextServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private final transient BooleanSupplier condition;
  private final String okText;
  private final String failText;

  PlainTextServlet(BooleanSupplier condition, String okText, String failText) {
    this.condition = condition;
    this.okText = okText;
    this.failText = failText;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean ok = condition.getAsBoolean();
    response.setStatus(ok ? 200 : 503);
    response.setContentType("text/plain; charset=utf-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().println(ok ? okText : failText);
  }
}
