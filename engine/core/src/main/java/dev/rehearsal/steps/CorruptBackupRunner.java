package dev.rehearsal.steps;

import dev.rehearsal.scenario.CorruptBackupStep;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/** {@code corrupt_backup}: flips one byte in the middle of a backup file, or cuts it in half. */
final class CorruptBackupRunner implements StepRunner<CorruptBackupStep> {

  @Override
  public String keyword() {
    return CorruptBackupStep.KEYWORD;
  }

  @Override
  public Class<CorruptBackupStep> stepType() {
    return CorruptBackupStep.class;
  }

  @Override
  public StepOutcome run(CorruptBackupStep step, StepContext context) {
    Path file = context.backup(step.label()).orElseThrow(() -> new StepFailure("backup '" + step.label()
        + "' was not written: the step that writes it did not run or failed"));
    try (RandomAccessFile data = new RandomAccessFile(file.toFile(), "rw")) {
      long length = data.length();
      if (step.truncate()) {
        data.setLength(length / 2);
        return StepOutcome.done("truncated " + file.getFileName() + " from " + length + " to " + length / 2
            + " bytes");
      }
      long middle = length / 2;
      data.seek(middle);
      int b = data.read();
      data.seek(middle);
      data.write(b ^ 0xff);
      return StepOutcome.done("flipped byte " + middle + " of " + file.getFileName());
    } catch (IOException e) {
      throw new StepFailure("cannot damage " + file + ": " + e.getMessage(), e);
    }
  }
}
