package horde.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A JUnit 5 test that runs a load test: a {@link Test} tagged {@code load}, so a build can run load
 * tests apart from unit tests ({@code mvn test -Dgroups=load}, or {@code -DexcludedGroups=load} to
 * leave them out).
 *
 * <pre>{@code
 * @LoadTest
 * void chatHoldsTwentyUsers() throws Exception {
 *   RunResult result = Horde.run(scenario("chat")...build());
 *   HordeAssertions.assertThat(result).meetsCriteria();
 * }
 * }</pre>
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag(LoadTest.TAG)
public @interface LoadTest {
  /** The tag of every {@code @LoadTest}. */
  String TAG = "load";
}
