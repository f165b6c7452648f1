package dev.rehearsal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is replaced whole, through a temporary file of its own, and no link planted in the directory is followed. */
class AtomicFileTest {

  @TempDir
  Path temp;

  @Test
  void aLinkPlantedAtTheOldTemporaryNameIsNotFollowed() throws IOException {
    Path reports = Files.createDirectories(temp.resolve("reports"));
    Path victim = Files.writeString(temp.resolve("victim.txt"), "precious\n");
    Files.createSymbolicLink(reports.resolve(".summary.json.tmp"), victim);

    AtomicFile.writeString(reports.resolve("summary.json"), "{}\n");

    assertEquals("precious\n", Files.readString(victim));
    assertEquals("{}\n", Files.readString(reports.resolve("summary.json")));
  }

  @Test
  void aLinkAtTheTargetIsReplacedNotWrittenThrough() throws IOException {
    Path victim = Files.writeString(temp.resolve("victim.txt"), "precious\n");
    Path target = Files.createSymbolicLink(temp.resolve("summary.json"), victim);

    AtomicFile.writeString(target, "{}\n");

    assertEquals("precious\n", Files.readString(victim));
    assertFalse(Files.isSymbolicLink(target));
    assertEquals("{}\n", Files.readString(target));
  }

  @Test
  void writersOfTheSameFileAtOnceNeverFailAndNeverMix() throws Exception {
    Path target = temp.resolve("summary.json");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> writes = new ArrayList<>();
    for (int writer = 0; writer < 4; writer++) {
      String text = String.valueOf((char) ('a' + writer)).repeat(100_000);
      writes.add(pool.submit(() -> {
        for (int i = 0; i < 50; i++) {
          AtomicFile.writeString(target, text);
        }
        return null;
      }));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    pool.shutdown();

    String content = Files.readString(target);
    assertEquals(100_000, content.length());
    assertEquals(1, content.chars().distinct().count(), "one writer's content, whole");
    try (Stream<Path> files = Files.list(temp)) {
      assertEquals(List.of("summary.json"), files.map(p -> p.getFileName().toString()).toList(),
          "no temporary file is left");
    }
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
    Path target = Files.writeString(temp.resolve("summary.json"), "old\n");

    IOException failure = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
        () -> AtomicFile.write(target, out -> {
          out.write("half".getBytes());
          throw new IOException("disk full");
        }));

    assertEquals("disk full", failure.getMessage());
    assertEquals("old\n", Files.readString(target));
    try (Stream<Path> files = Files.list(temp)) {
      assertTrue(files.allMatch(target::equals));
    }
  }
}
