package io.clockhealth.exporter.diagnose;

/**
 * One thing the doctor found.
 *
 * @param id stable across versions (alerts and scripts may match it), e.g. {@code offset-high}
 * @param severity how bad it is
 * @param subject what it is about: {@code host}, a daemon, or {@code daemon source}
 * @param summary what is wrong, one sentence
 * @param evidence the value or the tool's own words it rests on, with unit and sign spelled out
 * @param why what breaks because of it
 * @param fix the commands or config lines that fix it, and what they do
 */
public record Finding(
    String id,
    Severity severity,
    String subject,
    String summary,
    String evidence,
    String why,
    String fix) {}
