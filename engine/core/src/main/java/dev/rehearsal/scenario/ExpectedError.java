package dev.rehearsal.scenario;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What {@code expect_error} asks of a step: it must fail with an error that matches any one of {@code anyOf}.
 *
 * @param anyOf at least one alternative, in the order written
 */
public record ExpectedError(List<Alternative> anyOf) {

  public ExpectedError {
    anyOf = List.copyOf(anyOf);
    if (anyOf.isEmpty()) {
      throw new IllegalArgumentException("an expected error needs at least one alternative");
    }
  }

  /** {@code expect_error: TEXT}: a message containing the text, ignoring case. */
  public static ExpectedError text(String message) {
    return new ExpectedError(List.of(new Alternative(null, message)));
  }

  /** {@code expect_error: {class: CLASS}}. */
  public static ExpectedError of(ErrorClass errorClass) {
    return new ExpectedError(List.of(new Alternative(errorClass, null)));
  }

  /** For check names: {@code unique_violation or 'already exists'}. */
  public String describe() {
    return anyOf.stream().map(Alternative::describe).collect(Collectors.joining(" or "));
  }

  /**
   * One acceptable error: of a class, with a message containing a text (ignoring case), or both.
   *
   * @param errorClass null when any class will do
   * @param message null when any message will do
   */
  public record Alternative(ErrorClass errorClass, String message) {

    public Alternative {
      if (errorClass == null && message == null) {
        throw new IllegalArgumentException("an alternative needs a class or a message");
      }
    }

    /** {@code unique_violation}, {@code 'text'} or {@code unique_violation with 'text'}. */
    public String describe() {
      String text = message == null ? null : "'" + message + "'";
      return errorClass == null ? text : text == null ? errorClass.label() : errorClass.label() + " with " + text;
    }

    /** Whether an error of {@code found} class (null when none) with {@code text} matches. */
    public boolean matches(ErrorClass found, String text) {
      return (errorClass == null || errorClass == found)
          && (message == null || text.toLowerCase(java.util.Locale.ROOT)
              .contains(message.toLowerCase(java.util.Locale.ROOT)));
    }
  }

  /** Whether any alternative matches an error of {@code found} class (null when none) with {@code text}. */
  public boolean matches(ErrorClass found, String text) {
    Objects.requireNonNull(text, "text");
    return anyOf.stream().anyMatch(a -> a.matches(found, text));
  }
}
