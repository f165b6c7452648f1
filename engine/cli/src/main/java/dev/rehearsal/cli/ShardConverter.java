package dev.rehearsal.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks {@code --shard I/N}: two whole numbers with 1 <= I <= N. */
final class ShardConverter implements ITypeConverter<String> {

  @Override
  public String convert(String value) {
    try {
      return dev.rehearsal.junit.Shard.parse(value).toString();
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
