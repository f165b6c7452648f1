package dev.rehearsal.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that need the MariaDB server. Outside CI they are skipped, with one line saying why, when the server
 * cannot be reached; with {@code CI=true} they fail instead, so a CI run never passes without them.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MariadbServer.class)
@Tag("mariadb")
public @interface RequiresMariadb {
}
