package io.clockhealth.exporter.web;

/**
 * The one thing on the status page that needs script: the browser's clock against the host's, as
 * the Prometheus UI compares them. The host's time goes into the page as it is written; the browser
 * compares it with its own when the page runs and says so above a second.
 */
final class BrowserClockCheck {

  private BrowserClockCheck() {}

  /** Differences up to this are page-load latency, not a clock problem. */
  static final int THRESHOLD_SECONDS = 1;

  static final String ELEMENT_ID = "browser-clock";

  /** The page's one inline script; the Content-Security-Policy allows it by its hash. */
  static final String SCRIPT =
      "(function(){var e=document.getElementById('"
          + ELEMENT_ID
          + "');if(!e){return;}"
          + "var d=(Date.now()-Number(e.getAttribute('data-host-ms')))/1000;"
          + "if(!isFinite(d)||Math.abs(d)<="
          + THRESHOLD_SECONDS
          + "){return;}"
          + "var s=Math.abs(d).toFixed(0);"
          + "e.textContent='Detected '+s+' seconds time difference between your browser and this"
          + " host: the host\\u2019s clock is '+s+' s '+(d>0?'behind':'ahead of')"
          + "+' your browser\\u2019s.';"
          + "e.setAttribute('data-difference-seconds',(-d).toFixed(3));e.hidden=false;})();";

  /** The element the script fills, carrying the host's time now in Unix milliseconds. */
  static String element(long hostMillis) {
    return "<p id=\""
        + ELEMENT_ID
        + "\" class=\"bad\" hidden data-host-ms=\""
        + hostMillis
        + "\"></p>";
  }
}
