package io.clockhealth.exporter.diagnose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Findings for machines: {@code {"worst": ..., "findings": [{id, severity, ...}]}}. */
public final class FindingsJson {

  private static final JsonFactory JSON = new JsonFactory();

  private FindingsJson() {}

  public static void write(List<Finding> findings, OutputStream out) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("worst", Doctor.worst(findings).label());
      g.writeArrayFieldStart("findings");
      for (Finding f : findings) {
        g.writeStartObject();
        g.writeStringField("id", f.id());
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("subject", f.subject());
        g.writeStringField("summary", f.summary());
        g.writeStringField("evidence", f.evidence());
        g.writeStringField("why", f.why());
        g.writeStringField("fix", f.fix());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
    out.flush();
  }
}
