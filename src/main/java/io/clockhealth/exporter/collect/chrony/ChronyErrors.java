package io.clockhealth.exporter.collect.chrony;

import io.clockhealth.exporter.parse.ToolError;
import io.clockhealth.exporter.parse.ToolErrorDetector;

/**
 * chronyc's 5xx replies and its own connection failures ({@link ChronyErrorReply}) as the tool's
 * error detector. 506 and "Could not open connection to daemon" mean chronyd did not answer; the
 * other replies came from a live chronyd.
 */
public final class ChronyErrors {

  private static final String CANNOT_TALK_TO_DAEMON = "506";

  /** The first chronyc error reply in an output. */
  public static final ToolErrorDetector DETECTOR =
      output ->
          ChronyErrorReply.find(output)
              .map(
                  reply -> {
                    String code = String.valueOf(reply.code());
                    boolean answered =
                        reply.code() != ChronyErrorReply.NO_REPLY
                            && !CANNOT_TALK_TO_DAEMON.equals(code);
                    return new ToolError(code, reply.line(), reply.lineNumber(), answered);
                  });

  private ChronyErrors() {}
}
