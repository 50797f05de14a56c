package io.clockhealth.exporter.collect;

import io.clockhealth.exporter.parse.ParseException;

/** Parses one command's stdout into a value. */
@FunctionalInterface
public interface OutputParser<T> {

  T parse(String text) throws ParseException;
}
