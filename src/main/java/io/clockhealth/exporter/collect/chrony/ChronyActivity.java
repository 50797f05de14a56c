package io.clockhealth.exporter.collect.chrony;

/**
 * {@code chronyc activity}: how many sources are online and offline ({@code chronyc online}/{@code
 * offline}, or chronyd's own {@code auto_offline}), in chronyd's five counts.
 *
 * @param online sources online
 * @param offline sources offline
 * @param burstReturningOnline sources in a burst, online again after it
 * @param burstReturningOffline sources in a burst, offline again after it
 * @param unknownAddress sources whose name is not resolved yet
 */
public record ChronyActivity(
    int online,
    int offline,
    int burstReturningOnline,
    int burstReturningOffline,
    int unknownAddress) {}
