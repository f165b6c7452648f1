package dev.rehearsal.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks {@code --shard I/N}: two whole numbers with 1 <= I <= N. */
final class ShardConverter implements ITypeConverter<String> {

  @Override
  public String convert(String value) {
    String[] parts = value.strip().split("/", -1);
    if (parts.length == 2 && parts[0].matches("[0-9]{1,6}") && parts[1].matches("[0-9]{1,6}")) {
      int index = Integer.parseInt(parts[0]);
      int count = Integer.parseInt(parts[1]);
      if (index >= 1 && index <= count) {
        return index + "/" + count;
      }
    }
    throw new TypeConversionException("'" + value + "' is not a shard — write I/N with 1 <= I <= N, e.g. 1/2");
  }
}
