package io.clockhealth.exporter.cli;

public final class Main {
  public static void main(String[] args) {}
}
